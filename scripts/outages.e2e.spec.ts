import { setTimeout as sleep } from 'node:timers/promises';
import {
  BackgroundDemo,
  comparable,
  expectedSummary,
  newDemoTenantId,
  runDemo,
} from './testing/demo-run';
import {
  describeOnEach,
  dropMongoDatabase,
  kafkaMongo,
  kafkaTurn,
  type Infrastructure,
} from './testing/infrastructures';
import { ownBroker } from './testing/kafka-broker';
import { RunningSystem, services } from './testing/running-system';
import {
  replayedIds,
  expectHandledOnce,
  storedEvents,
  storeIsReadable,
} from './testing/stored-events';

/**
 * The broker these tests take away is one of their own (ownBroker): the shared test broker
 * stays up for the suites running meanwhile. Within the Kafka turn all the same (one heavy
 * Kafka system at a time on a small machine), and after the tests, whatever happened, the
 * systems stopped (their databases dropped) and the broker stopped.
 */
const kafkaBroker = ownBroker('outages-broker');

const brokerOutages = (infrastructure: Infrastructure) => {
  const systems: RunningSystem[] = [];
  let endTurn: (() => void) | undefined;
  beforeAll(async () => {
    endTurn = await kafkaTurn(150_000);
    await kafkaBroker.start();
  }, 340_000);
  afterAll(async () => {
    try {
      for (const system of systems) {
        await system.dispose();
        await dropMongoDatabase(system.env);
      }
    } finally {
      try {
        await kafkaBroker.stop();
      } finally {
        endTurn?.();
      }
    }
  }, 240_000);
  return (): RunningSystem => {
    const system = new RunningSystem({
      processes: 'per-service',
      env: { ...infrastructure.env(), ...kafkaBroker.clientEnv },
    });
    systems.push(system);
    return system;
  };
};

/** Polls of a demo that waits through a broker's restart (a cap, not a timing). */
const patientDemo = { DEMO_POLL_TIMEOUT_MS: '180000' };

describeOnEach('the broker down when the services start', [kafkaMongo], (infrastructure) => {
  const newSystem = brokerOutages(infrastructure);
  // The two tests are the two halves of one outage: the second goes on with the first's system.
  let system: RunningSystem | undefined;
  const tenantId = newDemoTenantId();
  const started = () => {
    if (!system) throw new Error('the first test starts the system');
    return system;
  };

  it('the services stay alive, answer unready naming the bus, and take writes', async () => {
    await kafkaBroker.stop();
    system = newSystem();
    await system.live();

    // Unready, naming the bus, on every service;
    for (const service of services) {
      const ready = await fetch(system.url(service, '/health/ready'));
      expect({ service, status: ready.status }).toEqual({ service, status: 503 });
      expect(await ready.text()).toMatch(/\bbus\b/);
    }

    // yet a write lands in the event store, and assessment's read side (fed from the store)
    // shows it: the demo's own HRIS sync, in the tenant the demo runs in after the outage.
    const as = async (userId: string, role: string) => ({
      authorization: await started().bearer({ tenantId, userId, roles: [role] }),
    });
    const synced = await fetch(system.url('assessment', '/people/sync'), {
      method: 'POST',
      headers: { ...(await as('hr-anna', 'hr')), 'content-type': 'application/json' },
      body: JSON.stringify({ employees: demoPeople(tenantId) }),
    });
    expect(synced.status).toBe(200);
    expect(((await synced.json()) as { changed: string[] }).changed).toHaveLength(9);
    const assessment = await fetch(system.url('assessment', '/employees/emp-chloe/assessment'), {
      headers: await as('hr-anna', 'hr'),
    });
    expect(assessment.status).toBe(200);
    expect(((await assessment.json()) as { employee: unknown }).employee).toMatchObject({
      displayName: 'Chloe Martin',
      managerId: 'mgr-ben',
    });

    // A while without the broker (its loops fail and are started again) kills no process.
    await sleep(5_000);
    for (const service of services)
      expect([service, system.isRunning(service)]).toEqual([service, true]);
    await system.live();
  }, 240_000);

  it('once it is back they become ready without a restart, and the writes made meanwhile reach planning and approval', async () => {
    const system = started();
    await kafkaBroker.start();
    await system.ready(services, 150_000).catch((error: Error) => {
      throw new Error(`${error.message}\nthe broker's log:\n${kafkaBroker.logTail()}`);
    });
    for (const service of services)
      expect([service, system.isRunning(service)]).toEqual([service, true]);

    // The demo in the tenant synced during the outage finds its people everywhere already (its
    // own sync changes nobody), and its goal goes to the manager those events name;
    const presynced = (
      await new BackgroundDemo(system, { ...patientDemo, DEMO_TENANT_ID: tenantId }).finished
    ).summary;
    expect(presynced).toMatchObject({ ...expectedSummary, people: { synced: 0, sent: 9 } });
    // and a demo in a tenant of its own runs its whole cycle as on a broker that never left.
    const fresh = (await runDemo(system, patientDemo)).summary;
    expect(fresh).toMatchObject(expectedSummary);
    expect({ ...comparable(presynced), people: undefined }).toEqual({
      ...comparable(fresh),
      people: undefined,
    });
  }, 600_000);
});

