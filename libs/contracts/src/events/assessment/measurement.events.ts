import { Type, type Static } from '@sinclair/typebox';
import { Personal } from '../../personal-data';
import { defineEvent, defineUpcaster, type EventData, type EventOf } from '../../event-definition';
import { Id, IsoDateTime } from '../../metadata';
import {
  FacetScore,
  IndicatorScore,
  MeasurementInstrumentSchema,
  Robustness,
  Score,
  Text,
  robustnessOfInstrument,
} from '../shared.schemas';

const context = 'assessment';

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

export type MeasurementRecordedV1 = EventOf<typeof MeasurementRecordedV1>;
export type MeasurementRecorded = EventOf<typeof MeasurementRecorded>;
export type FeedbackRoundAggregated = EventOf<typeof FeedbackRoundAggregated>;
export type MotivationRecorded = EventOf<typeof MotivationRecorded>;
