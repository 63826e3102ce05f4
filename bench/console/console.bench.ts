/**
 * Console benchmark (issue 18): the web app's bundle size, and in headless Chromium (Debian's,
 * through playwright-core) the first paint and the time until the HR analytics pages are usable,
 * on a generated organisation of BENCH_EMPLOYEES (default 10,000) employees and about
 * BENCH_EVENTS (default 1,000,000) events — the history bench:analytics uses. The analytics
 * service runs on the rebuilt read models in its own process, the console's server in
 * another, both as `npm start` runs them; the browser is a third. Each of BENCH_LOADS (5) loads
 * opens a fresh browser context (nothing cached) already signed in as HR, and times from the
 * start of navigation to the page being usable: its heading shown, every report loaded (no
 * loading line left), as the page's own clock (performance.now()) reads it. Floor: ≤ 2 s.
 * Run with `npm run bench:console`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { SqliteEventStore } from '@talentloop/event-store';
import {
  openSubjectKeyStore,
  PersonalDataCipher,
  ProtectedEventStore,
  subjectKeyStoreConfigFromEnv,
} from '@talentloop/privacy';
import { EmbeddedReadModelStore } from '@talentloop/read-models';
import { appendHistory, organisationHistory } from '@talentloop/testing';
import { openBrowser, viewports } from '../../scripts/console/browser';
import { serviceEntry } from '../../scripts/service-process';
import { freePort, rebuildInto, startService } from '../analytics/analytics-service';
import { devAuth } from '../lib/dev-auth';
import { formatCount, formatSeconds } from '../lib/format';
import { describeMachine } from '../lib/machine';
import { MachineLoad } from '../lib/machine-load';
import { percentile, positiveFromEnv } from '../lib/stats';
import { markdownTable } from '../lib/table';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildConsole } = require('../../scripts/build-console') as {
  buildConsole: () => Promise<string>;
};

const employees = positiveFromEnv('BENCH_EMPLOYEES', 10_000);
const targetEvents = positiveFromEnv('BENCH_EVENTS', 1_000_000);
const loads = positiveFromEnv('BENCH_LOADS', 5);
const TENANT = 'bench';
const USABLE_FLOOR_MS = 2_000;
const auth = devAuth();

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Every file the app loads, by kind: raw, gzip and brotli sizes. */
const bundleSizes = (dir: string) => {
  const rows: string[][] = [];
  const kinds = new Map<string, { files: number; raw: number; gzip: number; brotli: number }>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (!entry.name.endsWith('.map')) {
        const kind = extname(entry.name).slice(1);
        const content = readFileSync(file);
        const sizes = kinds.get(kind) ?? { files: 0, raw: 0, gzip: 0, brotli: 0 };
        sizes.files += 1;
        sizes.raw += statSync(file).size;
        sizes.gzip += gzipSync(content, { level: 9 }).length;
        sizes.brotli += brotliCompressSync(content).length;
        kinds.set(kind, sizes);
      }
    }
  };
  walk(dir);
  for (const [kind, sizes] of [...kinds].sort(([a], [b]) => a.localeCompare(b)))
    rows.push([
      `every ${kind} file`,
      String(sizes.files),
      kib(sizes.raw),
      kib(sizes.gzip),
      kib(sizes.brotli),
    ]);
  // What any first load fetches before the page's own chunk: index.html and what it links.
  const html = readFileSync(join(dir, 'index.html'));
  const linked = [...html.toString().matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map(
    ([, file]) => readFileSync(join(dir, file ?? '')),
  );
  const first = [html, ...linked];
  const sum = (sizes: readonly number[]) => sizes.reduce((total, size) => total + size, 0);
  rows.unshift([
    'first load (index.html, its script and style)',
    String(first.length),
    kib(sum(first.map((content) => content.length))),
    kib(sum(first.map((content) => gzipSync(content, { level: 9 }).length))),
    kib(sum(first.map((content) => brotliCompressSync(content).length))),
  ]);
  return rows;
};