describeOnEach(
  'the broker SIGKILLed in the middle of the cycle',
  [kafkaMongo],
  (infrastructure) => {
    const newSystem = brokerOutages(infrastructure);

    it('loses nothing and applies nothing twice: the cycle ends as one without a crash', async () => {
      const system = newSystem();
      await system.ready();

      const demo = new BackgroundDemo(system, { ...patientDemo, DEMO_PAUSE_AT: 'submitted' });
      await demo.reached(/paused at submitted/);
      const pid = await kafkaBroker.kill();
      system.note(`SIGKILL → Kafka broker (pid ${pid})`);
      demo.resume();
      await sleep(3_000);
      await kafkaBroker.start();
      const crashed = (await demo.finished).summary;

      // A control run in another tenant of the same system, with the broker up throughout.
      const control = (await runDemo(system)).summary;

      expect(crashed).toMatchObject(expectedSummary);
      expect(comparable(crashed)).toEqual(comparable(control));

      const replayed = await replayedIds(system, crashed.tenantId);
      expect(new Set(replayed).size).toBe(replayed.length);
      expect(replayed).toHaveLength(expectedSummary.replay.events);

      if (storeIsReadable(system)) {
        expectHandledOnce(storedEvents(system, crashed.tenantId), expectedSummary.replay.types);
      }
    }, 600_000);
  },
);

/** The demo's organisation as demo/steps/people.ts syncs it (the demo then changes nobody). */
const demoPeople = (tenantId: string) =>
  [
    ['hr-anna', 'Anna de Vries', 'sales', 'hr-partner', null],
    ['mgr-ben', 'Ben Okafor', 'engineering', 'team-lead', null],
    ['emp-chloe', 'Chloe Martin', 'engineering', 'software-engineer', 'mgr-ben'],
    ['emp-daan', 'Daan Jansen', 'engineering', 'software-engineer', 'mgr-ben'],
    ['emp-elif', 'Elif Yilmaz', 'engineering', 'software-engineer', 'mgr-ben'],
    ['emp-finn', 'Finn Larsen', 'engineering', 'software-engineer', 'mgr-ben'],
    ['emp-grace', 'Grace Chen', 'sales', 'account-manager', 'mgr-ben'],
    ['emp-hugo', 'Hugo Bakker', 'sales', 'account-manager', 'mgr-ben'],
    ['emp-iris', 'Iris Novak', 'sales', 'account-manager', 'mgr-ben'],
  ].map(([id, name, department, role, manager]) => ({
    externalId: id,
    displayName: name,
    email: `${id}@${tenantId}.example.com`,
    roleId: role,
    departmentId: department,
    departmentName: department === 'sales' ? 'Sales' : 'Engineering',
    managerExternalId: manager,
    preferredLanguage: 'en',
    employmentStatus: 'active',
  }));
