import { groupedBy } from './columns';
import { type CountTable, countTable } from './count-table';
import { type Period, enclosingPeriods, instant, within } from './period';
import type { AnalyticsFilters } from './request';
import {
  type KeyGroups,
  type KeyKind,
  type Prepared,
  type RowDimension,
  type RowKey,
  type Subject,
  CountedSubject,
  NO_DEPARTMENT,
  SEPARATOR,
  competencyKind,
  groupCount,
  groupItem,
  groupKey,
  groupStart,
  groupsOf,
  kindOf,
  submasks,
  timeText,
} from './subjects';

/** A row dimension read from a contribution rather than from the person. */
export type ItemDimension = Exclude<RowDimension, 'department'>;

/** A person filter: a department, a role, both (one cell) or neither; -1 for "any". */
export interface People {
  readonly department: number;
  readonly role: number;
  /** The cell when both are set and anyone is in it, else -1. */
  readonly cell: number;
}

/** Where a figure's people are counted: item row mask (index), state and row key. */
export interface Slot {
  readonly mask: number;
  readonly state: number;
  readonly key: number;
}

/** People without a role form cells, but no one can ask for them by role. */
const NO_ROLE = '\u0000none';
const NEVER = 0x7f;

/**
 * Where each person of a population is counted: departments and roles numbered in the order
 * people come, and department × role cells. It depends on the people alone, not on the
 * filters, so a population counted again for another competency or period reuses it (see
 * layoutOf), with each person's key groups per kind of row. Never changed once made, but for
 * the groups of a kind of row first asked for.
 */
class Layout {
  readonly departments = new Map<string, number>();
  readonly roles = new Map<string, number>();
  readonly queryableRole: boolean[] = [];
  readonly cells = new Map<number, number>();
  readonly cellDepartment: number[] = [];
  readonly cellRole: number[] = [];
  readonly cellsOfDepartment: number[][] = [];
  readonly cellsOfRole: number[][] = [];
  /** Each person's cell. */
  readonly cellOf: readonly number[];
  /** Each person's key groups by KeyKind index (null: no contributions), made on first use. */
  private readonly groupsByKind = new Map<number, readonly (KeyGroups | null)[]>();

  constructor(
    private readonly subjects: readonly Subject[],
    private readonly lists: readonly (Prepared | null)[],
  ) {
    const pairs = subjects.map((subject) => this.pairOf(subject));
    // Cells once every role is known, so that department × roles numbers a cell.
    this.cellOf = pairs.map((pair) => {
      const department = Math.floor(pair / 65_536);
      const role = pair % 65_536;
      const key = department * this.roles.size + role;
      let cell = this.cells.get(key);
      if (cell === undefined) {
        cell = this.cellDepartment.length;
        this.cells.set(key, cell);
        this.cellDepartment.push(department);
        this.cellRole.push(role);
        this.cellsOfDepartment[department].push(cell);
        this.cellsOfRole[role].push(cell);
      }
      return cell;
    });
  }

  /** Whether it is the layout of these very subjects. */
  isOf(subjects: readonly Subject[]): boolean {
    return sameSubjects(this.subjects, subjects);
  }

  /** Each person's key groups of one kind of row (null for a person without contributions). */
  groups(kind: KeyKind): readonly (KeyGroups | null)[] {
    let groups = this.groupsByKind.get(kind.index);
    if (groups === undefined) {
      groups = this.subjects.map((subject, person) => {
        const list = this.lists[person];
        return list === null ? null : groupsOf(list, kind, subject.departmentId);
      });
      this.groupsByKind.set(kind.index, groups);
    }
    return groups;
  }

  private pairOf(subject: Subject): number {
    const department = this.localId(
      this.departments,
      subject.departmentId ?? NO_DEPARTMENT,
      this.cellsOfDepartment,
    );
    const role = this.localId(this.roles, subject.roleId ?? NO_ROLE, this.cellsOfRole);
    this.queryableRole[role] = subject.roleId !== null;
    return department * 65_536 + role;
  }

  private localId(ids: Map<string, number>, name: string, cellsOf: number[][]): number {
    let id = ids.get(name);
    if (id === undefined) {
      id = ids.size;
      ids.set(name, id);
      cellsOf.push([]);
    }
    return id;
  }
}

/**
 * The people in scope, counted once per request into department × role cells for every
 * widening of the request's conditions on contributions: the competency filter kept or
 * dropped (competency state), the period, its quarter, its year or none (level), and the row
 * dimensions kept or dropped (mask). A state is [competency state][level]. Figures on
 * everyone, a department or a role read the sums kept alongside the cells.
 */
