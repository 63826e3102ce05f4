import { assertNever } from '@talentloop/domain-kernel';
import { instant } from './period';
import type { AnalyticsFilters } from './request';
import { Interner } from './interner';

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
const TOTAL_WITHHELD_REASON = 'the total this row is part of is withheld';
const SECONDARY_REASON = (threshold: number): string =>
  `withheld so that the total minus the other rows does not reveal fewer than ${threshold} people`;

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

const rowValue = (
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
class KeyKind extends Interner {
  constructor(
    readonly index: number,
    readonly dimensions: readonly RowDimension[],
  ) {
    super();
  }
}
const kinds = new Map<string, KeyKind>();
const kindOf = (dimensions: readonly RowDimension[]): KeyKind => {
  const name = dimensions.join();
  let kind = kinds.get(name);
  if (kind === undefined) {
    kind = new KeyKind(kinds.size, dimensions);
    kinds.set(name, kind);
  }
  return kind;
};

/** A person's distinct keys of one kind, each with the contributions that reach it. */
interface KeyGroups {
  readonly departmentId: string | null;
  readonly keys: Int32Array;
  /** Contributions of key k: items[starts[k]] up to items[starts[k + 1]]. */
  readonly starts: Int32Array;
  readonly items: Int32Array;
}

/**
 * A contribution list in flat arrays (one shape whatever the report), so that filtering reads
 * numbers instead of chasing strings across the heap; key groups are made on first use.
 */
interface Prepared {
  readonly items: readonly Contribution[];
  readonly length: number;
  /** Whether the list is kept across requests, so that parsing its times pays off. */
  readonly kept: boolean;
  /** Interned competency (-1 for none); made when a competency filter first needs it. */
  competencies: Int32Array | null;
  /** Made when a period filter first needs them. */
  times: readonly (string | null)[] | null;
  /** `times` as numbers where canonical (NaN: compare the string); only for kept lists. */
  instants: Float64Array | null;
  /** By KeyKind index. */
  readonly groups: (KeyGroups | undefined)[];
}
const competencyKind = (): KeyKind => kindOf(['competency']);
const prepare = (items: readonly Contribution[], kept: boolean): Prepared => ({
  items,
  length: items.length,
  kept,
  competencies: null,
  times: null,
  instants: null,
  groups: [],
});
/** Makes the columns the item-level filters read. */
const ready = (entry: Prepared, competency: boolean, period: boolean): void => {
  if (competency && entry.competencies === null) {
    const competencies = competencyKind();
    entry.competencies = Int32Array.from(entry.items, (item) =>
      item.competencyId === null ? -1 : competencies.id(item.competencyId),
    );
  }
  if (period && entry.times === null) {
    entry.times = entry.items.map((item) => item.at);
    if (entry.kept) entry.instants = Float64Array.from(entry.items, (item) => instant(item.at));
  }
};

/**
 * A subject that keeps its prepared contributions: reports cache one per employee, so the
 * preparation is done once per version of the facts.
 */
export class CountedSubject implements Subject {
  private preparedList: Prepared | null = null;

  constructor(
    readonly employeeId: string,
    readonly departmentId: string | null,
    readonly roleId: string | null,
    readonly contributions: readonly Contribution[] | null,
  ) {}

  private departmentKey = -1;

  /** The interned department, the same in every count. */
  department(): number {
    if (this.departmentKey < 0) {
      this.departmentKey = kindOf(['department']).id(this.departmentId ?? NO_DEPARTMENT);
    }
    return this.departmentKey;
  }

  prepared(): Prepared | null {
    if (this.contributions === null) return null;
    return (this.preparedList ??= prepare(this.contributions, true));
  }
}

const groupsOf = (
  items: readonly Contribution[],
  entry: Prepared,
  kind: KeyKind,
  departmentId: string | null,
): KeyGroups => {
  const cached = entry.groups[kind.index];
  if (cached !== undefined && cached.departmentId === departmentId) return cached;
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
  const groups: KeyGroups = {
    departmentId,
    keys: Int32Array.from(byKey.keys()),
    starts: new Int32Array(byKey.size + 1),
    items: new Int32Array(items.length),
  };
  let position = 0;
  [...byKey.values()].forEach((list, index) => {
    groups.starts[index] = position;
    for (const item of list) groups.items[position++] = item;
  });
  groups.starts[byKey.size] = position;
  entry.groups[kind.index] = groups;
  return groups;
};

interface Verdict {
  readonly people: number;
  readonly reason: string | null;
}

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
  private readonly kinds: readonly KeyKind[];
  /**
   * People by (item-level filter mask, person class, row mask) slot, then by row key id. The
   * person class says whether the person's department and role match the filters; summing
   * the classes a mask admits gives its population, so each person is counted per
   * item-level mask (at most 4), not per mask of the lattice (up to 16).
   */
  private readonly tables: (Int32Array | undefined)[] = [];
  private readonly widerCache = new Map<number, readonly { mask: number; sub: number }[]>();
  private readonly breakdownCache = new Map<string, string | null>();

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
    this.kinds = this.rowMasks.map((rowMask) =>
      kindOf(dimensions.filter((_, bit) => (rowMask & (1 << bit)) !== 0)),
    );
    this.count(subjects);
  }

  /** Whether the figure for `row` under the request's filters may be shown, and on how many. */
  assess<Value>(row: RowKey, value: () => Value): Assessed<Value> {
    const { people, reason } = this.verdict(this.full, row);
    const why = reason ?? this.withheldInBreakdown(row);
    if (why !== null) return { people, figure: withheld(why) };
    return { people, figure: { status: 'shown', people, value: value() } };
  }

  private verdict(full: number, row: RowKey): Verdict {
    const rowMask = this.rowMask(Object.keys(row) as RowDimension[]);
    // The row's key under each of its submasks, looked up once.
    const keys: (number | undefined)[] = [];
    const keyOf = (sub: number): number | undefined =>
      sub in keys ? keys[sub] : (keys[sub] = this.keyOf(sub, row));
    const people = this.size(full, rowMask, keyOf(rowMask));
    if (people < this.threshold) {
      return { people, reason: `describes fewer than ${this.threshold} people` };
    }
    for (const { mask, sub } of this.wider(full, rowMask)) {
      const difference = this.size(mask, sub, keyOf(sub)) - people;
      if (difference > 0 && difference < this.threshold) {
        const dropped = [
          ...this.active.filter((_, bit) => (full & ~mask & (1 << bit)) !== 0),
          ...this.dimensions.filter((_, bit) => (rowMask & ~sub & (1 << bit)) !== 0),
        ];
        return {
          people,
          reason: `would reveal fewer than ${this.threshold} people by subtraction from the figure without ${listed(dropped)}`,
        };
      }
    }
    return { people, reason: null };
  }

  /**
   * A figure filtered on a department is withheld whenever that department's row is withheld
   * (primarily or secondarily) in the department breakdown without the filter: otherwise the
   * filtered query would publish what secondary suppression hid there.
   */
  private withheldInBreakdown(row: RowKey): string | null {
    const departmentBit = this.bits.department;
    const dimension = this.dimensions.indexOf('department');
    if (departmentBit === 0 || dimension < 0) return null;
    const byDepartment = 1 << dimension;
    let outer: RowKey = {};
    for (const name of Object.keys(row) as RowDimension[]) {
      if (name !== 'department') outer = { ...outer, [name]: row[name] };
    }
    let outerMask = this.rowMask(Object.keys(outer) as RowDimension[]);
    // Figures without a department breakdown of their own answer to that of the total.
    if (!this.rowMasks.includes(outerMask | byDepartment)) {
      outer = {};
      outerMask = 0;
    }
    const cacheKey = JSON.stringify(outer);
    const cached = this.breakdownCache.get(cacheKey);
    if (cached !== undefined) return cached;
    const full = this.full & ~departmentBit;
    const parent = this.verdict(full, outer);
    const rows: { departmentId: string; people: number; figure: Figure<null> }[] = [];
    for (const name of kindOf(['department']).names) {
      const departmentRow = { ...outer, department: name === NO_DEPARTMENT ? null : name };
      const rowMask = outerMask | byDepartment;
      if (this.size(full, rowMask, this.keyOf(rowMask, departmentRow)) === 0) continue;
      const { people, reason } = this.verdict(full, departmentRow);
      rows.push({
        departmentId: name === NO_DEPARTMENT ? '' : name,
        people,
        figure: reason === null ? { status: 'shown', people, value: null } : withheld(reason),
      });
    }
    rows.sort((a, b) => compareKeys(a.departmentId, b.departmentId));
    const total: Figure<null> =
      parent.reason === null
        ? { status: 'shown', people: parent.people, value: null }
        : withheld(parent.reason);
    const mine = suppressComplements(total, rows, this.threshold).find(
      (each) => each.departmentId === this.filters.departmentId,
    );
    const result =
      mine !== undefined && mine.figure.status === 'withheld' ? mine.figure.reason : null;
    this.breakdownCache.set(cacheKey, result);
    return result;
  }

  /** Every wider figure: fewest dropped filters first, so the reason names the simplest query. */
  private wider(full: number, rowMask: number): readonly { mask: number; sub: number }[] {
    const cacheKey = (full << 8) | rowMask;
    const cached = this.widerCache.get(cacheKey);
    if (cached !== undefined) return cached;
    const dropped = ({ mask, sub }: { mask: number; sub: number }): number =>
      bitCount(full & ~mask) + bitCount(rowMask & ~sub);
    const wider = submasks(full)
      .flatMap((mask) => submasks(rowMask).map((sub) => ({ mask, sub })))
      .filter((pair) => dropped(pair) > 0)
      .sort((a, b) => dropped(a) - dropped(b));
    this.widerCache.set(cacheKey, wider);
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

  /** The id of `row`'s key under `rowMask` (undefined: nobody has it). */
  private keyOf(rowMask: number, row: RowKey): number | undefined {
    if (rowMask === 0) return 0;
    const parts: string[] = [];
    this.dimensions.forEach((dimension, bit) => {
      if ((rowMask & (1 << bit)) !== 0) parts.push(row[dimension] ?? NO_DEPARTMENT);
    });
    return this.kinds[this.rowMasks.indexOf(rowMask)].lookup(parts.join(SEPARATOR));
  }

  private size(mask: number, rowMask: number, key: number | undefined): number {
    const { department, role } = this.bits;
    let people = 0;
    for (let personClass = 0; personClass < PERSON_CLASSES; personClass += 1) {
      if ((mask & department) !== 0 && (personClass & DEPARTMENT_MATCHES) === 0) continue;
      if ((mask & role) !== 0 && (personClass & ROLE_MATCHES) === 0) continue;
      const table = this.tables[this.slot(mask & this.itemBits, personClass, rowMask)]!;
      if (key !== undefined && key < table.length) people += table[key];
    }
    return people;
  }

  private slot(itemMask: number, personClass: number, rowMask: number): number {
    return ((itemMask * PERSON_CLASSES + personClass) << this.dimensions.length) | rowMask;
  }

  private count(subjects: readonly Subject[]): void {
    const { filters, bits, rowMasks, itemMasks, kinds } = this;
    const perItem = rowMasks.map((_, index) =>
      kinds[index].dimensions.some((dimension) => dimension !== 'department'),
    );
    const departments = kindOf(['department']);
    const departmentMask = rowMasks.findIndex((_, index) => !perItem[index] && index > 0);
    // Key groups first: they may intern keys, and the tables are sized after them.
    const lists: (Prepared | null)[] = [];
    const personKeys = new Int32Array(subjects.length);
    const groups: (KeyGroups | null)[][] = rowMasks.map(() => []);
    for (let index = 0; index < subjects.length; index += 1) {
      const subject = subjects[index];
      const { contributions, departmentId } = subject;
      const entry =
        subject instanceof CountedSubject
          ? subject.prepared()
          : contributions === null
            ? null
            : prepare(contributions, false);
      if (entry !== null) ready(entry, bits.competency !== 0, bits.period !== 0);
      lists.push(entry);
      if (departmentMask >= 0) {
        personKeys[index] =
          subject instanceof CountedSubject
            ? subject.department()
            : departments.id(departmentId ?? NO_DEPARTMENT);
      }
      for (let mask = 0; mask < rowMasks.length; mask += 1) {
        groups[mask].push(
          perItem[mask] && contributions !== null
            ? groupsOf(contributions, entry!, kinds[mask], departmentId)
            : null,
        );
      }
    }
    const tables = rowMasks.map((rowMask, index) => {
      const size = rowMask === 0 ? 1 : kinds[index].names.length;
      return Array.from({ length: PERSON_CLASSES }, (_, personClass) =>
        itemMasks.map((itemMask) => {
          const table = new Int32Array(size);
          this.tables[this.slot(itemMask, personClass, rowMask)] = table;
          return table;
        }),
      );
    });
    // Which item-level masks (by index) a contribution reaches, by the filters it fails.
    const reachOf = new Int32Array(this.itemBits + 1);
    for (let failed = 0; failed <= this.itemBits; failed += 1) {
      itemMasks.forEach((itemMask, index) => {
        if ((itemMask & failed) === 0) reachOf[failed] |= 1 << index;
      });
    }
    const from = filters.period?.from ?? '';
    const to = filters.period?.to ?? '';
    const tally = new Tally(
      perItem,
      tables,
      reachOf,
      bits.competency,
      bits.period,
      filters.competencyId === undefined
        ? -2
        : (competencyKind().lookup(filters.competencyId) ?? -2),
      from,
      to,
      instant(from),
      instant(to),
    );
    for (let index = 0; index < subjects.length; index += 1) {
      const subject = subjects[index];
      const personClass =
        (subject.departmentId === filters.departmentId ? DEPARTMENT_MATCHES : 0) |
        (subject.roleId === filters.roleId ? ROLE_MATCHES : 0);
      tally.person(personClass, personKeys[index], lists[index], groups, index);
    }
  }
}

