/**
 * Analytics benchmark on a generated organisation (BENCH_EMPLOYEES, default 10,000; about
 * BENCH_EVENTS events, default 1,000,000): rebuild of the analytics read models into the
 * embedded store and into the MongoDB-wire server (when MONGODB_URI is set; FerretDB in CI),
 * p50/p99 of the analytics queries over HTTP against the service running on the embedded
 * rebuild, and NDJSON replay throughput. The history is stored as the services store it,
 * personal fields sealed per person, so the replay pays for opening them (the rebuild reads
 * them sealed, as the service does). Run with `npm run bench:analytics` (after
 * `deploy/test-infra/up.sh` and sourcing its env for the MongoDB row).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { SqliteEventStore, type EventStore } from '@talentloop/event-store';
import { createServiceApp } from '@talentloop/http';
import {
  eventSourceFor,
  openSubjectKeyStore,
  PersonalDataCipher,
  ProtectedEventStore,
  subjectKeyStoreConfigFromEnv,
} from '@talentloop/privacy';
import {
  EmbeddedReadModelStore,
  MongoReadModelStore,
  rebuildProjection,
  type ReadModelStore,
  type RebuildResult,
} from '@talentloop/read-models';
import { appendHistory, organisationHistory } from '@talentloop/testing';
import { AnalyticsModule, service } from '../../services/analytics/src/app.module';
import { employeeFactsProjection } from '../../services/analytics/src/projections/employee-facts.projection';
import { FactsView } from '../../services/analytics/src/projections/facts-view';
import { devAuth } from '../lib/dev-auth';
import { formatCount, formatRate, formatSeconds } from '../lib/format';
import { describeMachine } from '../lib/machine';
import { percentile, positiveFromEnv } from '../lib/stats';
import { withScratchMongo } from '../lib/scratch-mongo';
import { markdownTable } from '../lib/table';

const employees = positiveFromEnv('BENCH_EMPLOYEES', 10_000);
const targetEvents = positiveFromEnv('BENCH_EVENTS', 1_000_000);
const requestsPerQuery = positiveFromEnv('BENCH_REQUESTS', 200);
const mongoUri = process.env['MONGODB_URI'];
const TENANT = 'bench';
const auth = devAuth();

const rebuildInto = async (store: EventStore, readModels: ReadModelStore) => {
  try {
    return await rebuildProjection({
      // As the service feeds it: the facts keep no personal data, so they read sealed events.
      eventStore: eventSourceFor(store, [employeeFactsProjection]),
      readModels,
      projection: employeeFactsProjection,
      retireDelayMs: 0,
    });
  } finally {
    await readModels.close();
  }
};

/** Rates over the events the projection applies and over the whole history it went through. */
const rebuildRow = (target: string, history: number, result: RebuildResult, floor: string) => {
  const seconds = result.elapsedMs / 1000;
  return [
    target,
    formatCount(result.events),
    formatCount(result.documents),
    formatSeconds(seconds),
    formatRate(result.events / seconds),
    formatRate(history / seconds),
    floor,
  ];
};

/** Filters an HR dashboard sends: none, one, two and the period. */
const filterMix = [
  '',
  '?department=dept-1',
  '?role=engineer',
  '?competency=collaboration',
  '?period=2026',
  '?department=dept-2&role=team-lead',
  '?department=dept-3&competency=ownership&period=2026-Q3',
];

