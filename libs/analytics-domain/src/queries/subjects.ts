import { assertNever } from '@talentloop/domain-kernel';
import { instant } from './period';
import { Interner } from './interner';
import { column } from './columns';

/** A breakdown a figure can be split by; each row counts as one more filter for privacy. */
export type RowDimension = 'department' | 'competency' | 'manager' | 'indicator';

/** The row a figure describes: one value per breakdown dimension (empty for a total). */
export type RowKey = Partial<Record<RowDimension, string | null>>;

/**
 * One thing a person contributes to a figure (a goal, a decision, a check-in...). Competency
 * and period filters apply per contribution: a person is in the population when at least one
 * of their contributions passes them.
 */
export interface Contribution {
  readonly competencyId: string | null;
  readonly at: string | null;
  readonly managerId?: string | null;
  readonly indicatorId?: string | null;
}

/**
 * A person as a figure sees them. `contributions: null` means the person counts by being
 * there (headcount): competency and period filters do not narrow that population.
 */
export interface Subject {
  readonly employeeId: string;
  readonly departmentId: string | null;
  readonly roleId: string | null;
  readonly contributions: readonly Contribution[] | null;
}

/** The department of people whose HRIS record has none still forms a row (no silent gap). */
export const NO_DEPARTMENT = '\u0000none';
export const SEPARATOR = '\u001f';

/** Every submask of `mask`, `mask` itself included. */
export const submasks = (mask: number): number[] => {
  const result: number[] = [];
  for (let sub = mask; ; sub = (sub - 1) & mask) {
    result.push(sub);
    if (sub === 0) return result;
  }
};

export const rowValue = (
  dimension: RowDimension,
  departmentId: string | null,
  item: Contribution | null,
): string | null => {
  switch (dimension) {
    case 'department':
      return departmentId ?? NO_DEPARTMENT;
    case 'competency':
      return item?.competencyId ?? null;
    case 'manager':
      return item?.managerId ?? null;
    case 'indicator':
      return item?.indicatorId ?? null;
    default:
      return assertNever(dimension);
  }
};

/**
 * The row keys of one combination of dimensions (e.g. competency and department), interned
 * process-wide to small integers so that counting indexes typed arrays instead of hashing
 * strings. Tables are sized by how many keys the process has seen.
 */
export class KeyKind extends Interner {
  constructor(
    readonly index: number,
    readonly dimensions: readonly RowDimension[],
  ) {
    super();
  }
}
const kinds = new Map<string, KeyKind>();
export const kindOf = (dimensions: readonly RowDimension[]): KeyKind => {
  const name = dimensions.join();
  let kind = kinds.get(name);
  if (kind === undefined) {
    kind = new KeyKind(kinds.size, dimensions);
    kinds.set(name, kind);
  }
  return kind;
};

/**
 * A person's distinct keys of one kind, each with the contributions that reach it, in one
 * array of numbers: `[k, key_0 … key_k-1, start_0 … start_k, item …]`; the contributions of
 * key g are `item[start_g]` up to `item[start_g+1]`. One array rather than three and an object:
 * a person has a few per report and kind of row, and 10,000 people many thousands of them.
 */
export type KeyGroups = readonly number[];
/** How many distinct keys. */
export const groupCount = (groups: KeyGroups): number => groups[0];
/** The g-th key. */
export const groupKey = (groups: KeyGroups, group: number): number => groups[1 + group];
/** Where the contributions of key g start among the grouped items (g = count: the end). */
export const groupStart = (groups: KeyGroups, group: number): number =>
  groups[1 + groups[0] + group];
/** The contribution (its index in the list) at `position` among the grouped items. */
export const groupItem = (groups: KeyGroups, position: number): number =>
  groups[2 + 2 * groups[0] + position];

/**
 * A person's contributions: the list itself, or how to make it again from facts the caller
 * keeps anyway (a kept subject then holds none of the small objects a list is made of, only
 * the columns below).
 */
export type ContributionSource = readonly Contribution[] | (() => readonly Contribution[]);

const itemsOf = (source: ContributionSource): readonly Contribution[] =>
  typeof source === 'function' ? source() : source;

/**
 * A contribution list in flat arrays (one shape whatever the report), so that filtering reads
 * numbers instead of chasing strings across the heap; key groups are made on first use.
 */