export class CellCounts {
  readonly levels: number;
  readonly competencyStates: number;
  readonly masks: readonly number[];
  private readonly kinds: readonly KeyKind[];
  /**
   * Keys per mask index as counted: the interners are process-wide and grow with later
   * requests, so sizes read from them afterwards would misplace this count's slots.
   */
  private readonly keyCounts: readonly number[];
  readonly departments: ReadonlyMap<string, number>;
  readonly roles: ReadonlyMap<string, number>;
  readonly queryableRole: readonly boolean[];
  readonly cells: ReadonlyMap<number, number>;
  readonly cellDepartment: readonly number[];
  readonly cellRole: readonly number[];
  readonly cellsOfDepartment: readonly (readonly number[])[];
  readonly cellsOfRole: readonly (readonly number[])[];
  /** By mask index. */
  private counts: readonly Counts[] = [];

  constructor(
    layout: Layout,
    lists: readonly (Prepared | null)[],
    filters: AnalyticsFilters,
    private readonly dimensions: readonly ItemDimension[],
    breakdowns: readonly (readonly RowDimension[])[],
  ) {
    this.departments = layout.departments;
    this.roles = layout.roles;
    this.queryableRole = layout.queryableRole;
    this.cells = layout.cells;
    this.cellDepartment = layout.cellDepartment;
    this.cellRole = layout.cellRole;
    this.cellsOfDepartment = layout.cellsOfDepartment;
    this.cellsOfRole = layout.cellsOfRole;
    const chain =
      filters.period === undefined ? [] : [filters.period, ...enclosingPeriods(filters.period)];
    this.levels = chain.length + 1;
    this.competencyStates = filters.competencyId === undefined ? 1 : 2;
    const needed = new Set<number>([0]);
    for (const breakdown of breakdowns)
      for (const sub of submasks(this.maskOf(breakdown))) needed.add(sub);
    this.masks = [...needed];
    this.kinds = this.masks.map((mask) =>
      kindOf(dimensions.filter((_, bit) => (mask & (1 << bit)) !== 0)),
    );
    const groups = this.masks.map((_, index) =>
      index === 0 ? [] : layout.groups(this.kinds[index]),
    );
    this.keyCounts = this.masks.map((mask, index) =>
      mask === 0 ? 1 : this.kinds[index].names.length,
    );
    this.count(layout.cellOf, lists, groups, chain, filters.competencyId);
  }

  /** The bytes its tables take (what keeping it costs). */
  get bytes(): number {
    let bytes = 0;
    for (const each of this.counts) bytes += each.bytes;
    return bytes;
  }

  /** Whether anyone of the cell is counted at the slot. */
  has(slot: Slot, cell: number): boolean {
    return (
      this.counts[slot.mask].byCell.get(this.base(slot) * this.cellDepartment.length + cell) > 0
    );
  }

  /** The cells with anyone counted at the slot, in no particular order. */
  cellsAt(slot: Slot): Int32Array {
    return this.counts[slot.mask].cellsAt(this.base(slot));
  }

  sizeAt(slot: Slot, people: People): number {
    const index = this.base(slot);
    const counts = this.counts[slot.mask];
    const { department, role } = people;
    if (department < 0 && role < 0) return counts.total.get(index);
    if (role < 0) return counts.byDepartment.get(index * this.departments.size + department);
    if (department < 0) return counts.byRole.get(index * this.roles.size + role);
    const cell =
      people.cell >= 0 ? people.cell : this.cells.get(department * this.roles.size + role);
    return cell === undefined ? 0 : counts.byCell.get(index * this.cellDepartment.length + cell);
  }

  /** Keys counted at a mask index: one (the figure itself) without rows. */
  private keyCount(index: number): number {
    return this.keyCounts[index];
  }

  /** [state][key] as one index. */
  base(slot: Slot): number {
    return slot.state * this.keyCount(slot.mask) + slot.key;
  }

  slotOf(mask: number, row: RowKey, competencyState: number, level: number): Slot | null {
    const index = this.masks.indexOf(mask);
    if (index < 0) throw new Error(`rows by ${mask} were not counted`);
    // The row's values of the mask's dimensions, joined (asked for every figure checked).
    let text: string | undefined;
    for (let bit = 0; bit < this.dimensions.length; bit += 1) {
      if ((mask & (1 << bit)) === 0) continue;
      const part = row[this.dimensions[bit]] ?? '';
      text = text === undefined ? part : text + SEPARATOR + part;
    }
    const key = text === undefined ? 0 : this.kinds[index].lookup(text);
    // A key first seen after this count: no one counted here has it.
    if (key === undefined || key >= this.keyCount(index)) return null;
    return { mask: index, state: competencyState * this.levels + level, key };
  }

