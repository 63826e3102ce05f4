import { eventStoreConfigFromEnv } from './create-event-store';

describe('eventStoreConfigFromEnv', () => {
  it('defaults to a fully durable SQLite file under data/', () => {
    expect(eventStoreConfigFromEnv({})).toEqual({
      kind: 'sqlite',
      path: 'data/talentloop.sqlite',
      durability: 'full',
    });
  });

  it('reads the SQLite path and durability', () => {
    expect(
      eventStoreConfigFromEnv({
        EVENT_STORE: 'sqlite',
        EVENT_STORE_SQLITE_PATH: '/var/lib/talentloop/events.sqlite',
        EVENT_STORE_SQLITE_SYNCHRONOUS: 'normal',
      }),
    ).toEqual({ kind: 'sqlite', path: '/var/lib/talentloop/events.sqlite', durability: 'normal' });
  });

  it('reads the EventStoreDB connection string', () => {
    expect(
      eventStoreConfigFromEnv({
        EVENT_STORE: 'esdb',
        ESDB_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
      }),
    ).toEqual({ kind: 'esdb', connectionString: 'esdb://localhost:2113?tls=false' });
  });

  it.each([
    [{ EVENT_STORE: 'postgres' }, 'EVENT_STORE'],
    [{ EVENT_STORE_SQLITE_SYNCHRONOUS: 'off' }, 'EVENT_STORE_SQLITE_SYNCHRONOUS'],
    [{ EVENT_STORE: 'esdb' }, 'ESDB_CONNECTION_STRING'],
    [{ EVENT_STORE: 'esdb', ESDB_CONNECTION_STRING: 'localhost:2113' }, 'ESDB_CONNECTION_STRING'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => eventStoreConfigFromEnv(env)).toThrow(variable);
  });
});
