import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@talentloop/event-store';
import {
  appendHistory,
  describeWithMongo,
  employeeHistory,
  eventually,
  withReadsRecorded,
  testDatabaseName,
  type HistoryEvent,
} from '@talentloop/testing';
import { activePointerKey, ReadModelReader } from './active-collection';
import { MongoReadModelStore } from './mongo/mongo-read-model-store';
import type { Projection, ProjectedEvent, ProjectionInput } from './projection';
import { busInput } from './projection-inputs';
import { checkpointKey, ProjectionRunner, runFromStore } from './projection-runner';
import {
  employeeDirectoryProjection,
  headcountsOf,
  type EmployeeDirectoryDocument,
} from './projections/employee-directory.projection';
import type { ReadModelStore } from './read-model-store.port';
import { rebuildProjection } from './rebuild';
import { EmbeddedReadModelStore } from './sqlite/embedded-read-model-store';

/** Opens a read-model store by name; the same name opens another connection to the same data. */
interface Adapter {
  open(name: string): Promise<ReadModelStore>;
  cleanup(): Promise<void>;
}

const projection = employeeDirectoryProjection;
const history = employeeHistory({
  tenants: ['acme', 'globex'],
  employees: 40,
  departments: 5,
  changes: 300,
  erasures: 6,
});

/** Every store opened by a test is closed after it. */
const opened: ReadModelStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

const snapshot = (store: ReadModelStore) =>
  new ReadModelReader(store, { pointerTtlMs: 0 }).find<EmployeeDirectoryDocument>(projection.name);

/** Headcounts equal the active employees listed: nothing was counted twice. */
const expectConsistent = (documents: readonly EmployeeDirectoryDocument[]) => {
  for (const tenantId of ['acme', 'globex']) {
    const listed = documents.filter(
      (d) => d.kind === 'employee' && d.tenantId === tenantId && d.employmentStatus === 'active',
    ).length;
    const counted = Object.values(headcountsOf(documents, tenantId)).reduce((a, b) => a + b, 0);
    expect(counted).toBe(listed);
    expect(listed).toBeGreaterThan(0);
  }
};

/** Every event of a tenant lands on one document: two runners always meet there. */
const syncsPerTenant: Projection<{ tenantId: string; syncs: number }> = {
  name: 'syncs-per-tenant',
  version: 1,
  eventTypes: ['EmployeeSynced'],
  documentIds: (event) => [event.metadata.tenantId],
  evolve: (doc, event) => ({ tenantId: event.metadata.tenantId, syncs: (doc?.syncs ?? 0) + 1 }),
};

/** What a bus consumer would deliver: partition by subject, offsets counted per partition. */
const busInputs = (events: readonly HistoryEvent[], partitions: number): ProjectionInput[][] => {
  const byPartition: ProjectionInput[][] = Array.from({ length: partitions }, () => []);
  for (const { subject, event } of events) {
    const partition = [...subject].reduce((hash, c) => hash + c.charCodeAt(0), 0) % partitions;
    const delivered = byPartition[partition];
    delivered.push(
      busInput(
        { topic: 'assessment', partition, offset: String(delivered.length) },
        event as unknown as ProjectedEvent,
      ),
    );
  }
  return byPartition;
};

const inBatches = async (
  inputs: readonly ProjectionInput[],
  size: number,
  apply: (batch: ProjectionInput[]) => Promise<unknown>,
) => {
  for (let start = 0; start < inputs.length; start += size)
    await apply(inputs.slice(start, start + size));
};

/** A store in front of another, for tests to add failures and latency. */
class StoreInFront implements ReadModelStore {
  constructor(protected readonly inner: ReadModelStore) {}
  ensureCollection: ReadModelStore['ensureCollection'] = (...a) =>
    this.inner.ensureCollection(...a);
  load: ReadModelStore['load'] = (...a) => this.inner.load(...a);
  write: ReadModelStore['write'] = (...a) => this.inner.write(...a);
  insertFresh: ReadModelStore['insertFresh'] = (...a) => this.inner.insertFresh(...a);
  find: ReadModelStore['find'] = (...a) => this.inner.find(...a);
  findStored: ReadModelStore['findStored'] = (...a) => this.inner.findStored(...a);
  count: ReadModelStore['count'] = (...a) => this.inner.count(...a);
  dropCollection: ReadModelStore['dropCollection'] = (...a) => this.inner.dropCollection(...a);
  getState: ReadModelStore['getState'] = (...a) => this.inner.getState(...a);
  setState: ReadModelStore['setState'] = (...a) => this.inner.setState(...a);
  close: ReadModelStore['close'] = () => this.inner.close();
}

