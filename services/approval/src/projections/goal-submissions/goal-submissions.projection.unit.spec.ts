import { GoalAdjusted, GoalAdjustmentRefused, GoalSubmitted } from '@talentloop/contracts';
import {
  absentDocument,
  foldDocument,
  type ProjectedEvent,
  type ProjectionInput,
} from '@talentloop/read-models';
import { goalSubmissionsId, goalSubmissionsProjection } from './goal-submissions.projection';

const metadata = {
  tenantId: 'acme',
  actorId: 'emp-1001',
  occurredAt: '2026-04-01T10:00:00.000Z',
  schemaVersion: 1,
};
const submittedDeadline = GoalSubmitted.example.goal.deadline;
const event = (id: string, type: ProjectedEvent['type'], data: unknown): ProjectedEvent =>
  ({ id, type, data, metadata }) as ProjectedEvent;
const submitted = event('e1', 'GoalSubmitted', GoalSubmitted.example);
const adjusted = (id: string, adjustmentId: string, deadline: string) =>
  event(id, 'GoalAdjusted', { ...GoalAdjusted.example, adjustmentId, changes: { deadline } });
const refused = event('e4', 'GoalAdjustmentRefused', {
  ...GoalAdjustmentRefused.example,
  adjustmentId: 'adj-1',
  restored: { deadline: submittedDeadline },
});

const fold = (events: readonly ProjectedEvent[]) =>
  foldDocument(
    goalSubmissionsProjection,
    goalSubmissionsId('acme', 'goal-3001'),
    absentDocument,
    events.map(
      (folded, index): ProjectionInput => ({
        event: folded,
        source: 'kafka:planning:0',
        position: BigInt(index + 1),
      }),
    ),
  ).state.doc;

describe('the goal submissions projection, after a submission', () => {
  it('keeps what each adjustment replaced, and the goal as adjusted', () => {
    // given a submitted goal whose deadline was adjusted twice
    const doc = fold([
      submitted,
      adjusted('e2', 'adj-1', '2026-09-30'),
      adjusted('e3', 'adj-2', '2026-10-31'),
    ]);

    // then each adjustment replaced the deadline the one before it left
    expect(doc?.adjustments).toEqual([
      { adjustmentId: 'adj-1', before: { deadline: submittedDeadline } },
      { adjustmentId: 'adj-2', before: { deadline: '2026-09-30' } },
    ]);
    expect(doc?.current?.deadline).toBe('2026-10-31');
  });

  it('follows a refusal: the restored fields are the goal again', () => {
    // given the deadline adjusted, then the adjustment refused
    const doc = fold([submitted, adjusted('e2', 'adj-1', '2026-09-30'), refused]);

    // then the goal has the submitted deadline again
    expect(doc?.current?.deadline).toBe(submittedDeadline);
  });

  it('keeps nothing for an adjustment of a goal it never saw submitted', () =>
    expect(fold([adjusted('e2', 'adj-1', '2026-09-30')])).toBeUndefined());
});
