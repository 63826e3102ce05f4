import { oneOf, requiredString, stringOr } from '@talentloop/config';
import { assertNever } from '@talentloop/domain-kernel';
import { MongoReadModelStore } from './mongo/mongo-read-model-store';
import type { ReadModelStore } from './read-model-store.port';
import { EmbeddedReadModelStore } from './sqlite/embedded-read-model-store';

export type ReadModelStoreConfig =
  | { readonly kind: 'embedded'; readonly path: string }
  | { readonly kind: 'mongo'; readonly uri: string; readonly dbName: string };

export const DEFAULT_READ_MODELS_PATH = 'data/read-models.sqlite';

/**
 * Reads the read-model settings:
 * READ_MODELS = embedded (default) | mongo;
 * READ_MODELS_SQLITE_PATH (default data/read-models.sqlite);
 * MONGODB_URI (required for mongo) and MONGODB_DB (default talentloop).
 */
export const readModelStoreConfigFromEnv = (
  env: NodeJS.ProcessEnv = process.env,
): ReadModelStoreConfig => {
  const kind = oneOf(env, 'READ_MODELS', ['embedded', 'mongo'], 'embedded');
  return kind === 'embedded'
    ? { kind, path: stringOr(env, 'READ_MODELS_SQLITE_PATH', DEFAULT_READ_MODELS_PATH) }
    : {
        kind,
        uri: requiredString(env, 'MONGODB_URI', 'when READ_MODELS=mongo'),
        dbName: stringOr(env, 'MONGODB_DB', 'talentloop'),
      };
};

export const openReadModelStore = async (config: ReadModelStoreConfig): Promise<ReadModelStore> => {
  switch (config.kind) {
    case 'embedded':
      return new EmbeddedReadModelStore({ path: config.path });
    case 'mongo':
      return MongoReadModelStore.connect({ uri: config.uri, dbName: config.dbName });
    default:
      return assertNever(config);
  }
};

/**
 * A store opened on first use: every service's platform provides one, and a process that
 * never reads or writes a read model (a test of the platform alone) opens no file or server.
 */
export const lazyReadModelStore = (open: () => Promise<ReadModelStore>): ReadModelStore => {
  let opened: Promise<ReadModelStore> | undefined;
  const store = () => (opened ??= open());
  return {
    ensureCollection: async (collection, indexes) =>
      (await store()).ensureCollection(collection, indexes),
    load: async (collection, ids) => (await store()).load(collection, ids),
    write: async (collection, writes) => (await store()).write(collection, writes),
    insertFresh: async (collection, documents) =>
      (await store()).insertFresh(collection, documents),
    find: async (collection, query) => (await store()).find(collection, query),
    findStored: async (collection, query) => (await store()).findStored(collection, query),
    count: async (collection, where) => (await store()).count(collection, where),
    dropCollection: async (collection) => (await store()).dropCollection(collection),
    getState: async (key) => (await store()).getState(key),
    setState: async (key, value) => (await store()).setState(key, value),
    close: async () => {
      if (opened) await (await opened).close();
    },
  };
};
