import {
  robustnessOfInstrument,
  type MeasurementRecorded,
  type MeasurementInstrument,
} from '@talentloop/contracts';
import type { Violation } from '../errors';
import { competencyIn, type FrameworkVersion } from '../framework/framework.decider';
import { duplicatesOf, isScore } from './content';
import { text } from '@talentloop/i18n';

export type Measurement = MeasurementRecorded['data'];

/** What a caller says about a measurement; the framework version and robustness are derived. */
export type MeasurementInput = Omit<Measurement, 'frameworkVersion' | 'robustness'>;

const scoreViolation = (field: string, value: number): Violation[] =>
  isScore(value) ? [] : [{ field, message: text('assessmentInput.scoreOutOfRange', { value }) }];

const idViolations = (
  field: string,
  kind: 'indicator' | 'facet',
  given: readonly string[],
  known: readonly string[],
): Violation[] => [
  ...given.flatMap((id, index) =>
    known.includes(id)
      ? []
      : [
          {
            field: `${field}[${index}].${kind}Id`,
            message: text('assessmentInput.idNotDefined', {
              kind: text(`assessmentInput.kind.${kind}`),
              id,
            }),
          },
        ],
  ),
  ...duplicatesOf(given).map((id) => ({
    field,
    message: text('assessmentInput.scoredTwice', {
      kind: text(`assessmentInput.kind.${kind}`),
      id,
    }),
  })),
];

/**
 * Every rule a measurement breaks against the framework: scores on 0–100, a competency
 * the framework defines, and only indicators and facets of that competency.
 */
export const measurementViolations = (
  input: MeasurementInput,
  framework: FrameworkVersion,
): Violation[] => {
  const scores = [
    ...scoreViolation('aptitude', input.aptitude),
    ...scoreViolation('behaviour', input.behaviour),
    ...input.indicatorScores.flatMap(({ score }, index) =>
      scoreViolation(`indicatorScores[${index}].score`, score),
    ),
    ...input.facetScores.flatMap(({ score }, index) =>
      scoreViolation(`facetScores[${index}].score`, score),
    ),
    ...(Number.isNaN(Date.parse(input.measuredAt))
      ? [{ field: 'measuredAt', message: text('assessmentInput.notADateTime') }]
      : []),
  ];
  const competency = competencyIn(framework, input.competencyId);
  if (!competency)
    return [
      ...scores,
      {
        field: 'competencyId',
        message: text('assessmentInput.notInFrameworkVersion', {
          competencyId: input.competencyId,
          frameworkId: framework.frameworkId,
          version: framework.frameworkVersion,
        }),
      },
    ];
  return [
    ...scores,
    ...idViolations(
      'indicatorScores',
      'indicator',
      input.indicatorScores.map((score) => score.indicatorId),
      competency.indicators.map((indicator) => indicator.indicatorId),
    ),
    ...idViolations(
      'facetScores',
      'facet',
      input.facetScores.map((score) => score.facetId),
      competency.facets.map((facet) => facet.facetId),
    ),
  ];
};

export const measurementOf = (
  input: MeasurementInput,
  framework: FrameworkVersion,
): Measurement => ({
  ...input,
  frameworkVersion: framework.frameworkVersion,
  robustness: robustnessOfInstrument(input.instrument),
});

export type { MeasurementInstrument };
