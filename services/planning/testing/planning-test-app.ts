import {
  AdjustmentApproved,
  AdjustmentRejected,
  CompetencyFrameworkPublished,
  EmployeeSynced,
  GapIdentified,
  GoalApproved,
  GoalRejected,
  MeasurementRecorded,
} from '@talentloop/contracts';
import {
  DEFAULT_TEST_START,
  eventually,
  ServiceTestApp,
  ServiceTestHarness,
  type Caller,
} from '@talentloop/testing';
import { PlanningModule, service } from '../src/app.module';

import { PlanningReadSide } from '../src/projections/planning-read-side';

export type { Caller, PublishedEvent } from '@talentloop/testing';

export const TENANT = 'acme';

/** The body of a response that must have the status; a test fails naming what came instead. */
export const bodyOf = async <T>(response: Response, status: number): Promise<T> => {
  const body = (await response.json()) as T;
  if (response.status !== status)
    throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(body)}`);
  return body;
};

/** The planning service on real SQLite files in a temp folder, driven over HTTP and the bus. */
/** The motivation the harness's employees agree with. */
export const AGREEMENT = 'I want my team to feel heard before I answer.';

export class PlanningTestApp extends ServiceTestHarness {
  static async start(
    env: NodeJS.ProcessEnv = {},
    startAt = DEFAULT_TEST_START,
  ): Promise<PlanningTestApp> {
    const running = await ServiceTestApp.start({
      service,
      module: (moduleEnv, clock) => PlanningModule.register({ env: moduleEnv, clock }),
      env,
      startAt,
      label: 'planning',
      defaultTenant: TENANT,
      defaultRoles: 'employee',
    });
    return new PlanningTestApp(running);
  }

  get readSide(): PlanningReadSide {
    return this.app.get(PlanningReadSide);
  }

  /** Every event in the store, planning's and any other: what a refused request must not add. */
  async storedEventCount(): Promise<number> {
    return (await this.store.readAll()).length;
  }

  /**
   * What assessment publishes before an employee drafts: the framework, the employee (with
   * their manager), a 360° round's measurement of Collaboration (msr-5001, active listening
   * 45: the baseline of the goals drafted from it) and the gap read from it.
   */
  async publishAssessmentOf(employeeId: string, managerId: string, gapId: string): Promise<void> {
    await this.publish(
      this.event('CompetencyFrameworkPublished', CompetencyFrameworkPublished.example),
      this.event('EmployeeSynced', { ...EmployeeSynced.example, employeeId, managerId }),
      this.event('MeasurementRecorded', { ...MeasurementRecorded.example, employeeId }),
      this.event('GapIdentified', { ...GapIdentified.example, gapId, employeeId }),
    );
  }

  /** An employee with a manager and a gap, known to planning, with a started plan. */
  async employeeWithPlan(userId: string, managerId = 'mgr-1') {
    const me: Caller = { userId };
    const gapId = `gap-${userId}`;
    await this.publishAssessmentOf(userId, managerId, gapId);
    await eventually('the gap reaches planning', async () =>
      Boolean(await this.readSide.gap(TENANT, gapId)),
    );
    const { planId } = await bodyOf<{ planId: string }>(
      await this.request('POST', '/plans', me, { employeeId: userId, cycle: '2026-H1' }),
      201,
    );
    return { me, gapId, planId };
  }

  async draft(me: Caller, planId: string, gapId: string) {
    return bodyOf<{
      goalId: string;
      drafter: { kind: string };
      smartChecks: { passed: boolean }[];
    }>(await this.request('POST', `/plans/${planId}/goals/draft`, me, { gapId }), 201);
  }

  /** The employee agrees to the goal as it stands (SMART: acceptable). */
  agree(me: Caller, goalId: string): Promise<Response> {
    return this.request('POST', `/goals/${goalId}/agreement`, me, { motivation: AGREEMENT });
  }

  /**
   * The employee agrees to the goal and submits it, as a client does. The submit's answer is
   * the one returned: an agreement refused (a goal that cannot be submitted either) shows there.
   */
  async submit(me: Caller, goalId: string): Promise<Response> {
    await (await this.agree(me, goalId)).arrayBuffer();
    return this.request('POST', `/goals/${goalId}/submit`, me);
  }

  async goalStatus(goalId: string) {
    return (await this.readSide.goal(TENANT, goalId))?.state.status;
  }

  /** A goal drafted, submitted and approved by mgr-1: active once the approval is read. */
  async activeGoal(me: Caller, planId: string, gapId: string): Promise<string> {
    const { goalId } = await this.draft(me, planId, gapId);
    await bodyOf(await this.submit(me, goalId), 200);
    await this.publish(this.event('GoalApproved', goalApproved(goalId, me.userId, 1)));
    await eventually(
      'the goal is active',
      async () => (await this.goalStatus(goalId)) === 'active',
    );
    return goalId;
  }
}

/** What approval's decisions on a submission share; mgr-1 decides. */
const decisionOn = (goalId: string, employeeId: string, submissionNumber: number) => ({
  requestId: `apr-${goalId}`,
  goalId,
  employeeId,
  submissionNumber,
  decidedBy: 'mgr-1',
});

export const goalApproved = (goalId: string, employeeId: string, submissionNumber: number) => ({
  ...GoalApproved.example,
  ...decisionOn(goalId, employeeId, submissionNumber),
});

export const goalRejected = (goalId: string, employeeId: string, submissionNumber: number) => ({
  ...GoalRejected.example,
  ...decisionOn(goalId, employeeId, submissionNumber),
});

/** Approval's decision on an adjustment, as mgr-1 took it. */
const decisionOnAdjustment = (goalId: string, employeeId: string, adjustmentId: string) => ({
  requestId: `apr-${adjustmentId}`,
  goalId,
  employeeId,
  adjustmentId,
  decidedBy: 'mgr-1',
});

export const adjustmentApproved = (goalId: string, employeeId: string, adjustmentId: string) => ({
  ...AdjustmentApproved.example,
  ...decisionOnAdjustment(goalId, employeeId, adjustmentId),
});

export const adjustmentRejected = (
  goalId: string,
  employeeId: string,
  adjustmentId: string,
  feedback = AdjustmentRejected.example.feedback,
) => ({
  ...AdjustmentRejected.example,
  ...decisionOnAdjustment(goalId, employeeId, adjustmentId),
  feedback,
});

/** A later 360° round of the employee on Collaboration: active listening 62, behaviour 58. */
export const measuredAgain = (employeeId: string, measuredAt: string) => ({
  ...MeasurementRecorded.example,
  measurementId: 'msr-5090',
  employeeId,
  behaviour: 58,
  indicatorScores: [
    { indicatorId: 'active-listening', score: 62 },
    { indicatorId: 'shares-information', score: 71 },
  ],
  measuredAt,
});
