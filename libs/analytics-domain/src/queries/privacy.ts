import { assertNever } from '@talentloop/domain-kernel';
import type { AnalyticsFilters } from './request';
import { within } from './period';

/** Design §1: no figure for a group smaller than 5 people. Organisations may only raise it. */
export const MIN_PRIVACY_THRESHOLD = 5;

export function privacyThreshold(configured: number | undefined): number {
  if (configured === undefined) return MIN_PRIVACY_THRESHOLD;
  if (!Number.isInteger(configured) || configured < MIN_PRIVACY_THRESHOLD) {
    throw new RangeError(
      `the privacy threshold must be a whole number of at least ${MIN_PRIVACY_THRESHOLD}, got ${configured}`,
    );
  }
  return configured;
}

export type Figure<Value> =
  | { readonly status: 'shown'; readonly people: number; readonly value: Value }
  | { readonly status: 'withheld'; readonly reason: string };

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

/** A figure before it is published, with the size of its population kept for suppression. */
export interface Assessed<Value> {
  readonly people: number;
  readonly figure: Figure<Value>;
}

type FilterName = 'department' | 'role' | 'competency' | 'period';

const filterOrder: readonly FilterName[] = ['department', 'role', 'competency', 'period'];
/** The department of people whose HRIS record has none still forms a row (no silent gap). */
const NO_DEPARTMENT = '\u0000none';
const SEPARATOR = '\u001f';
const DEPARTMENT_MATCHES = 1;
const ROLE_MATCHES = 2;
const PERSON_CLASSES = 4;

const present = (filters: AnalyticsFilters, name: FilterName): boolean => {
  switch (name) {
    case 'department':
      return filters.departmentId !== undefined;
    case 'role':
      return filters.roleId !== undefined;
    case 'competency':
      return filters.competencyId !== undefined;
    case 'period':
      return filters.period !== undefined;
    default:
      return assertNever(name);
  }
};

const bitCount = (mask: number): number => {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count += 1;
  return count;
};

/** Every submask of `mask`, `mask` itself included. */
const submasks = (mask: number): number[] => {
  const result: number[] = [];
  for (let sub = mask; ; sub = (sub - 1) & mask) {
    result.push(sub);
    if (sub === 0) return result;
  }
};

const listed = (names: readonly string[]): string =>
  names.length === 1
    ? `the ${names[0]} filter`
    : `the ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} filters`;

/**
 * The population sizes of a figure and of every figure that differs from it by dropping
 * filters (the filter lattice), counted in one pass over the people. Only sizes are kept:
 * dropping a filter only ever widens a population, so |P_S \ G| = |P_S| - |G|.
 */
export class Populations {
  private readonly active: readonly FilterName[];
  private readonly full: number;
  private readonly bits: Readonly<Record<FilterName, number>>;
  private readonly itemBits: number;
  private readonly itemMasks: readonly number[];
  private readonly rowMasks: readonly number[];
  /** Row masks whose key depends on the contribution (competency, manager, indicator). */
  private readonly perItem: readonly boolean[];
  /**
   * People by (item-level filter mask, person class, row mask) slot, then by row key. The
   * person class says whether the person's department and role match the filters; summing
   * the classes a mask admits gives its population, so each person is counted per item-level
   * mask (at most 4), not per mask of the lattice (up to 16).
   */
  private readonly tables: Map<string, number>[] = [];
  private readonly widerCache = new Map<number, readonly { mask: number; sub: number }[]>();
  // Scratch space reused for every person, so counting allocates per key, not per person.
  private readonly keys: Set<string>[][];
  private readonly anyPassing: boolean[];

