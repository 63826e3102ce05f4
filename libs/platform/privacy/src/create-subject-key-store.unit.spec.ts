import { subjectKeyStoreConfigFromEnv } from './create-subject-key-store';

describe('where the keys live (KEY_STORE)', () => {
  it('is by default a table of the event store’s own SQLite file', () => {
    expect(subjectKeyStoreConfigFromEnv({})).toEqual({
      kind: 'sqlite',
      path: 'data/talentloop.sqlite',
    });
    expect(subjectKeyStoreConfigFromEnv({ EVENT_STORE_SQLITE_PATH: '/data/store.sqlite' })).toEqual(
      { kind: 'sqlite', path: '/data/store.sqlite' },
    );
  });

  it('is MongoDB when asked, at MONGODB_URI and MONGODB_DB', () => {
    expect(
      subjectKeyStoreConfigFromEnv({ KEY_STORE: 'mongo', MONGODB_URI: 'mongodb://mongo:27017/' }),
    ).toEqual({ kind: 'mongo', uri: 'mongodb://mongo:27017/', dbName: 'talentloop' });
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