const timeQueries = async (base: string) => {
  const hr = {
    authorization: await auth.authorization({ tenantId: TENANT, userId: 'hr-1', roles: ['hr'] }),
  };
  const queries = [
    'active-plans',
    'development-focus',
    'gap-map',
    'approval-flow',
    'check-in-adherence',
    'growth',
  ];
  const rows: string[][] = [];
  for (const query of queries) {
    const latencies: number[] = [];
    for (let i = 0; i < requestsPerQuery; i++) {
      const started = performance.now();
      const response = await fetch(`${base}/analytics/${query}${filterMix[i % filterMix.length]}`, {
        headers: hr,
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${query}: HTTP ${response.status}`);
      latencies.push(performance.now() - started);
    }
    latencies.sort((a, b) => a - b);
    const p99 = percentile(latencies, 99);
    rows.push([
      query,
      formatCount(latencies.length),
      `${percentile(latencies, 50).toFixed(1)} ms`,
      `${p99.toFixed(1)} ms`,
      p99 <= 50 ? 'met' : 'NOT met',
    ]);
  }
  return rows;
};

/**
 * Streams the whole tenant as an integrator would: from another process, so the client's
 * parsing does not share the service's event loop.
 */
const timeReplay = async (base: string) => {
  const authorization = await auth.authorization({
    tenantId: TENANT,
    userId: 'int-1',
    roles: ['integrator'],
  });
  return new Promise<{ lines: number; seconds: number }>((resolve, reject) => {
    const client = `
      const started = performance.now();
      fetch(process.argv[1], { headers: JSON.parse(process.argv[2]) }).then(async (response) => {
        if (response.status !== 200) throw new Error('replay: HTTP ' + response.status);
        let lines = 0;
        for await (const chunk of response.body) for (const byte of chunk) if (byte === 10) lines++;
        console.log(JSON.stringify({ lines, seconds: (performance.now() - started) / 1000 }));
      }).catch((error) => { console.error(error); process.exit(1); });`;
    const headers = { authorization, accept: 'application/x-ndjson' };
    let output = '';
    const child = spawn(
      process.execPath,
      ['-e', client, `${base}/replay/events`, JSON.stringify(headers)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(output) as { lines: number; seconds: number })
        : reject(new Error(`replay client exited with ${code}`)),
    );
  });
};

const main = async () => {
  console.log(`# Analytics benchmark\n\n${describeMachine()}\n`);
  const folder = mkdtempSync(join(tmpdir(), 'talentloop-bench-analytics-'));
  const storePath = join(folder, 'store.sqlite');
  const embeddedPath = join(folder, 'read-models.sqlite');
  // As the services store it: personal fields sealed per person, with the keys in the same
  // file; the rebuild and the replay below open them again, as they do in production.
  const store = new ProtectedEventStore(
    new SqliteEventStore({ path: storePath, durability: 'normal' }),
    new PersonalDataCipher(
      await openSubjectKeyStore(
        subjectKeyStoreConfigFromEnv({ EVENT_STORE_SQLITE_PATH: storePath }),
      ),
    ),
  );
  try {
    let started = performance.now();
    const events = await appendHistory(
      store,
      organisationHistory({ tenants: [TENANT], employees, departments: 40, targetEvents, seed: 1 }),
    );
    console.log(
      `History: ${formatCount(events)} events for ${formatCount(employees)} employees, generated and appended in ${formatSeconds((performance.now() - started) / 1000)}\n`,
    );

    const rebuilds = [
      rebuildRow(
        'embedded (SQLite)',
        events,
        await rebuildInto(store, new EmbeddedReadModelStore({ path: embeddedPath })),
        '≥ 50,000',
      ),
    ];
    if (mongoUri) {
      const result = await withScratchMongo(mongoUri, 'analytics', async (dbName) =>
        rebuildInto(store, await MongoReadModelStore.connect({ uri: mongoUri, dbName })),
      );
      rebuilds.push(rebuildRow('MongoDB wire (FerretDB)', events, result, '—'));
    } else {
      rebuilds.push(['MongoDB wire', 'skipped: MONGODB_URI is not set', '', '', '', '', '']);
    }
    await store.close();
    console.log('## Rebuild of the analytics read models (whole history → fresh collection)\n');
    console.log(
      markdownTable(
        [
          { header: 'target' },
          { header: 'events applied', align: 'right' },
          { header: 'documents', align: 'right' },
          { header: 'time', align: 'right' },
          { header: 'applied/s', align: 'right' },
          { header: 'history events/s', align: 'right' },
          { header: 'floor (events/s)' },
        ],
        rebuilds,
      ),
    );

    // The service on the embedded rebuild: it loads the facts into memory, then serves.
    started = performance.now();
    @Module({
      imports: [
        AnalyticsModule.register({
          env: {
            ...auth.env,
            EVENT_STORE_SQLITE_PATH: storePath,
            READ_MODELS_SQLITE_PATH: embeddedPath,
            BUS_SQLITE_PATH: join(folder, 'bus.sqlite'),
          },
        }),
      ],
    })
    class BenchModule {}
    const app = await createServiceApp(BenchModule, service, { logger: false });
    await app.listen(0, '127.0.0.1');
    await app.get(FactsView).ready;
    const base = await app.getUrl();
    const rssAtRest = process.memoryUsage().rss;
    console.log(
      `\nService ready on the rebuilt read models in ${formatSeconds((performance.now() - started) / 1000)}; RSS ${(rssAtRest / 2 ** 20).toFixed(0)} MiB\n`,
    );
    try {
      console.log(
        `## Analytics queries over HTTP (HR, whole organisation; ${requestsPerQuery} sequential requests each, filters varied)\n`,
      );
      console.log(
        markdownTable(
          [
            { header: 'query' },
            { header: 'requests', align: 'right' },
            { header: 'p50', align: 'right' },
            { header: 'p99', align: 'right' },
            { header: 'floor p99 ≤ 50 ms' },
          ],
          await timeQueries(base),
        ),
      );
      const replay = await timeReplay(base);
      console.log(
        '\n## Replay for integrators (GET /replay/events, NDJSON CloudEvents, whole tenant)\n',
      );
      console.log(
        markdownTable(
          [
            { header: 'events', align: 'right' },
            { header: 'time', align: 'right' },
            { header: 'events/s', align: 'right' },
            { header: 'floor' },
          ],
          [
            [
              formatCount(replay.lines),
              formatSeconds(replay.seconds),
              formatRate(replay.lines / replay.seconds),
              '≥ 50,000',
            ],
          ],
        ),
      );
      console.log(
        `\nRSS after the queries and the replay: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
      );
    } finally {
      await app.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
