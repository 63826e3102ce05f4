import { KEPT_COUNTS, KEPT_POPULATION, cellCountsOf } from './cell-counts';
import { parsePeriod } from './period';
import type { AnalyticsFilters } from './request';
import { CountedSubject, type Subject, ready } from './subjects';

const NOBODY = { department: -1, role: -1, cell: -1 };

/** `count` people in two departments, each with one goal on a competency, kept per person. */
const population = (count: number, competencyOf = (index: number) => `c-${index % 3}`) =>
  Array.from(
    { length: count },
    (_, index) =>
      new CountedSubject(`e-${index}`, `d-${index % 2}`, 'engineer', [
        { competencyId: competencyOf(index), at: '2026-03-01T00:00:00.000Z' },
      ]),
  );

const countOf = (subjects: readonly Subject[], filters: AnalyticsFilters) =>
  cellCountsOf(
    subjects,
    // As Populations hands them over: with the columns the filters read.
    subjects.map((subject) => {
      const list = (subject as CountedSubject).prepared()!;
      ready(list, filters.competencyId !== undefined, filters.period !== undefined);
      return list;
    }),
    filters,
    ['competency'],
    [['competency']],
  );

/** How many people of the count have a contribution on the competency, under its filters. */
const onCompetency = (counts: ReturnType<typeof countOf>, competencyId: string) => {
  const slot = counts.slotOf(counts.maskOf(['competency']), { competency: competencyId }, 0, 0);
  return slot === null ? 0 : counts.sizeAt(slot, NOBODY);
};

describe('cellCountsOf', () => {
  it('keeps the counts of a large population for requests that differ only by person filters', () => {
    // Given a large population kept per person
    const subjects = population(KEPT_POPULATION);
    // When it is counted for everyone, then for one department and role
    const first = countOf(subjects, { competencyId: 'c-1' });
    const second = countOf([...subjects], {
      competencyId: 'c-1',
      departmentId: 'd-0',
      roleId: 'engineer',
    });
    // Then the second request reads the first one's counts
    expect(second).toBe(first);
    expect(onCompetency(second, 'c-1')).toBe(subjects.filter((_, index) => index % 3 === 1).length);
  });

  it('counts again when a person changed, or the competency or period asked for', () => {
    // Given a population counted once
    const subjects = population(KEPT_POPULATION);
    const before = countOf(subjects, {});
    // When one person's facts changed (a new subject), or another period is asked
    const changed = [
      ...subjects.slice(0, -1),
      new CountedSubject('e-last', 'd-1', 'engineer', [{ competencyId: 'c-new', at: null }]),
    ];
    const after = countOf(changed, {});
    const otherPeriod = countOf(subjects, { period: parsePeriod('2026')! });
    // Then each is a fresh count, with the changed person in it
    expect(after).not.toBe(before);
    expect(otherPeriod).not.toBe(before);
    expect(onCompetency(after, 'c-new')).toBe(1);
    expect(onCompetency(before, 'c-new')).toBe(0);
  });

  it('keeps a count correct after later counts learn new row keys', () => {
    // Given a kept count, and then another population with competencies never seen before
    const subjects = population(KEPT_POPULATION);
    const kept = countOf(subjects, {});
    const expected = onCompetency(kept, 'c-2');
    countOf(
      population(KEPT_POPULATION, (index) => `later-${index}`),
      {},
    );
    // When the kept count is read again
    const again = countOf(subjects, {});
    // Then it is the same count and its figures did not move
    expect(again).toBe(kept);
    expect(onCompetency(again, 'c-2')).toBe(expected);
    expect(onCompetency(again, 'later-7')).toBe(0);
  });

  it('does not keep small populations, nor more than KEPT_COUNTS counts', () => {
    // Given a small population, and more large ones than are kept
    const small = population(KEPT_POPULATION - 1);
    const large = Array.from({ length: KEPT_COUNTS + 1 }, () => population(KEPT_POPULATION));
    // When each is counted twice (the large ones all once before the second round)
    const smallCounts = [countOf(small, {}), countOf(small, {})];
    const firstRound = large.map((subjects) => countOf(subjects, {}));
    const secondRound = large.map((subjects) => countOf(subjects, {}));
    // Then the small one is recounted, and the oldest large count was let go
    expect(smallCounts[1]).not.toBe(smallCounts[0]);
    expect(secondRound[0]).not.toBe(firstRound[0]);
    expect(onCompetency(secondRound[0], 'c-0')).toBe(onCompetency(firstRound[0], 'c-0'));
  });
});
