import { EmployeeSynced } from '@talentloop/contracts';
import { SqliteEventStore } from '@talentloop/event-store';
import {
  EmbeddedMessageBus,
  publishEvents,
  talentloopTopology,
  type MessageBus,
  type SubscribeToTopicsOptions,
} from '@talentloop/messaging';
import { useTemporaryFolder } from '@talentloop/testing';
import { join } from 'node:path';
import type { Projection } from '../projection';
import { EmbeddedReadModelStore } from '../sqlite/embedded-read-model-store';
import { withReadMemo } from './read-memo';
import { ReadSide, type ReadSideLoop } from './read-side';

/** How many people a manager has, counted once per sync: a redelivered sync would count twice. */
interface Team {
  readonly managerId: string;
  readonly syncs: number;
}

const teams: Projection<Team> = {
  name: 'test-teams',
  version: 1,
  eventTypes: ['EmployeeSynced'],
  documentIds: (event) =>
    event.type === 'EmployeeSynced' && event.data.managerId ? [event.data.managerId] : [],
  evolve: (team, _event, managerId) => ({ managerId, syncs: (team?.syncs ?? 0) + 1 }),
};

const synced = (index: number, managerId: string) => ({
  id: `evt-${managerId}-${index}`,
  type: 'EmployeeSynced' as const,
  data: {
    ...EmployeeSynced.example,
    employeeId: `emp-${index}`,
    externalId: `HR-${index}`,
    managerId,
  },
  metadata: {
    tenantId: 'acme',
    actorId: 'hris',
    occurredAt: '2026-02-02T10:00:00.000Z',
    schemaVersion: 1 as const,
  },
});

/** The bus as given, counting the messages its subscriptions receive. */
const counting = (bus: MessageBus) => {
  const counter = { delivered: 0 };
  const wrapped: MessageBus = {
    ...bus,
    declareTopology: (topology) => bus.declareTopology(topology),
    publish: (topic, messages) => bus.publish(topic, messages),
    partitionEnds: (topics) => bus.partitionEnds(topics),
    committedOffsets: (group, topics) => bus.committedOffsets(group, topics),
    ping: () => bus.ping(),
    close: () => bus.close(),
    subscribe: (options: SubscribeToTopicsOptions) =>
      bus.subscribe({
        ...options,
        handler: (message) => {
          counter.delivered++;
          return options.handler(message);
        },
      }),
  };
  return { bus: wrapped, counter };
};

/** The embedded log with the system's topics declared, as a service's start declares them. */
const declaredBus = async (path: string) => {
  const bus = new EmbeddedMessageBus({ path });
  await bus.declareTopology(talentloopTopology());
  return bus;
};

describe('a read side fed from the bus', () => {
  const folder = useTemporaryFolder('read-side');
  let loops: ReadSideLoop[] = [];
  const open: { close(): unknown }[] = [];

  afterEach(async () => {
    await Promise.all(loops.map((loop) => loop.stop()));
    loops = [];
    for (const closable of open.splice(0).reverse()) await closable.close();
  });

  const readSideOn = (bus: MessageBus, readModelsFile: string) => {
    const eventStore = new SqliteEventStore({ path: join(folder(), 'store.sqlite') });
    const readModels = new EmbeddedReadModelStore({ path: join(folder(), readModelsFile) });
    open.push(eventStore, readModels);
    return new ReadSide({
      name: 'test',
      eventStore,
      bus,
      readModels,
      own: [],
      fromBus: { groupId: 'planning.read-side', contexts: ['assessment'], projections: [teams] },
      freshnessTimeoutMs: 20_000,
    });
  };

  const start = async (readSide: ReadSide) => {
    const loop = (await readSide.startBusLoop())!;
    loops.push(loop);
    await loop.caughtUp;
    return loop;
  };

  const syncsOf = async (readSide: ReadSide, managerId: string) =>
    (await readSide.reader.get<Team>(teams.name, managerId))?.syncs;

  it('resumes after a restart from where it was, reading nothing twice', async () => {
    const raw = await declaredBus(join(folder(), 'bus.sqlite'));
    open.push(raw);
    const { bus, counter } = counting(raw);
    await publishEvents(
      raw,
      Array.from({ length: 50 }, (_, index) => synced(index, 'mgr-1')),
    );

    const first = readSideOn(bus, 'read-models.sqlite');
    const loop = await start(first);
    expect(await syncsOf(first, 'mgr-1')).toBe(50);
    await loop.stop();
    loops = [];

    await publishEvents(
      raw,
      Array.from({ length: 5 }, (_, index) => synced(100 + index, 'mgr-1')),
    );
    const before = counter.delivered;
    const again = readSideOn(bus, 'read-models.sqlite');
    await start(again);
    await again.freshWithBus();

    expect(await syncsOf(again, 'mgr-1')).toBe(55);
    expect(counter.delivered - before).toBe(5);
  });

  it('starts from the beginning of the topics with a new read-model store', async () => {
    const bus = await declaredBus(join(folder(), 'bus.sqlite'));
    open.push(bus);
    await publishEvents(
      bus,
      Array.from({ length: 30 }, (_, index) => synced(index, 'mgr-2')),
    );
    await start(readSideOn(bus, 'read-models.sqlite'));

    const fresh = readSideOn(bus, 'other-read-models.sqlite');
    await start(fresh);

    expect(await syncsOf(fresh, 'mgr-2')).toBe(30);
  });

  it('makes a decision wait until everything published before it is applied', async () => {
    const bus = await declaredBus(join(folder(), 'bus.sqlite'));
    open.push(bus);
    const readSide = readSideOn(bus, 'read-models.sqlite');
    await start(readSide);

    await publishEvents(
      bus,
      Array.from({ length: 200 }, (_, index) => synced(index, 'mgr-3')),
    );
    await readSide.freshWithBus();

    expect(await syncsOf(readSide, 'mgr-3')).toBe(200);
  });

  it('reads a document once per unit of work, and again after a wait for freshness', async () => {
    // Given a read side that knows one sync of mgr-4's team
    const bus = await declaredBus(join(folder(), 'bus.sqlite'));
    open.push(bus);
    const readSide = readSideOn(bus, 'read-models.sqlite');
    await start(readSide);
    await publishEvents(bus, [synced(1, 'mgr-4')]);
    await readSide.freshWithBus();

    // When, inside one unit of work, the team is read, a second sync is applied meanwhile, the
    // team is read again, then once more after a wait for freshness
    const reads = await withReadMemo(async () => {
      const first = await syncsOf(readSide, 'mgr-4');
      await publishEvents(bus, [synced(2, 'mgr-4')]);
      const whileWorking = await syncsOf(readSide, 'mgr-4');
      const elsewhere = await new Promise((resolve) =>
        // A timer set up in the unit of work belongs to it too.
        setTimeout(() => resolve(syncsOf(readSide, 'mgr-4')), 0),
      );
      await readSide.freshWithBus();
      const afterWaiting = await syncsOf(readSide, 'mgr-4');
      return { first, whileWorking, elsewhere, afterWaiting };
    });

    // Then the unit of work saw what it first read until it waited, and the change after
    expect(reads).toEqual({ first: 1, whileWorking: 1, elsewhere: 1, afterWaiting: 2 });
    // and outside any unit of work every read is a read
    expect(await syncsOf(readSide, 'mgr-4')).toBe(2);
  });
});
