import { Type, type Static, type TLiteral } from '@sinclair/typebox';
import { expectedCheckInMinutes } from '../check-in-length';
import { Personal } from '../personal-data';
import { defineEvent, defineUpcaster, type EventData, type EventOf } from '../event-definition';
import { Id, IsoDateTime } from '../metadata';
import {
  CheckInCadence,
  DevelopmentTargetKind,
  IdList,
  IsoDate,
  Language,
  MeasurementInstrumentSchema,
  Nullable,
  Score,
  Text,
} from './shared.schemas';

const context = 'planning';

const DevelopmentAction = Type.Object(
  {
    actionId: Id('Development action'),
    kind: Type.Union(
      [
        Type.Literal('on-the-job'),
        Type.Literal('learning-from-others'),
        Type.Literal('formal-learning'),
      ],
      { description: 'Practice on the job, learning from others, or formal learning' },
    ),
    description: Text('What the employee will do'),
    frequency: Text('How often, e.g. "every team meeting"', 200),
    estimatedHours: Type.Number({
      exclusiveMinimum: 0,
      maximum: 1000,
      description: 'Estimated time investment over the whole goal',
    }),
  },
  { additionalProperties: false },
);

const measuredCriterionProperties = {
  criterionId: Id('Success criterion, referred to when the goal is evaluated'),
  instrument: MeasurementInstrumentSchema,
  metric: Type.Union(
    [
      Type.Literal('behaviour-score'),
      Type.Literal('indicator-score'),
      Type.Literal('observed-behaviour'),
    ],
    { description: 'What is read from the instrument' },
  ),
  indicatorIds: IdList('Indicators the metric is read on; empty for the whole competency', 30),
  target: Score('Score the metric must reach'),
  description: Text('The criterion as the employee and manager read it', 500),
};

/** Criteria of goals stored before a criterion could be met by evidence: always measured. */
const SuccessCriterionV1 = Type.Object(measuredCriterionProperties, {
  additionalProperties: false,
});

export const criterionEvidenceKinds = [
  'certificate',
  'course-completion',
  'work-sample',
  'attestation',
] as const;
export type CriterionEvidenceKind = (typeof criterionEvidenceKinds)[number];

const MeasuredCriterion = Type.Object(
  {
    kind: Type.Literal('measured', { description: 'Read from a measurement of the target' }),
    ...measuredCriterionProperties,
  },
  { additionalProperties: false },
);

const EvidenceCriterion = Type.Object(
  {
    kind: Type.Literal('evidence', {
      description:
        'Met when the employee recorded the evidence it names; only for skill, certification and knowledge-area goals',
    }),
    criterionId: Id('Success criterion, referred to when the goal is evaluated'),
    description: Text('The criterion as the employee and manager read it', 500),
    evidence: Type.Union(
      criterionEvidenceKinds.map((kind) => Type.Literal(kind)),
      { description: 'What proves the criterion is met' },
    ),
  },
  { additionalProperties: false },
);

/** A success criterion: measured on a score, or met by recorded evidence (a certificate). */
const SuccessCriterion = Type.Union([MeasuredCriterion, EvidenceCriterion], {
  description: 'Tagged on kind: measured, or evidence',
});

const Milestone = Type.Object(
  { description: Text('What is done by then', 500), dueOn: IsoDate('Milestone date') },
  { additionalProperties: false },
);

const goalContentV1Properties = {
  title: Text('Short title of the goal', 200),
  target: Type.Object(
    {
      kind: DevelopmentTargetKind,
      competencyId: Id('Competency, skill, certification or knowledge area developed'),
      indicatorIds: IdList('Indicators the goal targets; empty for the whole competency', 30),
    },
    { additionalProperties: false },
  ),
  behaviour: Text('Which behaviour will be developed'),
  situation: Text('In which work situation'),
  successCriteria: Type.Array(SuccessCriterionV1, { minItems: 1, maxItems: 10 }),
  actions: Type.Array(DevelopmentAction, { maxItems: 20 }),
  milestones: Type.Array(Milestone, { maxItems: 12 }),
  deadline: IsoDate('When the goal should be reached, typically 3–6 months out'),
  language: Language,
};

