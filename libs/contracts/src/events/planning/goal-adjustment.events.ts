import { Type } from '@sinclair/typebox';
import { Personal } from '../../personal-data';
import { defineEvent, defineUpcaster, type EventData, type EventOf } from '../../event-definition';
import { Id } from '../../metadata';
import { Text } from '../shared.schemas';
import {
  GoalContentV1,
  GoalContent,
  GoalChangesV1,
  GoalChanges,
  withKindedCriteria,
} from './goal-content.schemas';

const context = 'planning';

/** The adjustment of a goal an adjustment event is about, and an example of one. */
const adjustmentOfGoal = {
  adjustmentId: Id('Adjustment'),
  goalId: Id('Goal'),
  employeeId: Id('Employee'),
};

const adjustmentExample = { adjustmentId: 'adj-1', goalId: 'goal-3001', employeeId: 'emp-1001' };

const goalAdjustedV1Properties = {
  ...adjustmentOfGoal,
  changes: GoalChangesV1,
  reason: Personal(Text('Why the goal was adjusted', 1000, 10)),
  requiresAcknowledgement: Type.Boolean({
    description: 'Whether the manager must acknowledge the adjustment',
  }),
  adjustedBy: Id('Who adjusted'),
};

const goalAdjustedExample = {
  ...adjustmentExample,
  changes: { deadline: '2026-09-30' },
  reason: 'Two months of parental leave moved the practice period.',
  requiresAcknowledgement: true,
  adjustedBy: 'emp-1001',
};

/** Stored adjustments from before a criterion could be met by evidence; read through the upcaster. */
export const GoalAdjustedV1 = defineEvent({
  context,
  name: 'GoalAdjusted',
  version: 1,
  description: 'An active goal proved unrealistic and was adjusted; the manager sees the change.',
  schema: Type.Object(goalAdjustedV1Properties, { additionalProperties: false }),
  subjectOf: (data) => data.employeeId,
  example: goalAdjustedExample,
});

export const GoalAdjusted = defineEvent({
  context,
  name: 'GoalAdjusted',
  version: 2,
  description:
    'An active goal proved unrealistic and was adjusted; the manager sees the change. Version 2: changed success criteria are tagged on `kind`, measured or evidence.',
  schema: Type.Object(
    { ...goalAdjustedV1Properties, changes: GoalChanges },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: goalAdjustedExample,
});

export const goalAdjustedV1ToV2 = defineUpcaster<
  EventData<typeof GoalAdjustedV1>,
  EventData<typeof GoalAdjusted>
>({
  name: 'GoalAdjusted',
  fromVersion: 1,
  upcast: (data) => ({ ...data, changes: withKindedCriteria(data.changes) }),
});

export const GoalAdjustmentAcknowledged = defineEvent({
  context,
  name: 'GoalAdjustmentAcknowledged',
  version: 1,
  description: 'The manager acknowledged an adjustment of an active goal.',
  schema: Type.Object(
    {
      ...adjustmentOfGoal,
      acknowledgedBy: Id('Manager or HR delegate'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    ...adjustmentExample,
    acknowledgedBy: 'emp-0007',
  },
});

const refusalDescription =
  'The manager (or an HR delegate) refused an adjustment of an active goal, with a reason: the adjustment is not in force. Each field it changed is set back to its value from before the adjustment (restored), unless a later adjustment changed that field again: then the later value stays, and refusing that later adjustment as well sets the field back to its value from before both. The goal stays active on the restored content; the employee may propose another adjustment.';

const restoredDescription =
  'The fields set back, with the values they have again; empty when later adjustments changed every one of them';

const goalAdjustmentRefusedV1Properties = {
  ...adjustmentOfGoal,
  reason: Personal(Text('Why the adjustment was refused', 1000, 10)),
  restored: Type.Partial(GoalContentV1, { description: restoredDescription }),
  refusedBy: Id('Manager or HR delegate'),
};

const goalAdjustmentRefusedExample = {
  ...adjustmentExample,
  reason: 'The leave is covered by the milestones; keep the July deadline.',
  restored: { deadline: '2026-07-31' },
  refusedBy: 'emp-0007',
};

/** Stored refusals from before a criterion could be met by evidence; read through the upcaster. */
export const GoalAdjustmentRefusedV1 = defineEvent({
  context,
  name: 'GoalAdjustmentRefused',
  version: 1,
  description: refusalDescription,
  schema: Type.Object(goalAdjustmentRefusedV1Properties, { additionalProperties: false }),
  subjectOf: (data) => data.employeeId,
  example: goalAdjustmentRefusedExample,
});

export const GoalAdjustmentRefused = defineEvent({
  context,
  name: 'GoalAdjustmentRefused',
  version: 2,
  description: `${refusalDescription} Version 2: restored success criteria are tagged on \`kind\`, measured or evidence.`,
  schema: Type.Object(
    {
      ...goalAdjustmentRefusedV1Properties,
      restored: Type.Partial(GoalContent, { description: restoredDescription }),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: goalAdjustmentRefusedExample,
});

export const goalAdjustmentRefusedV1ToV2 = defineUpcaster<
  EventData<typeof GoalAdjustmentRefusedV1>,
  EventData<typeof GoalAdjustmentRefused>
>({
  name: 'GoalAdjustmentRefused',
  fromVersion: 1,
  upcast: (data) => ({ ...data, restored: withKindedCriteria(data.restored) }),
});

export type GoalAdjustedV1 = EventOf<typeof GoalAdjustedV1>;
export type GoalAdjusted = EventOf<typeof GoalAdjusted>;
export type GoalAdjustmentAcknowledged = EventOf<typeof GoalAdjustmentAcknowledged>;
export type GoalAdjustmentRefusedV1 = EventOf<typeof GoalAdjustmentRefusedV1>;
export type GoalAdjustmentRefused = EventOf<typeof GoalAdjustmentRefused>;