/** The counting loop, apart so that it is compiled once for every person of a count. */
class Tally {
  private reach = new Int32Array(64);
  private readonly maskCount: number;
  private readonly filtered: boolean;
  /** Whether the period bounds are canonical, so prepared instants compare as numbers. */
  private readonly numeric: boolean;

  constructor(
    private readonly perItem: readonly boolean[],
    /** By row mask, person class and item-level mask. */
    private readonly tables: readonly (readonly (readonly Int32Array[])[])[],
    private readonly reachOf: Int32Array,
    private readonly competencyBit: number,
    private readonly periodBit: number,
    private readonly competency: number,
    private readonly from: string,
    private readonly to: string,
    private readonly fromInstant: number,
    private readonly toInstant: number,
  ) {
    this.maskCount = tables[0][0].length;
    this.filtered = competencyBit !== 0 || periodBit !== 0;
    this.numeric = !Number.isNaN(fromInstant) && !Number.isNaN(toInstant);
  }

  person(
    personClass: number,
    personKey: number,
    list: Prepared | null,
    groups: readonly (readonly (KeyGroups | null)[])[],
    index: number,
  ): void {
    const { maskCount, perItem } = this;
    let anyReach = this.reachOf[0];
    if (list !== null) anyReach = this.filtered ? this.reachAll(list) : list.length > 0 ? 1 : 0;
    if (anyReach === 0) return;
    const reach = this.reach;
    // Row mask 0 (the figure itself) comes first; other person-level masks are by department.
    for (let maskIndex = 0; maskIndex < perItem.length; maskIndex += 1) {
      const tables = this.tables[maskIndex][personClass];
      if (!perItem[maskIndex]) {
        const key = maskIndex === 0 ? 0 : personKey;
        for (let mask = 0; mask < maskCount; mask += 1) {
          if ((anyReach & (1 << mask)) !== 0) tables[mask][key] += 1;
        }
        continue;
      }
      // A person counts once per row key, under every mask one of its contributions reaches.
      const personGroups = groups[maskIndex][index];
      if (personGroups === null) continue;
      const { keys, starts, items } = personGroups;
      for (let group = 0; group < keys.length; group += 1) {
        if (!this.filtered) {
          tables[0][keys[group]] += 1;
          continue;
        }
        let masks = 0;
        for (let position = starts[group]; position < starts[group + 1]; position += 1) {
          masks |= reach[items[position]];
        }
        for (let mask = 0; mask < maskCount; mask += 1) {
          if ((masks & (1 << mask)) !== 0) tables[mask][keys[group]] += 1;
        }
      }
    }
  }