/** What a goal says; drafted, edited, submitted as a snapshot and adjusted as a whole or in part. */
const goalContentProperties = {
  ...goalContentV1Properties,
  successCriteria: Type.Array(SuccessCriterion, { minItems: 1, maxItems: 10 }),
};

const GoalContentV1 = Type.Object(goalContentV1Properties, { additionalProperties: false });
const GoalContent = Type.Object(goalContentProperties, { additionalProperties: false });

const GoalChangesV1 = Type.Partial(GoalContentV1, {
  minProperties: 1,
  description: 'The changed fields with their new values',
});
/** Exported for approval's request of an adjustment, which carries the adjustment's changes. */
export const GoalChanges = Type.Partial(GoalContent, {
  minProperties: 1,
  description: 'The changed fields with their new values',
});

type CriterionV1 = Static<typeof SuccessCriterionV1>;
type Criterion = Static<typeof SuccessCriterion>;
/** A criterion stored before the kinds: it was measured. */
const measuredFromV1 = (criterion: CriterionV1): Criterion => ({ kind: 'measured', ...criterion });

/** Old content (or changes of it) with every criterion tagged as measured. */
const withKindedCriteria = <Content extends { successCriteria?: CriterionV1[] }>(
  content: Content,
): Omit<Content, 'successCriteria'> & { successCriteria?: Criterion[] } => {
  const { successCriteria, ...rest } = content;
  return successCriteria === undefined
    ? rest
    : { ...rest, successCriteria: successCriteria.map(measuredFromV1) };
};

const goalContentExampleV1: Static<typeof GoalContentV1> = {
  title: 'Listen actively in team meetings',
  target: { kind: 'competency', competencyId: 'collaboration', indicatorIds: ['active-listening'] },
  behaviour: 'Summarise what a colleague said before responding.',
  situation: 'Weekly team meetings and one-on-ones.',
  successCriteria: [
    {
      criterionId: 'crit-1',
      instrument: '360-round',
      metric: 'indicator-score',
      indicatorIds: ['active-listening'],
      target: 60,
      description: 'Active listening scores at least 60 in the next 360° round.',
    },
  ],
  actions: [
    {
      actionId: 'act-1',
      kind: 'on-the-job',
      description: 'Summarise before responding in every team meeting.',
      frequency: 'every team meeting',
      estimatedHours: 6,
    },
  ],
  milestones: [{ description: 'Ask two peers for feedback.', dueOn: '2026-04-15' }],
  deadline: '2026-07-31',
  language: 'en',
};

const goalContentExample: Static<typeof GoalContent> = {
  ...goalContentExampleV1,
  successCriteria: goalContentExampleV1.successCriteria.map(measuredFromV1),
};

const planStartedV1Properties = {
  planId: Id('Development plan'),
  employeeId: Id('Employee the plan belongs to'),
  previousPlanId: Nullable(Id('Plan of the previous cycle'), 'Null for the first plan'),
  maxActiveGoals: Type.Integer({
    minimum: 2,
    maximum: 3,
    description: "The organisation's limit on active goals when the plan started",
  }),
};

const planStartedExampleV1 = {
  planId: 'plan-2001',
  employeeId: 'emp-1001',
  previousPlanId: null,
  maxActiveGoals: 3,
};

/** Stored plans from before the cycle was recorded; read through the upcaster. */
export const PlanStartedV1 = defineEvent({
  context,
  name: 'PlanStarted',
  version: 1,
  description: 'A development plan started for an employee; it opens a new development cycle.',
  schema: Type.Object(planStartedV1Properties, { additionalProperties: false }),
  subjectOf: (data) => data.employeeId,
  example: planStartedExampleV1,
});

