/**
 * The arrays a report keeps per person, made to hold exactly what they hold.
 *
 * `Array.from(list, fn)`, `flatMap` and `push` grow their result as they go, and a list of
 * more than four items ends up with room for 23: at 10,000 people and a dozen kept columns
 * each, tens of MiB of room nobody fills. `map`, `slice` and `concat` allocate the length.
 */

/** One value per item, in an array of exactly that length. */
export const column = <T, R>(items: readonly T[], value: (item: T) => R): R[] =>
  items.map((item) => value(item));

/** The array again, in storage of exactly its length (for one grown by push or flatMap). */
export const exactly = <T>(items: readonly T[]): T[] => items.slice();

/**
 * Items grouped by a number each, stably (a counting sort): group g's items, in their order,
 * are order[starts[g] .. starts[g + 1]). `groupOf[item]` is below `groups`.
 */
export const groupedBy = (
  groupOf: Int32Array,
  groups: number,
): { readonly starts: Int32Array<ArrayBuffer>; readonly order: Int32Array<ArrayBuffer> } => {
  const starts = new Int32Array(groups + 1);
  for (let item = 0; item < groupOf.length; item += 1) starts[groupOf[item] + 1] += 1;
  for (let group = 0; group < groups; group += 1) starts[group + 1] += starts[group];
  const next = starts.slice(0, groups);
  const order = new Int32Array(groupOf.length);
  for (let item = 0; item < groupOf.length; item += 1) {
    order[next[groupOf[item]]] = item;
    next[groupOf[item]] += 1;
  }
  return { starts, order };
};
