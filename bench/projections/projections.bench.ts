/**
 * Projection benchmark: rebuild of a read model from the whole event store history into the
 * embedded store and into the MongoDB-wire server (FerretDB in CI), beside that server's raw
 * insertMany rate in the same run. Run with `npm run bench:projections` after
 * `deploy/test-infra/up.sh` (MONGODB_URI). BENCH_SCALE (default 1) scales the history.
 */
import { randomUUID } from 'node:crypto';
import { eventRegistry, streamName } from '@talentloop/contracts';
import { SqliteEventStore, type EventToAppend } from '@talentloop/event-store';
import {
  EmbeddedReadModelStore,
  employeeDirectoryProjection,
  MongoReadModelStore,
  rebuildProjection,
  type ReadModelStore,
  type RebuildResult,
} from '@talentloop/read-models';
import { formatCount, formatRate, formatSeconds } from '../lib/format';
import { describeMachine } from '../lib/machine';
import { withScratchMongo } from '../lib/scratch-mongo';
import { markdownTable } from '../lib/table';
import { withTempDb } from '../lib/temp-db';
import { measureRawInsertMany } from './raw-insert-many';
import { positiveFromEnv } from '../lib/stats';

const scale = positiveFromEnv('BENCH_SCALE', 1, { whole: false });
const mongoUri = process.env['MONGODB_URI'];
const tenants = Math.max(1, Math.round(100 * scale));
const employeesPerTenant = 100;
const changesPerEmployee = 19;

const synced = eventRegistry.current('EmployeeSynced')!;
const changed = eventRegistry.current('ReportingLineChanged')!;

/** Every employee synced once, then moved between managers: one stream per employee. */
const fillHistory = async (store: SqliteEventStore): Promise<number> => {
  let events = 0;
  const occurredAt = new Date().toISOString();
  for (let t = 0; t < tenants; t++) {
    const tenantId = `bench-${t}`;
    const metadata = (schemaVersion: number) => ({
      tenantId,
      actorId: 'bench',
      occurredAt,
      schemaVersion,
    });
    for (let e = 0; e < employeesPerTenant; e++) {
      const employeeId = `emp-${e}`;
      const history: EventToAppend[] = [
        {
          id: randomUUID(),
          type: synced.name,
          data: {
            ...synced.example,
            employeeId,
            externalId: `x-${t}-${e}`,
            departmentId: `dept-${e % 7}`,
          },
          metadata: metadata(synced.version),
        },
        ...Array.from({ length: changesPerEmployee }, (_, c) => ({
          id: randomUUID(),
          type: changed.name,
          data: {
            ...changed.example,
            employeeId,
            previousManagerId: `mgr-${c}`,
            newManagerId: `mgr-${c + 1}`,
          },
          metadata: metadata(changed.version),
        })),
      ];
      await store.appendToStream(
        streamName({ context: 'assessment', aggregate: 'employee', tenantId, id: employeeId }),
        history,
        { expectedRevision: 'no_stream' },
      );
      events += history.length;
    }
  }
  return events;
};

interface Row {
  readonly target: string;
  readonly result: RebuildResult;
}

const rebuildInto = async (
  target: string,
  store: SqliteEventStore,
  readModels: ReadModelStore,
): Promise<Row> => {
  try {
    const result = await rebuildProjection({
      eventStore: store,
      readModels,
      projection: employeeDirectoryProjection,
    });
    return { target, result };
  } finally {
    await readModels.close();
  }
};

const main = async () => {
  if (!mongoUri)
    throw new Error('MONGODB_URI is not set: run deploy/test-infra/up.sh and source its env');
  console.log(
    `# Projection benchmark\n\n${describeMachine()}; MongoDB wire server at ${mongoUri}\n`,
  );
  await withTempDb('projections-store', async (storePath) => {
    const store = new SqliteEventStore({ path: storePath });
    try {
      const events = await fillHistory(store);
      console.log(
        `History: ${formatCount(events)} events (${tenants} tenants × ${employeesPerTenant} employees × ${changesPerEmployee + 1} events), projection ${employeeDirectoryProjection.name}\n`,
      );
      const rows: Row[] = [];
      rows.push(
        await withTempDb('projections-embedded', (path) =>
          rebuildInto('embedded (SQLite)', store, new EmbeddedReadModelStore({ path })),
        ),
      );
      rows.push(
        await withScratchMongo(mongoUri, 'rebuild', async (dbName) =>
          rebuildInto(
            'MongoDB wire (FerretDB)',
            store,
            await MongoReadModelStore.connect({ uri: mongoUri, dbName }),
          ),
        ),
      );
      const documents = rows[1].result.documents;
      const rawDocuments = Array.from({ length: documents }, (_, i) => ({
        _id: `doc-${i}`,
        _v: 1,
        _src: { store: String(i) },
        employeeId: `emp-${i}`,
        departmentId: `dept-${i % 7}`,
        roleId: 'team-lead',
        managerId: `mgr-${i % 19}`,
        displayName: `Employee ${i}`,
      }));
      const rawRate = await measureRawInsertMany(mongoUri, rawDocuments, 10_000);

      console.log('## Rebuild (whole history → fresh collection → atomic switch)\n');
      console.log(
        markdownTable(
          [
            { header: 'target' },
            { header: 'events', align: 'right' },
            { header: 'documents', align: 'right' },
            { header: 'time', align: 'right' },
            { header: 'events/s', align: 'right' },
            { header: 'floor' },
          ],
          rows.map(({ target, result }, index) => {
            const rate = result.events / (result.elapsedMs / 1000);
            const floor =
              index === 0
                ? `≥ 50,000 events/s: ${rate >= 50_000 ? 'PASS' : 'FAIL'}`
                : `≥ 50% of raw insertMany (${formatRate(rawRate)} docs/s): ${rate >= 0.5 * rawRate ? 'PASS' : 'FAIL'}`;
            return [
              target,
              formatCount(result.events),
              formatCount(result.documents),
              formatSeconds(result.elapsedMs / 1000),
              formatRate(rate),
              floor,
            ];
          }),
        ),
      );
      console.log(
        `\nRaw insertMany into the same server, same run: ${formatCount(documents)} documents at ${formatRate(rawRate)} docs/s (unordered, chunks of 10,000).`,
      );
    } finally {
      await store.close();
    }
  });
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
