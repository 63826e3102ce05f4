import { Type, type Static } from '@sinclair/typebox';
import { Personal } from '../personal-data';
import { defineEvent, defineUpcaster, type EventData, type EventOf } from '../event-definition';
import { Id, IsoDateTime } from '../metadata';
import {
  DevelopmentTargetKind,
  FacetScore,
  IndicatorScore,
  Language,
  MeasurementInstrumentSchema,
  Nullable,
  ProficiencyLevel,
  Robustness,
  Score,
  Text,
  robustnessOfInstrument,
} from './shared.schemas';

const context = 'assessment';

const levelDescription = (level: number) => Text(`What the indicator looks like at level ${level}`);

const BehaviourIndicator = Type.Object(
  {
    indicatorId: Id('Behaviour indicator, stable across framework versions'),
    name: Text('Short name of the indicator', 200),
    levels: Type.Object(
      {
        '1': levelDescription(1),
        '2': levelDescription(2),
        '3': levelDescription(3),
        '4': levelDescription(4),
        '5': levelDescription(5),
      },
      { additionalProperties: false, description: 'Observable behaviour per proficiency level' },
    ),
  },
  { additionalProperties: false },
);

const TalentFacet = Type.Object(
  {
    facetId: Id('Talent facet (personality or cognitive trait)'),
    name: Text('Short name of the facet', 200),
    description: Text('What the facet measures'),
  },
  { additionalProperties: false },
);

