// A cycle in approval: the goal submitted, about 30% rejected once and resubmitted, approved
// on a check-in cadence, and activated in planning.
import { streamName } from '@talentloop/contracts';
import { cadenceDays, cadences, type Cadence } from './catalogue';
import type { CycleContext } from './cycle-context';
import type { GoalContent } from './events';
import type { DraftedGoal } from './goals';
import { DAY, HOUR, MINUTE } from './units';

/** The goal as activated: its cadence and the first check-in's due time. */
export interface ActiveGoal {
  readonly cadence: Cadence;
  readonly firstDueAt: number;
}

/** Submits the goal to the manager until it is approved, then activates it. */
export const approveGoal = (
  { tenantId, employee, n, next, text, on, later }: CycleContext,
  goal: DraftedGoal,
  managerId: string,
): ActiveGoal => {
  const employeeId = employee.id;
  const { goalId, planId, stream: goalStream } = goal;
  let content: GoalContent = goal.content;
  const requestId = `apr-${employee.index}-${n}`;
  const requestStream = streamName({
    context: 'approval',
    aggregate: 'approvalRequest',
    tenantId,
    id: requestId,
  });
  const submit = (submissionNumber: number): number => {
    later(HOUR, 2 * DAY);
    on(goalStream, employeeId, 'GoalSubmitted', {
      goalId,
      planId,
      employeeId,
      managerId,
      submissionNumber,
      goal: content,
      smartChecks: [
        { property: 'achievable', passed: true, explanation: 'Target within aptitude.' },
      ],
    });
    const submittedAt = employee.clock;
    later(1000, 5000);
    on(requestStream, 'approval-service', 'ApprovalRequested', {
      requestId,
      goalId,
      employeeId,
      managerId,
      addressedTo: 'manager',
      submissionNumber,
      submittedAt: new Date(submittedAt).toISOString(),
    });
    later(HOUR, 6 * DAY);
    return Math.round((employee.clock - submittedAt) / 1000);
  };
  let submissionNumber = 1;
  let turnaroundSeconds = submit(submissionNumber);
  if (next(10) < 3) {
    on(requestStream, managerId, 'GoalRejected', {
      requestId,
      goalId,
      employeeId,
      submissionNumber,
      decidedBy: managerId,
      decidedAs: 'manager',
      feedback: text.rejected.feedback,
      turnaroundSeconds,
    });
    if (next(2) === 0) {
      later(HOUR, 3 * DAY);
      const behaviour = `${text.drafted.behaviour} Practise it in every kick-off.`;
      content = { ...content, behaviour };
      on(goalStream, employeeId, 'GoalEdited', {
        goalId,
        employeeId,
        changes: { behaviour },
        editedBy: employeeId,
      });
    }
    turnaroundSeconds = submit(++submissionNumber);
  }
  const cadence = cadences[next(cadences.length)] ?? 'monthly';
  on(requestStream, managerId, 'GoalApproved', {
    requestId,
    goalId,
    employeeId,
    submissionNumber,
    decidedBy: managerId,
    decidedAs: 'manager',
    note: text.approved.note,
    checkInCadence: cadence,
    turnaroundSeconds,
  });
  later(1000, MINUTE);
  const firstDueAt = employee.clock + cadenceDays[cadence] * DAY;
  on(goalStream, 'planning-service', 'GoalActivated', {
    goalId,
    planId,
    employeeId,
    approvalRequestId: requestId,
    checkInCadence: cadence,
    nextCheckInDueAt: new Date(firstDueAt).toISOString(),
    baseline: null,
  });
  return { cadence, firstDueAt };
};
