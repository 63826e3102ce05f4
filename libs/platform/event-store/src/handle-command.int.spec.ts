import { EnergyOutOfRange, motivationDecider, type RecordMotivation } from '@talentloop/testing';
import { WrongExpectedRevisionError } from './errors';
import {
  eventIdFor,
  handleCommand,
  retryingConflicts,
  type CommandContext,
} from './handle-command';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

const now = new Date('2026-03-02T09:00:00.000Z');
const stream = 'assessment.motivation-acme.emp-1';

describe('handling a command', () => {
  let store: SqliteEventStore;
  beforeEach(() => {
    store = new SqliteEventStore({ path: ':memory:' });
  });
  afterEach(() => store.close());

  it('appends the decided events with the tenant, actor, causation and schema version', async () => {
    const result = await handleCommand(store, motivationDecider, stream, record(4), context('c-1'));

    expect(result.events).toEqual([{ type: 'MotivationRecorded', data: record(4).data }]);
    expect(result.state).toEqual({ status: 'recorded', energy: 4 });
    const [stored] = await store.readStream(stream);
    expect(stored?.id).toBe(eventIdFor(stream, 'c-1', 0));
    expect(stored?.metadata).toEqual({
      tenantId: 'acme',
      actorId: 'user-7',
      occurredAt: now.toISOString(),
      schemaVersion: 1,
      causationId: 'c-1',
    });
  });

  it('gives a command id reused by another tenant or entity events of their own', async () => {
    const otherTenant = 'assessment.motivation-globex.emp-1';
    const otherEmployee = 'assessment.motivation-acme.emp-2';
    for (const streamName of [stream, otherTenant, otherEmployee])
      await handleCommand(store, motivationDecider, streamName, record(4), context('same-key'));

    const ids = await Promise.all(
      [stream, otherTenant, otherEmployee].map(
        async (name) => (await store.readStream(name))[0]?.id,
      ),
    );
    expect(new Set(ids).size).toBe(3);
  });

  it('appends the next command at the revision it read', async () => {
    await handleCommand(store, motivationDecider, stream, record(4), context('c-1'));
    const second = await handleCommand(store, motivationDecider, stream, record(2), context('c-2'));

    expect(second.nextExpectedRevision).toBe(1n);
    expect((await store.readStream(stream)).map((event) => event.data)).toEqual([
      record(4).data,
      record(2).data,
    ]);
  });

  it('changes nothing when the same command is retried, and answers as the first time', async () => {
    const first = await handleCommand(store, motivationDecider, stream, record(4), context('c-1'));
    await handleCommand(store, motivationDecider, stream, record(2), context('c-2'));
    const retried = await handleCommand(
      store,
      motivationDecider,
      stream,
      record(4),
      context('c-1'),
    );

    expect(retried.events).toEqual(first.events);
    expect(await store.readStream(stream)).toHaveLength(2);
  });

  it('appends nothing when the decider decides nothing', async () => {
    await handleCommand(store, motivationDecider, stream, record(4), context('c-1'));
    const same = await handleCommand(store, motivationDecider, stream, record(4), context('c-2'));

    expect(same.events).toEqual([]);
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('lets a domain error through and writes nothing', async () => {
    await expect(
      handleCommand(store, motivationDecider, stream, record(9), context('c-1')),
    ).rejects.toBeInstanceOf(EnergyOutOfRange);
    expect(await store.readStream(stream)).toEqual([]);
  });

  it('lets exactly one of two concurrent commands on one stream win', async () => {
    const outcomes = await Promise.allSettled([
      handleCommand(store, motivationDecider, stream, record(2), context('c-1')),
      handleCommand(store, motivationDecider, stream, record(3), context('c-2')),
    ]);

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const [rejected] = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(rejected?.reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('builds the command from the state it read, in the same read', async () => {
    await handleCommand(store, motivationDecider, stream, record(4), context('c-1'));
    const seen: unknown[] = [];
    await handleCommand(
      store,
      motivationDecider,
      stream,
      (state) => {
        seen.push(state);
        return record(2);
      },
      context('c-2'),
    );

    expect(seen).toEqual([{ status: 'recorded', energy: 4 }]);
    expect(await store.readStream(stream)).toHaveLength(2);
  });

  it('runs beforeAppend with the decided events, and appends nothing when it throws', async () => {
    const before: unknown[] = [];
    await expect(
      handleCommand(store, motivationDecider, stream, record(4), context('c-1'), {
        beforeAppend: (events, state) => {
          before.push({ events, state });
          return Promise.reject(new Error('the reservation was refused'));
        },
      }),
    ).rejects.toThrow('the reservation was refused');

    expect(before).toEqual([
      {
        events: [{ type: 'MotivationRecorded', data: record(4).data }],
        state: { status: 'unknown' },
      },
    ]);
    expect(await store.readStream(stream)).toEqual([]);
  });

  it('skips beforeAppend for a command the store already has', async () => {
    await handleCommand(store, motivationDecider, stream, record(4), context('c-1'));
    let called = false;
    await handleCommand(store, motivationDecider, stream, record(4), context('c-1'), {
      beforeAppend: () => {
        called = true;
        return Promise.resolve();
      },
    });

    expect(called).toBe(false);
  });

  it('lets every one of ten concurrent commands through when each retries its conflicts', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        retryingConflicts(() =>
          handleCommand(
            store,
            motivationDecider,
            stream,
            { ...record(1 + (n % 5)), data: { ...record(1 + (n % 5)).data, note: `note ${n}` } },
            context(`c-${n}`),
          ),
        ),
      ),
    );

    const revisions = (await store.readStream(stream)).map((event) => event.streamRevision);
    expect(revisions).toEqual(Array.from({ length: 10 }, (_, n) => BigInt(n)));
  });

  it('gives up after the attempts it was given, with the conflict', async () => {
    let attempts = 0;
    const conflict = new WrongExpectedRevisionError(stream, 0n, 1n);
    await expect(
      retryingConflicts(
        () => {
          attempts++;
          return Promise.reject(conflict);
        },
        { attempts: 3, maxPauseMs: 1 },
      ),
    ).rejects.toBe(conflict);
    expect(attempts).toBe(3);
  });
});

function record(energy: number): RecordMotivation {
  return {
    type: 'RecordMotivation',
    data: { employeeId: 'emp-1', competencyId: 'collaboration', energy },
  };
}

function context(commandId: string): CommandContext {
  return { tenantId: 'acme', actorId: 'user-7', commandId, now };
}