  /** Each contribution's reach into this.reach; returns their union. */
  private reachAll(list: Prepared): number {
    const { length } = list;
    const competencies = list.competencies!;
    const times = list.times!;
    const instants = this.numeric ? list.instants : null;
    if (length > this.reach.length) this.reach = new Int32Array(length * 2);
    const reach = this.reach;
    let any = 0;
    for (let item = 0; item < length; item += 1) {
      let failed = 0;
      if (this.competencyBit !== 0 && competencies[item] !== this.competency) {
        failed |= this.competencyBit;
      }
      if (this.periodBit !== 0) {
        const ms = instants === null ? Number.NaN : instants[item];
        if (!Number.isNaN(ms)) {
          if (ms < this.fromInstant || ms >= this.toInstant) failed |= this.periodBit;
        } else {
          const at = times[item];
          if (at === null || at < this.from || at >= this.to) failed |= this.periodBit;
        }
      }
      reach[item] = this.reachOf[failed];
      any |= reach[item];
    }
    return any;
  }
}

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

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
  // Rows add up to their total: shown rows under a withheld total would give it away.
  if (total.status !== 'shown')
    return result.map((row) =>
      row.figure.status === 'shown' ? { ...row, figure: withheld(TOTAL_WITHHELD_REASON) } : row,
    );
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
      figure: withheld(SECONDARY_REASON(threshold)),
    };
  }
}
