import { itemMatcher, matchesItem } from './breakdown';
import { parsePeriod } from './period';
import type { AnalyticsFilters } from './request';
import { type Contribution, CountedSubject } from './subjects';

/** Contributions as the reports keep them, times canonical or not, competencies or none. */
const contributions: readonly Contribution[] = [
  { competencyId: 'ownership', at: '2026-03-14T09:30:00.000Z' },
  { competencyId: 'ownership', at: '2026-07-01T00:00:00.000Z' },
  { competencyId: 'collaboration', at: '2026-03-31T23:59:59.999Z' },
  { competencyId: 'collaboration', at: '2026-04-01T00:00:00.000Z' },
  // Not what toISOString writes: compared as text, as matchesItem does.
  { competencyId: 'ownership', at: '2026-03-02' },
  { competencyId: 'collaboration', at: '2026-03-05T10:00:00Z' },
  { competencyId: null, at: '2026-03-20T08:00:00.000Z' },
  { competencyId: 'ownership', at: null },
];

const requests: readonly AnalyticsFilters[] = [
  {},
  { competencyId: 'ownership' },
  { competencyId: 'collaboration' },
  { competencyId: 'never-contributed' },
  { period: parsePeriod('2026-03') },
  { period: parsePeriod('2026-Q2') },
  { period: parsePeriod('2026') },
  { competencyId: 'collaboration', period: parsePeriod('2026-03') },
  { competencyId: 'ownership', period: parsePeriod('2025') },
];

const matched = (subject: CountedSubject, filters: AnalyticsFilters): number[] => {
  const indexes: number[] = [];
  itemMatcher(filters)(subject, (index, into) => into.push(index), indexes);
  return indexes;
};

describe("a kept subject's contributions under a request's item filters", () => {
  it.each(requests.map((filters) => [JSON.stringify(filters), filters] as const))(
    'are exactly those matchesItem passes: %s',
    (_, filters) => {
      // given a subject kept across requests
      const subject = new CountedSubject('emp-1', 'dept-1', 'engineer', contributions);

      // when the request's filters are applied to its prepared columns
      const indexes = matched(subject, filters);

      // then they pass what the definition passes, in order
      const expected = contributions.flatMap((item, index) =>
        matchesItem(filters, item) ? [index] : [],
      );
      expect(indexes).toEqual(expected);
    },
  );

  it('are filtered right by requests of other kinds one after the other (columns made as needed)', () => {
    // given a subject that has answered a competency request, then a period request
    const subject = new CountedSubject('emp-1', 'dept-1', 'engineer', contributions);
    expect(matched(subject, { competencyId: 'ownership' })).toEqual([0, 1, 4, 7]);
    expect(matched(subject, { period: parsePeriod('2026-03') })).toEqual([0, 2, 4, 5, 6]);

    // when both filters come together
    const both = matched(subject, { competencyId: 'ownership', period: parsePeriod('2026-03') });

    // then only the contributions that pass both are matched
    expect(both).toEqual([0, 4]);
  });

  it('match nothing for a subject that counts by being there (no contributions)', () => {
    // given a headcount subject
    const subject = new CountedSubject('emp-1', 'dept-1', 'engineer', null);

    // when any request's filters are applied, then nothing is matched
    expect(matched(subject, {})).toEqual([]);
    expect(matched(subject, { period: parsePeriod('2026') })).toEqual([]);
  });
});
