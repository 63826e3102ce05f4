/**
 * Event-store benchmark: Talentloop's SqliteEventStore beside raw better-sqlite3 (the
 * engine's limit on the same rows and durability) and the peer embedded store
 * @event-driven-io/emmett-sqlite. Run with `npm run bench:event-store`.
 *
 * BENCH_SCALE (default 1) scales every count, e.g. BENCH_SCALE=0.1 for a quick check.
 */
import { DEFAULT_PAGE_SIZE } from '@talentloop/event-store';
import { formatCount, formatRate, formatRatio, formatSeconds } from '../lib/format';
import { describeMachine } from '../lib/machine';
import { markdownTable } from '../lib/table';
import { withTempDb } from '../lib/temp-db';
import { Deadline, runLoops, secondsSince, timed } from '../lib/timer';
import { emmettSqlite, peerRetriedAppends } from './emmett.target';
import { rawSqlite, RawSqliteTarget, type RawAppend } from './raw-sqlite.target';
import { benchStream, SAMPLE_EVENT_TYPE, sampleEventBytes, sampleEvents } from './sample-event';
import { isTalentloopTarget, talentloopSqlite } from './talentloop.target';
import type { BenchTarget, SystemKey, TargetFactory } from './target';
import { positiveFromEnv } from '../lib/stats';

const scale = positiveFromEnv('BENCH_SCALE', 1, { whole: false });
const scaled = (count: number): number => Math.max(1, Math.round(count * scale));

const config = {
  sequentialStreams: scaled(10_000),
  appenders: 64,
  appendsPerAppender: scaled(500),
  batches: scaled(3_000),
  batchSize: 100,
  readPageSize: 10_000,
  readPasses: 3,
  warmupAppends: 200,
  warmupBatches: 10,
  /** A slow system stops starting appends after this; its rate comes from what it finished. */
  cellTimeCapSeconds: 15,
};

const systems: readonly TargetFactory[] = [rawSqlite, talentloopSqlite, emmettSqlite];

interface Cell {
  /** Appends (rows 1–2) or events (rows 3–4) done in the timed part. */
  readonly operations: number;
  readonly seconds: number;
  readonly planned: number;
  /** Write transactions of ours in the timed part (group commit shows as fewer than appends). */
  readonly flushes?: number;
}

const rate = (cell: Cell): number => cell.operations / cell.seconds;

type RowId = 'sequential' | 'concurrent' | 'batched' | 'readAll';

const rowTitles: Record<RowId, string> = {
  sequential: '1. durable single-event appends/s, 1 appender',
  concurrent: `2. durable appends/s, ${config.appenders} concurrent appenders`,
  batched: `3. events/s appended in batches of ${config.batchSize}`,
  readAll: '4. events/s read back through read-all, parsed',
};

const results = new Map<RowId, Map<SystemKey, Cell>>();
/** Measurements that explain the floors; not scored. */
const context = {
  groupCommitCeiling: undefined as Cell | undefined,
  defaultPageReads: new Map<SystemKey, Cell>(),
};
const durability = new Map<SystemKey, string>();

const record = (row: RowId, system: SystemKey, cell: Cell): void => {
  const cells = results.get(row) ?? new Map<SystemKey, Cell>();
  cells.set(system, cell);
  results.set(row, cells);
  const capped =
    cell.operations < cell.planned ? ` (time cap: ${formatCount(cell.planned)} planned)` : '';
  const flushes =
    cell.flushes === undefined ? '' : `, ${formatCount(cell.flushes)} write transactions`;
  console.log(
    `  ${system.padEnd(4)} ${rowTitles[row].slice(0, 2)} ${formatCount(cell.operations)} in ${formatSeconds(cell.seconds)} = ${formatRate(rate(cell))}/s${flushes}${capped}`,
  );
};

const flushesOf = (target: BenchTarget): number | undefined =>
  isTalentloopTarget(target) ? target.flushCount : undefined;

const warmUp = async (target: BenchTarget, singles: number, batches: number): Promise<void> => {
  for (let i = 0; i < singles; i++) await target.append(benchStream(`warm-${i}`), sampleEvents(1));
  for (let i = 0; i < batches; i++) {
    await target.append(benchStream(`warm-batch-${i}`), sampleEvents(config.batchSize));
  }
};

/** Opens a target on a fresh temp file, warms it up, runs `body`, closes and deletes it. */
const onFreshStore = (
  factory: TargetFactory,
  label: string,
  warmup: { singles: number; batches: number },
  body: (target: BenchTarget) => Promise<void>,
): Promise<void> =>
  withTempDb(`${label}-${factory.key}`, async (path) => {
    const target = await factory.open(path);
    try {
      await warmUp(target, warmup.singles, warmup.batches);
      if (!durability.has(factory.key)) durability.set(factory.key, await target.durability());
      await body(target);
    } finally {
      await target.close();
    }
  });