export const PlanStarted = defineEvent({
  context,
  name: 'PlanStarted',
  version: 2,
  description:
    'A development plan started for an employee and cycle; it opens a new development cycle. Goals of the previous plan come along only when carried over explicitly (GoalCarriedOver).',
  schema: Type.Object(
    {
      ...planStartedV1Properties,
      cycle: Nullable(
        Id('Development cycle, e.g. "2026-H2"'),
        'Null for plans started before the cycle was recorded',
      ),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: { ...planStartedExampleV1, cycle: '2026-H1' },
});

export const planStartedV1ToV2 = defineUpcaster<
  EventData<typeof PlanStartedV1>,
  EventData<typeof PlanStarted>
>({
  name: 'PlanStarted',
  fromVersion: 1,
  upcast: (data) => ({ ...data, cycle: null }),
});

const goalDraftedV1Properties = {
  goalId: Id('Goal'),
  planId: Id('Plan the goal belongs to'),
  employeeId: Id('Employee'),
  gapId: Nullable(Id('Gap the goal addresses'), 'Null for a goal started without a gap'),
  ...goalContentV1Properties,
  drafter: Type.Object(
    {
      kind: Type.Union([Type.Literal('ai'), Type.Literal('deterministic')]),
      model: Nullable(Text('Language model name', 200), 'Null for the deterministic drafter'),
      fallbackReason: Nullable(
        Text('Why the deterministic drafter was used instead of the model', 500),
        'Null unless the model was configured but not used',
      ),
    },
    { additionalProperties: false },
  ),
};

const goalDraftedExampleV1 = {
  goalId: 'goal-3001',
  planId: 'plan-2001',
  employeeId: 'emp-1001',
  gapId: 'gap-7001',
  ...goalContentExampleV1,
  drafter: { kind: 'ai' as const, model: 'gpt-4o-mini', fallbackReason: null },
};

/** Stored drafts from before the motivation was kept on the goal; read through the upcaster. */
export const GoalDraftedV1 = defineEvent({
  context,
  name: 'GoalDrafted',
  version: 1,
  description:
    'A SMART goal was drafted from a gap, by a language model or the deterministic drafter; the employee owns it from here.',
  schema: Type.Object(goalDraftedV1Properties, { additionalProperties: false }),
  subjectOf: (data) => data.employeeId,
  example: goalDraftedExampleV1,
});

/** The parts of the drafting context a model may be given; never a person's identifiers. */
export const draftContextParts = [
  'target',
  'definition',
  'indicators',
  'scores',
  'weakest-indicators',
  'strongest-indicators',
  'role',
  'role-requirement',
  'facets',
  'motivation-stated',
  'rejection-feedback',
] as const;
export type DraftContextPart = (typeof draftContextParts)[number];

const DrafterV2 = Type.Object(
  {
    ...goalDraftedV1Properties.drafter.properties,
    promptVersion: Nullable(
      Text('Version of the prompt the model was given', 50),
      'Null when no model was asked (none configured, or the tenant did not opt in)',
    ),
    contextGiven: Type.Array(Type.Union(draftContextParts.map((part) => Type.Literal(part))), {
      maxItems: draftContextParts.length,
      uniqueItems: true,
      description:
        'Which parts of the context the model was given (names of parts, never their content); empty when no model was asked',
    }),
  },
  { additionalProperties: false },
);

const goalDraftedV2Properties = {
  ...goalDraftedV1Properties,
  drafter: DrafterV2,
  motivationNote: Nullable(
    Personal(Text('Why the employee wants this goal, in their words', 1000)),
    'Null when the employee gave none with the draft',
  ),
};

const goalDraftedExampleV2 = {
  ...goalDraftedExampleV1,
  drafter: {
    ...goalDraftedExampleV1.drafter,
    promptVersion: 'goal-draft-2',
    contextGiven: [
      'target' as const,
      'definition' as const,
      'indicators' as const,
      'scores' as const,
      'role' as const,
      'role-requirement' as const,
    ],
  },
  motivationNote: 'My team asked me to let them finish before I answer.',
};

/** Stored drafts from before a criterion could be met by evidence; read through the upcaster. */
export const GoalDraftedV2 = defineEvent({
  context,
  name: 'GoalDrafted',
  version: 2,
  description:
    'A SMART goal was drafted from a gap or a target, by a language model or the deterministic drafter, with the motivation the employee gave; the employee owns it from here. The drafter records the model, the prompt version and which context parts the model was given.',
  schema: Type.Object(goalDraftedV2Properties, { additionalProperties: false }),
  subjectOf: (data) => data.employeeId,
  example: goalDraftedExampleV2,
});

export const goalDraftedV1ToV2 = defineUpcaster<
  EventData<typeof GoalDraftedV1>,
  EventData<typeof GoalDraftedV2>
>({
  name: 'GoalDrafted',
  fromVersion: 1,
  // Drafts from before the prompt was versioned: which prompt and context is not known.
  upcast: (data) => ({
    ...data,
    drafter: { ...data.drafter, promptVersion: null, contextGiven: [] },
    motivationNote: null,
  }),
});

export const GoalDrafted = defineEvent({
  context,
  name: 'GoalDrafted',
  version: 3,
  description:
    'A SMART goal was drafted from a gap or a target, by a language model or the deterministic drafter, with the motivation the employee gave; the employee owns it from here. The drafter records the model, the prompt version and which context parts the model was given. Version 3: a success criterion is tagged on `kind`, measured or evidence (met by a recorded certificate, course completion, work sample or attestation).',
  schema: Type.Object(
    { ...goalDraftedV2Properties, successCriteria: goalContentProperties.successCriteria },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: { ...goalDraftedExampleV2, successCriteria: goalContentExample.successCriteria },
});

export const goalDraftedV2ToV3 = defineUpcaster<
  EventData<typeof GoalDraftedV2>,
  EventData<typeof GoalDrafted>
>({
  name: 'GoalDrafted',
  fromVersion: 2,
  upcast: (data) => ({ ...data, successCriteria: data.successCriteria.map(measuredFromV1) }),
});

const goalEditedExample = {
  goalId: 'goal-3001',
  employeeId: 'emp-1001',
  changes: { situation: 'Weekly team meetings, one-on-ones and project kick-offs.' },
  editedBy: 'emp-1001',
};

const goalEditedV1Properties = {
  goalId: Id('Goal'),
  employeeId: Id('Employee'),
  changes: GoalChangesV1,
  editedBy: Id('Who edited'),
};

/** Stored edits from before a criterion could be met by evidence; read through the upcaster. */
export const GoalEditedV1 = defineEvent({
  context,
  name: 'GoalEdited',
  version: 1,
  description: 'The employee changed the draft; the draft and every change are kept.',
  schema: Type.Object(goalEditedV1Properties, { additionalProperties: false }),
  subjectOf: (data) => data.employeeId,
  example: goalEditedExample,
});

export const GoalEdited = defineEvent({
  context,
  name: 'GoalEdited',
  version: 2,
  description:
    'The employee changed the draft; the draft and every change are kept. Version 2: changed success criteria are tagged on `kind`, measured or evidence.',
  schema: Type.Object(
    { ...goalEditedV1Properties, changes: GoalChanges },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: goalEditedExample,
});

export const goalEditedV1ToV2 = defineUpcaster<
  EventData<typeof GoalEditedV1>,
  EventData<typeof GoalEdited>
>({
  name: 'GoalEdited',
  fromVersion: 1,
  upcast: (data) => ({ ...data, changes: withKindedCriteria(data.changes) }),
});

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

const goalEvaluatedV1Criterion = {
  criterionId: Id('Success criterion'),
  met: Type.Boolean(),
  target: Score('Score the criterion required'),
  baseline: Nullable(Score('Score at the baseline'), 'Null when nothing was measured'),
  remeasured: Score('Score at the remeasurement'),
  baselineMeasurementId: Nullable(Id('Baseline measurement'), 'Null without baseline'),
  measurementId: Id('Remeasurement the evidence comes from'),
  instrument: MeasurementInstrumentSchema,
};

const goalOutcome = Type.Union([
  Type.Literal('achieved'),
  Type.Literal('partly-achieved'),
  Type.Literal('not-achieved'),
]);

const goalEvaluatedExampleV1 = {
  goalId: 'goal-3001',
  employeeId: 'emp-1001',
  outcome: 'achieved' as const,
  criteria: [
    {
      criterionId: 'crit-1',
      met: true,
      target: 60,
      baseline: 45,
      remeasured: 62,
      baselineMeasurementId: 'msr-5001',
      measurementId: 'msr-5090',
      instrument: '360-round' as const,
    },
  ],
  lessRobust: false,
};

/** Stored evaluations from before verdicts per indicator; read through the upcaster. */
export const GoalEvaluatedV1 = defineEvent({
  context,
  name: 'GoalEvaluated',
  version: 1,
  description:
    'After remeasurement every success criterion was evaluated against the evidence; the goal closed.',
  schema: Type.Object(
    {
      goalId: Id('Goal'),
      employeeId: Id('Employee'),
      outcome: goalOutcome,
      criteria: Type.Array(Type.Object(goalEvaluatedV1Criterion, { additionalProperties: false }), {
        minItems: 1,
        maxItems: 10,
      }),
      lessRobust: Type.Boolean({
        description: 'Some evidence came from a less robust or substitute instrument',
      }),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: goalEvaluatedExampleV1,
});

const MeasuredVerdictV2 = Type.Object(
  {
    ...goalEvaluatedV1Criterion,
    remeasured: Nullable(
      Score('Score at the remeasurement; the weakest indicator for several'),
      'Null when the measurement did not measure what the criterion reads',
    ),
    indicators: Type.Array(
      Type.Object(
        {
          indicatorId: Id('Behaviour indicator the criterion reads'),
          baseline: Nullable(Score('Score at the baseline'), 'Null when not measured'),
          remeasured: Nullable(Score('Score now'), 'Null when not measured'),
          met: Type.Boolean({ description: 'Measured, and at least the target' }),
        },
        { additionalProperties: false },
      ),
      {
        maxItems: 30,
        description: 'A criterion on several indicators is met only if each one is',
      },
    ),
    evidenceInstrument: MeasurementInstrumentSchema,
    lessRobust: Type.Boolean({
      description:
        'The evidence came from another instrument than the criterion names, or a less robust one',
    }),
  },
  { additionalProperties: false },
);

const goalEvaluatedExampleV2 = {
  ...goalEvaluatedExampleV1,
  criteria: [
    {
      ...goalEvaluatedExampleV1.criteria[0],
      indicators: [{ indicatorId: 'active-listening', baseline: 45, remeasured: 62, met: true }],
      evidenceInstrument: '360-round' as const,
      lessRobust: false,
    },
  ],
  requestedEarly: false,
};

/** Stored evaluations from before evidence criteria; read through the upcaster. */
export const GoalEvaluatedV2 = defineEvent({
  context,
  name: 'GoalEvaluated',
  version: 2,
  description:
    "Every success criterion was evaluated against the goal's frozen baseline and a measurement at or after the deadline (or earlier, on request); the goal closed.",
  schema: Type.Object(
    {
      goalId: Id('Goal'),
      employeeId: Id('Employee'),
      outcome: goalOutcome,
      criteria: Type.Array(MeasuredVerdictV2, { minItems: 1, maxItems: 10 }),
      lessRobust: Type.Boolean({
        description: 'Some evidence came from a less robust or substitute instrument',
      }),
      requestedEarly: Type.Boolean({
        description: 'Evaluated before the deadline because someone asked for it',
      }),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: goalEvaluatedExampleV2,
});

export const goalEvaluatedV1ToV2 = defineUpcaster<
  EventData<typeof GoalEvaluatedV1>,
  EventData<typeof GoalEvaluatedV2>
>({
  name: 'GoalEvaluated',
  fromVersion: 1,
  upcast: (data) => ({
    ...data,
    criteria: data.criteria.map((criterion) => ({
      ...criterion,
      indicators: [],
      evidenceInstrument: criterion.instrument,
      lessRobust: data.lessRobust,
    })),
    requestedEarly: false,
  }),
});

const EvidenceVerdict = Type.Object(
  {
    kind: Type.Literal('evidence'),
    criterionId: Id('Success criterion'),
    met: Type.Boolean({ description: 'Evidence was recorded for the criterion' }),
    evidence: EvidenceCriterion.properties.evidence,
    recorded: Type.Array(
      Type.Object(
        {
          evidenceId: Id('Evidence recorded (CriterionEvidenceRecorded)'),
          obtainedOn: IsoDate('When it was obtained'),
        },
        { additionalProperties: false },
      ),
      { maxItems: 20, description: 'The evidence recorded for the criterion; empty when none was' },
    ),
  },
  { additionalProperties: false },
);

const MeasuredVerdict = Type.Object(
  { kind: Type.Literal('measured'), ...MeasuredVerdictV2.properties },
  { additionalProperties: false },
);

export const GoalEvaluated = defineEvent({
  context,
  name: 'GoalEvaluated',
  version: 3,
  description:
    "Every success criterion was evaluated and the goal closed. A measured criterion against the goal's frozen baseline and a measurement at or after the deadline (or earlier, on request); an evidence criterion is met when evidence was recorded for it. A goal with evidence criteria only is evaluated on request once evidence was recorded, or by evidence recorded on or after its deadline. Version 3: the verdicts are tagged on `kind`, measured or evidence.",
  schema: Type.Object(
    {
      ...GoalEvaluatedV2.schema.properties,
      criteria: Type.Array(Type.Union([MeasuredVerdict, EvidenceVerdict]), {
        minItems: 1,
        maxItems: 10,
      }),
      lessRobust: Type.Boolean({
        description:
          'Some evidence came from a less robust or substitute instrument (measured criteria only)',
      }),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    ...goalEvaluatedExampleV2,
    criteria: [
      { kind: 'measured', ...goalEvaluatedExampleV2.criteria[0] },
      {
        kind: 'evidence',
        criterionId: 'crit-2',
        met: true,
        evidence: 'certificate',
        recorded: [{ evidenceId: 'evd-1', obtainedOn: '2026-06-20' }],
      },
    ],
  },
});

export const goalEvaluatedV2ToV3 = defineUpcaster<
  EventData<typeof GoalEvaluatedV2>,
  EventData<typeof GoalEvaluated>
>({
  name: 'GoalEvaluated',
  fromVersion: 2,
  upcast: (data) => ({
    ...data,
    criteria: data.criteria.map((criterion) => ({ kind: 'measured' as const, ...criterion })),
  }),
});

export const CriterionEvidenceRecorded = defineEvent({
  context,
  name: 'CriterionEvidenceRecorded',
  version: 1,
  description:
    'The employee recorded evidence for an evidence criterion of their active goal (a certificate, a course completion, a work sample or an attestation): the criterion is met from here. Recorded on or after the deadline of a goal with evidence criteria only, it is followed by the GoalEvaluated it brings.',
  schema: Type.Object(
    {
      goalId: Id('Goal'),
      employeeId: Id('Employee'),
      criterionId: Id('Evidence criterion the evidence is for'),
      evidenceId: Id('This piece of evidence'),
      evidence: EvidenceCriterion.properties.evidence,
      description: Personal(Text('What was obtained, in the employee’s words', 1000)),
      reference: Personal(
        Text('Where it can be checked: a certificate number or a document link', 500),
      ),
      obtainedOn: IsoDate('When it was obtained'),
      recordedBy: Id('Who recorded it'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    goalId: 'goal-3002',
    employeeId: 'emp-1001',
    criterionId: 'crit-2',
    evidenceId: 'evd-1',
    evidence: 'certificate',
    description: 'Passed the AWS Certified Cloud Practitioner exam.',
    reference: 'Certificate number AWS-CCP-123456',
    obtainedOn: '2026-06-20',
    recordedBy: 'emp-1001',
  },
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

const ScoreGrowth = {
  baseline: Nullable(Score('Mean score at the baseline'), 'Null when nothing was measured'),
  remeasured: Score('Mean score at the remeasurement'),
  change: Nullable(
    Type.Number({ minimum: -100, maximum: 100, description: 'Remeasured minus baseline' }),
    'Null without a baseline',
  ),
};

const CompetencyGrowth = Type.Object(
  {
    competencyId: Id('Competency, skill, certification or knowledge area the goals targeted'),
    goalIds: IdList('Evaluated goals the evidence comes from', 100, 1),
    behaviour: Nullable(
      Type.Object(ScoreGrowth, {
        additionalProperties: false,
        description:
          'Read on the whole competency (behaviour-score or observed-behaviour criteria)',
      }),
      'Null when every criterion was read on indicators',
    ),
    indicators: Type.Array(
      Type.Object(
        {
          indicatorIds: IdList(
            'The indicators a criterion read together; one unless the criterion averaged several',
            30,
            1,
          ),
          ...ScoreGrowth,
        },
        { additionalProperties: false },
      ),
      { maxItems: 100, description: 'Read on indicators (indicator-score criteria)' },
    ),
    lessRobust: Type.Boolean({
      description: 'Some of the evidence came from a less robust or substitute instrument',
    }),
  },
  { additionalProperties: false },
);

const PlanGoalOutcome = Type.Union(
  [
    Type.Literal('achieved'),
    Type.Literal('partly-achieved'),
    Type.Literal('not-achieved'),
    Type.Literal('withdrawn'),
    Type.Literal('not-committed'),
  ],
  {
    description:
      'How the goal ended with the cycle: its evaluation, withdrawn, or not committed (never approved)',
  },
);

const goalCount = (description: string) => Type.Integer({ minimum: 0, maximum: 1000, description });

export const PlanClosed = defineEvent({
  context,
  name: 'PlanClosed',
  version: 1,
  description:
    "The cycle's plan closed after remeasurement, with its summary: how each goal ended and the growth per competency and indicator from baseline to remeasurement, taken from the goals' evaluations (the mean where several goals read the same). It closes only when no goal of it is still committed: a goal awaiting the manager's decision or active (awaiting remeasurement) blocks it; evaluated and withdrawn goals are finished, and goals never approved (drafts, rejected or revised submissions) are no shared commitment yet and stay behind as not committed, still free to be carried over. A goal carried over to the next plan before closing is counted as carried over. A closed plan takes no new goal.",
  schema: Type.Object(
    {
      planId: Id('Development plan'),
      employeeId: Id('Employee the plan belongs to'),
      closedAt: IsoDateTime('When the plan closed'),
      goals: Type.Array(
        Type.Object(
          { goalId: Id('Goal of the plan'), outcome: PlanGoalOutcome },
          { additionalProperties: false },
        ),
        { maxItems: 1000, description: 'Every goal in the plan when it closed' },
      ),
      counts: Type.Object(
        {
          achieved: goalCount('Goals evaluated as achieved'),
          partlyAchieved: goalCount('Goals evaluated as partly achieved'),
          notAchieved: goalCount('Goals evaluated as not achieved'),
          withdrawn: goalCount('Goals withdrawn'),
          notCommitted: goalCount(
            'Goals never approved (drafts, rejected or revised submissions), left behind in the closed plan',
          ),
          carriedOver: goalCount('Goals carried over to the next plan before this one closed'),
        },
        { additionalProperties: false },
      ),
      growth: Type.Array(CompetencyGrowth, {
        maxItems: 100,
        description: 'Per competency the evaluated goals targeted',
      }),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    planId: 'plan-2001',
    employeeId: 'emp-1001',
    closedAt: '2026-08-03T09:00:00.000Z',
    goals: [
      { goalId: 'goal-3001', outcome: 'achieved' },
      { goalId: 'goal-3003', outcome: 'withdrawn' },
    ],
    counts: {
      achieved: 1,
      partlyAchieved: 0,
      notAchieved: 0,
      withdrawn: 1,
      notCommitted: 0,
      carriedOver: 1,
    },
    growth: [
      {
        competencyId: 'collaboration',
        goalIds: ['goal-3001'],
        behaviour: null,
        indicators: [
          { indicatorIds: ['active-listening'], baseline: 45, remeasured: 62, change: 17 },
        ],
        lessRobust: false,
      },
    ],
  },
});

export const GoalCarriedOver = defineEvent({
  context,
  name: 'GoalCarriedOver',
  version: 1,
  description:
    "An unfinished goal moved from its plan to the next cycle's plan, named explicitly when that plan started; it keeps its id, history, phase and active-goal slot. The previous plan need not be closed first: carrying its active goals over is what lets it close.",
  schema: Type.Object(
    {
      goalId: Id('Goal'),
      employeeId: Id('Employee'),
      fromPlanId: Id('Plan the goal leaves'),
      toPlanId: Id('Plan of the next cycle the goal joins'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    goalId: 'goal-3002',
    employeeId: 'emp-1001',
    fromPlanId: 'plan-2001',
    toPlanId: 'plan-2002',
  },
});

export const planningEvents = [
  PlanStarted,
  GoalDrafted,
  GoalEdited,
  GoalAgreed,
  GoalSubmitted,
  GoalSubmissionRejected,
  GoalActivated,
  GoalProgressMeasured,
  ActionAdded,
  ActionCompleted,
  CheckInLogged,
  GoalAdjusted,
  GoalAdjustmentAcknowledged,
  GoalAdjustmentRefused,
  GoalEvaluated,
  GoalWithdrawn,
  GoalSlotTaken,
  PlanClosed,
  GoalCarriedOver,
  CriterionEvidenceRecorded,
] as const;

export type PlanStartedV1 = EventOf<typeof PlanStartedV1>;
export type PlanStarted = EventOf<typeof PlanStarted>;
export type GoalDraftedV1 = EventOf<typeof GoalDraftedV1>;
export type GoalDraftedV2 = EventOf<typeof GoalDraftedV2>;
export type GoalDrafted = EventOf<typeof GoalDrafted>;
export type GoalEditedV1 = EventOf<typeof GoalEditedV1>;
export type GoalEdited = EventOf<typeof GoalEdited>;
export type GoalSubmittedV1 = EventOf<typeof GoalSubmittedV1>;
export type GoalSubmitted = EventOf<typeof GoalSubmitted>;
export type GoalAgreed = EventOf<typeof GoalAgreed>;
export type GoalSubmissionRejected = EventOf<typeof GoalSubmissionRejected>;
export type GoalActivatedV1 = EventOf<typeof GoalActivatedV1>;
export type GoalActivated = EventOf<typeof GoalActivated>;
export type GoalProgressMeasured = EventOf<typeof GoalProgressMeasured>;
export type ActionAdded = EventOf<typeof ActionAdded>;
export type ActionCompleted = EventOf<typeof ActionCompleted>;
export type CheckInLoggedV1 = EventOf<typeof CheckInLoggedV1>;
export type CheckInLogged = EventOf<typeof CheckInLogged>;
export type GoalAdjustedV1 = EventOf<typeof GoalAdjustedV1>;
export type GoalAdjusted = EventOf<typeof GoalAdjusted>;
export type GoalAdjustmentAcknowledged = EventOf<typeof GoalAdjustmentAcknowledged>;
export type GoalEvaluatedV1 = EventOf<typeof GoalEvaluatedV1>;
export type GoalAdjustmentRefusedV1 = EventOf<typeof GoalAdjustmentRefusedV1>;
export type GoalAdjustmentRefused = EventOf<typeof GoalAdjustmentRefused>;
export type GoalEvaluatedV2 = EventOf<typeof GoalEvaluatedV2>;
export type GoalEvaluated = EventOf<typeof GoalEvaluated>;
export type CriterionEvidenceRecorded = EventOf<typeof CriterionEvidenceRecorded>;
export type GoalWithdrawn = EventOf<typeof GoalWithdrawn>;
export type GoalSlotTaken = EventOf<typeof GoalSlotTaken>;
export type PlanClosed = EventOf<typeof PlanClosed>;
export type GoalCarriedOver = EventOf<typeof GoalCarriedOver>;
