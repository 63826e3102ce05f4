import { groupedBy } from './columns';

describe('groupedBy', () => {
  it('lists each group’s items in their order, groups one after another', () => {
    // Given items in groups 2, 0, 2, 1, 0 and a fourth group nobody is in
    const groupOf = Int32Array.from([2, 0, 2, 1, 0]);
    // When they are grouped
    const { starts, order } = groupedBy(groupOf, 4);
    // Then group g's items are order[starts[g] .. starts[g + 1]), each group in item order
    const itemsOf = (group: number) => [...order.subarray(starts[group], starts[group + 1])];
    expect(itemsOf(0)).toEqual([1, 4]);
    expect(itemsOf(1)).toEqual([3]);
    expect(itemsOf(2)).toEqual([0, 2]);
    expect(itemsOf(3)).toEqual([]);
    expect([...starts]).toEqual([0, 2, 3, 5, 5]);
  });

  it('groups nothing into empty groups', () => {
    const { starts, order } = groupedBy(new Int32Array(0), 2);
    expect([...starts]).toEqual([0, 0, 0]);
    expect(order).toHaveLength(0);
  });
});
