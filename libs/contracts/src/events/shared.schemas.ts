import { Type, type Static, type TLiteral, type TSchema, type TUnion } from '@sinclair/typebox';
import { Id } from '../metadata';

/** Every score in the product (aptitude, behaviour, facet, indicator, priority) is on 0–100. */
export const Score = (description: string) =>
  Type.Number({ minimum: 0, maximum: 100, description });

export const ProficiencyLevel = (description: string) =>
  Type.Integer({ minimum: 1, maximum: 5, description });

/** Free text typed by people; bounded so one event cannot carry a document. */
export const Text = (description: string, maxLength = 2000, minLength = 1) =>
  Type.String({ minLength, maxLength, description });

export const IsoDate = (description: string) => Type.String({ format: 'date', description });

export const Nullable = <Schema extends TSchema>(schema: Schema, description: string) =>
  Type.Union([schema, Type.Null()], { description });

export const IdList = (description: string, maxItems: number, minItems = 0) =>
  Type.Array(Id('One id of the list'), { minItems, maxItems, uniqueItems: true, description });

/** The values of a union of literals, for code that must list them (a DTO's enum). */
export const literalsOf = <Schema extends TUnion<TLiteral[]>>(
  schema: Schema,
): readonly Static<Schema>[] => schema.anyOf.map((literal) => literal.const as Static<Schema>);

export const Language = Type.Union([Type.Literal('nl'), Type.Literal('en')], {
  description: 'Language the text is written in',
});

export const measurementInstruments = [
  'assessment',
  '360-round',
  'manager-observation',
  'mini-feedback',
  'self-evaluation',
] as const;
export type MeasurementInstrument = (typeof measurementInstruments)[number];

export const MeasurementInstrumentSchema = Type.Union(
  measurementInstruments.map((instrument) => Type.Literal(instrument)),
  { description: 'How the scores were obtained' },
);

export const Robustness = Type.Union([Type.Literal('robust'), Type.Literal('less-robust')], {
  description:
    'Manager observation, mini-feedback and self-evaluation are accepted but less robust',
});
export type Robustness = 'robust' | 'less-robust';

/** Only a full assessment or a 360° round is robust evidence. */
export const robustnessOfInstrument = (instrument: MeasurementInstrument): Robustness =>
  instrument === 'assessment' || instrument === '360-round' ? 'robust' : 'less-robust';

export const DevelopmentTargetKind = Type.Union(
  [
    Type.Literal('competency'),
    Type.Literal('skill'),
    Type.Literal('certification'),
    Type.Literal('knowledge-area'),
  ],
  { description: 'Competencies, skills, certifications and knowledge areas can all be developed' },
);

export const CheckInCadence = Type.Union(
  [Type.Literal('weekly'), Type.Literal('fortnightly'), Type.Literal('monthly')],
  { description: 'How often the employee and manager hold a check-in on the goal' },
);

export const IndicatorScore = Type.Object(
  { indicatorId: Id('Behaviour indicator'), score: Score('Score on the indicator') },
  { additionalProperties: false },
);

export const FacetScore = Type.Object(
  { facetId: Id('Talent facet'), score: Score('Score on the facet') },
  { additionalProperties: false },
);

export type Language = Static<typeof Language>;
export type CheckInCadence = Static<typeof CheckInCadence>;
