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
