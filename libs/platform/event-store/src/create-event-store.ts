import type { EventRegistry } from '@talentloop/contracts';
import { assertNever } from '@talentloop/domain-kernel';
import { EsdbEventStore } from './esdb/esdb-event-store';
import type { EventStore } from './event-store.port';
import { SqliteEventStore, type SqliteDurability } from './sqlite/sqlite-event-store';

export type EventStoreConfig =
  | { readonly kind: 'sqlite'; readonly path: string; readonly durability: SqliteDurability }
  | { readonly kind: 'esdb'; readonly connectionString: string };

export const DEFAULT_SQLITE_PATH = 'data/talentloop.sqlite';

const oneOf = <Value extends string>(
  env: NodeJS.ProcessEnv,
  variable: string,
  allowed: readonly Value[],
  fallback: Value,
): Value => {
  const value = env[variable]?.trim() || fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Error(`${variable} must be one of ${allowed.join(', ')}; got '${value}'`);
  }
  return value as Value;
};

/**
 * Reads the event store settings:
 * EVENT_STORE = sqlite (default) | esdb;
 * EVENT_STORE_SQLITE_PATH (default data/talentloop.sqlite);
 * EVENT_STORE_SQLITE_SYNCHRONOUS = full (default) | normal;
 * ESDB_CONNECTION_STRING (required for esdb), e.g. esdb://localhost:2113?tls=false.
 */
export const eventStoreConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): EventStoreConfig => {
  const kind = oneOf(env, 'EVENT_STORE', ['sqlite', 'esdb'], 'sqlite');
  if (kind === 'sqlite') {
    return {
      kind,
      path: env['EVENT_STORE_SQLITE_PATH']?.trim() || DEFAULT_SQLITE_PATH,
      durability: oneOf(env, 'EVENT_STORE_SQLITE_SYNCHRONOUS', ['full', 'normal'], 'full'),
    };
  }
  const connectionString = env['ESDB_CONNECTION_STRING']?.trim();
  if (!connectionString) {
    throw new Error('ESDB_CONNECTION_STRING is required when EVENT_STORE=esdb');
  }
  if (!/^esdb(\+discover)?:\/\/\S+$/.test(connectionString)) {
    throw new Error(
      `ESDB_CONNECTION_STRING must look like esdb://host:2113?tls=false; got '${connectionString}'`,
    );
  }
  return { kind, connectionString };
};

/** Opens the configured store; the SQLite file's folder is created when missing. */
export const createEventStore = (
  config: EventStoreConfig,
  options: { readonly registry?: EventRegistry } = {},
): EventStore => {
  switch (config.kind) {
    case 'sqlite':
      return new SqliteEventStore({
        path: config.path,
        durability: config.durability,
        registry: options.registry,
      });
    case 'esdb':
      return new EsdbEventStore({
        connectionString: config.connectionString,
        registry: options.registry,
      });
    default:
      return assertNever(config);
  }
};
