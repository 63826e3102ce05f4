import { Type, type Static, type TLiteral } from '@sinclair/typebox';
import { Personal } from '../../personal-data';
import { defineEvent, defineUpcaster, type EventData, type EventOf } from '../../event-definition';
import { Id, IsoDateTime } from '../../metadata';
import { Text } from '../shared.schemas';
import {
  GoalContentV1,
  GoalContent,
  measuredFromV1,
  goalContentExampleV1,
  goalContentExample,
} from './goal-content.schemas';

const context = 'planning';

const smartPropertyV1 = [
  Type.Literal('specific'),
  Type.Literal('measurable'),
  Type.Literal('achievable'),
  Type.Literal('relevant'),
  Type.Literal('time-bound'),
];

const smartChecksOf = <Property extends TLiteral<string>>(
  properties: Property[],
  description: string,
) =>
  Type.Array(
    Type.Object(
      {
        property: Type.Union(properties),
        passed: Type.Boolean(),
        explanation: Text('Why the check passed or failed', 500),
      },
      { additionalProperties: false },
    ),
    { maxItems: properties.length, description },
  );

const goalSubmittedV1Properties = {
  goalId: Id('Goal'),
  planId: Id('Plan'),
  employeeId: Id('Employee'),
  managerId: Type.Optional(Id('Manager who decides, when the employee has one')),
  submissionNumber: Type.Integer({ minimum: 1, description: '2 and up after a rejection' }),
  goal: GoalContentV1,
  smartChecks: smartChecksOf(smartPropertyV1, 'The five SMART checks at submission'),
};

const GoalSubmittedV1Schema = Type.Object(goalSubmittedV1Properties, {
  additionalProperties: false,
});

const goalSubmittedExampleV1: Static<typeof GoalSubmittedV1Schema> = {
  goalId: 'goal-3001',
  planId: 'plan-2001',
  employeeId: 'emp-1001',
  managerId: 'emp-0007',
  submissionNumber: 1,
  goal: goalContentExampleV1,
  smartChecks: [
    {
      property: 'achievable',
      passed: true,
      explanation: 'Target 60 is within aptitude 78 and a realistic growth rate.',
    },
  ],
};

/**
 * Stored submissions from before a criterion could be met by evidence and before the
 * employee's agreement was checked; read through the upcaster.
 */
export const GoalSubmittedV1 = defineEvent({
  context,
  name: 'GoalSubmitted',
  version: 1,
  description:
    'The employee submitted the goal for approval; the snapshot is what the manager decides on.',
  schema: GoalSubmittedV1Schema,
  subjectOf: (data) => data.employeeId,
  example: goalSubmittedExampleV1,
});

export const GoalSubmitted = defineEvent({
  context,
  name: 'GoalSubmitted',
  version: 2,
  description:
    "The employee submitted the goal for approval; the snapshot is what the manager decides on. Version 2: its success criteria are tagged on `kind`, measured or evidence, and its SMART checks include 'acceptable': the employee agreed to this version of the goal and said why (GoalAgreed) before submitting it.",
  schema: Type.Object(
    {
      ...goalSubmittedV1Properties,
      goal: GoalContent,
      smartChecks: smartChecksOf(
        [...smartPropertyV1, Type.Literal('acceptable')],
        "The SMART checks at submission, with 'acceptable' (the employee's agreement); five in submissions from before it was checked",
      ),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    ...goalSubmittedExampleV1,
    goal: goalContentExample,
    smartChecks: [
      ...goalSubmittedExampleV1.smartChecks,
      {
        property: 'acceptable',
        passed: true,
        explanation:
          'the employee agreed to this version of the goal and said why it matters to them',
      },
    ],
  },
});

/** A v1 submission's criteria were all measured; its five checks stay as they were. */
export const goalSubmittedV1ToV2 = defineUpcaster<
  EventData<typeof GoalSubmittedV1>,
  EventData<typeof GoalSubmitted>
>({
  name: 'GoalSubmitted',
  fromVersion: 1,
  upcast: (data) => ({
    ...data,
    goal: { ...data.goal, successCriteria: data.goal.successCriteria.map(measuredFromV1) },
  }),
});

export const GoalAgreed = defineEvent({
  context,
  name: 'GoalAgreed',
  version: 1,
  description:
    "The employee agreed to the goal as it stands and said why it matters to them (the A of SMART: acceptable). Needed before each submission; a change to the goal's content after it asks for the agreement again. The manager reads the motivation with the goal.",
  schema: Type.Object(
    {
      goalId: Id('Goal'),
      employeeId: Id('Employee'),
      motivation: Personal(Text('Why the employee takes this goal on, in their words', 1000, 10)),
      agreedBy: Id('The employee'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    goalId: 'goal-3001',
    employeeId: 'emp-1001',
    motivation: 'I want my team to feel heard before I give my view.',
    agreedBy: 'emp-1001',
  },
});

export const GoalSubmissionRejected = defineEvent({
  context,
  name: 'GoalSubmissionRejected',
  version: 1,
  description:
    "Approval's rejection of a submission, recorded on the goal's own stream: the goal is the employee's again, to revise and resubmit, or to withdraw. Ids, the submission and the time only: the manager's feedback stays on approval's GoalRejected, sealed.",
  schema: Type.Object(
    {
      goalId: Id('Goal'),
      employeeId: Id('Employee'),
      approvalRequestId: Id('Approval request that rejected it'),
      submissionNumber: Type.Integer({ minimum: 1, description: 'The submission rejected' }),
      rejectedBy: Id('Manager or HR delegate who decided'),
      rejectedAt: IsoDateTime('When approval recorded the decision'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    goalId: 'goal-3001',
    employeeId: 'emp-1001',
    approvalRequestId: 'apr-4001',
    submissionNumber: 1,
    rejectedBy: 'emp-0007',
    rejectedAt: '2026-02-04T10:00:00.000Z',
  },
});

export type GoalSubmittedV1 = EventOf<typeof GoalSubmittedV1>;
export type GoalSubmitted = EventOf<typeof GoalSubmitted>;
export type GoalAgreed = EventOf<typeof GoalAgreed>;
export type GoalSubmissionRejected = EventOf<typeof GoalSubmissionRejected>;