  maskOf(dimensions: readonly RowDimension[]): number {
    let mask = 0;
    for (const dimension of dimensions) {
      const bit = this.dimensions.indexOf(dimension as ItemDimension);
      if (bit >= 0) mask |= 1 << bit;
    }
    return mask;
  }

  private count(
    cellOf: readonly number[],
    lists: readonly (Prepared | null)[],
    groups: readonly (readonly (KeyGroups | null)[])[],
    chain: readonly Period[],
    competencyId: string | undefined,
  ): void {
    const states = this.competencyStates * this.levels;
    const counts = this.kinds.map(
      (_, index) =>
        new Counts(
          states * this.keyCount(index),
          this.cellDepartment,
          this.cellRole,
          this.departments.size,
          this.roles.size,
        ),
    );
    const competency =
      competencyId === undefined ? -1 : (competencyKind().lookup(competencyId) ?? -2);
    const scratch = new Scratch(chain, competency);
    // A person counts at the narrowest level one of their contributions reaches; the sums over
    // levels (widen) then count them at every wider level too.
    const add = (index: number, key: number, cell: number, all: number, matching: number) => {
      const keys = this.keyCount(index);
      if (this.competencyStates === 1) {
        counts[index].add(all * keys + key, cell);
        return;
      }
      if (matching !== NEVER) counts[index].add(matching * keys + key, cell);
      counts[index].add((this.levels + all) * keys + key, cell);
    };
    lists.forEach((list, person) => {
      const cell = cellOf[person];
      if (list === null) {
        add(0, 0, cell, 0, 0);
        return;
      }
      if (list.length === 0) return;
      scratch.read(list);
      scratch.narrowest(null);
      add(0, 0, cell, scratch.all, scratch.matchingOnly);
      for (let index = 1; index < this.kinds.length; index += 1) {
        const personGroups = groups[index][person];
        if (personGroups === null) continue;
        for (let group = 0; group < groupCount(personGroups); group += 1) {
          scratch.narrowest(personGroups, group);
          add(index, groupKey(personGroups, group), cell, scratch.all, scratch.matchingOnly);
        }
      }
    });
    counts.forEach((each, index) => each.finish(this.levels, this.keyCount(index)));
    this.counts = counts;
  }
}

/** Populations at least this large keep their counts for the next request (smaller recount fast). */
export const KEPT_POPULATION = 256;
/**
 * How many counts are kept, the most recently used first out last. Far more than one
 * dashboard asks for at once: six reports count seven populations, each per competency and
 * period filter, so a few dozen keys come round in turn, and keeping fewer than come round
 * drops every count just before it is asked for again. Memory is bounded by the bytes below.
 */
export const KEPT_COUNTS = 256;
/**
 * And how many bytes they may take together: a count's tables (their size grows with the row
 * keys, a manager dimension has one per decider, times the department × role cells) and the
 * list of subjects it is kept for.
 */
export const KEPT_COUNTS_BYTES = 32 * 1024 * 1024;

/** What keeping a count costs: its tables and the list of its subjects (a reference each). */
const keptBytes = (subjects: readonly Subject[], counts: { readonly bytes: number }): number =>
  counts.bytes + subjects.length * 8;

/**
 * Counts kept by key, the most recently used last: at most `entries` of them and `bytes`
 * together (keptBytes; the oldest go first; a count larger than `bytes` alone is not kept). A
 * count is found again only for the very same subjects.
 */
export class KeptCounts<Counted extends { readonly bytes: number } = CellCounts> {
  private readonly kept = new Map<
    string,
    { readonly subjects: readonly Subject[]; readonly counts: Counted; readonly bytes: number }
  >();
  private total = 0;

  constructor(
    readonly entries: number,
    readonly bytes: number,
  ) {}

  get(key: string, subjects: readonly Subject[]): Counted | undefined {
    const found = this.kept.get(key);
    if (found === undefined || !sameSubjects(found.subjects, subjects)) return undefined;
    // Used again: the most recent now.
    this.kept.delete(key);
    this.kept.set(key, found);
    return found.counts;
  }

  put(key: string, subjects: readonly Subject[], counts: Counted): void {
    this.forget(key);
    const bytes = keptBytes(subjects, counts);
    if (bytes > this.bytes) return;
    this.kept.set(key, { subjects, counts, bytes });
    this.total += bytes;
    while (this.kept.size > this.entries || this.total > this.bytes)
      this.forget(this.kept.keys().next().value!);
  }

