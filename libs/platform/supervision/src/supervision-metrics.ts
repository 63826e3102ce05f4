import { metricsRegistry } from '@talentloop/observability';
import { Counter, Gauge } from 'prom-client';

export const loopUp = new Gauge({
  name: 'talentloop_loop_up',
  help: 'Whether a background loop (relay, consumer, projection) is running: 1 up, 0 down, by loop',
  labelNames: ['loop'] as const,
  registers: [metricsRegistry],
});

export const loopRestarts = new Counter({
  name: 'talentloop_loop_restarts_total',
  help: 'Times a background loop was started again after it failed, by loop',
  labelNames: ['loop'] as const,
  registers: [metricsRegistry],
});
