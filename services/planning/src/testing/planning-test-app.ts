import {
  CompetencyFrameworkPublished,
  EmployeeSynced,
  GapIdentified,
  GoalApproved,
  GoalRejected,
  MeasurementRecorded,
} from '@talentloop/contracts';
import { DEFAULT_TEST_START, ServiceTestApp, ServiceTestHarness } from '@talentloop/testing';
import { PlanningModule, service } from '../app.module';

import { PlanningDirectory } from '../projections/planning-directory';

export type { Caller, PublishedEvent } from '@talentloop/testing';

export const TENANT = 'acme';

/** The planning service on real SQLite files in a temp folder, driven over HTTP and the bus. */
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

  get directory(): PlanningDirectory {
    return this.app.get(PlanningDirectory);
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
