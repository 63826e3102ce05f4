import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics, served by every service at GET /metrics. One registry per
 * process; the service name is a default label, set when the service starts.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const httpRequestDuration = new Histogram({
  name: 'talentloop_http_request_duration_seconds',
  help: 'HTTP requests by method, route (the template, not the path) and status code',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

export const eventsAppended = new Counter({
  name: 'talentloop_events_appended_total',
  help: 'Domain events appended to the event store by this process, by event type',
  labelNames: ['type'] as const,
  registers: [metricsRegistry],
});

export const messagesConsumed = new Counter({
  name: 'talentloop_messages_consumed_total',
  help: 'Bus messages taken off a topic, by consumer group, topic and outcome (handled, dead-lettered, interrupted)',
  labelNames: ['group', 'topic', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const messagesDeadLettered = new Counter({
  name: 'talentloop_messages_dead_lettered_total',
  help: 'Bus messages that failed for good and went to a dead-letter topic, by consumer group and topic',
  labelNames: ['group', 'topic'] as const,
  registers: [metricsRegistry],
});

export type LagKind = 'relay' | 'consumer' | 'projection';

/** Reads one lag figure when Prometheus scrapes (or readiness asks). */
export type LagReader = () => Promise<number>;

const lagSources = new Map<LagKind, Map<string, LagReader>>([
  ['relay', new Map()],
  ['consumer', new Map()],
  ['projection', new Map()],
]);

/**
 * Registers a lag to report under `kind` and `name` (a relay, a consumer group, a
 * projection); returns the function that removes it (call it when the source stops).
 */
export const registerLag = (kind: LagKind, name: string, read: LagReader): (() => void) => {
  const sources = lagSources.get(kind)!;
  sources.set(name, read);
  return () => {
    if (sources.get(name) === read) sources.delete(name);
  };
};

/** Every registered lag, read now; a source that cannot answer is left out. */
export const readLags = async (
  only?: LagKind,
): Promise<{ kind: LagKind; name: string; value: number }[]> => {
  const kinds = [...lagSources].filter(([kind]) => only === undefined || kind === only);
  const reads = kinds.flatMap(([kind, sources]) =>
    [...sources].map(async ([name, read]) => {
      try {
        return { kind, name, value: await read() };
      } catch {
        return undefined;
      }
    }),
  );
  return (await Promise.all(reads)).filter((lag) => lag !== undefined);
};

const lagGauge = (kind: LagKind, name: string, help: string, label: string) =>
  new Gauge({
    name,
    help,
    labelNames: [label],
    registers: [metricsRegistry],
    async collect() {
      this.reset();
      for (const lag of await readLags(kind)) this.set({ [label]: lag.name }, lag.value);
    },
  });

lagGauge(
  'relay',
  'talentloop_relay_lag_events',
  "Events of this service's context in the event store not yet published to the bus",
  'relay',
);
lagGauge(
  'consumer',
  'talentloop_consumer_lag_messages',
  'Messages on the subscribed topics not yet committed by the consumer group',
  'group',
);
lagGauge(
  'projection',
  'talentloop_projection_lag_events',
  'Events in the event store a read model has not yet applied',
  'projection',
);

/** Names the service in every metric. */
export const labelMetricsWithService = (service: string): void =>
  metricsRegistry.setDefaultLabels({ service });
