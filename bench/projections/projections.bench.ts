/**
 * Projection benchmark: rebuild of a read model from the whole event store history into the
 * embedded store and into the MongoDB-wire server (FerretDB in CI), each beside the raw paths
 * it is made of, for the same history in the same run: the event store's read-all of that
 * history (events/s) and a raw insert of exactly the documents the rebuild wrote (documents/s:
 * plain better-sqlite3 INSERTs, or plain insertMany). Documents/s are compared with
 * documents/s, times with times. Run with `npm run bench:projections` after
 * `deploy/test-infra/up.sh` (MONGODB_URI; without it the MongoDB row is skipped, loudly).
 * The MongoDB row prints PASS or BELOW against issue 19's floor: the rebuild at >= 80 % of the
 * raw insert's documents/s. BENCH_SCALE (default 1) scales the history.
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
import { formatCount, formatRate, formatRatio, formatSeconds } from '../lib/format';
import { describeMachine } from '../lib/machine';
import { withScratchMongo } from '../lib/scratch-mongo';
import { positiveFromEnv } from '../lib/stats';
import { markdownTable } from '../lib/table';
import { withTempDb } from '../lib/temp-db';
import { MachineLoad } from '../lib/machine-load';
import { rawInsertEmbedded, rawInsertMongo, type RawInsert } from './raw-insert-many';
import { rawReadAll, type RawReadAll } from './raw-read-all';

const scale = positiveFromEnv('BENCH_SCALE', 1, { whole: false });
const mongoUri = process.env['MONGODB_URI'];
const tenants = Math.max(1, Math.round(100 * scale));
const employeesPerTenant = 100;
const changesPerEmployee = 19;
/** Events per readAll call, for the rebuild and the raw read-all alike. */
const PAGE_SIZE = 5000;
const projection = employeeDirectoryProjection;

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

interface Figures {
  readonly target: string;
  readonly rebuild: RebuildResult;
  readonly rawInsert: RawInsert;
}

const rebuildInto = async (
  store: SqliteEventStore,
  readModels: ReadModelStore,
): Promise<RebuildResult> => {
  try {
    return await rebuildProjection({
      eventStore: store,
      readModels,
      projection,
      pageSize: PAGE_SIZE,
      retireDelayMs: 0,
    });
  } finally {
    await readModels.close();
  }
};

const embeddedFigures = (store: SqliteEventStore): Promise<Figures> =>
  withTempDb('projections-embedded', async (path) => {
    const rebuild = await rebuildInto(store, new EmbeddedReadModelStore({ path }));
    const rawInsert = await withTempDb('projections-embedded-raw', (rawPath) =>
      Promise.resolve(rawInsertEmbedded(path, rebuild.collection, rawPath)),
    );
    return { target: 'embedded (SQLite)', rebuild, rawInsert };
  });

const mongoFigures = (store: SqliteEventStore, uri: string): Promise<Figures> =>
  withScratchMongo(uri, 'rebuild', async (dbName) => {
    const rebuild = await rebuildInto(store, await MongoReadModelStore.connect({ uri, dbName }));
    const rawInsert = await rawInsertMongo(uri, dbName, rebuild.collection);
    return { target: 'MongoDB wire (FerretDB)', rebuild, rawInsert };
  });

const seconds = (result: RebuildResult) => result.elapsedMs / 1000;

/**
 * Issue 19's floor for the MongoDB-wire row: the rebuild's documents/s at least 80 % of a raw
 * insertMany of the same documents in the same run. The embedded row has none of its own.
 */
const MONGO_FLOOR = 0.8;
const floorOf = (target: string): number | undefined =>
  target.startsWith('MongoDB') ? MONGO_FLOOR : undefined;

const ratioOf = ({ rebuild, rawInsert }: Figures): number =>
  rebuild.documents / seconds(rebuild) / (rawInsert.documents / rawInsert.seconds);

const verdictOf = (figures: Figures): string => {
  const floor = floorOf(figures.target);
  if (floor === undefined) return '-';
  return `${ratioOf(figures) >= floor ? 'PASS' : 'BELOW'} (>= ${formatRatio(floor, true)})`;
};

/** Both raw rates count the same documents the rebuild wrote; says so when they do not. */
const checkSameDocuments = ({ target, rebuild, rawInsert }: Figures): string =>
  rebuild.documents === rawInsert.documents
    ? ''
    : `⚠ ${target}: the rebuild reported ${formatCount(rebuild.documents)} documents written, its collection holds ${formatCount(rawInsert.documents)}`;

