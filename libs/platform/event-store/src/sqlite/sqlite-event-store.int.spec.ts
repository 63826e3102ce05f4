import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { eventRegistry } from '@talentloop/contracts';
import { describeEventStoreContract } from '@talentloop/testing';
import { DuplicateEventIdError } from '../errors';
import { readRareTypes } from '../stream-all';
import type { EventToAppend, RecordedEvent } from '../event-store.port';
import { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store';

const temporaryStore = (options: Partial<SqliteEventStoreOptions> = {}) => {
  const folder = mkdtempSync(join(tmpdir(), 'talentloop-event-store-'));
  const path = join(folder, 'nested', 'events.sqlite');
  const store = new SqliteEventStore({ path, ...options });
  return {
    path,
    store,
    cleanup: async () => {
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
};

describeEventStoreContract('SQLite', () => Promise.resolve(temporaryStore()));

describe('SQLite event store', () => {
  let cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups = [];
  });
  const open = (options?: Partial<SqliteEventStoreOptions>) => {
    const opened = temporaryStore(options);
    cleanups.push(opened.cleanup);
    return opened;
  };

  it('given a few rare events among many, when they are read type by type, then they come in log order within the bounds', async () => {
    // given: 60 goals, each with a check-in; every 10th goal approved, every 15th rejected,
    // in two tenants
    const { store } = open();
    const rare: { type: string; tenant: string; position: bigint }[] = [];
    for (let goal = 0; goal < 60; goal++) {
      const tenant = goal % 2 === 0 ? 'acme' : 'globex';
      const events = [exampleEvent('CheckInLogged', tenant)];
      if (goal % 10 === 0) events.push(exampleEvent('GoalApproved', tenant));
      if (goal % 15 === 0) events.push(exampleEvent('GoalRejected', tenant));
      const { lastGlobalPosition } = await store.appendToStream(
        `planning.goal-${tenant}.g${goal}`,
        events,
        { expectedRevision: 'no_stream' },
      );
      events.slice(1).forEach((event, index) =>
        rare.push({
          type: event.type,
          tenant,
          position: lastGlobalPosition - BigInt(events.length - 2 - index),
        }),
      );
    }
    const read = async (options: Parameters<typeof readRareTypes>[2]) =>
      (await readRareTypes(store, ['GoalRejected', 'GoalApproved', 'GoalRejected'], options)).map(
        (event) => ({ type: event.type, position: event.globalPosition }),
      );
    const expected = (keep: (event: (typeof rare)[number]) => boolean) =>
      rare.filter(keep).map(({ type, position }) => ({ type, position }));

    // when / then: every one, in pages of 2; then bounded by position and by tenant
    expect(await read({ pageSize: 2 })).toEqual(expected(() => true));
    expect(rare).toHaveLength(10);
    const [, second, , , fifth] = rare;
    expect(await read({ after: second.position, upTo: fifth.position, pageSize: 2 })).toEqual(
      expected(({ position }) => position > second.position && position <= fifth.position),
    );
    expect(await read({ tenantId: 'acme', pageSize: 2 })).toEqual(
      expected(({ tenant }) => tenant === 'acme'),
    );
  });

  it('group-commits 64 concurrent appends in far fewer than 64 transactions', async () => {
    const { store } = open();
    const before = store.flushCount;
    await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        store.appendToStream(`planning.goal-acme.g${i}`, [checkInLogged()], {
          expectedRevision: 'no_stream',
        }),
      ),
    );
    expect(store.flushCount - before).toBeLessThanOrEqual(2);
    expect(await store.readAll()).toHaveLength(64);
  });

  it('checkpoints the WAL in a worker thread, long before SQLite would in a commit', async () => {
    const { store, path } = open();
    const sizeOf = (file: string) => statSync(file).size;
    const initial = sizeOf(path);
    for (let batch = 0; batch < 20; batch++)
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          store.appendToStream(`planning.goal-acme.c${batch}-${i}`, [checkInLogged()], {
            expectedRevision: 'no_stream',
          }),
        ),
      );
    // About 1,000 events: a few hundred WAL pages, far below the 10,000 of auto-checkpoint,
    // so only the background checkpointer can have copied them into the database file.
    const deadline = Date.now() + 5_000;
    while (sizeOf(path) <= initial && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sizeOf(path)).toBeGreaterThan(initial);
    expect(await store.readAll({ maxCount: 2_000 })).toHaveLength(1_000);
  });

  it('refuses an id already stored in another stream', async () => {
    const { store } = open();
    const reused = checkInLogged();
    await store.appendToStream('planning.goal-acme.g1', [reused], { expectedRevision: 'any' });
    await expect(
      store.appendToStream('planning.goal-acme.g2', [reused], { expectedRevision: 'any' }),
    ).rejects.toThrow(DuplicateEventIdError);
    await expect(
      store.appendToStream('planning.goal-acme.g1', [checkInLogged(), reused], {
        expectedRevision: 0n,
      }),
    ).rejects.toThrow(DuplicateEventIdError);
    expect(await store.readAll()).toHaveLength(1);
  });

  it('two instances on one file see each other, and a subscription polls the other’s appends', async () => {
    const { store: first, path } = open();
    const second = new SqliteEventStore({ path, pollIntervalMs: 20 });
    cleanups.push(() => second.close());

    const received: RecordedEvent[] = [];
    const subscription = second.subscribeToAll({}, (event) => {
      received.push(event);
    });
    const written = checkInLogged();
    await first.appendToStream('planning.goal-acme.g1', [written], {
      expectedRevision: 'no_stream',
    });
    await expect(second.readStream('planning.goal-acme.g1')).resolves.toMatchObject([
      { id: written.id },
    ]);
    await expect(
      second.appendToStream('planning.goal-acme.g1', [checkInLogged()], {
        expectedRevision: 'no_stream',
      }),
    ).rejects.toMatchObject({ actual: 0n });

    const deadline = Date.now() + 2000;
    while (received.length === 0 && Date.now() < deadline) await sleep(10);
    await subscription.stop();
    expect(received.map((event) => event.id)).toEqual([written.id]);
  });

  it('keeps a run read from the start of a stream, and answers what it holds from it', async () => {
    // Given a stream of three events, written by another instance on the same file
    const { store: writer, path } = open();
    const reader = new SqliteEventStore({ path });
    cleanups.push(() => reader.close());
    const stream = 'planning.goal-acme.g1';
    const written = [checkInLogged(), checkInLogged(), checkInLogged()];
    await writer.appendToStream(stream, written, { expectedRevision: 'no_stream' });

    // When the reader reads its first event, the writer appends a fourth, and the reader
    // reads the first two, the stream whole, then runs of it
    const [first] = await reader.readStream(stream, { maxCount: 1 });
    const fourth = checkInLogged();
    await writer.appendToStream(stream, [fourth], { expectedRevision: 2n });
    const longer = await reader.readStream(stream, { maxCount: 2 });
    const whole = await reader.readStream(stream);
    const start = await reader.readStream(stream, { maxCount: 2 });
    const end = await reader.readStream(stream, { fromRevision: 2n, maxCount: 5 });

    // Then each read went on from what the one before kept (the same objects), the whole
    // read saw the fourth, and every run is the stream's, in order
    expect(first.id).toBe(written[0].id);
    expect(longer[0]).toBe(first);
    expect(whole[0]).toBe(first);
    expect(whole[1]).toBe(longer[1]);
    expect(whole.map((event) => event.id)).toEqual([...written, fourth].map((event) => event.id));
    expect(start).toEqual(whole.slice(0, 2));
    expect(start[1]).toBe(whole[1]);
    expect(end.map((event) => event.streamRevision)).toEqual([2n, 3n]);
  });

  it.each(['full', 'normal'] as const)(
    'durability %s is the PRAGMA synchronous in force',
    async (durability) => {
      const { store, path } = open({ durability });
      await store.appendToStream('planning.goal-acme.g1', [checkInLogged()], {
        expectedRevision: 'no_stream',
      });
      expect(store.durabilityInForce()).toBe(durability);
      const inspector = new Database(path, { readonly: true });
      expect(inspector.pragma('journal_mode', { simple: true })).toBe('wal');
      inspector.close();
    },
  );

  it('defaults to full durability', () => {
    expect(open().store.durabilityInForce()).toBe('full');
  });

  it('finishes a pending group commit on close', async () => {
    const { store, path } = open();
    const appended = store.appendToStream('planning.goal-acme.g1', [checkInLogged()], {
      expectedRevision: 'no_stream',
    });
    await store.close();
    await expect(appended).resolves.toMatchObject({ nextExpectedRevision: 0n });
    const reopened = new SqliteEventStore({ path });
    cleanups.push(() => reopened.close());
    expect(await reopened.readStream('planning.goal-acme.g1')).toHaveLength(1);
  });
});

const checkInLogged = (): EventToAppend => exampleEvent('CheckInLogged');

/** The catalog's example of a type, as `tenantId` appends it. */
const exampleEvent = (type: string, tenantId = 'acme'): EventToAppend => {
  const definition = eventRegistry.current(type);
  if (!definition) throw new Error(`${type} is not in the catalog`);
  return {
    id: randomUUID(),
    type: definition.name,
    data: definition.example,
    metadata: {
      tenantId,
      actorId: 'user-1',
      occurredAt: '2026-01-12T14:00:00.000Z',
      schemaVersion: definition.version,
    },
  };
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
