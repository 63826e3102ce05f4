import { Type, type Static } from '@sinclair/typebox';
import { expectedCheckInMinutes } from '../../check-in-length';
import { Personal } from '../../personal-data';
import { defineEvent, defineUpcaster, type EventData, type EventOf } from '../../event-definition';
import { Id, IsoDateTime } from '../../metadata';
import {
  CheckInCadence,
  IdList,
  MeasurementInstrumentSchema,
  Nullable,
  Score,
  Text,
} from '../shared.schemas';
import { DevelopmentAction } from './goal-content.schemas';

const context = 'planning';

const goalActivatedV1Properties = {
  goalId: Id('Goal'),
  planId: Id('Plan'),
  employeeId: Id('Employee'),
  approvalRequestId: Id('Approval request that approved it'),
  checkInCadence: CheckInCadence,
  nextCheckInDueAt: IsoDateTime('When the first check-in is due'),
};

const goalActivatedExampleV1 = {
  goalId: 'goal-3001',
  planId: 'plan-2001',
  employeeId: 'emp-1001',
  approvalRequestId: 'apr-4001',
  checkInCadence: 'fortnightly' as const,
  nextCheckInDueAt: '2026-02-16T09:00:00.000Z',
};

/** Stored activations from before the baseline was frozen; read through the upcaster. */
export const GoalActivatedV1 = defineEvent({
  context,
  name: 'GoalActivated',
  version: 1,
  description: 'The approved goal became active; check-ins start on the agreed cadence.',
  schema: Type.Object(goalActivatedV1Properties, { additionalProperties: false }),
  subjectOf: (data) => data.employeeId,
  example: goalActivatedExampleV1,
});

const IndicatorScores = Type.Array(
  Type.Object(
    { indicatorId: Id('Behaviour indicator'), score: Score('Score of the indicator') },
    { additionalProperties: false },
  ),
  { maxItems: 30 },
);

/** A measurement as a goal keeps it: its baseline, or a later measurement of its progress. */
const GoalMeasurement = Type.Object(
  {
    measurementId: Id('Measurement'),
    instrument: MeasurementInstrumentSchema,
    measuredAt: IsoDateTime('When the instrument was completed'),
    behaviour: Score('Behaviour on the competency'),
    indicators: IndicatorScores,
  },
  { additionalProperties: false },
);

const baselineExample = {
  measurementId: 'msr-5001',
  instrument: '360-round' as const,
  measuredAt: '2026-01-12T14:00:00.000Z',
  behaviour: 45,
  indicators: [
    { indicatorId: 'active-listening', score: 45 },
    { indicatorId: 'shares-information', score: 71 },
  ],
};