const sequentialRow = (factory: TargetFactory): Promise<void> =>
  onFreshStore(factory, 'r1', { singles: config.warmupAppends, batches: 0 }, async (target) => {
    const planned = config.sequentialStreams;
    const events = sampleEvents(planned);
    const streams = events.map((_, i) => benchStream(`r1-${i}`));
    const flushesBefore = flushesOf(target);
    const deadline = new Deadline(config.cellTimeCapSeconds);
    const { result: operations, seconds } = await timed(() =>
      runLoops(1, planned, deadline, (_, i) => target.append(streams[i], [events[i]])),
    );
    const flushesAfter = flushesOf(target);
    record('sequential', factory.key, {
      operations,
      seconds,
      planned,
      flushes:
        flushesAfter === undefined ? undefined : flushesAfter - (flushesBefore ?? flushesAfter),
    });
  });

const concurrentRow = (factory: TargetFactory): Promise<void> =>
  onFreshStore(factory, 'r2', { singles: config.warmupAppends, batches: 0 }, async (target) => {
    const { appenders, appendsPerAppender } = config;
    const planned = appenders * appendsPerAppender;
    const events = sampleEvents(planned);
    const streams = events.map((_, k) => concurrentStream(k));
    const flushesBefore = flushesOf(target);
    const deadline = new Deadline(config.cellTimeCapSeconds);
    const { result: operations, seconds } = await timed(() =>
      runLoops(appenders, appendsPerAppender, deadline, (w, i) => {
        const k = w * appendsPerAppender + i;
        return target.append(streams[k], [events[k]]);
      }),
    );
    const flushesAfter = flushesOf(target);
    record('concurrent', factory.key, {
      operations,
      seconds,
      planned,
      flushes:
        flushesAfter === undefined ? undefined : flushesAfter - (flushesBefore ?? flushesAfter),
    });
  });

/** Stream k of row 2: appender k / appendsPerAppender, its (k % appendsPerAppender)-th append. */
const concurrentStream = (k: number): string =>
  benchStream(`r2-w${Math.floor(k / config.appendsPerAppender)}-${k % config.appendsPerAppender}`);

/**
 * Context for row 2: the engine's own group-commit limit. Raw better-sqlite3 writes the
 * appends of row 2 as the 64 appenders would reach a group-committing store: one
 * transaction per round of 64 appends, a savepoint each.
 */
const groupCommitCeiling = (): Promise<void> =>
  withTempDb('r2-raw-grouped', async (path) => {
    const target = new RawSqliteTarget(path);
    try {
      await warmUp(target, config.warmupAppends, 0);
      const { appenders, appendsPerAppender } = config;
      const planned = appenders * appendsPerAppender;
      const events = sampleEvents(planned);
      const rounds = Array.from({ length: appendsPerAppender }, (_, i) =>
        Array.from({ length: appenders }, (__, w): RawAppend => {
          const k = w * appendsPerAppender + i;
          return { stream: concurrentStream(k), events: [events[k]] };
        }),
      );
      const start = process.hrtime.bigint();
      for (const round of rounds) target.appendGroup(round);
      const cell: Cell = {
        operations: planned,
        seconds: secondsSince(start),
        planned,
        flushes: rounds.length,
      };
      context.groupCommitCeiling = cell;
      console.log(
        `  raw, ${appenders} appends per transaction: ${formatCount(planned)} in ${formatSeconds(cell.seconds)} = ${formatRate(rate(cell))}/s (context, not scored)`,
      );
    } finally {
      await target.close();
    }
  });

const readPasses = async (target: BenchTarget, pageSize: number): Promise<Cell> => {
  const start = process.hrtime.bigint();
  let read = 0;
  for (let pass = 0; pass < config.readPasses; pass++) read += await target.readAll(pageSize);
  return { operations: read, seconds: secondsSince(start), planned: read };
};