export interface Prepared {
  readonly source: ContributionSource;
  readonly length: number;
  /** Whether the list is kept across requests, so that parsing its times pays off. */
  readonly kept: boolean;
  /** Interned competency (-1 for none); made when a competency filter first needs it. */
  competencies: readonly number[] | null;
  /**
   * The items' times as numbers where canonical (NaN: compare the text); only for kept lists,
   * made when a period filter first needs them.
   */
  instants: readonly number[] | null;
  /**
   * The items' times as text, made where a comparison needs the text: a list that is not
   * kept (it has no instants), or a kept one with a time that is not canonical.
   */
  times: readonly (string | null)[] | null;
  /**
   * The key groups made so far, by kind: its KeyKind index, then its groups, pair after pair
   * (a list belongs to one person, hence to one department, and has groups of a few kinds).
   * Replaced, not pushed to, so that it holds exactly its pairs (see columns.ts).
   */
  groups: readonly (number | KeyGroups)[];
}
export const competencyKind = (): KeyKind => kindOf(['competency']);
export const prepare = (source: ContributionSource, kept: boolean): Prepared => ({
  source,
  length: itemsOf(source).length,
  kept,
  competencies: null,
  instants: null,
  times: null,
  groups: [],
});
/** Makes the columns the item-level filters read. */
export const ready = (entry: Prepared, competency: boolean, period: boolean): void => {
  const needsCompetencies = competency && entry.competencies === null;
  const needsTimes = period && (entry.kept ? entry.instants === null : entry.times === null);
  if (!needsCompetencies && !needsTimes) return;
  const items = itemsOf(entry.source);
  if (needsCompetencies) {
    const competencies = competencyKind();
    entry.competencies = column(items, (item) =>
      item.competencyId === null ? -1 : competencies.id(item.competencyId),
    );
  }
  if (needsTimes && entry.kept) {
    const instants = column(items, (item) => instant(item.at));
    entry.instants = instants;
    if (instants.some(Number.isNaN)) entry.times = items.map((item) => item.at);
  } else if (needsTimes) entry.times = items.map((item) => item.at);
};

/** The text of item `index`'s time, for a comparison the instants cannot make. */
export const timeText = (entry: Prepared, index: number): string | null =>
  (entry.times ??= itemsOf(entry.source).map((item) => item.at))[index];

/**
 * A subject that keeps its prepared contributions: reports cache one per employee, so the
 * preparation is done once per version of the facts. Given a way to make its contributions
 * again rather than the list, it keeps only the columns.
 */
export class CountedSubject implements Subject {
  private preparedList: Prepared | null = null;

  constructor(
    readonly employeeId: string,
    readonly departmentId: string | null,
    readonly roleId: string | null,
    private readonly source: ContributionSource | null,
  ) {}

  get contributions(): readonly Contribution[] | null {
    return this.source === null ? null : itemsOf(this.source);
  }

  prepared(): Prepared | null {
    if (this.source === null) return null;
    return (this.preparedList ??= prepare(this.source, true));
  }
}

export const groupsOf = (
  entry: Prepared,
  kind: KeyKind,
  departmentId: string | null,
): KeyGroups => {
  for (let index = 0; index < entry.groups.length; index += 2)
    if (entry.groups[index] === kind.index) return entry.groups[index + 1] as KeyGroups;
  const items = itemsOf(entry.source);
  const byKey = new Map<number, number[]>();
  items.forEach((item, index) => {
    const parts: string[] = [];
    for (const dimension of kind.dimensions) {
      const value = rowValue(dimension, departmentId, item);
      if (value === null) return;
      parts.push(value);
    }
    const key = kind.id(parts.join(SEPARATOR));
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [index]);
    else list.push(index);
  });
  // A plain array: an employee's few numbers in a typed array would cost an ArrayBuffer and a
  // backing store each, several times their size, for every employee and kind of row.
  const count = byKey.size;
  const groups = new Array<number>(2 + 2 * count + items.length).fill(0);
  groups[0] = count;
  let key = 0;
  let position = 0;
  for (const [id, list] of byKey) {
    groups[1 + key] = id;
    groups[1 + count + key] = position;
    for (const item of list) groups[2 + 2 * count + position++] = item;
    key += 1;
  }
  groups[1 + 2 * count] = position;
  entry.groups = entry.groups.concat([kind.index, groups]);
  return groups;
};
