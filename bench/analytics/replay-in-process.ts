/**
 * The replay's work in this process, without HTTP: the bench's generated organisation stored as
 * the services store it (personal fields sealed), then the NDJSON body of GET /replay/events
 * built page by page as the controller builds it, beside the store's read-all of the same
 * tenant. For profiling the replay (`node --cpu-prof -r @swc-node/register
 * bench/analytics/replay-in-process.ts`); BENCH_STORE=<file> keeps the history between runs.
 * Not a row of the issue: the bench measures over HTTP, from another process.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, streamPages } from '@talentloop/event-store';
import {
  openSubjectKeyStore,
  PersonalDataCipher,
  ProtectedEventStore,
  subjectKeyStoreConfigFromEnv,
} from '@talentloop/privacy';
import { appendHistory, organisationHistory } from '@talentloop/testing';
import { ndjsonChunks, REPLAY_PAGE_SIZE } from '../../services/analytics/src/replay/replay-stream';
import { formatCount, formatRate } from '../lib/format';
import { positiveFromEnv } from '../lib/stats';

const employees = positiveFromEnv('BENCH_EMPLOYEES', 2_000);
const targetEvents = positiveFromEnv('BENCH_EVENTS', 200_000);
const rounds = positiveFromEnv('BENCH_ROUNDS', 3);
const TENANT = 'bench';

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const main = async () => {
  const kept = process.env['BENCH_STORE'];
  const folder = kept ? undefined : mkdtempSync(join(tmpdir(), 'talentloop-replay-'));
  const path = kept ?? join(folder!, 'store.sqlite');
  const fresh = !existsSync(path);
  const store = new ProtectedEventStore(
    new SqliteEventStore({ path, durability: 'normal' }),
    new PersonalDataCipher(
      await openSubjectKeyStore(subjectKeyStoreConfigFromEnv({ EVENT_STORE_SQLITE_PATH: path })),
    ),
  );
  try {
    if (fresh)
      await appendHistory(
        store,
        organisationHistory({
          tenants: [TENANT],
          employees,
          departments: 40,
          targetEvents,
          seed: 1,
        }),
      );
    for (let round = 0; round < rounds; round++) {
      let started = performance.now();
      let cpu = cpuMs();
      let events = 0;
      for await (const page of streamPages(store.sealed, {
        pageSize: REPLAY_PAGE_SIZE,
        filter: { tenantId: TENANT },
      }))
        events += page.length;
      const readAll = { seconds: (performance.now() - started) / 1000, cpu: cpuMs() - cpu };
      started = performance.now();
      cpu = cpuMs();
      let lines = 0;
      let bytes = 0;
      for await (const chunk of ndjsonChunks(store, { filter: { tenantId: TENANT } })) {
        bytes += chunk.length;
        for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
      }
      const replay = { seconds: (performance.now() - started) / 1000, cpu: cpuMs() - cpu };
      console.log(
        `read-all ${formatCount(events)} in ${readAll.seconds.toFixed(2)} s (${formatRate(events / readAll.seconds)}/s, ${((1000 * readAll.cpu) / events).toFixed(2)} µs CPU/event); ` +
          `replay ${formatCount(lines)} lines, ${formatCount(bytes)} bytes in ${replay.seconds.toFixed(2)} s (${formatRate(lines / replay.seconds)}/s, ${((1000 * replay.cpu) / lines).toFixed(2)} µs CPU/event)`,
      );
    }
  } finally {
    await store.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
