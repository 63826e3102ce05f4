import { text, type Text } from '@talentloop/i18n';
import {
  type ItemDimension,
  type People,
  type Slot,
  type CellCounts,
  cellCountsOf,
} from './cell-counts';
import type { AnalyticsFilters } from './request';
import {
  type Prepared,
  type RowDimension,
  type RowKey,
  type Subject,
  NO_DEPARTMENT,
  submasks,
} from './subjects';

/** A figure as the crossing check sees it: whom it keeps, and what their contributions must pass. */
export interface FigureScope {
  /** Undefined: every department; null: the people without one. */
  readonly departmentId: string | null | undefined;
  /** Undefined: every role. */
  readonly roleId: string | undefined;
  /** Whether the request's competency filter applies to the figure, and its period filter. */
  readonly competency: boolean;
  readonly period: boolean;
  /** The figure's row: its values of `rowDimensions`; a department is `departmentId` here. */
  readonly row: RowKey;
  /** The row dimensions the figure keeps (the row may name more). */
  readonly rowDimensions: readonly RowDimension[];
  /** A department row under a filter on another department: nobody. */
  readonly disjoint?: boolean;
}

export const crossingReason = (threshold: number): Text =>
  text('analytics.withheld.crossing', { threshold });

const EVERYONE: People = { department: -1, role: -1, cell: -1 };

/**
 * Which is asked more narrowly, for figures on the same contributions: a cell yields to its
 * department and role, a role to a department, and everything to the whole scope.
 */
const rank = (people: People): number =>
  people.role < 0 ? (people.department < 0 ? 0 : 1) : people.department < 0 ? 2 : 3;

const meet = (a: number, b: number): number | null => (a < 0 ? b : b < 0 || a === b ? a : null);

/**
 * Differencing across dimensions and periods (ADR 0012). Every population a caller can ask for
 * is people (everyone, a department, a role, or both) whose contributions pass conditions
 * (competency, a calendar bucket, a row's manager or indicator). Two figures whose conditions
 * are nested count the same contributions, so subtracting one from the other describes the
 * people in one and not in the other. A figure is withheld when such a figure of at least the
 * threshold, which is not withheld on its own account, would leave 1 to threshold − 1 people
 * on either side: every figure whose conditions are wider (each person filter), and, on the
 * same conditions, every broader person filter (a role yields to a department).
 *
 * People are counted once per request into department × role cells for every widening of the
 * request's conditions (competency filter kept or dropped; the period, its quarter, its year
 * or none; row dimensions kept or dropped), so a figure is decided by the cells it overlaps.
 */
export class Crossings {
  private readonly counted: CellCounts;
  private readonly figureMasks: ReadonlySet<number>;
  /** Marks of the departments and roles listed by the latest `overlapping` call. */
  private readonly departmentSeen: Int32Array;
  private readonly roleSeen: Int32Array;
  private stamp = 0;
  /** The figure located last (figures are never changed), and where. */
  private lastFigure: FigureScope | undefined;
  private lastLocated: { slot: Slot; mine: People } | null = null;
  /**
   * withheldOnItsOwn's answers: the wider figures a request's rows are checked against are
   * mostly the same few (a department of the whole scope, say, against every manager's row).
   */
  private readonly ownVerdicts = new Map<string, boolean>();

  constructor(
    subjects: readonly Subject[],
    lists: readonly (Prepared | null)[],
    filters: AnalyticsFilters,
    private readonly threshold: number,
    dimensions: readonly ItemDimension[],
    breakdowns: readonly (readonly RowDimension[])[],
    figures: readonly (readonly RowDimension[])[],
  ) {
    this.counted = cellCountsOf(subjects, lists, filters, dimensions, breakdowns);
    this.figureMasks = new Set(figures.map((figure) => this.counted.maskOf(figure)));
    this.departmentSeen = new Int32Array(this.counted.departments.size);
    this.roleSeen = new Int32Array(this.counted.roles.size);
  }

  /** How many people the figure describes. */
  size(figure: FigureScope): number {
    const located = this.locate(figure);
    return located === null ? 0 : this.counted.sizeAt(located.slot, located.mine);
  }

  /** The departments of the people counted; null for people without one. */
  departmentIds(): (string | null)[] {
    return [...this.counted.departments.keys()].map((name) =>
      name === NO_DEPARTMENT ? null : name,
    );
  }

  /** Why the figure must be withheld against an overlapping one, or null. */
  reason(figure: FigureScope): Text | null {
    const located = this.locate(figure);
    if (located === null) return null;
    const { slot, mine } = located;
    const people = this.counted.sizeAt(slot, mine);
    if (people < this.threshold) return null;
    const mask = this.counted.masks[slot.mask];
    const competencyState = Math.floor(slot.state / this.counted.levels);
    const widerStates =
      competencyState === 0 && this.counted.competencyStates === 2 ? [0, 1] : [competencyState];
    const others = this.overlapping(slot, mine);
    const shared = others.map((other) => this.shared(slot, mine, other));
    const subs = submasks(mask);
    for (const widerState of widerStates) {
      for (let level = slot.state % this.counted.levels; level < this.counted.levels; level += 1) {
        for (const sub of subs) {
          const state = widerState * this.counted.levels + level;
          const same = state === slot.state && sub === mask;
          if (!same && !this.figureMasks.has(sub)) continue;
          const wider = same ? slot : this.counted.slotOf(sub, figure.row, widerState, level);
          if (wider === null) continue;
          // Indexed, not entries(): a figure meets every overlapping filter at every level.
          for (let index = 0; index < others.length; index += 1) {
            const other = others[index];
            if (same && rank(other) >= rank(mine)) continue;
            if (this.conflicts(people, shared[index], wider, other)) {
              return crossingReason(this.threshold);
            }
          }
        }
      }
    }
    return null;
  }

