import { integerIn, stringOr } from '@talentloop/config';
import { eventStoreConfigFromEnv } from '@talentloop/event-store';
import { messageBusConfigFromEnv, topologyConfigFromEnv } from '@talentloop/messaging';
import { loggingConfigFromEnv, telemetryConfigFromEnv } from '@talentloop/observability';
import { subjectKeyStoreConfigFromEnv } from '@talentloop/privacy';
import { readModelStoreConfigFromEnv } from '@talentloop/read-models';
import {
  DEFAULT_DOWN_READY_THRESHOLD_MS,
  DEFAULT_RESTART_BACKOFF,
  type BackoffPolicy,
} from '@talentloop/supervision';
import { authConfigFromEnv } from './auth/auth.config';
import { DEFAULT_IDLE_COMPACTION, type IdleCompactionSettings } from './heap';
import { httpConfigFromEnv } from './http.config';

/**
 * LOOP_DOWN_READY_THRESHOLD_MS: how long a background loop (relay, consumer, projection) may
 * be down, while it is being restarted, before the service reports itself not ready.
 */
export const loopDownReadyThresholdMsFromEnv = (env: NodeJS.ProcessEnv): number =>
  integerIn(
    env,
    'LOOP_DOWN_READY_THRESHOLD_MS',
    { min: 0, max: 3_600_000 },
    DEFAULT_DOWN_READY_THRESHOLD_MS,
  );

/**
 * LOOP_RESTART_MAX_BACKOFF_MS: the longest wait before a failed background loop is started
 * again. The wait is drawn at random below a ceiling that starts at 250 ms (or this, when
 * smaller) and doubles with each failure in a row, up to this; 30000 by default.
 */
export const loopRestartBackoffFromEnv = (env: NodeJS.ProcessEnv): BackoffPolicy => {
  const maxMs = integerIn(
    env,
    'LOOP_RESTART_MAX_BACKOFF_MS',
    { min: 10, max: 3_600_000 },
    DEFAULT_RESTART_BACKOFF.maxMs,
  );
  return { initialMs: Math.min(DEFAULT_RESTART_BACKOFF.initialMs, maxMs), maxMs };
};

/**
 * HEAP_COMPACT_IDLE_MS: how long a service waits, idle, before compacting a heap a burst left
 * large (see compactWhenIdle); 0 turns it off.
 */
export const idleCompactionFromEnv = (env: NodeJS.ProcessEnv): IdleCompactionSettings => ({
  ...DEFAULT_IDLE_COMPACTION,
  idleMs: integerIn(
    env,
    'HEAP_COMPACT_IDLE_MS',
    { min: 0, max: 3_600_000 },
    DEFAULT_IDLE_COMPACTION.idleMs,
  ),
});

/** Reads PORT; a bad value stops the service with a message naming the variable. */
export const portFromEnv = (env: NodeJS.ProcessEnv, defaultPort: number): number =>
  integerIn(env, 'PORT', { min: 0, max: 65_535 }, defaultPort);

/**
 * Every setting the shared platform reads for a service: HTTP (PORT, HOST, HTTP_CORS_ORIGINS,
 * HTTP_RATE_LIMIT_PER_MINUTE), the event store, the bus and its topics (KAFKA_TOPIC*), the
 * read-model store (READ_MODELS, where the relays' checkpoints and leases live too), the
 * supervision of background loops (LOOP_DOWN_READY_THRESHOLD_MS, LOOP_RESTART_MAX_BACKOFF_MS),
 * logging, tracing and authentication (AUTH_*). Throws a ConfigError naming the first bad
 * variable; a service's own settings come on top.
 */
export const platformConfigFromEnv = (
  service: { readonly name: string; readonly defaultPort: number },
  env: NodeJS.ProcessEnv,
) => ({
  port: portFromEnv(env, service.defaultPort),
  host: stringOr(env, 'HOST', '127.0.0.1'),
  http: httpConfigFromEnv(env),
  eventStore: eventStoreConfigFromEnv(env),
  bus: messageBusConfigFromEnv(service.name, env),
  topology: topologyConfigFromEnv(env),
  readModels: readModelStoreConfigFromEnv(env),
  loopDownReadyThresholdMs: loopDownReadyThresholdMsFromEnv(env),
  loopRestartBackoff: loopRestartBackoffFromEnv(env),
  heapCompaction: idleCompactionFromEnv(env),
  keyStore: subjectKeyStoreConfigFromEnv(env),
  logging: loggingConfigFromEnv(env),
  telemetry: telemetryConfigFromEnv(env),
  auth: authConfigFromEnv(env),
});

export type PlatformConfig = ReturnType<typeof platformConfigFromEnv>;
