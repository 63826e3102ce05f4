import type { FeedbackRoundAggregated } from '@talentloop/contracts';
import type { Violation } from '../errors';
import { isScore, mean, round } from './content';
import { text } from '@talentloop/i18n';

export const raterGroups = ['self', 'manager', 'peer', 'direct-report'] as const;
export type RaterGroup = (typeof raterGroups)[number];

/** One rater's score on one indicator. Never stored or shown: only aggregates leave the domain. */
export interface RaterAnswer {
  readonly raterId: string;
  readonly group: RaterGroup;
  readonly indicatorId: string;
  readonly score: number;
}

type Round = FeedbackRoundAggregated['data'];
export type GroupScore = Round['competencyScores'][number];

/** A peer or report group with fewer raters than this is never shown on its own. */
export const MIN_ANONYMOUS_GROUP = 3;

export interface AggregatedRound {
  readonly competencyScores: readonly GroupScore[];
  readonly indicators: Round['indicators'];
  /** Behaviour per indicator, from the groups that are shown (self excluded). */
  readonly indicatorBehaviour: readonly { readonly indicatorId: string; readonly score: number }[];
  /** Undefined when no group other than self is large enough to be shown. */
  readonly behaviour: number | undefined;
  readonly respondedCount: number;
}

const raterCount = (answers: readonly RaterAnswer[]) =>
  new Set(answers.map((answer) => answer.raterId)).size;

const scoreOf = (answers: readonly RaterAnswer[]) => round(mean(answers.map((a) => a.score)), 1);

/**
 * The shown groups of one scope (the whole competency or one indicator). Peers and reports
 * of 3 or more raters are shown on their own; smaller ones are pooled into "others", which is
 * shown only when the pool itself reaches 3 raters, and withheld otherwise.
 */
const groupScores = (answers: readonly RaterAnswer[]): GroupScore[] => {
  const of = (group: RaterGroup) => answers.filter((answer) => answer.group === group);
  const self = of('self');
  const manager = of('manager');
  const shown: GroupScore[] = [];
  if (self.length > 0) shown.push({ group: 'self', raterCount: 1, score: scoreOf(self) });
  if (manager.length > 0)
    shown.push({ group: 'manager', raterCount: raterCount(manager), score: scoreOf(manager) });
  const pooled: RaterAnswer[] = [];
  for (const [group, shownAs] of [
    ['peer', 'peers'],
    ['direct-report', 'reports'],
  ] as const) {
    const members = of(group);
    if (raterCount(members) >= MIN_ANONYMOUS_GROUP)
      shown.push({ group: shownAs, raterCount: raterCount(members), score: scoreOf(members) });
    else pooled.push(...members);
  }
  if (raterCount(pooled) >= MIN_ANONYMOUS_GROUP)
    shown.push({ group: 'others', raterCount: raterCount(pooled), score: scoreOf(pooled) });
  return shown;
};

/**
 * Behaviour is read from the shown groups only, weighted by their rater counts: a score
 * that also counted withheld raters would let anyone who knows the shown groups work out
 * what the withheld raters said.
 */
const behaviourOf = (groups: readonly GroupScore[]): number | undefined => {
  const others = groups.filter((group) => group.group !== 'self');
  const raters = others.reduce((sum, group) => sum + group.raterCount, 0);
  if (raters === 0) return undefined;
  return round(others.reduce((sum, group) => sum + group.score * group.raterCount, 0) / raters, 1);
};

export const aggregateRound = (answers: readonly RaterAnswer[]): AggregatedRound => {
  const indicatorIds = [...new Set(answers.map((answer) => answer.indicatorId))].sort();
  const indicators = indicatorIds.map((indicatorId) => ({
    indicatorId,
    groups: groupScores(answers.filter((answer) => answer.indicatorId === indicatorId)),
  }));
  const indicatorBehaviour = indicators.flatMap(({ indicatorId, groups }) => {
    const score = behaviourOf(groups);
    return score === undefined ? [] : [{ indicatorId, score }];
  });
  return {
    competencyScores: groupScores(answers),
    indicators,
    indicatorBehaviour,
    behaviour:
      indicatorBehaviour.length === 0
        ? undefined
        : round(mean(indicatorBehaviour.map((indicator) => indicator.score)), 1),
    respondedCount: raterCount(answers),
  };
};

/** Rules of the answers themselves, checked before anything is aggregated. */
export const answerViolations = (
  answers: readonly RaterAnswer[],
  knownIndicators: readonly string[],
): Violation[] => {
  const selfRaters = new Set(answers.filter((a) => a.group === 'self').map((a) => a.raterId));
  const seen = new Set<string>();
  return [
    ...(answers.length === 0
      ? [{ field: 'answers', message: text('assessmentInput.noAnswers') }]
      : []),
    ...(selfRaters.size > 1
      ? [{ field: 'answers', message: text('assessmentInput.selfIsTheEmployee') }]
      : []),
    ...answers.flatMap(({ raterId, indicatorId, score }, index) => {
      const key = `${raterId}#${indicatorId}`;
      const duplicate = seen.has(key);
      seen.add(key);
      return [
        ...(knownIndicators.includes(indicatorId)
          ? []
          : [
              {
                field: `answers[${index}].indicatorId`,
                message: text('assessmentInput.indicatorNotDefined', { indicatorId }),
              },
            ]),
        ...(isScore(score)
          ? []
          : [{ field: `answers[${index}].score`, message: text('assessmentInput.notAScore') }]),
        ...(duplicate
          ? [{ field: `answers[${index}]`, message: text('assessmentInput.answeredTwice') }]
          : []),
      ];
    }),
  ];
};