export const CompetencyFrameworkPublished = defineEvent({
  context,
  name: 'CompetencyFrameworkPublished',
  version: 1,
  description:
    'A version of the competency framework was published; measurements and goals refer to it.',
  schema: Type.Object(
    {
      frameworkId: Id('Competency framework'),
      frameworkVersion: Type.Integer({ minimum: 1, description: 'Increases with every publish' }),
      name: Text('Name of the framework', 200),
      language: Language,
      competencies: Type.Array(
        Type.Object(
          {
            competencyId: Id('Competency, skill, certification or knowledge area'),
            name: Text('Name, e.g. "Collaboration"', 200),
            definition: Text('What the competency means'),
            kind: DevelopmentTargetKind,
            indicators: Type.Array(BehaviourIndicator, { maxItems: 30 }),
            facets: Type.Array(TalentFacet, {
              maxItems: 30,
              description: 'Talent facets that underlie aptitude for the competency',
            }),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 500 },
      ),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.frameworkId,
  example: {
    frameworkId: 'framework-core',
    frameworkVersion: 3,
    name: 'Core competencies',
    language: 'en',
    competencies: [
      {
        competencyId: 'collaboration',
        name: 'Collaboration',
        definition: 'Works with others towards a shared result.',
        kind: 'competency',
        indicators: [
          {
            indicatorId: 'active-listening',
            name: 'Active listening',
            levels: {
              '1': 'Interrupts others.',
              '2': 'Listens when asked to.',
              '3': 'Summarises what others say.',
              '4': 'Asks questions that deepen the conversation.',
              '5': 'Makes others feel heard in difficult conversations.',
            },
          },
        ],
        facets: [
          { facetId: 'agreeableness', name: 'Agreeableness', description: 'Warmth and trust.' },
        ],
      },
    ],
  },
});

export const RoleProfileDefined = defineEvent({
  context,
  name: 'RoleProfileDefined',
  version: 1,
  description: 'A version of a role profile: the competencies a role requires, level and weight.',
  schema: Type.Object(
    {
      roleId: Id('Role'),
      roleVersion: Type.Integer({ minimum: 1, description: 'Increases with every definition' }),
      name: Text('Name of the role', 200),
      frameworkId: Id('Framework the competencies belong to'),
      frameworkVersion: Type.Integer({ minimum: 1 }),
      requiredCompetencies: Type.Array(
        Type.Object(
          {
            competencyId: Id('Required competency'),
            requiredLevel: ProficiencyLevel('Proficiency level the role requires'),
            weight: Type.Number({
              exclusiveMinimum: 0,
              maximum: 100,
              description: 'Impact of the competency on performing in the role',
            }),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 100 },
      ),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.roleId,
  example: {
    roleId: 'team-lead',
    roleVersion: 2,
    name: 'Team lead',
    frameworkId: 'framework-core',
    frameworkVersion: 3,
    requiredCompetencies: [{ competencyId: 'collaboration', requiredLevel: 4, weight: 0.4 }],
  },
});

export const EmployeeSynced = defineEvent({
  context,
  name: 'EmployeeSynced',
  version: 1,
  description:
    "The employee's record as the customer's HRIS holds it now; sent on every change, idempotent.",
  schema: Type.Object(
    {
      employeeId: Id('Employee'),
      externalId: Text('Id of the employee in the HRIS', 128),
      displayName: Personal(Text('Name shown in the product', 200)),
      email: Personal(
        Type.String({ format: 'email', maxLength: 254, description: 'Work e-mail address' }),
      ),
      roleId: Id('Current role'),
      departmentId: Id('Current department'),
      departmentName: Text('Name of the department', 200),
      managerId: Nullable(Id('Current manager'), 'Null for employees without a manager'),
      preferredLanguage: Language,
      employmentStatus: Type.Union([Type.Literal('active'), Type.Literal('left')], {
        description: 'Employees who left keep their history but leave the headcount',
      }),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    employeeId: 'emp-1001',
    externalId: 'HR-88213',
    displayName: 'Sanne de Vries',
    email: 'sanne.devries@example.com',
    roleId: 'team-lead',
    departmentId: 'dept-operations',
    departmentName: 'Operations',
    managerId: 'emp-0007',
    preferredLanguage: 'nl',
    employmentStatus: 'active',
  },
});

export const ReportingLineChanged = defineEvent({
  context,
  name: 'ReportingLineChanged',
  version: 1,
  description:
    'The employee got another manager; pending approvals move to the new manager from effectiveAt.',
  schema: Type.Object(
    {
      employeeId: Id('Employee'),
      previousManagerId: Nullable(Id('Manager until now'), 'Null when there was none'),
      newManagerId: Nullable(Id('Manager from effectiveAt'), 'Null when there is none'),
      effectiveAt: IsoDateTime('From when the new manager decides'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    employeeId: 'emp-1001',
    previousManagerId: 'emp-0007',
    newManagerId: 'emp-0031',
    effectiveAt: '2026-03-01T00:00:00.000Z',
  },
});

const measurementV1Properties = {
  measurementId: Id('Measurement'),
  employeeId: Id('Employee measured'),
  competencyId: Id('Competency measured'),
  frameworkVersion: Type.Integer({ minimum: 1, description: 'Framework version measured against' }),
  instrument: MeasurementInstrumentSchema,
  aptitude: Score('What the person can reach, from personality and cognitive tests'),
  behaviour: Score('What the person shows now, from 360° feedback or a live assessment'),
  indicatorScores: Type.Array(IndicatorScore, { maxItems: 30 }),
  facetScores: Type.Array(FacetScore, { maxItems: 30 }),
  measuredAt: IsoDateTime('When the instrument was completed'),
};

const MeasurementRecordedV1Schema = Type.Object(measurementV1Properties, {
  additionalProperties: false,
});

const measurementExampleV1: Static<typeof MeasurementRecordedV1Schema> = {
  measurementId: 'msr-5001',
  employeeId: 'emp-1001',
  competencyId: 'collaboration',
  frameworkVersion: 3,
  instrument: '360-round',
  aptitude: 78,
  behaviour: 45,
  indicatorScores: [
    { indicatorId: 'active-listening', score: 45 },
    { indicatorId: 'shares-information', score: 71 },
  ],
  facetScores: [{ facetId: 'agreeableness', score: 80 }],
  measuredAt: '2026-01-12T14:00:00.000Z',
};

/** Stored events from before robustness was recorded; read through the upcaster. */
export const MeasurementRecordedV1 = defineEvent({
  context,
  name: 'MeasurementRecorded',
  version: 1,
  description: 'Aptitude, behaviour and indicator/facet scores of one employee on one competency.',
  schema: MeasurementRecordedV1Schema,
  subjectOf: (data) => data.employeeId,
  example: measurementExampleV1,
});

export const MeasurementRecorded = defineEvent({
  context,
  name: 'MeasurementRecorded',
  version: 2,
  description:
    'Aptitude, behaviour and indicator/facet scores of one employee on one competency, with how robust the instrument is.',
  schema: Type.Object(
    { ...measurementV1Properties, robustness: Robustness },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: { ...measurementExampleV1, robustness: 'robust' },
});

export const measurementRecordedV1ToV2 = defineUpcaster<
  EventData<typeof MeasurementRecordedV1>,
  EventData<typeof MeasurementRecorded>
>({
  name: 'MeasurementRecorded',
  fromVersion: 1,
  upcast: (data) => ({ ...data, robustness: robustnessOfInstrument(data.instrument) }),
});

const RaterGroupScore = Type.Union(
  [
    Type.Object(
      {
        group: Type.Literal('self'),
        raterCount: Type.Literal(1),
        score: Score('Score the employee gave themself'),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        group: Type.Literal('manager'),
        raterCount: Type.Integer({ minimum: 1, maximum: 10 }),
        score: Score('Average score of the manager(s)'),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        group: Type.Union([Type.Literal('peers'), Type.Literal('reports'), Type.Literal('others')]),
        raterCount: Type.Integer({
          minimum: 3,
          maximum: 1000,
          description: 'Groups with fewer than 3 raters are left out, never shown on their own',
        }),
        score: Score('Average score of the group'),
      },
      { additionalProperties: false },
    ),
  ],
  { description: 'Aggregated score of one rater group' },
);

const RaterGroupScores = Type.Array(RaterGroupScore, { maxItems: 5 });

export const FeedbackRoundAggregated = defineEvent({
  context,
  name: 'FeedbackRoundAggregated',
  version: 1,
  description:
    'A 360° round closed; scores per indicator aggregated per rater group, small groups left out.',
  schema: Type.Object(
    {
      roundId: Id('360° feedback round'),
      employeeId: Id('Employee the feedback is about'),
      competencyId: Id('Competency the round covered'),
      frameworkVersion: Type.Integer({ minimum: 1 }),
      closedAt: IsoDateTime('When the round closed'),
      invitedCount: Type.Integer({ minimum: 0, maximum: 1000 }),
      respondedCount: Type.Integer({ minimum: 0, maximum: 1000 }),
      competencyScores: RaterGroupScores,
      indicators: Type.Array(
        Type.Object(
          { indicatorId: Id('Behaviour indicator'), groups: RaterGroupScores },
          { additionalProperties: false },
        ),
        { maxItems: 30 },
      ),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    roundId: 'round-301',
    employeeId: 'emp-1001',
    competencyId: 'collaboration',
    frameworkVersion: 3,
    closedAt: '2026-01-12T14:00:00.000Z',
    invitedCount: 9,
    respondedCount: 7,
    competencyScores: [
      { group: 'self', raterCount: 1, score: 60 },
      { group: 'manager', raterCount: 1, score: 50 },
      { group: 'peers', raterCount: 4, score: 42 },
    ],
    indicators: [
      {
        indicatorId: 'active-listening',
        groups: [
          { group: 'self', raterCount: 1, score: 58 },
          { group: 'manager', raterCount: 1, score: 40 },
          { group: 'peers', raterCount: 4, score: 44 },
        ],
      },
    ],
  },
});

export const MotivationRecorded = defineEvent({
  context,
  name: 'MotivationRecorded',
  version: 1,
  description: "The employee's own energy for developing a competency; one input to gap ranking.",
  schema: Type.Object(
    {
      employeeId: Id('Employee'),
      competencyId: Id('Competency'),
      energy: Type.Integer({
        minimum: 1,
        maximum: 5,
        description: '1 = drains energy, 5 = gives energy',
      }),
      note: Type.Optional(Personal(Text('Why, in the employee’s words', 1000))),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    employeeId: 'emp-1001',
    competencyId: 'collaboration',
    energy: 4,
    note: 'I want my team to feel heard.',
  },
});

const IndicatorScores = (description: string) =>
  Type.Array(IndicatorScore, { maxItems: 10, description });

export const GapIdentified = defineEvent({
  context,
  name: 'GapIdentified',
  version: 1,
  description:
    'A competency gap of an employee, ranked by impact, potential and energy, with the reasons.',
  schema: Type.Object(
    {
      gapId: Id('Gap'),
      employeeId: Id('Employee'),
      competencyId: Id('Competency'),
      measurementId: Id('Measurement the gap was read from'),
      roleId: Id('Role whose profile the gap was read against'),
      aptitude: Score('Aptitude on the competency'),
      behaviour: Score('Behaviour on the competency'),
      requiredLevel: ProficiencyLevel('Level the role profile requires'),
      gap: Type.Number({
        minimum: -100,
        maximum: 100,
        description: 'Aptitude minus behaviour, in score points: room to grow',
      }),
      weakestIndicators: IndicatorScores('Indicators to target, weakest first'),
      strongestIndicators: IndicatorScores('Indicators to build on, strongest first'),
      priority: Type.Object(
        {
          score: Score('Combined priority'),
          rank: Type.Integer({ minimum: 1, description: '1 = develop this first' }),
          impact: Score('Role weight and requirement gap'),
          potential: Score('Growth is most likely where aptitude is high'),
          energy: Score("The employee's motivation; 50 when unknown"),
        },
        { additionalProperties: false },
      ),
      reasons: Type.Array(
        Type.Object(
          {
            factor: Type.Union([
              Type.Literal('impact'),
              Type.Literal('potential'),
              Type.Literal('energy'),
              Type.Literal('requirement'),
            ]),
            explanation: Text('Why the factor ranks the gap where it is', 500),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 10 },
      ),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    gapId: 'gap-7001',
    employeeId: 'emp-1001',
    competencyId: 'collaboration',
    measurementId: 'msr-5001',
    roleId: 'team-lead',
    aptitude: 78,
    behaviour: 45,
    requiredLevel: 4,
    gap: 33,
    weakestIndicators: [{ indicatorId: 'active-listening', score: 45 }],
    strongestIndicators: [{ indicatorId: 'shares-information', score: 71 }],
    priority: { score: 82, rank: 1, impact: 80, potential: 88, energy: 75 },
    reasons: [
      { factor: 'impact', explanation: 'Collaboration weighs 40% in the team lead profile.' },
      { factor: 'potential', explanation: 'Aptitude 78 leaves 33 points of room to grow.' },
    ],
  },
});

const ScoreChange = Type.Object(
  {
    baseline: Score('Score at the baseline measurement'),
    remeasured: Score('Score at the remeasurement'),
    absoluteDelta: Type.Number({
      minimum: -100,
      maximum: 100,
      description: 'Remeasured minus baseline',
    }),
    relativeDelta: Nullable(
      Type.Number({ description: 'Absolute delta as a fraction of the baseline' }),
      'Null when the baseline is 0',
    ),
  },
  { additionalProperties: false },
);

export const Remeasured = defineEvent({
  context,
  name: 'Remeasured',
  version: 1,
  description:
    'A remeasurement compared with its baseline, per competency and per indicator: the evidence of growth.',
  schema: Type.Object(
    {
      employeeId: Id('Employee'),
      competencyId: Id('Competency'),
      baselineMeasurementId: Id('Measurement the comparison starts from'),
      measurementId: Id('The new measurement'),
      sameInstrument: Type.Boolean({
        description: 'False when an accepted alternative replaced the baseline instrument',
      }),
      robustness: Robustness,
      aptitude: ScoreChange,
      behaviour: ScoreChange,
      indicators: Type.Array(
        Type.Object(
          { indicatorId: Id('Behaviour indicator'), change: ScoreChange },
          { additionalProperties: false },
        ),
        { maxItems: 30 },
      ),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    employeeId: 'emp-1001',
    competencyId: 'collaboration',
    baselineMeasurementId: 'msr-5001',
    measurementId: 'msr-5090',
    sameInstrument: true,
    robustness: 'robust',
    aptitude: { baseline: 78, remeasured: 78, absoluteDelta: 0, relativeDelta: 0 },
    behaviour: { baseline: 45, remeasured: 58, absoluteDelta: 13, relativeDelta: 0.2889 },
    indicators: [
      {
        indicatorId: 'active-listening',
        change: { baseline: 45, remeasured: 62, absoluteDelta: 17, relativeDelta: 0.3778 },
      },
    ],
  },
});

/** Current versions only; older versions are listed in the catalog with their upcasters. */
export const assessmentEvents = [
  CompetencyFrameworkPublished,
  RoleProfileDefined,
  EmployeeSynced,
  ReportingLineChanged,
  MeasurementRecorded,
  FeedbackRoundAggregated,
  MotivationRecorded,
  GapIdentified,
  Remeasured,
] as const;

export type CompetencyFrameworkPublished = EventOf<typeof CompetencyFrameworkPublished>;
export type RoleProfileDefined = EventOf<typeof RoleProfileDefined>;
export type EmployeeSynced = EventOf<typeof EmployeeSynced>;
export type ReportingLineChanged = EventOf<typeof ReportingLineChanged>;
export type MeasurementRecordedV1 = EventOf<typeof MeasurementRecordedV1>;
export type MeasurementRecorded = EventOf<typeof MeasurementRecorded>;
export type FeedbackRoundAggregated = EventOf<typeof FeedbackRoundAggregated>;
export type MotivationRecorded = EventOf<typeof MotivationRecorded>;
export type GapIdentified = EventOf<typeof GapIdentified>;
export type Remeasured = EventOf<typeof Remeasured>;
