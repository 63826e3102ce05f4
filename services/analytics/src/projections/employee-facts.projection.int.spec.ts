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
import { employeeFactsProjection } from './employee-facts.projection';

const documentsOf = async (readModels: ReadModelStore) => {
  const collection = await readModels.getState(activePointerKey(employeeFactsProjection.name));
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
      projections: [employeeFactsProjection],
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
      if (positions.length > 0 && BigInt(positions[0]) >= head) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await run.stop();

    // and the projection is rebuilt from the whole history into another store,
    const rebuilt = new EmbeddedReadModelStore({ path: join(folder, 'rebuilt.sqlite') });
    const result = await rebuildProjection({
      eventStore: store,
      readModels: rebuilt,
      projection: employeeFactsProjection,
      retireDelayMs: 0,
    });

    // then both hold the same documents, one per employee.
    const [left, right] = [await documentsOf(incremental), await documentsOf(rebuilt)];
    expect(result.documents).toBe(1200);
    expect(left).toHaveLength(1200);
    expect(right).toEqual(left);
    await incremental.close();
    await rebuilt.close();
  }, 240_000);
});