export const GoalActivated = defineEvent({
  context,
  name: 'GoalActivated',
  version: 2,
  description:
    'The approved goal became active; check-ins start on the agreed cadence, and the baseline every later measurement of the goal is read against is frozen.',
  schema: Type.Object(
    {
      ...goalActivatedV1Properties,
      baseline: Nullable(
        GoalMeasurement,
        "The employee's latest measurement of the target when the goal became active; null when there was none",
      ),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: { ...goalActivatedExampleV1, baseline: baselineExample },
});

export const goalActivatedV1ToV2 = defineUpcaster<
  EventData<typeof GoalActivatedV1>,
  EventData<typeof GoalActivated>
>({
  name: 'GoalActivated',
  fromVersion: 1,
  upcast: (data) => ({ ...data, baseline: null }),
});

export const GoalProgressMeasured = defineEvent({
  context,
  name: 'GoalProgressMeasured',
  version: 1,
  description:
    "A measurement of an active goal's target before its deadline (any instrument, a closed 360° round included): progress against the frozen baseline, not yet the evaluation.",
  schema: Type.Object(
    {
      goalId: Id('Goal'),
      employeeId: Id('Employee'),
      measurement: GoalMeasurement,
      baselineMeasurementId: Nullable(Id('Frozen baseline'), 'Null when the goal has none'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    goalId: 'goal-3001',
    employeeId: 'emp-1001',
    measurement: {
      measurementId: 'msr-5050',
      instrument: 'manager-observation',
      measuredAt: '2026-04-02T10:00:00.000Z',
      behaviour: 52,
      indicators: [{ indicatorId: 'active-listening', score: 55 }],
    },
    baselineMeasurementId: 'msr-5001',
  },
});

export const ActionAdded = defineEvent({
  context,
  name: 'ActionAdded',
  version: 1,
  description: 'A development action was added to a goal.',
  schema: Type.Object(
    { goalId: Id('Goal'), employeeId: Id('Employee'), action: DevelopmentAction },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    goalId: 'goal-3001',
    employeeId: 'emp-1001',
    action: {
      actionId: 'act-2',
      kind: 'learning-from-others',
      description: 'Ask a mentor to observe one meeting and give feedback.',
      frequency: 'once a month',
      estimatedHours: 3,
    },
  },
});

export const ActionCompleted = defineEvent({
  context,
  name: 'ActionCompleted',
  version: 1,
  description: 'A development action was ticked off as done.',
  schema: Type.Object(
    { goalId: Id('Goal'), employeeId: Id('Employee'), actionId: Id('Action done') },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: { goalId: 'goal-3001', employeeId: 'emp-1001', actionId: 'act-1' },
});

const checkInV1Properties = {
  checkInId: Id('Check-in'),
  goalId: Id('Goal'),
  employeeId: Id('Employee'),
  answers: Type.Object(
    {
      whatWasDone: Personal(Text('What did you do since the last check-in?')),
      whatGoesWellAndWhatIsHard: Personal(Text('What goes well and what is hard?')),
      whatIsNext: Personal(Text('What will you do next?')),
    },
    { additionalProperties: false },
  ),
  durationMinutes: Type.Integer({
    minimum: 1,
    maximum: 240,
    description: `Typically ${expectedCheckInMinutes.min}–${expectedCheckInMinutes.max} minutes`,
  }),
  actionsTicked: IdList('Actions ticked off during the check-in', 20),
  nextDueAt: IsoDateTime('When the next check-in is due'),
  onTime: Type.Boolean({ description: 'Held no later than it was due' }),
};

const CheckInLoggedV1Schema = Type.Object(checkInV1Properties, { additionalProperties: false });

const checkInExampleV1: Static<typeof CheckInLoggedV1Schema> = {
  checkInId: 'chk-6001',
  goalId: 'goal-3001',
  employeeId: 'emp-1001',
  answers: {
    whatWasDone: 'Summarised before responding in three meetings.',
    whatGoesWellAndWhatIsHard: 'Easy with peers, hard when I disagree.',
    whatIsNext: 'Practise in the project kick-off.',
  },
  durationMinutes: 20,
  actionsTicked: ['act-1'],
  nextDueAt: '2026-03-02T09:00:00.000Z',
  onTime: true,
};

/** Stored check-ins from before who logged them was recorded; read through the upcaster. */
export const CheckInLoggedV1 = defineEvent({
  context,
  name: 'CheckInLogged',
  version: 1,
  description: 'A check-in on a goal was held around the three questions.',
  schema: CheckInLoggedV1Schema,
  subjectOf: (data) => data.employeeId,
  example: checkInExampleV1,
});

export const CheckInLogged = defineEvent({
  context,
  name: 'CheckInLogged',
  version: 2,
  description:
    "A check-in on a goal was held around the three questions, logged by the employee, their manager or an HR delegate; it carries the employee's answers and, optionally, the manager's notes. Version 2 added loggedBy and managerNotes.",
  schema: Type.Object(
    {
      ...checkInV1Properties,
      loggedBy: Nullable(
        Id('Who logged the check-in: the employee, their manager or an HR delegate'),
        'Null for check-ins logged before version 2, which did not record it (the CloudEvents actorid still names them)',
      ),
      managerNotes: Type.Optional(
        Personal(
          Text("The manager's own notes on the check-in; absent when they added none", 2000),
        ),
      ),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    ...checkInExampleV1,
    loggedBy: 'emp-0007',
    managerNotes: 'Visible progress in the stand-ups; next, try it when the team disagrees.',
  },
});

export const checkInLoggedV1ToV2 = defineUpcaster<
  EventData<typeof CheckInLoggedV1>,
  EventData<typeof CheckInLogged>
>({
  name: 'CheckInLogged',
  fromVersion: 1,
  upcast: (data) => ({ ...data, loggedBy: null }),
});

export const GoalWithdrawn = defineEvent({
  context,
  name: 'GoalWithdrawn',
  version: 1,
  description: 'The goal was withdrawn before evaluation; it no longer counts as active.',
  schema: Type.Object(
    {
      goalId: Id('Goal'),
      employeeId: Id('Employee'),
      reason: Personal(Text('Why the goal was withdrawn', 1000)),
      withdrawnBy: Id('Who withdrew it'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    goalId: 'goal-3001',
    employeeId: 'emp-1001',
    reason: 'Moved to a role without team leadership.',
    withdrawnBy: 'emp-1001',
  },
});

export type GoalActivatedV1 = EventOf<typeof GoalActivatedV1>;
export type GoalActivated = EventOf<typeof GoalActivated>;
export type GoalProgressMeasured = EventOf<typeof GoalProgressMeasured>;
export type ActionAdded = EventOf<typeof ActionAdded>;
export type ActionCompleted = EventOf<typeof ActionCompleted>;
export type CheckInLoggedV1 = EventOf<typeof CheckInLoggedV1>;
export type CheckInLogged = EventOf<typeof CheckInLogged>;
export type GoalWithdrawn = EventOf<typeof GoalWithdrawn>;
