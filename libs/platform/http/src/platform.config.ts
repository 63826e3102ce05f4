import { integerIn, stringOr } from '@talentloop/config';
import { eventStoreConfigFromEnv } from '@talentloop/event-store';
import { messageBusConfigFromEnv } from '@talentloop/messaging';
import { loggingConfigFromEnv, telemetryConfigFromEnv } from '@talentloop/observability';
import { subjectKeyStoreConfigFromEnv } from '@talentloop/privacy';
import { authConfigFromEnv } from './auth/auth.config';

const DEFAULT_RELAY_CHECKPOINT_PATH = 'data/relay-checkpoints.sqlite';

/** RELAY_CHECKPOINT_PATH: the SQLite file of the relay's checkpoint. */
export const relayCheckpointPathFromEnv = (env: NodeJS.ProcessEnv): string =>
  stringOr(env, 'RELAY_CHECKPOINT_PATH', DEFAULT_RELAY_CHECKPOINT_PATH);

/** Reads PORT; a bad value stops the service with a message naming the variable. */
export const portFromEnv = (env: NodeJS.ProcessEnv, defaultPort: number): number =>
  integerIn(env, 'PORT', { min: 0, max: 65_535 }, defaultPort);

/**
 * Every setting the shared platform reads for a service: HTTP (PORT, HOST), the event store,
 * the bus, the relay checkpoint, logging, tracing and authentication (AUTH_*). Throws a ConfigError naming the first
 * bad variable; a service's own settings come on top.
 */
export const platformConfigFromEnv = (
  service: { readonly name: string; readonly defaultPort: number },
  env: NodeJS.ProcessEnv,
) => ({
  port: portFromEnv(env, service.defaultPort),
  host: stringOr(env, 'HOST', '127.0.0.1'),
  eventStore: eventStoreConfigFromEnv(env),
  bus: messageBusConfigFromEnv(service.name, env),
  relayCheckpointPath: relayCheckpointPathFromEnv(env),
  keyStore: subjectKeyStoreConfigFromEnv(env),
  logging: loggingConfigFromEnv(env),
  telemetry: telemetryConfigFromEnv(env),
  auth: authConfigFromEnv(env),
});

export type PlatformConfig = ReturnType<typeof platformConfigFromEnv>;
