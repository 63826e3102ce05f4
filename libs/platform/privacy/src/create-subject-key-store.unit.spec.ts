import { randomBytes } from 'node:crypto';
import { subjectKeyStoreConfigFromEnv } from './create-subject-key-store';
import { keyEncryptionKeyConfigFromEnv } from './key-encryption-key.config';

const KEK = randomBytes(32);
const kekEnv = { PRIVACY_KEK: KEK.toString('base64'), PRIVACY_KEK_ID: 'kek-2026-11' };

describe('where the keys live (KEY_STORE)', () => {
  it('is by default a table of the event store’s own SQLite file', () => {
    expect(subjectKeyStoreConfigFromEnv({})).toMatchObject({
      kind: 'sqlite',
      path: 'data/talentloop.sqlite',
    });
    expect(
      subjectKeyStoreConfigFromEnv({ EVENT_STORE_SQLITE_PATH: '/data/store.sqlite' }),
    ).toMatchObject({ kind: 'sqlite', path: '/data/store.sqlite' });
  });

  it('is MongoDB when asked, at MONGODB_URI and MONGODB_DB', () => {
    expect(
      subjectKeyStoreConfigFromEnv({
        KEY_STORE: 'mongo',
        MONGODB_URI: 'mongodb://mongo:27017/',
        ...kekEnv,
      }),
    ).toMatchObject({ kind: 'mongo', uri: 'mongodb://mongo:27017/', dbName: 'talentloop' });
    expect(() => subjectKeyStoreConfigFromEnv({ KEY_STORE: 'mongo' })).toThrow(
      'MONGODB_URI is required when KEY_STORE=mongo',
    );
  });

  it('must be MongoDB with EventStoreDB, which has no SQLite file to hold it', () => {
    expect(() => subjectKeyStoreConfigFromEnv({ EVENT_STORE: 'esdb' })).toThrow(
      "KEY_STORE must be 'mongo' when EVENT_STORE=esdb",
    );
  });

  it('refuses anything else, naming the variable', () => {
    expect(() => subjectKeyStoreConfigFromEnv({ KEY_STORE: 'vault' })).toThrow(
      "KEY_STORE must be one of sqlite, mongo; got 'vault'",
    );
  });
});

describe('what wraps the keys (PRIVACY_KEK)', () => {
  it('is the secret given, named by its id, with the previous ones still unwrapping', () => {
    const previous = randomBytes(32);

    const config = keyEncryptionKeyConfigFromEnv(
      { ...kekEnv, PRIVACY_KEK_PREVIOUS: ` kek-2025:${previous.toString('base64')} ` },
      'data/talentloop.sqlite',
    );

    expect(config).toEqual({
      kind: 'secret',
      current: { id: 'kek-2026-11', key: KEK },
      previous: [{ id: 'kek-2025', key: previous }],
    });
  });

  it('is generated beside the SQLite key store on the embedded default, when none is given', () => {
    expect(
      subjectKeyStoreConfigFromEnv({ EVENT_STORE_SQLITE_PATH: '/data/store.sqlite' }).kek,
    ).toEqual({ kind: 'development', keyStorePath: '/data/store.sqlite' });
  });

  it('must be given in production: keys in MongoDB, Kafka, MongoDB read models', () => {
    for (const [variable, value] of [
      ['BUS', 'kafka'],
      ['READ_MODELS', 'mongo'],
    ])
      expect(() => keyEncryptionKeyConfigFromEnv({ [variable]: value }, 'data/x.sqlite')).toThrow(
        `PRIVACY_KEK is required when ${variable}=${value}: the data keys are wrapped with it`,
      );
    expect(() =>
      subjectKeyStoreConfigFromEnv({ KEY_STORE: 'mongo', MONGODB_URI: 'mongodb://mongo:27017/' }),
    ).toThrow('PRIVACY_KEK is required when KEY_STORE=mongo');
  });

  it('refuses a key that is not 32 bytes of base64, a missing or odd id, or a bad previous one', () => {
    const read = (env: NodeJS.ProcessEnv) => () =>
      keyEncryptionKeyConfigFromEnv({ ...kekEnv, ...env }, undefined);

    expect(read({ PRIVACY_KEK: randomBytes(16).toString('base64') })).toThrow(
      'PRIVACY_KEK must be the base64 of 32 random bytes',
    );
    expect(read({ PRIVACY_KEK: 'not base64 at all!' })).toThrow('PRIVACY_KEK must be');
    expect(read({ PRIVACY_KEK_ID: '' })).toThrow(
      'PRIVACY_KEK_ID is required when PRIVACY_KEK is set',
    );
    expect(read({ PRIVACY_KEK_ID: 'a b' })).toThrow('PRIVACY_KEK_ID must look like');
    expect(read({ PRIVACY_KEK_PREVIOUS: 'kek-2025' })).toThrow('PRIVACY_KEK_PREVIOUS must list');
    expect(read({ PRIVACY_KEK_PREVIOUS: `kek-2026-11:${KEK.toString('base64')}` })).toThrow(
      'PRIVACY_KEK_PREVIOUS must list',
    );
  });
});
