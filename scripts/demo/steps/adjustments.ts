import { addMonths } from '../dates';
import { adjustmentInInbox, describeChanges, goalOf } from '../goals';
import { line, step } from '../print';
import { employee, manager } from '../organisation';
import type { EventBody, Goal } from '../responses';
import { api, waitFor } from '../run';

/**
 * Two adjustments of the active goal agreed in approval: a lower target the manager rejects
 * (planning sets it back) and a later deadline the manager approves. Returns the approved
 * adjustment's id, the new deadline and the step's summary.
 */
export const adjust = async (goalId: string, active: Goal) => {
  step('Adjustments, agreed in approval: a lower target rejected, a later deadline approved');
  const [firstCriterion] = active.content.successCriteria;
  const refusedAdjustment = await api.call<EventBody[]>(
    'planning',
    'POST',
    `/goals/${goalId}/adjust`,
    employee,
    {
      body: {
        changes: {
          successCriteria: active.content.successCriteria.map((criterion) =>
            criterion === firstCriterion
              ? { ...criterion, target: criterion.target - 5 }
              : criterion,
          ),
        },
        reason: 'Design reviews were cancelled for a month; a lower bar feels fairer.',
      },
    },
  );
  const lowered = refusedAdjustment.find((event) => event.type === 'GoalAdjusted');
  const loweredId = String(lowered?.data.adjustmentId);
  line(
    `GoalAdjusted ${loweredId}: target ${String(firstCriterion?.target)} → ${String((firstCriterion?.target ?? 0) - 5)}`,
  );
  const loweredRequest = await adjustmentInInbox(loweredId);
  line(
    `approval request ${loweredRequest.requestId} (${loweredRequest.kind}) is pending with ${manager.userId}: ${describeChanges(loweredRequest)}`,
  );
  const refusal = await api.call<EventBody>(
    'approval',
    'POST',
    `/approval-requests/${loweredRequest.requestId}/reject`,
    manager,
    {
      expect: 200,
      body: {
        feedback: 'The target is realistic; move the deadline instead of lowering the bar.',
      },
    },
  );
  await waitFor('AdjustmentRejected → the target set back in planning', async () => {
    const goal = await goalOf(goalId);
    return goal.history.at(-1)?.event === 'GoalAdjustmentRefused' ? goal : undefined;
  });
  line(`${manager.userId} rejected it: ${refusal.type}; planning set the target back as agreed`);
  const newDeadline = addMonths(active.content.deadline, 1);
  const adjusted = await api.call<EventBody[]>(
    'planning',
    'POST',
    `/goals/${goalId}/adjust`,
    employee,
    {
      body: {
        changes: { deadline: newDeadline },
        reason: 'The release crunch cancelled four design reviews this month.',
      },
    },
  );
  const adjustment = adjusted.find((event) => event.type === 'GoalAdjusted');
  const adjustmentId = String(adjustment?.data.adjustmentId);
  line(
    `GoalAdjusted ${adjustmentId}: deadline ${active.content.deadline} → ${newDeadline}; requires acknowledgement: ${String(adjustment?.data.requiresAcknowledgement)}`,
  );
  if (adjustment?.data.requiresAcknowledgement) {
    const request = await adjustmentInInbox(adjustmentId);
    line(`approval request ${request.requestId}: ${describeChanges(request)}`);
    await api.call('approval', 'POST', `/approval-requests/${request.requestId}/approve`, manager, {
      expect: 200,
      body: {},
    });
    await waitFor('AdjustmentApproved → acknowledged in planning', async () => {
      const goal = await goalOf(goalId);
      return goal.history.at(-1)?.event === 'GoalAdjustmentAcknowledged' ? goal : undefined;
    });
    line(`${manager.userId} approved it: planning recorded it as acknowledged`);
  }
  return {
    adjustmentId,
    newDeadline,
    summary: {
      moved: `${active.content.deadline} → ${newDeadline}`,
      requiresAcknowledgement: adjustment?.data.requiresAcknowledgement,
      rejected: refusal.type,
    },
  };
};
