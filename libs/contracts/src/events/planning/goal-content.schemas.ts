// A goal's content as events carry it: actions, success criteria (measured or met by
// evidence), milestones, and the changes an edit or adjustment makes, with their old versions.
import { Type, type Static } from '@sinclair/typebox';
import { Id } from '../../metadata';
import {
  DevelopmentTargetKind,
  IdList,
  IsoDate,
  Language,
  MeasurementInstrumentSchema,
  Score,
  Text,
} from '../shared.schemas';

export const DevelopmentAction = Type.Object(
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

export const EvidenceCriterion = Type.Object(
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

export const goalContentV1Properties = {
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
export const goalContentProperties = {
  ...goalContentV1Properties,
  successCriteria: Type.Array(SuccessCriterion, { minItems: 1, maxItems: 10 }),
};

export const GoalContentV1 = Type.Object(goalContentV1Properties, { additionalProperties: false });

export const GoalContent = Type.Object(goalContentProperties, { additionalProperties: false });

export const GoalChangesV1 = Type.Partial(GoalContentV1, {
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
export const measuredFromV1 = (criterion: CriterionV1): Criterion => ({
  kind: 'measured',
  ...criterion,
});

/** Old content (or changes of it) with every criterion tagged as measured. */
export const withKindedCriteria = <Content extends { successCriteria?: CriterionV1[] }>(
  content: Content,
): Omit<Content, 'successCriteria'> & { successCriteria?: Criterion[] } => {
  const { successCriteria, ...rest } = content;
  return successCriteria === undefined
    ? rest
    : { ...rest, successCriteria: successCriteria.map(measuredFromV1) };
};

export const goalContentExampleV1: Static<typeof GoalContentV1> = {
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

export const goalContentExample: Static<typeof GoalContent> = {
  ...goalContentExampleV1,
  successCriteria: goalContentExampleV1.successCriteria.map(measuredFromV1),
};
