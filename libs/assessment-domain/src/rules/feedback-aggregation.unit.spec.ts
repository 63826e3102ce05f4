import fc from 'fast-check';
import {
  aggregateRound,
  answerViolations,
  MIN_ANONYMOUS_GROUP,
  raterGroups,
  type RaterAnswer,
} from './feedback-aggregation';

describe('aggregating a 360° round', () => {
  it('shows peers and reports of 3 or more raters on their own', () => {
    const round = aggregateRound([
      ...raters('peer', 3, 60),
      ...raters('direct-report', 4, 80),
      answer('boss', 'manager', 50),
    ]);
    expect(round.competencyScores).toEqual([
      { group: 'manager', raterCount: 1, score: 50 },
      { group: 'peers', raterCount: 3, score: 60 },
      { group: 'reports', raterCount: 4, score: 80 },
    ]);
    expect(round.behaviour).toBe(round1((50 + 3 * 60 + 4 * 80) / 8));
  });

  it('folds small peer and report groups into "others" once together they reach 3', () => {
    const round = aggregateRound([...raters('peer', 2, 60), ...raters('direct-report', 1, 90)]);
    expect(round.competencyScores).toEqual([{ group: 'others', raterCount: 3, score: 70 }]);
  });

  it('withholds a small group that cannot be pooled, and leaves it out of behaviour', () => {
    const round = aggregateRound([answer('boss', 'manager', 40), ...raters('peer', 2, 100)]);
    expect(round.competencyScores).toEqual([{ group: 'manager', raterCount: 1, score: 40 }]);
    expect(round.behaviour).toBe(40);
  });

  it('refuses two self raters, unknown indicators and scores off the scale', () => {
    const fields = answerViolations(
      [
        answer('a', 'self', 50),
        answer('b', 'self', 50),
        { raterId: 'c', group: 'peer', indicatorId: 'juggling', score: 120 },
      ],
      ['listening'],
    ).map((violation) => violation.field);
    expect(fields).toEqual(['answers', 'answers[2].indicatorId', 'answers[2].score']);
  });

  describe('anonymity, for any answers', () => {
    const answers = fc.array(
      fc.record({
        raterId: fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5', 'r6'),
        group: fc.constantFrom(...raterGroups.filter((group) => group !== 'self')),
        indicatorId: fc.constantFrom('listening', 'sharing'),
        score: fc.integer({ min: 0, max: 100 }),
      }),
      { maxLength: 40 },
    );

    it('never shows a peer, report or others group of fewer than 3 raters', () =>
      fc.assert(
        fc.property(answers, (given) => {
          const round = aggregateRound(given);
          const shown = [...round.competencyScores, ...round.indicators.flatMap((i) => i.groups)];
          return shown
            .filter((group) => ['peers', 'reports', 'others'].includes(group.group))
            .every((group) => group.raterCount >= MIN_ANONYMOUS_GROUP);
        }),
      ));

    it('reveals nothing of peers and reports who together are fewer than 3', () =>
      fc.assert(
        fc.property(answers, fc.integer({ min: 0, max: 100 }), (given, other) => {
          const colleagues = new Set(
            given.filter((a) => a.group !== 'manager').map((a) => a.raterId),
          );
          fc.pre(colleagues.size < MIN_ANONYMOUS_GROUP);
          const changed = given.map((a) => (a.group === 'manager' ? a : { ...a, score: other }));
          expect(aggregateRound(changed)).toEqual(aggregateRound(given));
        }),
      ));
  });
});

const round1 = (value: number) => Math.round(value * 10) / 10;
const answer = (raterId: string, group: RaterAnswer['group'], score: number): RaterAnswer => ({
  raterId,
  group,
  indicatorId: 'listening',
  score,
});
const raters = (group: RaterAnswer['group'], count: number, score: number) =>
  Array.from({ length: count }, (_, index) => answer(`${group}-${index}`, group, score));
