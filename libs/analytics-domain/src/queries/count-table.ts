/**
 * A table of people counts laid out as blocks of `block` entries, one block per state; states
 * come in groups of `levels` (the period, its quarter, its year, none), and widening adds each
 * level's block into the next wider one's. Most tables are small and dense; a table by a
 * sparse row dimension (a manager dimension: one key per decider, times every department ×
 * role cell) is mostly zeros, and keeps only the entries that count someone.
 */
export interface CountTable {
  get(index: number): number;
  increment(index: number): void;
  /** Adds `amount` people to the entry. */
  add(index: number, amount: number): void;
  /** Every entry that counts someone, in no particular order. */
  forEach(visit: (index: number, count: number) => void): void;
  /** Each state's block gets the block of the state before it, unless it opens a group. */
  widen(block: number, levels: number): void;
  /** What keeping it costs, roughly. */
  readonly bytes: number;
}

/** Tables up to this many entries (256 KiB) are dense, an Int32Array; larger ones are sparse. */
export const DENSE_TABLE_ENTRIES = 1 << 16;

export const countTable = (entries: number, denseUpTo = DENSE_TABLE_ENTRIES): CountTable =>
  entries <= denseUpTo ? new DenseTable(entries) : new SparseTable();

export class DenseTable implements CountTable {
  private readonly table: Int32Array;

  constructor(entries: number) {
    this.table = new Int32Array(entries);
  }

  get bytes(): number {
    return this.table.byteLength;
  }

  get(index: number): number {
    return this.table[index];
  }

  increment(index: number): void {
    this.table[index] += 1;
  }

  add(index: number, amount: number): void {
    this.table[index] += amount;
  }

  forEach(visit: (index: number, count: number) => void): void {
    const { table } = this;
    for (let index = 0; index < table.length; index += 1)
      if (table[index] !== 0) visit(index, table[index]);
  }

  widen(block: number, levels: number): void {
    const { table } = this;
    for (let state = 1; state * block < table.length; state += 1) {
      if (state % levels === 0) continue;
      const end = (state + 1) * block;
      for (let at = state * block; at < end; at += 1) table[at] += table[at - block];
    }
  }
}

/** Bytes a Map entry of two small integers takes, about. */
const SPARSE_ENTRY_BYTES = 40;

export class SparseTable implements CountTable {
  private readonly counts = new Map<number, number>();

  get bytes(): number {
    return this.counts.size * SPARSE_ENTRY_BYTES;
  }

  get(index: number): number {
    return this.counts.get(index) ?? 0;
  }

  increment(index: number): void {
    this.add(index, 1);
  }

  add(index: number, amount: number): void {
    this.counts.set(index, (this.counts.get(index) ?? 0) + amount);
  }

  forEach(visit: (index: number, count: number) => void): void {
    for (const [index, count] of this.counts) if (count !== 0) visit(index, count);
  }

  widen(block: number, levels: number): void {
    if (levels === 1) return;
    // The entries of each state, by their offset in its block.
    const byState = new Map<number, Map<number, number>>();
    for (const [index, count] of this.counts) {
      const state = Math.floor(index / block);
      let entries = byState.get(state);
      if (entries === undefined) {
        entries = new Map();
        byState.set(state, entries);
      }
      entries.set(index - state * block, count);
    }
    const groups = new Set([...byState.keys()].map((state) => Math.floor(state / levels)));
    for (const group of groups) {
      // What the narrower level holds once widened, carried into the next one.
      let narrower = byState.get(group * levels) ?? new Map<number, number>();
      for (let level = 1; level < levels; level += 1) {
        const state = group * levels + level;
        const widened = new Map(byState.get(state));
        for (const [offset, count] of narrower) {
          const sum = (widened.get(offset) ?? 0) + count;
          widened.set(offset, sum);
          this.counts.set(state * block + offset, sum);
        }
        narrower = widened;
      }
    }
  }
}