/** Fails the checkpoint save after `allowedSaves`: a crash between a page's write and its checkpoint. */
class CrashBeforeCheckpoint extends StoreInFront {
  private saves = 0;
  constructor(
    inner: ReadModelStore,
    private readonly allowedSaves: number,
  ) {
    super(inner);
  }
  override setState: ReadModelStore['setState'] = async (key, value) => {
    if (key.startsWith('checkpoint:') && ++this.saves > this.allowedSaves)
      throw new Error('simulated crash before the checkpoint');
    await this.inner.setState(key, value);
  };
}

/**
 * Answers loads after a random millisecond or two, as a store across a network does: the
 * embedded store answers synchronously, so two runners in one process would otherwise never
 * interleave between a load and its write.
 */
/**
 * Lets two loads of one collection meet: the first waits (up to 50 ms) for the second, so the
 * two runners read the same document versions before either writes and a conflict is
 * certain as soon as both touch one document, instead of being left to timing.
 */
class Rendezvous {
  private readonly waiting = new Map<string, () => void>();

  meet(collection: string): Promise<void> {
    const partner = this.waiting.get(collection);
    if (partner) {
      this.waiting.delete(collection);
      partner();
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const arrived = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        if (this.waiting.get(collection) === arrived) this.waiting.delete(collection);
        resolve();
      }, 50);
      this.waiting.set(collection, arrived);
    });
  }
}

class SlowLoads extends StoreInFront {
  constructor(
    inner: ReadModelStore,
    private readonly rendezvous: Rendezvous,
  ) {
    super(inner);
  }

  override load: ReadModelStore['load'] = async <Doc extends object>(
    collection: string,
    ids: readonly string[],
  ) => {
    const loaded = await this.inner.load<Doc>(collection, ids);
    await this.rendezvous.meet(collection);
    return loaded;
  };
}

