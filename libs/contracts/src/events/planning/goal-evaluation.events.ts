import { Type } from '@sinclair/typebox';
import { Personal } from '../../personal-data';
import { defineEvent, defineUpcaster, type EventData, type EventOf } from '../../event-definition';
import { Id } from '../../metadata';
import { IsoDate, MeasurementInstrumentSchema, Nullable, Score, Text } from '../shared.schemas';
import { EvidenceCriterion } from './goal-content.schemas';

const context = 'planning';

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

export type GoalEvaluatedV1 = EventOf<typeof GoalEvaluatedV1>;
export type GoalEvaluatedV2 = EventOf<typeof GoalEvaluatedV2>;
export type GoalEvaluated = EventOf<typeof GoalEvaluated>;
export type CriterionEvidenceRecorded = EventOf<typeof CriterionEvidenceRecorded>;
