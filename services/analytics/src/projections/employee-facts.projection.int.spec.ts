import { headPosition, SqliteEventStore } from '@talentloop/event-store';
import {
  activePointerKey,
  checkpointKey,
  EmbeddedReadModelStore,
  rebuildProjection,
  runFromStore,
  type ReadModelStore,
} from '@talentloop/read-models';
import { appendHistory, organisationHistory } from '@talentloop/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { employeeFactsProjection, employeeHistoryProjection } from './employee-facts.projection';

const projections = [employeeFactsProjection, employeeHistoryProjection];

const documentsOf = async (readModels: ReadModelStore, projection: string) => {
  const collection = await readModels.getState(activePointerKey(projection));
  if (collection === undefined) throw new Error('no active collection');
  const documents = await readModels.find<{ tenantId: string; employeeId: string }>(collection);
  return documents.sort((a, b) =>
    `${a.tenantId}:${a.employeeId}`.localeCompare(`${b.tenantId}:${b.employeeId}`),
  );
};

describe('the employee facts projection on a generated organisation', () => {
  let folder: string;
  let store: SqliteEventStore;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'talentloop-analytics-facts-'));
    store = new SqliteEventStore({ path: join(folder, 'store.sqlite'), durability: 'normal' });
  });

  afterAll(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('rebuilt from the whole history ends identical to the incremental run', async () => {
    // given a history of more than 100,000 events across 1,200 employees of two tenants,
    const batches = [
      ...organisationHistory({
        tenants: ['acme', 'globex'],
        employees: 600,
        departments: 12,
        targetEvents: 110_000,
        seed: 7,
      }),
    ];
    const half = Math.floor(batches.length / 2);
    const first = await appendHistory(store, batches.slice(0, half));

    // when the runner follows it while the second half is being appended,
    const incremental = new EmbeddedReadModelStore({ path: join(folder, 'incremental.sqlite') });
    const run = runFromStore({
      eventStore: store,
      readModels: incremental,
      projections,
      name: 'analytics',
      pageSize: 1000,
      pollIntervalMs: 10,
    });
    await run.caughtUp;
    const second = await appendHistory(store, batches.slice(half));
    expect(first + second).toBeGreaterThanOrEqual(100_000);
    const head = await headPosition(store, {
      eventTypes: [...employeeFactsProjection.eventTypes],
    });
    for (;;) {
      const checkpoint = await incremental.getState(checkpointKey('analytics'));
      const positions = Object.values(JSON.parse(checkpoint ?? '{}') as Record<string, string>);
      if (positions.length === 2 && positions.every((position) => BigInt(position) >= head)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await run.stop();

    // and each projection is rebuilt from the whole history into another store,
    const rebuilt = new EmbeddedReadModelStore({ path: join(folder, 'rebuilt.sqlite') });
    for (const projection of projections) {
      const result = await rebuildProjection({
        eventStore: store,
        readModels: rebuilt,
        projection,
        retireDelayMs: 0,
      });
      expect(result.documents).toBe(1200);
    }

    // then both hold the same documents, one per employee and read model,
    const [facts, histories] = [
      await documentsOf(incremental, employeeFactsProjection.name),
      await documentsOf(incremental, employeeHistoryProjection.name),
    ];
    expect(facts).toHaveLength(1200);
    expect(histories).toHaveLength(1200);
    expect(await documentsOf(rebuilt, employeeFactsProjection.name)).toEqual(facts);
    expect(await documentsOf(rebuilt, employeeHistoryProjection.name)).toEqual(histories);
    // and the facts are the histories' folds without their history lines.
    expect(facts).toEqual(histories.map((history) => ({ ...history, history: [] })));
    // Each history has its lines, but for the people erased since.
    const kept = histories as unknown as { erased: boolean; history: unknown[] }[];
    expect(kept.filter((history) => history.history.length > 0)).toEqual(
      kept.filter((history) => !history.erased),
    );
    expect(kept.filter((history) => !history.erased).length).toBeGreaterThan(1100);
    await incremental.close();
    await rebuilt.close();
  }, 240_000);
});
