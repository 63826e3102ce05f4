import { oneOf, requiredString, stringOr } from '@talentloop/config';
import type { EventRegistry } from '@talentloop/contracts';
import { assertNever } from '@talentloop/domain-kernel';
import { EsdbEventStore } from './esdb/esdb-event-store';
import type { EventStore } from './event-store.port';
import { SqliteEventStore, type SqliteDurability } from './sqlite/sqlite-event-store';

export type EventStoreConfig =
  | { readonly kind: 'sqlite'; readonly path: string; readonly durability: SqliteDurability }
  | { readonly kind: 'esdb'; readonly connectionString: string };

export const DEFAULT_SQLITE_PATH = 'data/talentloop.sqlite';

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
      path: stringOr(env, 'EVENT_STORE_SQLITE_PATH', DEFAULT_SQLITE_PATH),
      durability: oneOf(env, 'EVENT_STORE_SQLITE_SYNCHRONOUS', ['full', 'normal'], 'full'),
    };
  }
  const connectionString = requiredString(env, 'ESDB_CONNECTION_STRING', 'when EVENT_STORE=esdb', {
    pattern: /^esdb(\+discover)?:\/\/\S+$/,
    shape: 'esdb://host:2113?tls=false',
  });
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