function describeProjectionRuns(adapterName: string, adapter: () => Adapter): void {
  describe(`projections on ${adapterName}`, () => {
    let folder: string;
    let eventStore: SqliteEventStore;
    let stores: Adapter;

    beforeAll(async () => {
      folder = mkdtempSync(join(tmpdir(), 'talentloop-projections-'));
      eventStore = new SqliteEventStore({
        path: join(folder, 'events.sqlite'),
        durability: 'normal',
      });
      await appendHistory(eventStore, history);
      stores = adapter();
    });

    afterAll(async () => {
      await stores.cleanup();
      await eventStore.close();
      rmSync(folder, { recursive: true, force: true });
    });

    const open = async (name: string) => {
      const store = await stores.open(name);
      opened.push(store);
      return store;
    };

    /** An incremental store-fed run over the whole history, from an empty collection. */
    const runIncrementally = async (readModels: ReadModelStore, pageSize: number) => {
      await new ProjectionRunner({ readModels }).collectionOf(projection);
      const run = runFromStore({
        eventStore,
        readModels,
        projections: [projection],
        name: 'directory',
        pageSize,
      });
      await run.caughtUp;
      await run.stop();
      await run.finished;
    };

    it('ends a crashed and resumed store-fed run equal to an uninterrupted one', async () => {
      const reference = await open('uninterrupted');
      await runIncrementally(reference, 40);
      const expected = await snapshot(reference);
      expectConsistent(expected);

      const crashing = await open('crashing');
      await new ProjectionRunner({ readModels: crashing }).collectionOf(projection);
      const first = runFromStore({
        eventStore,
        readModels: new CrashBeforeCheckpoint(crashing, 3),
        projections: [projection],
        name: 'directory',
        pageSize: 40,
      });
      await expect(first.finished).rejects.toThrow('simulated crash');
      const checkpoint = JSON.parse(
        (await crashing.getState(checkpointKey('directory'))) ?? '{}',
      ) as Record<string, string>;
      expect(Object.values(checkpoint)).toHaveLength(1);

      const resumed = runFromStore({
        eventStore,
        readModels: crashing,
        projections: [projection],
        name: 'directory',
        pageSize: 40,
      });
      await resumed.caughtUp;
      await resumed.stop();
      await resumed.finished;

      expect(await snapshot(crashing)).toEqual(expected);
    });

    it('changes nothing when bus inputs are delivered again', async () => {
      const readModels = await open('redelivery');
      const runner = new ProjectionRunner({ readModels });
      const inputs = busInputs(history, 3).flat();
      await inBatches(inputs, 50, (batch) => runner.applyFromBus(projection, batch));
      const once = await snapshot(readModels);
      expectConsistent(once);

      const again = await runner.applyFromBus(projection, inputs);
      const slice = await runner.applyFromBus(projection, inputs.slice(100, 180));

      expect(again).toMatchObject({ applied: 0, documentsWritten: 0, retried: 0 });
      expect(slice).toMatchObject({ applied: 0, documentsWritten: 0, retried: 0 });
      // Each touched document is reported as it stands, for views that mirror the store.
      expect(again.documents.length).toBeGreaterThan(0);
      const stored = await readModels.load(await runner.collectionOf(projection), [
        ...new Set(again.documents.map((document) => document.id)),
      ]);
      for (const document of again.documents)
        expect(document).toEqual({
          id: document.id,
          doc: stored.get(document.id)?.doc,
          version: stored.get(document.id)?.version,
        });
      expect(await snapshot(readModels)).toEqual(once);
    });

    it('converges when two runners write the same documents concurrently', async () => {
      const [partition0, partition1] = busInputs(history, 2);
      const sequential = await open('sequential');
      const alone = new ProjectionRunner({ readModels: sequential });
      await inBatches([...partition0, ...partition1], 100, (batch) =>
        alone.applyFromBus(projection, batch),
      );
      const expected = await snapshot(sequential);

      const rendezvous = new Rendezvous();
      const first = new ProjectionRunner({
        readModels: new SlowLoads(await open('concurrent'), rendezvous),
        maxAttempts: 50,
      });
      const second = new ProjectionRunner({
        readModels: new SlowLoads(await open('concurrent'), rendezvous),
        maxAttempts: 50,
      });
      let retried = 0;
      const consume = (runner: ProjectionRunner, inputs: ProjectionInput[]) =>
        inBatches(inputs, 10, async (batch) => {
          // Awaited before adding: `retried += await …` reads retried before the await and
          // would drop what the other runner added meanwhile.
          const directory = await runner.applyFromBus(projection, batch);
          const counts = await runner.applyFromBus(syncsPerTenant, batch);
          retried += directory.retried + counts.retried;
        });
      await Promise.all([consume(first, partition0), consume(second, partition1)]);

      const concurrent = await open('concurrent');
      expect(retried).toBeGreaterThan(0);
      expect(await snapshot(concurrent)).toEqual(expected);
      const counted = await new ReadModelReader(concurrent).find(syncsPerTenant.name);
      const syncs = (tenantId: string) =>
        history.filter(
          ({ event }) => event.type === 'EmployeeSynced' && event.metadata.tenantId === tenantId,
        ).length;
      expect(counted).toEqual([
        { tenantId: 'acme', syncs: syncs('acme') },
        { tenantId: 'globex', syncs: syncs('globex') },
      ]);
    });

    it('reads on from where a short page looked, not again over events of other types', async () => {
      const store = new SqliteEventStore({
        path: join(folder, 'look-ahead.sqlite'),
        durability: 'normal',
      });
      const { store: recording, afters } = withReadsRecorded(store);
      const tenantHistory = employeeHistory({ employees: 8, departments: 2, changes: 20, seed: 7 });
      const synced = tenantHistory.filter(({ event }) => event.type === 'EmployeeSynced');
      const others = tenantHistory.filter(({ event }) => event.type !== 'EmployeeSynced');
      expect(others.length).toBeGreaterThan(0);
      const readModels = await open('look-ahead');
      await new ProjectionRunner({ readModels }).collectionOf(syncsPerTenant);
      const run = runFromStore({
        eventStore: recording,
        readModels,
        projections: [syncsPerTenant],
        name: 'look-ahead',
        pollIntervalMs: 5,
      });
      try {
        await appendHistory(store, synced);
        await run.caughtUpNow();

        // Given only events of other types after the runner's last one,
        await appendHistory(store, others);
        const head = await store.lastGlobalPosition();
        // when it polls on,
        await eventually(
          'two reads from the head',
          () => afters.filter((a) => a === head).length >= 2,
        );
        // then every read after the first that looked up to the head starts there.
        const looked = afters.indexOf(head);
        expect(afters.slice(looked).every((after) => after === head)).toBe(true);

        // And an event of its type appended after them is still applied.
        await appendHistory(store, [
          { ...synced[0], event: { ...synced[0].event, id: randomUUID() } },
        ]);
        await run.caughtUpNow();
        expect(await new ReadModelReader(readModels).find(syncsPerTenant.name)).toEqual([
          { tenantId: 'acme', syncs: synced.length + 1 },
        ]);
      } finally {
        await run.stop();
        await store.close();
      }
    });

    it('applies an append through its store at once, not after its poll interval', async () => {
      const store = new SqliteEventStore({
        path: join(folder, 'woken.sqlite'),
        durability: 'normal',
      });
      const [joiner] = employeeHistory({ employees: 1, departments: 1, changes: 0, seed: 3 });
      const readModels = await open('woken');
      await new ProjectionRunner({ readModels }).collectionOf(syncsPerTenant);
      // Given a runner that has caught up and would poll again only in an hour
      const run = runFromStore({
        eventStore: store,
        readModels,
        projections: [syncsPerTenant],
        name: 'woken',
        pollIntervalMs: 3_600_000,
      });
      try {
        await run.caughtUp;
        // When an event of its type is appended through the same store
        await appendHistory(store, [joiner]);
        // Then it is applied without anyone asking (caughtUpNow would wake the runner itself)
        const reader = new ReadModelReader(readModels, { pointerTtlMs: 0 });
        await eventually(
          'the append applied',
          async () => (await reader.find(syncsPerTenant.name)).length === 1,
        );
        expect(await reader.find(syncsPerTenant.name)).toEqual([{ tenantId: 'acme', syncs: 1 }]);
      } finally {
        await run.stop();
        await store.close();
      }
    });

    it('rebuilds to the incremental result while reads keep serving the old collection', async () => {
      const readModels = await open('rebuild');
      await runIncrementally(readModels, 100);
      const incremental = await snapshot(readModels);
      const old = await readModels.getState(activePointerKey(projection.name));
      const reader = new ReadModelReader(readModels, { pointerTtlMs: 0 });
      const duringRebuild: Promise<[string | undefined, EmployeeDirectoryDocument[]]>[] = [];

      const result = await rebuildProjection({
        eventStore,
        readModels,
        projection,
        pageSize: 64,
        // Small enough that documents are flushed, evicted, reloaded and updated mid-rebuild.
        maxBufferedDocuments: 25,
        retireDelayMs: 10,
        onProgress: () => {
          duringRebuild.push(
            Promise.all([
              reader.activeCollection(projection.name),
              reader.find<EmployeeDirectoryDocument>(projection.name),
            ]),
          );
        },
      });

      expect(duringRebuild.length).toBeGreaterThan(3);
      for (const [active, documents] of (await Promise.all(duringRebuild)).slice(0, -1)) {
        expect(active).toBe(old);
        expect(documents).toEqual(incremental);
      }
      expect(result).toMatchObject({ previousCollection: old, events: history.length });
      expect(await readModels.getState(activePointerKey(projection.name))).toBe(result.collection);
      expect(await snapshot(readModels)).toEqual(incremental);
      await expect(readModels.count(old ?? '')).resolves.toBe(0);

      await rebuildProjection({ eventStore, readModels, projection, retireDelayMs: 0 });
      expect(await snapshot(readModels)).toEqual(incremental);
    });

    it('rebuilds a projection whose version changed before following new events', async () => {
      const readModels = await open('version-bump');
      await runIncrementally(readModels, 200);
      const before = await snapshot(readModels);
      const bumped: Projection = { ...projection, version: projection.version + 1 };

      const run = runFromStore({
        eventStore,
        readModels,
        projections: [bumped],
        name: 'directory',
        pollIntervalMs: 10,
      });
      await run.caughtUp;
      const active = await readModels.getState(activePointerKey(projection.name));
      expect(active).toMatch(/__v2__/);
      expect(await snapshot(readModels)).toEqual(before);

      const [joiner] = employeeHistory({
        tenants: ['initech'],
        employees: 1,
        departments: 1,
        changes: 0,
      });
      await appendHistory(eventStore, [joiner]);
      const reader = new ReadModelReader(readModels, { pointerTtlMs: 0 });
      const joined = async () => reader.get(projection.name, 'employee:initech:emp-0');
      for (let tries = 0; (await joined()) === undefined && tries < 200; tries++)
        await new Promise((resolve) => setTimeout(resolve, 10));
      await run.stop();
      await run.finished;
      expect(await joined()).toMatchObject({ kind: 'employee', tenantId: 'initech' });
    });
  });
}

describeProjectionRuns('the embedded store', () => {
  const folder = mkdtempSync(join(tmpdir(), 'talentloop-read-models-'));
  return {
    open: (name) =>
      Promise.resolve(new EmbeddedReadModelStore({ path: join(folder, `${name}.sqlite`) })),
    cleanup: () => Promise.resolve(rmSync(folder, { recursive: true, force: true })),
  };
});

describeWithMongo('projections on MongoDB', (uri) => {
  const databases = new Map<string, string>();
  describeProjectionRuns('MongoDB', () => ({
    open: (name) => {
      const dbName = databases.get(name) ?? testDatabaseName(name.replace(/-/g, '_'));
      databases.set(name, dbName);
      return MongoReadModelStore.connect({ uri, dbName });
    },
    cleanup: async () => {
      const connection = await mongoose.createConnection(uri).asPromise();
      for (const dbName of databases.values()) await connection.useDb(dbName).dropDatabase();
      await connection.close();
    },
  }));
});