  constructor(
    subjects: readonly Subject[],
    private readonly filters: AnalyticsFilters,
    readonly threshold: number,
    private readonly dimensions: readonly RowDimension[] = [],
    breakdowns: readonly (readonly RowDimension[])[] = [],
  ) {
    this.active = filterOrder.filter((name) => present(filters, name));
    this.full = (1 << this.active.length) - 1;
    const bitOf = (name: FilterName): number => {
      const index = this.active.indexOf(name);
      return index < 0 ? 0 : 1 << index;
    };
    this.bits = {
      department: bitOf('department'),
      role: bitOf('role'),
      competency: bitOf('competency'),
      period: bitOf('period'),
    };
    this.itemBits = this.bits.competency | this.bits.period;
    this.itemMasks = submasks(this.itemBits);
    const needed = new Set<number>([0]);
    for (const breakdown of breakdowns) {
      for (const sub of submasks(this.rowMask(breakdown))) needed.add(sub);
    }
    this.rowMasks = [...needed];
    this.perItem = this.rowMasks.map((rowMask) =>
      this.dimensions.some(
        (dimension, bit) => (rowMask & (1 << bit)) !== 0 && dimension !== 'department',
      ),
    );
    for (let slot = 0; slot < this.slot(this.itemBits + 1, 0, 0); slot += 1) {
      this.tables.push(new Map());
    }
    this.keys = Array.from({ length: this.itemBits + 1 }, () => this.rowMasks.map(() => new Set()));
    this.anyPassing = Array.from({ length: this.itemBits + 1 }, () => false);
    for (const subject of subjects) this.count(subject);
  }

  /** Whether the figure for `row` under the request's filters may be shown, and on how many. */
  assess<Value>(row: RowKey, value: () => Value): Assessed<Value> {
    const rowMask = this.rowMask(Object.keys(row) as RowDimension[]);
    const people = this.size(this.full, rowMask, row);
    if (people < this.threshold) {
      return { people, figure: withheld(`describes fewer than ${this.threshold} people`) };
    }
    for (const { mask, sub } of this.wider(rowMask)) {
      const difference = this.size(mask, sub, row) - people;
      if (difference > 0 && difference < this.threshold) {
        const dropped = [
          ...this.active.filter((_, bit) => (this.full & ~mask & (1 << bit)) !== 0),
          ...this.dimensions.filter((_, bit) => (rowMask & ~sub & (1 << bit)) !== 0),
        ];
        return {
          people,
          figure: withheld(
            `would reveal fewer than ${this.threshold} people by subtraction from the figure without ${listed(dropped)}`,
          ),
        };
      }
    }
    return { people, figure: { status: 'shown', people, value: value() } };
  }

  /** Every wider figure: fewest dropped filters first, so the reason names the simplest query. */
  private wider(rowMask: number): readonly { mask: number; sub: number }[] {
    const cached = this.widerCache.get(rowMask);
    if (cached !== undefined) return cached;
    const dropped = ({ mask, sub }: { mask: number; sub: number }): number =>
      bitCount(this.full & ~mask) + bitCount(rowMask & ~sub);
    const wider = submasks(this.full)
      .flatMap((mask) => submasks(rowMask).map((sub) => ({ mask, sub })))
      .filter((pair) => dropped(pair) > 0)
      .sort((a, b) => dropped(a) - dropped(b));
    this.widerCache.set(rowMask, wider);
    return wider;
  }

  private rowMask(dimensions: readonly RowDimension[]): number {
    let mask = 0;
    for (const dimension of dimensions) {
      const bit = this.dimensions.indexOf(dimension);
      if (bit < 0) throw new Error(`breakdown by ${dimension} was not counted`);
      mask |= 1 << bit;
    }
    return mask;
  }

  private size(mask: number, rowMask: number, row: RowKey): number {
    const parts: string[] = [];
    this.dimensions.forEach((dimension, bit) => {
      if ((rowMask & (1 << bit)) !== 0) parts.push(row[dimension] ?? NO_DEPARTMENT);
    });
    const key = parts.join(SEPARATOR);
    const { department, role } = this.bits;
    let people = 0;
    for (let personClass = 0; personClass < PERSON_CLASSES; personClass += 1) {
      if ((mask & department) !== 0 && (personClass & DEPARTMENT_MATCHES) === 0) continue;
      if ((mask & role) !== 0 && (personClass & ROLE_MATCHES) === 0) continue;
      people += this.tables[this.slot(mask & this.itemBits, personClass, rowMask)].get(key) ?? 0;
    }
    return people;
  }

  private slot(itemMask: number, personClass: number, rowMask: number): number {
    return ((itemMask * PERSON_CLASSES + personClass) << this.dimensions.length) | rowMask;
  }

