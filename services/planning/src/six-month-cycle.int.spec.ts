import { eventually } from '@talentloop/testing';
import {
  bodyOf,
  goalApproved,
  measuredAgain,
  PlanningTestApp,
  type Caller,
} from '../testing/planning-test-app';

/**
 * Time passes: one goal through a six-month cycle on the test clock, with what the employee,
 * the manager and HR are told to do along the way — check-ins due and overdue by the agreed
 * cadence, the remeasurement due before the deadline and overdue after it, and the evaluation
 * the measurement at the deadline brings.
 */

const manager: Caller = { userId: 'mgr-1', roles: 'manager' };
const hr: Caller = { userId: 'hr-1', roles: 'hr' };
const answers = {
  whatWasDone: 'Summarised every speaker in two stand-ups.',
  whatGoesWellAndWhatIsHard: 'Summaries go well; holding back my own view is hard.',
  whatIsNext: 'Ask one deepening question per meeting.',
};

interface Overdue {
  goalId: string;
  dueAt: string;
  cadence: string;
}
interface Evaluation {
  status: string;
  reasons: { code: string; effect: string; explanation: string }[];
}
interface Due {
  goalId: string;
  status: 'due' | 'overdue';
  deadline: string;
  daysToDeadline: number;
  instruments: string[];
  baselineMeasurementId: string | null;
  lastProgressAt: string | null;
}

describe('a six-month development cycle on the clock', () => {
  let service: PlanningTestApp;

  beforeAll(async () => {
    service = await PlanningTestApp.start();
  });

  afterAll(() => service.stop());

  const get = async <T>(path: string, caller: Caller, status = 200) =>
    bodyOf<T>(await service.request('GET', path, caller), status);
  const overdueCheckIns = (caller: Caller, scope: 'mine' | 'reports') =>
    get<Overdue[]>(`/check-ins/overdue?scope=${scope}`, caller);
  const remeasurementsDue = (caller: Caller, scope: 'reports' | 'tenant') =>
    get<Due[]>(`/remeasurements/due?scope=${scope}`, caller);
  const checkIn = async (goalId: string, employee: Caller) =>
    bodyOf(
      await service.request('POST', `/goals/${goalId}/check-ins`, employee, {
        answers,
        durationMinutes: 20,
        actionsTicked: [],
      }),
      201,
    );
  const evaluationOf = async (goalId: string) =>
    (await get<{ evaluation: Evaluation | null }>(`/goals/${goalId}`, hr)).evaluation;
  const daysUntil = (day: string) =>
    Math.round((Date.parse(day) - service.clock.now().getTime()) / 86_400_000);

  it('tells each side what is due, from activation to evaluation', async () => {
    const { me: employee, gapId, planId } = await service.employeeWithPlan('emp-6001');
    // A goal over the longest cycle the SMART check allows: six months.
    const startedAt = service.clock.now();
    const { goalId } = await service.draft(employee, planId, gapId);
    const deadline = '2026-08-02';
    await bodyOf(await service.request('PATCH', `/goals/${goalId}`, employee, { deadline }), 200);
    await bodyOf(await service.submit(employee, goalId), 200);
    await service.publish(service.event('GoalApproved', goalApproved(goalId, employee.userId, 1)));
    await eventually(
      'the goal is active',
      async () => (await service.goalStatus(goalId)) === 'active',
    );

    // The goal view says why it cannot be evaluated yet: nothing was measured since the baseline.
    expect(await evaluationOf(goalId)).toEqual({
      status: 'awaiting-measurement',
      reasons: [
        expect.objectContaining({
          code: 'NOTHING_MEASURED_SINCE_BASELINE',
          effect: 'blocks-evaluation',
        }),
      ],
    });

    // Given a fortnightly cadence, nothing is overdue in the first two weeks,
    service.clock.advanceDays(13);
    expect(await overdueCheckIns(employee, 'mine')).toEqual([]);
    // when the due date passes, the employee and the manager are both told,
    service.clock.advanceDays(2);
    expect((await overdueCheckIns(employee, 'mine')).map((due) => due.goalId)).toEqual([goalId]);
    expect(await overdueCheckIns(manager, 'reports')).toMatchObject([
      { goalId, cadence: 'fortnightly' },
    ]);
    // and a check-in clears it until the next one falls due.
    await checkIn(goalId, employee);
    expect(await overdueCheckIns(manager, 'reports')).toEqual([]);

    // Months of check-ins on the cadence: nothing to remeasure yet.
    while (daysUntil(deadline) > 28) {
      service.clock.advanceDays(14);
      await checkIn(goalId, employee);
      expect(await remeasurementsDue(manager, 'reports')).toEqual([]);
    }

    // Two weeks before the deadline the remeasurement is due, for the manager and for HR;
    service.clock.advanceDays(daysUntil(deadline) - 14);
    const due = await remeasurementsDue(manager, 'reports');
    expect(due).toEqual([
      expect.objectContaining({
        goalId,
        status: 'due',
        deadline,
        daysToDeadline: 14,
        instruments: ['360-round'],
        baselineMeasurementId: 'msr-5001',
      }),
    ]);
    expect((await remeasurementsDue(hr, 'tenant')).map((goal) => goal.goalId)).toContain(goalId);
    // HR's tenant-wide list is not a manager's to read.
    await get(`/remeasurements/due?scope=tenant`, manager, 403);

    // the deadline passes with no measurement: it is overdue;
    service.clock.advanceDays(20);
    expect(await remeasurementsDue(manager, 'reports')).toMatchObject([
      { goalId, status: 'overdue', daysToDeadline: -6 },
    ]);
    expect(await evaluationOf(goalId)).toMatchObject({
      status: 'remeasurement-overdue',
      reasons: [{ code: 'REMEASUREMENT_OVERDUE' }],
    });

    // the 360° round closed now evaluates the goal by itself, against the frozen baseline,
    await service.publish(
      service.event(
        'MeasurementRecorded',
        measuredAgain(employee.userId, service.clock.now().toISOString()),
      ),
    );
    await eventually(
      'the goal is evaluated',
      async () => (await service.goalStatus(goalId)) === 'evaluated',
    );
    // and nothing is due any more.
    expect(await remeasurementsDue(manager, 'reports')).toEqual([]);
    expect(await evaluationOf(goalId)).toBeNull();
    expect(await overdueCheckIns(manager, 'reports')).toEqual([]);
    // Six months passed on the clock, and the days after the deadline.
    expect((service.clock.now().getTime() - startedAt.getTime()) / 86_400_000).toBeGreaterThan(185);
  });

  it('refuses a list without a scope, with 422 problem+json', async () => {
    const response = await service.request('GET', '/remeasurements/due', manager);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
  });
});