/** Row 3 writes the batches; row 4 reads the same file back. */
const batchedAndReadRows = (factory: TargetFactory): Promise<void> =>
  onFreshStore(factory, 'r3', { singles: 0, batches: config.warmupBatches }, async (target) => {
    const { batches, batchSize } = config;
    const batchEvents = Array.from({ length: batches }, () => sampleEvents(batchSize));
    const streams = batchEvents.map((_, i) => benchStream(`r3-${i}`));
    const deadline = new Deadline(config.cellTimeCapSeconds);
    const { result: appended, seconds } = await timed(() =>
      runLoops(1, batches, deadline, (_, i) => target.append(streams[i], batchEvents[i])),
    );
    record('batched', factory.key, {
      operations: appended * batchSize,
      seconds,
      planned: batches * batchSize,
    });

    const expected = (config.warmupBatches + appended) * batchSize;
    const warm = await target.readAll(config.readPageSize);
    if (warm !== expected) throw new Error(`${factory.key} read ${warm} events, wrote ${expected}`);
    record('readAll', factory.key, await readPasses(target, config.readPageSize));
    if (factory.key !== 'peer') {
      const cell = await readPasses(target, DEFAULT_PAGE_SIZE);
      context.defaultPageReads.set(factory.key, cell);
      console.log(
        `  ${factory.key.padEnd(4)} 4. at page ${formatCount(DEFAULT_PAGE_SIZE)}: ${formatRate(rate(cell))}/s (context, not scored)`,
      );
    }
  });

interface Floor {
  readonly row: RowId;
  readonly name: string;
  readonly measured: string;
  readonly pass: boolean;
}

const cellOf = (row: RowId, system: SystemKey): Cell => {
  const cell = results.get(row)?.get(system);
  if (!cell) throw new Error(`no result for ${row} / ${system}`);
  return cell;
};

const ratio = (row: RowId, over: SystemKey): number =>
  rate(cellOf(row, 'ours')) / rate(cellOf(row, over));

/** Share of raw better-sqlite3 in the same run that ours must reach; read-all is issue 19's. */
const rawFloors = { sequential: 0.6, batched: 0.6, readAll: 0.8 } as const;

const floors = (): Floor[] => {
  const list: Floor[] = [];
  for (const row of ['sequential', 'batched', 'readAll'] as const) {
    const value = ratio(row, 'raw');
    const floor = rawFloors[row];
    list.push({
      row,
      name: `ours ≥ ${formatRatio(floor, true)} of raw${row === 'readAll' ? ' (issue 19)' : ''}`,
      measured: formatRatio(value, true),
      pass: value >= floor,
    });
  }
  const speedup = rate(cellOf('concurrent', 'ours')) / rate(cellOf('sequential', 'ours'));
  list.push({
    row: 'concurrent',
    name: 'ours row 2 ≥ 5 × ours row 1',
    measured: formatRatio(speedup),
    pass: speedup >= 5,
  });
  for (const row of Object.keys(rowTitles) as RowId[]) {
    const value = ratio(row, 'peer');
    list.push({ row, name: 'ours > peer', measured: formatRatio(value), pass: value > 1 });
  }
  return list;
};

const rowOrder = Object.keys(rowTitles) as RowId[];