  private passes(item: Contribution, itemMask: number): boolean {
    const { filters, bits } = this;
    return (
      ((itemMask & bits.competency) === 0 || item.competencyId === filters.competencyId) &&
      ((itemMask & bits.period) === 0 || within(filters.period!, item.at))
    );
  }

  private count(subject: Subject): void {
    const { filters, rowMasks, perItem, keys, anyPassing } = this;
    const items = subject.contributions;

    // Which item-level filter subsets the person passes, and the row keys they reach under each.
    // Row keys that depend on the contribution, built once per contribution.
    const itemKeys = (items ?? []).map((item) =>
      rowMasks.map((rowMask, index) =>
        perItem[index] ? this.rowKeyOf(subject, item, rowMask) : undefined,
      ),
    );
    for (const itemMask of this.itemMasks) {
      const keysOf = keys[itemMask];
      for (const set of keysOf) set.clear();
      let any = items === null;
      (items ?? []).forEach((item, itemIndex) => {
        if (!this.passes(item, itemMask)) return;
        any = true;
        itemKeys[itemIndex].forEach((key, index) => {
          if (key !== undefined) keysOf[index].add(key);
        });
      });
      anyPassing[itemMask] = any;
    }
    const personKeys = rowMasks.map((rowMask, index) =>
      perItem[index] ? undefined : this.rowKeyOf(subject, null, rowMask),
    );

    const personClass =
      (subject.departmentId === filters.departmentId ? DEPARTMENT_MATCHES : 0) |
      (subject.roleId === filters.roleId ? ROLE_MATCHES : 0);
    for (const itemMask of this.itemMasks) {
      if (!anyPassing[itemMask]) continue;
      for (let index = 0; index < rowMasks.length; index += 1) {
        const table = this.tables[this.slot(itemMask, personClass, rowMasks[index])];
        const personKey = personKeys[index];
        if (personKey !== undefined) table.set(personKey, (table.get(personKey) ?? 0) + 1);
        else for (const key of keys[itemMask][index]) table.set(key, (table.get(key) ?? 0) + 1);
      }
    }
  }

  private rowKeyOf(
    subject: Subject,
    item: Contribution | null,
    rowMask: number,
  ): string | undefined {
    if (rowMask === 0) return '';
    const parts: string[] = [];
    for (let bit = 0; bit < this.dimensions.length; bit += 1) {
      if ((rowMask & (1 << bit)) === 0) continue;
      const value = rowValue(this.dimensions[bit], subject, item);
      if (value === null) return undefined;
      parts.push(value);
    }
    return parts.join(SEPARATOR);
  }
}

const rowValue = (
  dimension: RowDimension,
  subject: Subject,
  item: Contribution | null,
): string | null => {
  switch (dimension) {
    case 'department':
      return subject.departmentId ?? NO_DEPARTMENT;
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

export const withheld = (reason: string): Figure<never> => ({ status: 'withheld', reason });

/**
 * Secondary suppression: with the total shown, one withheld row (or several that together
 * describe fewer people than the threshold) could be recovered as the total minus the
 * others, so the smallest shown rows are withheld too until that no longer works.
 */
export function suppressComplements<Row extends Assessed<unknown>>(
  total: Figure<unknown>,
  rows: readonly Row[],
  threshold: number,
): Row[] {
  const result = [...rows];
  if (total.status !== 'shown') return result;
  for (;;) {
    const hidden = result.filter((row) => row.figure.status === 'withheld');
    const hiddenPeople = hidden.reduce((sum, row) => sum + row.people, 0);
    if (hidden.length === 0 || (hidden.length > 1 && hiddenPeople >= threshold)) return result;
    let smallest = -1;
    result.forEach((row, index) => {
      if (row.figure.status !== 'shown') return;
      if (smallest < 0 || row.people < result[smallest].people) smallest = index;
    });
    if (smallest < 0) return result;
    result[smallest] = {
      ...result[smallest],
      figure: withheld(
        `withheld so that the total minus the other rows does not reveal fewer than ${threshold} people`,
      ),
    };
  }
}
