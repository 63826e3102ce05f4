import { EmployeeSynced, GoalAdjusted, GoalSubmitted } from '@talentloop/contracts';
import { DEFAULT_TEST_START, ServiceTestApp, ServiceTestHarness } from '@talentloop/testing';
import { ApprovalModule, service } from '../src/app.module';
import { approvalRequestStream } from '../src/approval-request.stream';
import { ApprovalReadSide } from '../src/projections/approval-read-side';

export type { Caller, PublishedEvent } from '@talentloop/testing';

export const TENANT = 'acme';

/** The approval service on real SQLite files in a temp folder, driven over HTTP and the bus. */
export class ApprovalTestApp extends ServiceTestHarness {
  /** `folder`: an existing folder to run in (a restart reuses the previous run's files). */
  static async start(
    env: NodeJS.ProcessEnv = {},
    startAt = DEFAULT_TEST_START,
    folder?: string,
  ): Promise<ApprovalTestApp> {
    const running = await ServiceTestApp.start({
      service,
      module: (moduleEnv, clock) => ApprovalModule.register({ env: moduleEnv, clock }),
      env: { APPROVAL_OVERDUE_CHECK_INTERVAL_SECONDS: '0', ...env },
      startAt,
      label: 'approval',
      ...(folder === undefined ? {} : { folder }),
      defaultTenant: TENANT,
      defaultRoles: 'manager',
    });
    return new ApprovalTestApp(running);
  }

  /** The employee's manager as approval's reporting lines say now. */
  managerOf(employeeId: string, tenantId = TENANT): Promise<string | null | undefined> {
    return this.app.get(ApprovalReadSide).managerOf(tenantId, employeeId);
  }

  async eventTypesOf(requestId: string, tenantId = TENANT): Promise<string[]> {
    const events = await this.store.readStream(approvalRequestStream(tenantId, requestId));
    return events.map((event) => event.type);
  }
}

export const employeeSynced = (employeeId: string, managerId: string | null) => ({
  ...EmployeeSynced.example,
  employeeId,
  externalId: `HR-${employeeId}`,
  managerId,
});

export const goalSubmitted = (
  goalId: string,
  employeeId: string,
  submissionNumber: number,
  managerId?: string,
) => {
  const example = GoalSubmitted.example;
  return {
    goalId,
    planId: example.planId,
    smartChecks: example.smartChecks,
    employeeId,
    submissionNumber,
    ...(managerId === undefined ? {} : { managerId }),
    goal: { ...example.goal, title: `Goal ${goalId} version ${submissionNumber}` },
  };
};

/** An adjustment of an active goal as planning publishes it; of the deadline by default. */
export const goalAdjusted = (
  goalId: string,
  employeeId: string,
  adjustmentId: string,
  changes: Record<string, unknown> = { deadline: '2026-09-30' },
) => ({
  ...GoalAdjusted.example,
  goalId,
  employeeId,
  adjustmentId,
  changes,
  requiresAcknowledgement:
    'deadline' in changes || 'target' in changes || 'successCriteria' in changes,
  adjustedBy: employeeId,
});

/** Polls until the check passes: the read side follows the store and the bus asynchronously. */
export const eventually = async (check: () => Promise<void>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
};
