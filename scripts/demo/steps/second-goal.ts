import { agreeTo, goalInStatus, goalOf } from '../goals';
import { line, step } from '../print';
import { employee, manager } from '../organisation';
import type { Drafted, EventBody, InboxItem } from '../responses';
import { api, waitFor } from '../run';

/**
 * A second goal drafted in Dutch, a third submitted beside it and a fourth refused by the cap
 * on goals at once; the manager approves the Dutch goal and rejects the third, which Chloe
 * withdraws. Returns the Dutch goal's id, the refusal's code and the step's summary.
 */
export const secondGoalAndCap = async (planId: string) => {
  step('A second goal, drafted in Dutch, and the cap on goals at once');
  const draftFromTarget = (competencyId: string, indicatorIds: string[], language?: 'nl') =>
    api.call<Drafted>('planning', 'POST', `/plans/${planId}/goals/draft`, employee, {
      body: {
        target: { kind: 'competency', competencyId, indicatorIds },
        ...(language && { language }),
        motivationNote:
          language === 'nl'
            ? 'Ik wil afspraken nakomen waar het team op rekent.'
            : 'My role asks me to follow through on what I take on.',
      },
      ...(language && { language }),
    });
  const submitAs = (id: string, language?: string, expect = 200) =>
    api.call<EventBody[] | { code: string; detail: string }>(
      'planning',
      'POST',
      `/goals/${id}/submit`,
      employee,
      { expect, ...(language && { language }) },
    );
  // Drafted from a target, not a gap: bounded by Chloe's latest measurement of Ownership, which
  // planning read before her gaps (one key, one order), so the draft is the same every run.
  const dutch = await draftFromTarget('ownership', [], 'nl');
  const timeBound = dutch.smartChecks.find((check) => check.property === 'time-bound');
  line(`goal ${dutch.goalId} (Ownership), in Dutch: "${dutch.goal.title}"`);
  line(`SMART, in Dutch (Accept-Language: nl): ${timeBound?.explanation ?? '—'}`);
  await agreeTo(dutch.goalId, 'Ik wil dat mijn team op mijn toezeggingen kan rekenen.');
  await submitAs(dutch.goalId, 'nl');
  const third = await draftFromTarget('collaboration', ['collab-feedback']);
  await agreeTo(third.goalId, 'Useful feedback is the other half of listening well.');
  await submitAs(third.goalId);
  line(`goal ${third.goalId} (Collaboration, giving feedback) submitted: three goals at once`);
  const fourth = await draftFromTarget('ownership', ['own-follow']);
  await agreeTo(fourth.goalId, 'Following through is what my reviews ask of me.');
  const capped = (await submitAs(fourth.goalId, 'nl', 409)) as { code: string; detail: string };
  line(`a fourth: 409 ${capped.code} — ${capped.detail}`);
  // The manager takes the Dutch goal on and asks for one Collaboration goal at a time.
  const pendingOf = (id: string) =>
    waitFor(`the request for ${id} in the manager's inbox`, async () =>
      (await api.call<InboxItem[]>('approval', 'GET', '/approval-requests/inbox', manager)).find(
        (item) => item.goalId === id,
      ),
    );
  const dutchRequest = await pendingOf(dutch.goalId);
  await api.call(
    'approval',
    'POST',
    `/approval-requests/${dutchRequest.requestId}/approve`,
    manager,
    {
      expect: 200,
      body: { checkInCadence: 'monthly', submissionNumber: 1 },
    },
  );
  // One after the other, so every run records them in the same order.
  await waitFor('GoalApproved → the Dutch goal active', goalInStatus(dutch.goalId, 'active'));
  const thirdRequest = await pendingOf(third.goalId);
  await api.call(
    'approval',
    'POST',
    `/approval-requests/${thirdRequest.requestId}/reject`,
    manager,
    {
      expect: 200,
      body: {
        feedback: 'One Collaboration goal at a time: fold giving feedback into the listening goal.',
        submissionNumber: 1,
      },
    },
  );
  await waitFor('GoalRejected → the third goal revisable', goalInStatus(third.goalId, 'rejected'));
  await api.call('planning', 'POST', `/goals/${third.goalId}/withdraw`, employee, {
    expect: 200,
    body: { reason: 'Folded into my listening goal, as Ben suggested.' },
  });
  line(
    `${manager.userId} approved the Dutch goal and rejected the third; Chloe withdrew it, freeing its slot`,
  );
  return {
    dutchGoalId: dutch.goalId,
    refusedWith: capped.code,
    summary: {
      secondGoal: {
        language: dutch.goal.language,
        drafter: dutch.drafter.kind,
        smartChecksFailed: dutch.smartChecks.filter((check) => !check.passed).length,
        timeBound: timeBound?.explanation.replace(/\d{4}-\d\d-\d\d/g, 'YYYY-MM-DD'),
        status: (await goalOf(dutch.goalId)).status,
      },
      cap: {
        refused: { code: capped.code, detail: capped.detail },
        third: (await goalOf(third.goalId)).status,
        fourth: (await goalOf(fourth.goalId)).status,
      },
    },
  };
};