  /** Whether `other` (at `wider`) and the figure leave 1 to threshold − 1 people on either side. */
  private conflicts(people: number, shared: number, wider: Slot, other: People): boolean {
    const theirs = this.counted.sizeAt(wider, other);
    if (theirs < this.threshold) return false;
    if (!this.small(people - shared) && !this.small(theirs - shared)) return false;
    return !this.withheldOnItsOwn(wider, other, theirs);
  }

  /** How many people of the figure `mine` (at its slot) `other` keeps too. */
  private shared(slot: Slot, mine: People, other: People): number {
    const department = meet(mine.department, other.department);
    const role = meet(mine.role, other.role);
    if (department === null || role === null) return 0;
    const cell = mine.cell >= 0 ? mine.cell : other.cell >= 0 ? other.cell : -1;
    return this.counted.sizeAt(slot, { department, role, cell });
  }

  /**
   * Whether a figure is withheld whatever else is asked: too small, or in conflict with a
   * broader person filter on the same contributions that is not withheld itself. Such a
   * figure is never shown, so nothing need yield to it. Recurses at most three times (cell,
   * role, department, everyone).
   */
  private withheldOnItsOwn(slot: Slot, mine: People, people: number): boolean {
    if (people < this.threshold) return true;
    const key = `${slot.mask}|${slot.state}|${slot.key}|${mine.department}|${mine.role}|${mine.cell}`;
    let withheld = this.ownVerdicts.get(key);
    if (withheld === undefined) {
      withheld = false;
      for (const other of this.overlapping(slot, mine)) {
        if (rank(other) >= rank(mine)) continue;
        if (this.conflicts(people, this.shared(slot, mine, other), slot, other)) {
          withheld = true;
          break;
        }
      }
      this.ownVerdicts.set(key, withheld);
    }
    return withheld;
  }

  private small(difference: number): boolean {
    return difference > 0 && difference < this.threshold;
  }

  /** The person filters that share people with `mine` at the slot (the others are disjoint). */
  private overlapping(slot: Slot, mine: People): People[] {
    const result: People[] = [EVERYONE];
    this.stamp += 1;
    const visit = (cell: number): void => {
      if (cell < 0 || !this.counted.has(slot, cell)) return;
      const department = this.counted.cellDepartment[cell];
      const role = this.counted.cellRole[cell];
      if (this.departmentSeen[department] !== this.stamp) {
        this.departmentSeen[department] = this.stamp;
        result.push({ department, role: -1, cell: -1 });
      }
      if (!this.counted.queryableRole[role]) return;
      if (this.roleSeen[role] !== this.stamp) {
        this.roleSeen[role] = this.stamp;
        result.push({ department: -1, role, cell: -1 });
      }
      result.push({ department, role, cell });
    };
    if (mine.cell >= 0) visit(mine.cell);
    else if (mine.department >= 0 && mine.role >= 0) return result;
    else if (mine.department >= 0) this.counted.cellsOfDepartment[mine.department].forEach(visit);
    else if (mine.role >= 0) this.counted.cellsOfRole[mine.role].forEach(visit);
    // Everyone: the cells with anyone at the slot (a row's people are often in a few of many).
    else this.counted.cellsAt(slot).forEach(visit);
    return result;
  }

  /** Where the figure's people are counted; null when nobody is. */
  private locate(figure: FigureScope): { slot: Slot; mine: People } | null {
    // A figure is asked its size, then often why it is withheld: located once for both.
    if (figure !== this.lastFigure) {
      this.lastFigure = figure;
      this.lastLocated = this.locateAnew(figure);
    }
    return this.lastLocated;
  }

  private locateAnew(figure: FigureScope): { slot: Slot; mine: People } | null {
    if (figure.disjoint === true) return null;
    const slot = this.counted.slotOf(
      this.counted.maskOf(figure.rowDimensions),
      figure.row,
      figure.competency ? 0 : this.counted.competencyStates - 1,
      figure.period ? 0 : this.counted.levels - 1,
    );
    const department =
      figure.departmentId === undefined
        ? -1
        : this.counted.departments.get(figure.departmentId ?? NO_DEPARTMENT);
    const role = figure.roleId === undefined ? -1 : this.counted.roles.get(figure.roleId);
    if (slot === null || department === undefined || role === undefined) return null;
    const cell =
      department >= 0 && role >= 0
        ? (this.counted.cells.get(department * this.counted.roles.size + role) ?? -1)
        : -1;
    return { slot, mine: { department, role, cell } };
  }
}
