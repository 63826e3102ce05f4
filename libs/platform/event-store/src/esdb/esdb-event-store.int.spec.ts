import { spawnSync } from 'node:child_process';
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { describeEventStoreContract } from '@talentloop/testing';
import { EsdbEventStore } from './esdb-event-store';

const ESDB_IMAGE = 'eventstore/eventstore:24.10';
const DOCKER_PROBE_TIMEOUT_MS = 15_000;

/**
 * Asks testcontainers, in a child process bounded by a timeout, whether a container runtime
 * answers: test registration is synchronous, and a dead socket must not hang the run.
 */
const dockerUnreachableReason = (): string | undefined => {
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      "require('testcontainers').getContainerRuntimeClient().then(() => process.exit(0), (e) => { console.error(e.message); process.exit(1); })",
    ],
    { timeout: DOCKER_PROBE_TIMEOUT_MS, encoding: 'utf8', env: { ...process.env, DEBUG: '' } },
  );
  if (probe.status === 0) return undefined;
  if (probe.error) return `Docker probe failed (${probe.error.message})`;
  const detail = probe.stderr.trim().split('\n').at(-1) ?? 'no detail';
  return `no Docker engine reachable by testcontainers (${detail})`;
};

const connectionString = process.env['ESDB_CONNECTION_STRING']?.trim();
const skipReason = connectionString
  ? undefined
  : dockerUnreachableReason()?.concat('; set ESDB_CONNECTION_STRING to run against a server');

if (skipReason !== undefined) {
  console.warn(`EventStoreDB contract suite SKIPPED: ${skipReason}`);
  describe('EventStoreDB event store contract', () => {
    it.skip(`is skipped: ${skipReason}`, () => undefined);
  });
} else {
  describe('EventStoreDB', () => {
    let container: StartedTestContainer | undefined;
    let serverConnectionString = connectionString ?? '';

    beforeAll(async () => {
      if (serverConnectionString) return;
      container = await new GenericContainer(ESDB_IMAGE)
        .withEnvironment({
          EVENTSTORE_INSECURE: 'true',
          EVENTSTORE_CLUSTER_SIZE: '1',
          EVENTSTORE_RUN_PROJECTIONS: 'None',
          EVENTSTORE_MEM_DB: 'true',
        })
        .withExposedPorts(2113)
        .withWaitStrategy(
          Wait.forHttp('/health/live', 2113).forStatusCodeMatching((code) => code < 300),
        )
        .withStartupTimeout(180_000)
        .start();
      serverConnectionString = `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`;
    }, 300_000);

    afterAll(async () => {
      await container?.stop();
    });

    describeEventStoreContract('EventStoreDB', () => {
      const store = new EsdbEventStore({ connectionString: serverConnectionString });
      return Promise.resolve({ store, cleanup: () => store.close() });
    });
  });
}