const report = (totalSeconds: number): void => {
  const allFloors = floors();
  const verdicts = (row: RowId) =>
    allFloors
      .filter((floor) => floor.row === row)
      .map((floor) => `${floor.pass ? 'PASS' : 'BELOW'} ${floor.name} (${floor.measured})`)
      .join('; ');
  const cellText = (row: RowId, system: SystemKey) => {
    const cell = cellOf(row, system);
    return `${formatRate(rate(cell))}${cell.operations < cell.planned ? '*' : ''}`;
  };

  console.log('\n## Durability\n');
  for (const factory of systems) {
    console.log(`- **${factory.label}**: ${durability.get(factory.key) ?? '?'}`);
  }
  console.log('\n## How each system is driven\n');
  for (const factory of systems) console.log(`- **${factory.label}**: ${factory.notes}`);

  console.log(
    "\nThe raw baseline creates its tables from SQLITE_EVENT_STORE_SCHEMA, the store's own.",
  );

  console.log('\n## Results\n');
  console.log(
    markdownTable(
      [
        { header: 'Scenario' },
        { header: 'raw better-sqlite3', align: 'right' },
        { header: 'ours (SqliteEventStore)', align: 'right' },
        { header: 'peer (emmett-sqlite)', align: 'right' },
        { header: 'ours/raw', align: 'right' },
        { header: 'ours/peer', align: 'right' },
        { header: 'Floors' },
      ],
      rowOrder.map((row) => [
        rowTitles[row],
        cellText(row, 'raw'),
        cellText(row, 'ours'),
        cellText(row, 'peer'),
        formatRatio(ratio(row, 'raw')),
        formatRatio(ratio(row, 'peer')),
        verdicts(row),
      ]),
    ),
  );
  const anyCapped = rowOrder.some((row) =>
    systems.some((factory) => {
      const cell = cellOf(row, factory.key);
      return cell.operations < cell.planned;
    }),
  );
  if (anyCapped) {
    console.log(
      `\n\\* stopped at the ${config.cellTimeCapSeconds} s cap; the rate is over the appends it finished.`,
    );
  }

  console.log('\n## Measurements\n');
  console.log(
    markdownTable(
      [
        { header: 'Scenario' },
        { header: 'System' },
        { header: 'Done', align: 'right' },
        { header: 'Time', align: 'right' },
        { header: 'Rate/s', align: 'right' },
        { header: 'Write transactions', align: 'right' },
      ],
      rowOrder.flatMap((row) =>
        systems.map((factory) => {
          const cell = cellOf(row, factory.key);
          return [
            rowTitles[row].slice(0, 2),
            factory.key,
            `${formatCount(cell.operations)}/${formatCount(cell.planned)}`,
            formatSeconds(cell.seconds),
            formatRate(rate(cell)),
            cell.flushes === undefined ? '' : formatCount(cell.flushes),
          ];
        }),
      ),
    ),
  );

  console.log('\n## Context for the floors (not scored)\n');
  const ceiling = context.groupCommitCeiling;
  if (ceiling) {
    const oursConcurrent = rate(cellOf('concurrent', 'ours'));
    console.log(
      `- Row 2, the engine's group-commit limit: raw better-sqlite3 writing the same ${formatCount(ceiling.operations)} appends ${config.appenders} per transaction (a savepoint each) does ${formatRate(rate(ceiling))}/s = ${formatRatio(rate(ceiling) / rate(cellOf('sequential', 'raw')))} raw row 1. Ours row 2 reaches ${formatRatio(oursConcurrent / rate(ceiling), true)} of it; the 5× floor asks ${formatRate(5 * rate(cellOf('sequential', 'ours')))}/s.`,
    );
  }
  const rawDefault = context.defaultPageReads.get('raw');
  const oursDefault = context.defaultPageReads.get('ours');
  if (rawDefault && oursDefault) {
    console.log(
      `- Row 4 at the adapter's default page size (${formatCount(DEFAULT_PAGE_SIZE)}) instead of ${formatCount(config.readPageSize)}: raw ${formatRate(rate(rawDefault))}/s, ours ${formatRate(rate(oursDefault))}/s (ours/raw ${formatRatio(rate(oursDefault) / rate(rawDefault))}).`,
    );
  }

  const retried = peerRetriedAppends();
  if (retried > 0) {
    console.log(
      `- The peer's appends include ${formatCount(retried)} tried again after Emmett's COMMIT was refused with SQLITE_BUSY "SQL statements in progress" (the errors it logged above).`,
    );
  }

  const failed = allFloors.filter((floor) => !floor.pass);
  console.log(
    `\nFloors: ${allFloors.length - failed.length}/${allFloors.length} PASS${failed.length > 0 ? `; BELOW: ${failed.map((floor) => `row ${rowTitles[floor.row].slice(0, 1)} ${floor.name} (${floor.measured})`).join(', ')}` : ''}`,
  );
  const readShare = ratio('readAll', 'raw');
  console.log(
    `Issue 19, read-all parsed (row 4): ours ${formatRate(rate(cellOf('readAll', 'ours')))}/s = ${(readShare * 100).toFixed(1)}% of raw ${formatRate(rate(cellOf('readAll', 'raw')))}/s in this run; floor ${formatRatio(rawFloors.readAll, true)}: ${readShare >= rawFloors.readAll ? 'PASS' : 'BELOW'}`,
  );
  console.log(`Total bench time: ${formatSeconds(totalSeconds)}`);
};

const main = async (): Promise<void> => {
  const start = process.hrtime.bigint();
  console.log('# Talentloop event-store benchmark\n');
  console.log(`Machine: ${describeMachine()}`);
  console.log(
    `Event: ${SAMPLE_EVENT_TYPE} contract example, ${sampleEventBytes()} bytes of data + metadata JSON, ids from crypto.randomUUID()`,
  );
  console.log(
    `Counts: row 1 ${formatCount(config.sequentialStreams)} streams; row 2 ${config.appenders} × ${formatCount(config.appendsPerAppender)} appends; row 3 ${formatCount(config.batches)} × ${config.batchSize} events; row 4 ${config.readPasses} read-all passes (page ${formatCount(config.readPageSize)}) after one warm pass. Warm-up per store: ${config.warmupAppends} appends (rows 1–2) or ${config.warmupBatches} batches (rows 3–4). Each store on a fresh file under the OS temp dir.\n`,
  );
  console.log(rowTitles.sequential);
  for (const factory of systems) await sequentialRow(factory);
  console.log(rowTitles.concurrent);
  for (const factory of systems) await concurrentRow(factory);
  await groupCommitCeiling();
  console.log(`${rowTitles.batched} / ${rowTitles.readAll}`);
  for (const factory of systems) await batchedAndReadRows(factory);
  report(secondsSince(start));
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
