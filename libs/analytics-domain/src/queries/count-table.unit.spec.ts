import { countTable, DenseTable, SparseTable } from './count-table';

/** A small deterministic generator (no Math.random: a failure must replay). */
const generator = (seed: number) => {
  let state = seed;
  return (below: number): number => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % below;
  };
};

describe('a table of people counts', () => {
  it.each([
    [1, 7],
    [2, 5],
    [4, 3],
    [8, 1],
    [4, 3_000],
  ])('counts and widens the same dense or sparse (%i levels, %i keys × cells)', (levels, block) => {
    // given the same increments into a dense and a sparse table of two competency states
    const entries = 2 * levels * block;
    const dense = new DenseTable(entries);
    const sparse = new SparseTable();
    const next = generator(levels * 31 + block);
    for (let count = 0; count < 3 * entries; count += 1) {
      const index = next(entries);
      dense.increment(index);
      sparse.increment(index);
    }

    // when both are widened over the period levels
    dense.widen(block, levels);
    sparse.widen(block, levels);

    // then every entry reads the same
    const read = (table: DenseTable | SparseTable) =>
      Array.from({ length: entries }, (_, index) => table.get(index));
    expect(read(sparse)).toEqual(read(dense));
  });

  it('adds each level into the next wider one, group by group', () => {
    // given two competency states of three levels (period, year, none), one entry per block
    const table = new SparseTable();
    table.increment(0); // state 0 (first group, the period)
    table.increment(2); // state 2 (first group, none)
    table.increment(3); // state 3 (second group, the period)

    // when it is widened
    table.widen(1, 3);

    // then wider levels count the narrower ones, and the groups stay apart
    expect([0, 1, 2, 3, 4, 5].map((index) => table.get(index))).toEqual([1, 1, 2, 1, 1, 1]);
  });

  it('is dense while small and sparse beyond the bound, costing what it keeps', () => {
    // given a bound of 100 entries
    // when tables of 100 and 101 entries are made
    const small = countTable(100, 100);
    const large = countTable(101, 100);

    // then the small one is an array of every entry, the large one keeps only what counts
    expect(small).toBeInstanceOf(DenseTable);
    expect(small.bytes).toBe(400);
    expect(large).toBeInstanceOf(SparseTable);
    expect(large.bytes).toBe(0);
    large.increment(100);
    large.increment(100);
    expect(large.get(100)).toBe(2);
    expect(large.get(99)).toBe(0);
    expect(large.bytes).toBeGreaterThan(0);
  });

  it.each([
    ['dense', () => new DenseTable(10)],
    ['sparse', () => new SparseTable()],
  ])('adds amounts and visits every entry that counts someone (%s)', (_, make) => {
    // given a table with two entries counted, one by an amount
    const table = make();
    table.increment(3);
    table.add(3, 4);
    table.add(7, 2);

    // when every entry is visited
    const visited: [number, number][] = [];
    table.forEach((index, count) => visited.push([index, count]));

    // then the counted entries come, with their counts, and no empty one
    expect(visited.sort(([a], [b]) => a - b)).toEqual([
      [3, 5],
      [7, 2],
    ]);
  });
});