  /** What is kept now. */
  get size(): { readonly entries: number; readonly bytes: number } {
    return { entries: this.kept.size, bytes: this.total };
  }

  private forget(key: string): void {
    const found = this.kept.get(key);
    if (found === undefined) return;
    this.kept.delete(key);
    this.total -= found.bytes;
  }
}

const kept = new KeptCounts(KEPT_COUNTS, KEPT_COUNTS_BYTES);
/** Numbers the first subject of kept populations, so that two reports' populations keep apart. */
const firstIds = new WeakMap<Subject, number>();
let nextFirstId = 0;

const sameSubjects = (a: readonly Subject[], b: readonly Subject[]): boolean => {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
};

/**
 * `new CellCounts(...)`, kept across requests while the subjects stay the same objects: the
 * reports keep one subject per employee and version of their facts, so until the facts change
 * a request with the same competency and period (whatever its department and role filters,
 * which the counts do not depend on) reads the counts made before instead of recounting every
 * person. Counts are never changed after they are made.
 */
export const cellCountsOf = (
  subjects: readonly Subject[],
  lists: readonly (Prepared | null)[],
  filters: AnalyticsFilters,
  dimensions: readonly ItemDimension[],
  breakdowns: readonly (readonly RowDimension[])[],
): CellCounts => {
  const population = keptPopulationKey(subjects);
  const make = () =>
    new CellCounts(layoutOf(subjects, lists, population), lists, filters, dimensions, breakdowns);
  if (population === undefined) return make();
  const key = [
    population,
    filters.competencyId ?? '',
    filters.period === undefined ? '' : `${filters.period.from}/${filters.period.to}`,
    dimensions.join(),
    breakdowns.map((breakdown) => breakdown.join()).join(';'),
  ].join('|');
  const found = kept.get(key, subjects);
  if (found !== undefined) return found;
  const counts = make();
  kept.put(key, subjects, counts);
  return counts;
};

/**
 * What names a population whose counts and layout may be kept (its first subject's number and
 * its size; the subjects themselves are compared on use), or undefined: only subjects kept per
 * version of an employee's facts can be the same objects next time.
 */
const keptPopulationKey = (subjects: readonly Subject[]): string | undefined => {
  if (
    subjects.length < KEPT_POPULATION ||
    !subjects.every((subject) => subject instanceof CountedSubject)
  )
    return undefined;
  const first = subjects[0];
  let firstId = firstIds.get(first);
  if (firstId === undefined) {
    firstId = nextFirstId++;
    firstIds.set(first, firstId);
  }
  return `${firstId}|${subjects.length}`;
};

/** How many layouts are kept, the most recently used last out first (a few numbers per person). */
export const KEPT_LAYOUTS = 16;
const layouts = new Map<string, Layout>();

/**
 * The population's layout: kept by `population` (see keptPopulationKey), so that counting the
 * same people for another competency or period numbers no cell and groups no one again.
 */
const layoutOf = (
  subjects: readonly Subject[],
  lists: readonly (Prepared | null)[],
  population: string | undefined,
): Layout => {
  if (population === undefined) return new Layout(subjects, lists);
  let layout = layouts.get(population);
  if (layout === undefined || !layout.isOf(subjects)) layout = new Layout(subjects, lists);
  // The most recently used last.
  layouts.delete(population);
  layouts.set(population, layout);
  if (layouts.size > KEPT_LAYOUTS) layouts.delete(layouts.keys().next().value!);
  return layout;
};

/**
 * People by slot ([state][key]) and cell, with their sums by department, by role and in all;
 * each table dense or sparse by its size (countTable). Counting fills the cells alone; the
 * sums are made from them once, when the count is done (`finish`), rather than on every
 * person counted.
 */
class Counts {
  readonly byCell: CountTable;
  readonly byDepartment: CountTable;
  readonly byRole: CountTable;
  readonly total: CountTable;
  /**
   * The cells with anyone in them, slot by slot: slot s's are listedCells[cellStarts[s] ..
   * cellStarts[s + 1]) (made by `finish`).
   */
  private cellStarts = new Int32Array(1);
  private listedCells = new Int32Array(0);

  constructor(
    private readonly slots: number,
    private readonly cellDepartment: readonly number[],
    private readonly cellRole: readonly number[],
    private readonly departments: number,
    private readonly roles: number,
  ) {
    this.byCell = countTable(slots * cellDepartment.length);
    this.byDepartment = countTable(slots * departments);
    this.byRole = countTable(slots * roles);
    this.total = countTable(slots);
  }

