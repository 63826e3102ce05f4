import { Type } from '@sinclair/typebox';
import { defineEvent, type EventOf } from '../../event-definition';
import { Id, IsoDateTime } from '../../metadata';

const context = 'planning';

const SlotRelease = Type.Object(
  {
    goalId: Id('Goal whose slot is free again'),
    submissionNumber: Type.Integer({ minimum: 1, description: 'The submission that held it' }),
    reason: Type.Union(
      [
        Type.Literal('withdrawn'),
        Type.Literal('evaluated'),
        Type.Literal('rejected'),
        Type.Literal('abandoned'),
      ],
      {
        description:
          'Why it is free: the goal was withdrawn or evaluated, the submission rejected, or the submission never landed (a request that failed after taking the slot)',
      },
    ),
  },
  { additionalProperties: false },
);

export const GoalSlotTaken = defineEvent({
  context,
  name: 'GoalSlotTaken',
  version: 1,
  description:
    "A submission took one of the employee's active-goal slots; it holds it through approval and while the goal is active. Recorded on the employee's active-set stream, where concurrent submissions meet, before the goal's GoalSubmitted.",
  schema: Type.Object(
    {
      employeeId: Id('Employee whose active set this is'),
      goalId: Id('Goal the slot is taken for'),
      planId: Id('Plan of the goal'),
      submissionNumber: Type.Integer({ minimum: 1, description: 'The submission that takes it' }),
      takenAt: IsoDateTime('When it was taken'),
      maxActiveGoals: Type.Integer({
        minimum: 1,
        maximum: 10,
        description: "The plan's limit on goals active or awaiting a decision at once",
      }),
      slotsHeld: Type.Integer({
        minimum: 1,
        maximum: 10,
        description: 'Slots held after this one was taken, this one included',
      }),
      released: Type.Array(SlotRelease, {
        maxItems: 100,
        description: 'Slots found free when this one was taken, no longer counted from here on',
      }),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    employeeId: 'emp-1001',
    goalId: 'goal-3002',
    planId: 'plan-2001',
    submissionNumber: 1,
    takenAt: '2026-03-02T09:00:00.000Z',
    maxActiveGoals: 3,
    slotsHeld: 2,
    released: [{ goalId: 'goal-3001', submissionNumber: 1, reason: 'withdrawn' }],
  },
});

export type GoalSlotTaken = EventOf<typeof GoalSlotTaken>;
