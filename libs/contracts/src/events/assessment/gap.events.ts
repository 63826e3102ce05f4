import { Type } from '@sinclair/typebox';
import { defineEvent, type EventOf } from '../../event-definition';
import { Id } from '../../metadata';
import {
  IndicatorScore,
  Nullable,
  ProficiencyLevel,
  Robustness,
  Score,
  Text,
} from '../shared.schemas';

const context = 'assessment';

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

export type GapIdentified = EventOf<typeof GapIdentified>;
export type Remeasured = EventOf<typeof Remeasured>;
