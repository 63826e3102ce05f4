import { KEPT_COUNTS, KEPT_POPULATION, KeptCounts, cellCountsOf } from './cell-counts';
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

  it('counts the same people for another period on their kept layout, as a fresh count would', () => {
    // Given a large population counted for March, its contributions in March or in April
    const dated = (count: number) =>
      Array.from(
        { length: count },
        (_, index) =>
          new CountedSubject(`e-${index}`, `d-${index % 3}`, index % 2 ? 'engineer' : null, [
            { competencyId: `c-${index % 4}`, at: `2026-0${3 + (index % 2)}-10T00:00:00.000Z` },
          ]),
      );
    const subjects = dated(KEPT_POPULATION);
    const march = countOf(subjects, { period: parsePeriod('2026-03')! });
    // When the same people are counted for April, and a copy of them (new objects) too
    const april = countOf(subjects, { period: parsePeriod('2026-04')! });
    const fresh = countOf(dated(KEPT_POPULATION), { period: parsePeriod('2026-04')! });
    // Then April is a count of its own on March's cells, and reads what the fresh count reads
    expect(april).not.toBe(march);
    expect(april.cells).toBe(march.cells);
    expect(fresh.cells).not.toBe(march.cells);
    for (const competency of ['c-0', 'c-1', 'c-2', 'c-3'])
      for (let department = 0; department < 3; department += 1) {
        const people = { department, role: -1, cell: -1 };
        const size = (counts: typeof april) => {
          const slot = counts.slotOf(counts.maskOf(['competency']), { competency }, 0, 0);
          return slot === null ? 0 : counts.sizeAt(slot, people);
        };
        expect(size(april)).toBe(size(fresh));
      }
    const inApril = (counts: typeof april) => counts.sizeAt({ mask: 0, state: 0, key: 0 }, NOBODY);
    expect(inApril(april)).toBe(subjects.filter((_, index) => index % 2 === 1).length);
    expect(inApril(fresh)).toBe(inApril(april));
  });

  it('lists the cells with anyone at a slot, and only those', () => {
    // Given people on competencies that only one department has, and one both have
    const subjects = population(12, (index) => (index % 2 === 0 ? 'even' : 'odd'));
    subjects.push(
      new CountedSubject('e-both', 'd-1', 'engineer', [{ competencyId: 'even', at: null }]),
    );
    // When they are counted by competency
    const counts = countOf(subjects, {});
    const departmentsAt = (competencyId: string | null) => {
      const slot =
        competencyId === null
          ? counts.slotOf(0, {}, 0, 0)!
          : counts.slotOf(counts.maskOf(['competency']), { competency: competencyId }, 0, 0)!;
      return Array.from(
        counts.cellsAt(slot),
        (cell) => [...counts.departments].find(([, id]) => id === counts.cellDepartment[cell])![0],
      ).sort();
    };
    // Then a competency's slot lists the cells of the departments that have it
    expect(departmentsAt('odd')).toEqual(['d-1']);
    expect(departmentsAt('even')).toEqual(['d-0', 'd-1']);
    // And the figure on everyone lists every cell once
    expect(departmentsAt(null)).toEqual(['d-0', 'd-1']);
  });

  it('keeps every count a dashboard asks for in turn, the second time round too', () => {
    // Given seven populations (the six reports'), each asked for under four filter kinds in turn
    const populations = Array.from({ length: 7 }, () => population(KEPT_POPULATION));
    const filterKinds: AnalyticsFilters[] = [
      {},
      { competencyId: 'c-0' },
      { period: parsePeriod('2026') },
      { competencyId: 'c-1', period: parsePeriod('2026-Q3') },
    ];
    const round = () =>
      filterKinds.flatMap((filters) => populations.map((subjects) => countOf(subjects, filters)));
    // When the round is asked for twice
    const first = round();
    const second = round();
    // Then each count of the second round is the one made in the first
    expect(second.every((counts, index) => counts === first[index])).toBe(true);
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

describe('kept counts', () => {
  const sized = (bytes: number) => ({ bytes });
  // No subjects: their list takes no bytes, so the bounds below are the counts' alone.
  const people = population(0);

  it('are bounded in bytes: the least recently used go first', () => {
    // Given room for 100 bytes, and three counts of 40 kept, the first one used again since
    const kept = new KeptCounts<{ bytes: number }>(10, 100);
    const [a, b, c] = [sized(40), sized(40), sized(40)];
    kept.put('a', people, a);
    kept.put('b', people, b);
    expect(kept.get('a', people)).toBe(a);
    // When the third is kept
    kept.put('c', people, c);
    // Then the least recently used one (b) was let go, and what is kept fits
    expect([kept.get('a', people), kept.get('b', people), kept.get('c', people)]).toEqual([
      a,
      undefined,
      c,
    ]);
    expect(kept.size).toEqual({ entries: 2, bytes: 80 });
  });

  it('do not keep a count larger than the whole bound, nor drop others for it', () => {
    // Given a kept count
    const kept = new KeptCounts<{ bytes: number }>(10, 100);
    const small = sized(30);
    kept.put('small', people, small);
    // When a count larger than the bound is offered
    kept.put('huge', people, sized(101));
    // Then it is not kept and the other stays
    expect(kept.get('huge', people)).toBeUndefined();
    expect(kept.get('small', people)).toBe(small);
    expect(kept.size).toEqual({ entries: 1, bytes: 30 });
  });

  it('are found only for the same subjects, and a replaced one frees its bytes', () => {
    // Given a count kept for some subjects
    const kept = new KeptCounts<{ bytes: number }>(10, 100);
    kept.put('key', people, sized(60));
    // When the same key is asked for other subjects, then kept again for them
    const others = population(3);
    expect(kept.get('key', others)).toBeUndefined();
    const replaced = sized(50);
    kept.put('key', others, replaced);
    // Then only the new one counts against the bound, with the list of its three subjects
    expect(kept.get('key', others)).toBe(replaced);
    expect(kept.size).toEqual({ entries: 1, bytes: 50 + 3 * 8 });
  });

  it('count the list of subjects they are kept for against the bound', () => {
    // Given room for 100 bytes
    const kept = new KeptCounts<{ bytes: number }>(10, 100);
    // When a count of 60 bytes is kept for five subjects, then one of 20 bytes for none
    kept.put('five', population(5), sized(60));
    kept.put('none', people, sized(20));
    // Then 60 + 5 references and 20 do not fit together: the older one was let go
    expect(kept.get('five', population(5))).toBeUndefined();
    expect(kept.size).toEqual({ entries: 1, bytes: 20 });
  });

  it('are bounded in number as well', () => {
    // Given room for two
    const kept = new KeptCounts<{ bytes: number }>(2, 1_000);
    // When three are kept
    for (const key of ['a', 'b', 'c']) kept.put(key, people, sized(1));
    // Then the first is gone
    expect(kept.get('a', people)).toBeUndefined();
    expect(kept.size.entries).toBe(2);
  });
});

describe('a count', () => {
  it('knows the bytes of its tables', () => {
    const counts = countOf(population(KEPT_POPULATION), { period: parsePeriod('2026') });
    // Two departments × one role, one competency state, the period, its quarter and year and
    // none (4 levels), three competency keys at most plus the total.
    expect(counts.bytes).toBeGreaterThan(0);
    expect(counts.bytes % 4).toBe(0);
    expect(counts.bytes).toBeLessThan(64 * 1024);
  });
});
