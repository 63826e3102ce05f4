import { setTimeout as sleep } from 'node:timers/promises';
import { countsOf } from './demo/print';
import {
  BackgroundDemo,
  comparable,
  expectedSummary,
  runDemo,
  type DemoSummary,
} from './testing/demo-run';
import { describeOnEach, embedded, kafkaMongo, systemPerSuite } from './testing/infrastructures';
import type { ServiceName } from './service-process';
import type { RunningSystem } from './testing/running-system';
import { isDeliveryEvent } from './demo/responses';
import { revisionsByStream, storedEvents, storeIsReadable } from './testing/stored-events';

/** What an integrator replays of one tenant, and HR's history of the demo's employee. */
const ledgerOf = async (system: RunningSystem, tenantId: string) => {
  const as = async (userId: string, roles: string) => ({
    headers: { authorization: await system.bearer({ tenantId, userId, roles: [roles] }) },
  });
  const replay = await fetch(
    system.url('analytics', '/replay/events'),
    await as('int-hris', 'integrator'),
  );
  expect(replay.status).toBe(200);
  const events = (await replay.text())
    .split('\n')
    .filter((row) => row.trim() !== '')
    .map((row) => JSON.parse(row) as { id: string; type: string })
    .filter(({ type }) => !isDeliveryEvent(type));
  const history = await fetch(
    system.url('analytics', '/analytics/employees/emp-chloe/history'),
    await as('hr-anna', 'hr'),
  );
  expect(history.status).toBe(200);
  const { entries } = (await history.json()) as { entries: { type: string }[] };
  return {
    replayed: events.length,
    distinctIds: new Set(events.map((event) => event.id)).size,
    history: entries.map((entry) => entry.type),
  };
};

describeOnEach(
  'a service SIGKILLed in the middle of the cycle and restarted',
  [embedded, kafkaMongo],
  (infrastructure) => {
    const started = systemPerSuite(infrastructure, { processes: 'per-service' });

    it('loses nothing and applies nothing twice: the cycle ends as one without a crash', async () => {
      const system = started();
      // Its polls wait through a restart (and, on Kafka, the group's rebalance).
      const demo = new BackgroundDemo(system, { DEMO_PAUSE_AT: 'submitted,approved' });
      const crashWhileWaiting = async (point: string, service: ServiceName) => {
        await demo.reached(new RegExp(`paused at ${point}`));
        await system.kill(service);
        demo.resume();
        await sleep(1_000);
        await system.restart(service);
      };
      // Approval dies while GoalSubmitted is on its way to it,
      await crashWhileWaiting('submitted', 'approval');
      // and planning while GoalApproved is on its way to it;
      await crashWhileWaiting('approved', 'planning');
      const crashed = (await demo.finished).summary;
      // the demo waited for each through the crash.
      expect(
        demo.waited('GoalSubmitted → request in the manager’s approval inbox'),
      ).toBeGreaterThan(1_000);
      expect(demo.waited('GoalApproved → goal active in planning')).toBeGreaterThan(1_000);

      // A control run in another tenant of the same system, without a crash.
      const control = (await runDemo(system)).summary;

      expect(crashed).toMatchObject(expectedSummary);
      expect(comparable(crashed)).toEqual(comparable(control));

      const [crashedLedger, controlLedger] = await Promise.all(
        [crashed, control].map((summary: DemoSummary) => ledgerOf(system, summary.tenantId)),
      );
      expect(crashedLedger.distinctIds).toBe(crashedLedger.replayed);
      expect(crashedLedger.replayed).toBe(expectedSummary.replay.events);
      expect(crashedLedger).toEqual(controlLedger);

      if (storeIsReadable(system)) {
        const stored = storedEvents(system, crashed.tenantId);
        expect(countsOf(stored.map((event) => event.type))).toEqual(expectedSummary.replay.types);
        // exactly one reaction per event that reached a consumer
        for (const reaction of ['ApprovalRequested', 'GoalActivated', 'GoalEvaluated']) {
          const causes = stored
            .filter((event) => event.type === reaction)
            .map((event) => event.causationId);
          expect(new Set(causes).size).toBe(causes.length);
        }
        // every stream gapless from revision 0
        for (const revisions of revisionsByStream(stored))
          expect(revisions).toEqual(revisions.map((_, index) => index));
      }
      // and no consumer gave up on a message or stopped.
      expect(
        system.output
          .split('\n')
          .filter((line) =>
            /"level":"(error|fatal)"|failed|refused|stopped|dead.?letter/i.test(line),
          ),
      ).toEqual([]);
    }, 150_000);
  },
);