/** The console's server in its own process, in front of the analytics service. */
const startConsole = async (webDir: string, analyticsUrl: string) => {
  const port = await freePort();
  const nowhere = 'http://127.0.0.1:9';
  const child = spawn(process.execPath, [serviceEntry('console')], {
    env: {
      PATH: process.env['PATH'],
      PORT: String(port),
      CONSOLE_WEB_DIR: webDir,
      CONSOLE_ANALYTICS_URL: analyticsUrl,
      CONSOLE_ASSESSMENT_URL: nowhere,
      CONSOLE_PLANNING_URL: nowhere,
      CONSOLE_APPROVAL_URL: nowhere,
      CONSOLE_NOTIFICATIONS_URL: nowhere,
      AUTH_MODE: 'development',
      AUTH_DEV_SECRET: auth.env.AUTH_DEV_SECRET,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the console exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/health/ready`).then(
        (response) => response.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, stop: () => child.kill('SIGTERM') };
};

/**
 * The HR pages timed: the overview, then the reports whose answers are the largest at 10,000
 * employees (a figure per month; a cell per department and competency).
 */
const PAGES = ['/hr/analytics', '/hr/analytics/active-plans', '/hr/analytics/gap-map'];

const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
const ms = (value: number) => `${value.toFixed(0)} ms`;

/** The page is usable: its heading is there and nothing is still loading. */
const USABLE = `(() => {
  const main = document.querySelector('main');
  return Boolean(main && main.querySelector('h1') && main.querySelector('h2, table, figure') &&
    !main.querySelector('[role=status].loading, [aria-busy=true]'));
})()`;

const main = async () => {
  console.log(`# Console benchmark\n\n${describeMachine()}\n`);
  const load = new MachineLoad();
  const webDir = await buildConsole();
  console.log(
    '## Bundle (what the browser downloads; source maps left out; each page adds its own chunk)\n',
  );
  console.log(
    markdownTable(
      [
        { header: 'what' },
        { header: 'files', align: 'right' },
        { header: 'raw', align: 'right' },
        { header: 'gzip', align: 'right' },
        { header: 'brotli', align: 'right' },
      ],
      bundleSizes(webDir),
    ),
  );

  const folder = mkdtempSync(join(tmpdir(), 'talentloop-bench-console-'));
  const storePath = join(folder, 'store.sqlite');
  const readModelsPath = join(folder, 'read-models.sqlite');
  const store = new ProtectedEventStore(
    new SqliteEventStore({ path: storePath, durability: 'normal' }),
    new PersonalDataCipher(
      await openSubjectKeyStore(
        subjectKeyStoreConfigFromEnv({ EVENT_STORE_SQLITE_PATH: storePath }),
      ),
    ),
  );
  const services: { stop: () => unknown }[] = [];
  try {
    const events = await appendHistory(
      store,
      organisationHistory({ tenants: [TENANT], employees, departments: 40, targetEvents, seed: 1 }),
    );
    await rebuildInto(store, new EmbeddedReadModelStore({ path: readModelsPath }));
    await store.close();
    console.log(
      `\nHistory: ${formatCount(events)} events for ${formatCount(employees)} employees in 40 departments, read models rebuilt.\n`,
    );
    const analytics = await startService({
      ...auth.env,
      EVENT_STORE_SQLITE_PATH: storePath,
      READ_MODELS_SQLITE_PATH: readModelsPath,
      BUS_SQLITE_PATH: join(folder, 'bus.sqlite'),
    });
    services.push(analytics);
    const consoleServer = await startConsole(webDir, analytics.url);
    services.push(consoleServer);
    const token = (
      await auth.authorization({ tenantId: TENANT, userId: 'hr-1', roles: ['hr'] })
    ).replace(/^Bearer /, '');

    const browser = await openBrowser();
    const rows: string[][] = [];
    try {
      for (const path of PAGES) {
        const cold: { usable: number; fcp: number }[] = [];
        const warm: number[] = [];
        for (let run = 0; run < loads; run++) {
          // A fresh context: nothing cached, signed in as HR from the first script on. The
          // page's CSP is bypassed only so that the usable check can poll; nothing else changes.
          const context = await browser.newContext({
            viewport: viewports.desktop,
            locale: 'en-GB',
            bypassCSP: true,
          });
          await context.addInitScript((session) => {
            (
              globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }
            ).sessionStorage.setItem('talentloop.session', session);
          }, token);
          const page = await context.newPage();
          await page.goto(`${consoleServer.url}${path}`, { waitUntil: 'commit' });
          await page.waitForFunction(USABLE, undefined, { polling: 'raf', timeout: 60_000 });
          const usable = await page.evaluate<number>('performance.now()');
          const fcp = await page.evaluate<number>(
            "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN",
          );
          cold.push({ usable, fcp });
          // The same page again in the same context: the app's files come from the cache.
          await page.reload({ waitUntil: 'commit' });
          await page.waitForFunction(USABLE, undefined, { polling: 'raf', timeout: 60_000 });
          warm.push(await page.evaluate<number>('performance.now()'));
          await context.close();
        }
        const usable = sorted(cold.map((each) => each.usable));
        const worst = usable.at(-1) ?? NaN;
        rows.push([
          path,
          String(loads),
          ms(percentile(sorted(cold.map((each) => each.fcp)), 50)),
          ms(percentile(usable, 50)),
          ms(worst),
          ms(percentile(sorted(warm), 50)),
          worst <= USABLE_FLOOR_MS ? 'PASS' : 'BELOW',
        ]);
      }
    } finally {
      await browser.close();
    }
    console.log(
      `## HR analytics pages in headless Chromium, ${formatCount(employees)} employees (from navigation start)\n`,
    );
    console.log(
      markdownTable(
        [
          { header: 'page' },
          { header: 'loads', align: 'right' },
          { header: 'first paint p50', align: 'right' },
          { header: 'usable p50 (cold)', align: 'right' },
          { header: 'usable worst (cold)', align: 'right' },
          { header: 'usable p50 (warm)', align: 'right' },
          { header: `floor: worst cold ≤ ${formatSeconds(USABLE_FLOOR_MS / 1000)}` },
        ],
        rows,
      ),
    );
    console.log(`\n${load.describe()}`);
  } finally {
    for (const service of services.reverse()) await service.stop();
    rmSync(folder, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