  get bytes(): number {
    return (
      this.byCell.bytes +
      this.byDepartment.bytes +
      this.byRole.bytes +
      this.total.bytes +
      this.cellStarts.byteLength +
      this.listedCells.byteLength
    );
  }

  cellsAt(slot: number): Int32Array {
    return this.listedCells.subarray(this.cellStarts[slot], this.cellStarts[slot + 1]);
  }

  add(slot: number, cell: number): void {
    this.byCell.increment(slot * this.cellDepartment.length + cell);
  }

  /**
   * Adds every period level into the next wider one (states are [competency][level]), then
   * sums the cells by department, by role and in all: a sum of widened cells is the widened
   * sum, so the sums need no widening of their own.
   */
  finish(levels: number, keys: number): void {
    const cells = this.cellDepartment.length;
    // A state is a block of keys × cells entries; each level's block adds the narrower one's.
    if (levels > 1) this.byCell.widen(keys * cells, levels);
    const { cellDepartment, cellRole, departments, roles } = this;
    const entries: number[] = [];
    this.byCell.forEach((index, count) => {
      const slot = Math.floor(index / cells);
      const cell = index - slot * cells;
      this.byDepartment.add(slot * departments + cellDepartment[cell], count);
      this.byRole.add(slot * roles + cellRole[cell], count);
      this.total.add(slot, count);
      entries.push(index);
    });
    // A row (a manager's, say) often has its people in a few of many cells: listed by slot,
    // a figure on everyone finds the figures it overlaps without testing every cell.
    const slotOf = new Int32Array(entries.length);
    for (let entry = 0; entry < entries.length; entry += 1)
      slotOf[entry] = Math.floor(entries[entry] / cells);
    const { starts, order } = groupedBy(slotOf, this.slots);
    const listed = new Int32Array(entries.length);
    for (let position = 0; position < entries.length; position += 1)
      listed[position] = entries[order[position]] % cells;
    this.cellStarts = starts;
    this.listedCells = listed;
  }
}

/** One person's contributions as levels (0: in the period, ... last: outside every bucket). */
class Scratch {
  private levels = new Uint8Array(64);
  private matching = new Uint8Array(64);
  private length = 0;
  private readonly from: Float64Array;
  private readonly to: Float64Array;

  constructor(
    private readonly chain: readonly Period[],
    private readonly competency: number,
  ) {
    this.from = Float64Array.from(chain, (period) => instant(period.from));
    this.to = Float64Array.from(chain, (period) => instant(period.to));
  }

  read(list: Prepared): void {
    if (list.length > this.levels.length) {
      this.levels = new Uint8Array(list.length * 2);
      this.matching = new Uint8Array(list.length * 2);
    }
    this.length = list.length;
    const { chain, from, to } = this;
    for (let item = 0; item < list.length; item += 1) {
      this.matching[item] =
        this.competency === -1 || list.competencies![item] === this.competency ? 1 : 0;
      let level = 0;
      if (chain.length > 0) {
        const ms = list.instants === null ? Number.NaN : list.instants[item];
        while (
          level < chain.length &&
          !(Number.isNaN(ms) || Number.isNaN(from[level])
            ? within(chain[level], timeText(list, item))
            : ms >= from[level] && ms < to[level])
        ) {
          level += 1;
        }
      }
      this.levels[item] = level;
    }
  }

  /** Set by `narrowest`: the narrowest level of the contributions, or NEVER. */
  all = NEVER;
  /** Set by `narrowest`: the same of those matching the competency filter. */
  matchingOnly = NEVER;

  /** The narrowest levels of the person's contributions (of one row key's group), in one pass. */
  narrowest(groups: KeyGroups | null, group = 0): void {
    let all = NEVER;
    let matchingOnly = NEVER;
    const { levels, matching } = this;
    const first = groups === null ? 0 : groupStart(groups, group);
    const end = groups === null ? this.length : groupStart(groups, group + 1);
    for (let position = first; position < end; position += 1) {
      const item = groups === null ? position : groupItem(groups, position);
      const level = levels[item];
      if (level < all) all = level;
      if (level < matchingOnly && matching[item] !== 0) matchingOnly = level;
    }
    this.all = all;
    this.matchingOnly = matchingOnly;
  }
}

/** What the reports keep of their counts now (entries and bytes), for /metrics. */
export const keptCountsSize = (): { readonly entries: number; readonly bytes: number } => kept.size;
