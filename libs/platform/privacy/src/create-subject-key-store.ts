import { ConfigError, oneOf, requiredString, stringOr } from '@talentloop/config';
import { assertNever } from '@talentloop/domain-kernel';
import {
  createEventStore,
  DEFAULT_SQLITE_PATH,
  eventStoreConfigFromEnv,
  type EventStore,
} from '@talentloop/event-store';
import {
  keyEncryptionKeyConfigFromEnv,
  openKeyEncryptionKey,
  type KeyEncryptionKeyConfig,
} from './key-encryption-key.config';
import { OpeningMessageBus } from './opening-message-bus';
import { MongoSubjectKeyStore } from './mongo/mongo-subject-key-store';
import { PersonalDataCipher } from './personal-data-cipher';
import { ProtectedEventStore } from './protected-event-store';
import { SqliteSubjectKeyStore } from './sqlite/sqlite-subject-key-store';
import type { SubjectKeyStore } from './subject-key-store.port';
import type { MessageBus } from '@talentloop/messaging';

export type SubjectKeyStoreConfig = (
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'mongo'; readonly uri: string; readonly dbName: string }
) & {
  /** What wraps the data keys (PRIVACY_KEK…). */
  readonly kek: KeyEncryptionKeyConfig;
};

/**
 * Reads where the data subjects' keys live:
 * KEY_STORE = sqlite (default: table `subject_keys` in the event store's SQLite file,
 * EVENT_STORE_SQLITE_PATH) | mongo (collection `subject_keys` at MONGODB_URI, database
 * MONGODB_DB, default talentloop). With EVENT_STORE=esdb there is no SQLite file: mongo it is.
 * And what wraps them: see keyEncryptionKeyConfigFromEnv.
 */
export const subjectKeyStoreConfigFromEnv = (
  env: NodeJS.ProcessEnv = process.env,
): SubjectKeyStoreConfig => {
  const kind = oneOf(env, 'KEY_STORE', ['sqlite', 'mongo'], 'sqlite');
  if (kind === 'mongo')
    return {
      kind,
      uri: requiredString(env, 'MONGODB_URI', 'when KEY_STORE=mongo'),
      dbName: stringOr(env, 'MONGODB_DB', 'talentloop'),
      kek: keyEncryptionKeyConfigFromEnv(env, undefined),
    };
  if (oneOf(env, 'EVENT_STORE', ['sqlite', 'esdb'], 'sqlite') === 'esdb')
    throw new ConfigError('KEY_STORE', "must be 'mongo' when EVENT_STORE=esdb");
  const path = stringOr(env, 'EVENT_STORE_SQLITE_PATH', DEFAULT_SQLITE_PATH);
  return { kind, path, kek: keyEncryptionKeyConfigFromEnv(env, path) };
};

export const openSubjectKeyStore = async (
  config: SubjectKeyStoreConfig,
): Promise<SubjectKeyStore> => {
  const kek = openKeyEncryptionKey(config.kek);
  switch (config.kind) {
    case 'sqlite':
      return new SqliteSubjectKeyStore({ path: config.path, kek });
    case 'mongo':
      return MongoSubjectKeyStore.connect({ uri: config.uri, dbName: config.dbName, kek });
    default:
      return assertNever(config);
  }
};

/** The configured event store, opening personal fields on read (for tools that rebuild read models). */
export const openProtectedEventStore = async (
  env: NodeJS.ProcessEnv = process.env,
): Promise<ProtectedEventStore> =>
  new ProtectedEventStore(
    createEventStore(eventStoreConfigFromEnv(env)),
    new PersonalDataCipher(await openSubjectKeyStore(subjectKeyStoreConfigFromEnv(env))),
  );

/** The event store and the bus a service uses, sharing one cipher over the configured key store. */
export const protectPersonalData = async (
  ports: { readonly store: EventStore; readonly bus: MessageBus },
  config: SubjectKeyStoreConfig,
): Promise<{ readonly store: ProtectedEventStore; readonly bus: OpeningMessageBus }> => {
  const cipher = new PersonalDataCipher(await openSubjectKeyStore(config));
  return {
    store: new ProtectedEventStore(ports.store, cipher),
    bus: new OpeningMessageBus(ports.bus, cipher),
  };
};