const rebuildTable = (rows: readonly Figures[]) =>
  markdownTable(
    [
      { header: 'target' },
      { header: 'events read', align: 'right' },
      { header: 'documents written', align: 'right' },
      { header: 'elapsed', align: 'right' },
      { header: 'documents/s', align: 'right' },
      { header: 'events/s', align: 'right' },
    ],
    rows.map(({ target, rebuild }) => [
      target,
      formatCount(rebuild.events),
      formatCount(rebuild.documents),
      formatSeconds(seconds(rebuild)),
      formatRate(rebuild.documents / seconds(rebuild)),
      formatRate(rebuild.events / seconds(rebuild)),
    ]),
  );

const besideRawTable = (rows: readonly Figures[], read: RawReadAll) =>
  markdownTable(
    [
      { header: 'target' },
      { header: 'raw read-all events/s', align: 'right' },
      { header: 'raw insert docs/s', align: 'right' },
      { header: 'rebuild docs/s', align: 'right' },
      { header: 'rebuild docs/s ÷ raw insert docs/s', align: 'right' },
      { header: 'floor' },
      { header: 'rebuild time', align: 'right' },
      { header: 'raw read-all + raw insert time', align: 'right' },
      { header: 'rebuild time ÷ raw time', align: 'right' },
    ],
    rows.map((figures) => {
      const { target, rebuild, rawInsert } = figures;
      const rawSeconds = read.seconds + rawInsert.seconds;
      return [
        target,
        formatRate(read.events / read.seconds),
        formatRate(rawInsert.documents / rawInsert.seconds),
        formatRate(rebuild.documents / seconds(rebuild)),
        formatRatio(ratioOf(figures), true),
        verdictOf(figures),
        formatSeconds(seconds(rebuild)),
        `${formatSeconds(read.seconds)} + ${formatSeconds(rawInsert.seconds)} = ${formatSeconds(rawSeconds)}`,
        formatRatio(seconds(rebuild) / rawSeconds),
      ];
    }),
  );

const main = async () => {
  const load = new MachineLoad();
  console.log(`# Projection benchmark\n\n${describeMachine()}\n`);
  if (!mongoUri)
    console.log(
      '**MongoDB wire server SKIPPED: MONGODB_URI is not set** (run deploy/test-infra/up.sh and source deploy/test-infra/.run/env); only the embedded store is measured.\n',
    );
  else console.log(`MongoDB wire server at ${mongoUri}\n`);
  await withTempDb('projections-store', async (storePath) => {
    const store = new SqliteEventStore({ path: storePath });
    try {
      const events = await fillHistory(store);
      console.log(
        `History: ${formatCount(events)} events (${tenants} tenants × ${employeesPerTenant} employees × ${changesPerEmployee + 1} events), projection ${projection.name}, pages of ${formatCount(PAGE_SIZE)} events\n`,
      );
      const read = await rawReadAll(store, { eventTypes: [...projection.eventTypes] }, PAGE_SIZE);
      const rows = [await embeddedFigures(store)];
      if (mongoUri) rows.push(await mongoFigures(store, mongoUri));

      console.log('## Rebuild (whole history → fresh collection → atomic switch)\n');
      console.log(rebuildTable(rows));
      console.log('\n## Beside the raw paths: same history, same documents, same run\n');
      console.log(besideRawTable(rows, read));
      console.log(
        [
          '',
          `Raw read-all: the event store's readAll of the same ${formatCount(read.events)} events (the projection's event types, pages of ${formatCount(PAGE_SIZE)}) in ${formatSeconds(read.seconds)}, doing nothing with them.`,
          'Raw insert: exactly the documents the rebuild wrote, read back from its collection, written into a fresh one with the same indexes (embedded: prepared better-sqlite3 INSERTs, WAL, synchronous=NORMAL, up to 250,000 a transaction; MongoDB wire: insertMany unordered, chunks of 10,000, two in flight); only the writes are timed.',
          'rebuild time ÷ raw time: the rebuild against reading the history and writing its documents and nothing else (1× = folding and bookkeeping cost nothing).',
          ...rows.map(checkSameDocuments).filter(Boolean),
          ...rows
            .filter((figures) => floorOf(figures.target) !== undefined)
            .map(
              (figures) =>
                `\n**${verdictOf(figures).split(' ')[0]}**: ${figures.target} rebuild at ${formatRatio(ratioOf(figures), true)} of the raw insertMany's documents/s in this run (issue 19 floor: >= ${formatRatio(MONGO_FLOOR, true)}).`,
            ),
          '',
          load.describe(),
        ].join('\n'),
      );
      if (!mongoUri) console.log('\n**MongoDB wire server SKIPPED: MONGODB_URI is not set.**');
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
