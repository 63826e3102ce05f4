import { assertNever } from '@talentloop/domain-kernel';
import { text, textList, type Text } from '@talentloop/i18n';
import { type FigureScope, Crossings } from './crossing';
import { type Assessed, type Figure, suppressComplements, withheld } from './privacy';
import type { AnalyticsFilters } from './request';
import {
  type RowDimension,
  type RowKey,
  type Subject,
  CountedSubject,
  prepare,
  ready,
  submasks,
} from './subjects';

type FilterName = 'department' | 'role' | 'competency' | 'period';

const filterOrder: readonly FilterName[] = ['department', 'role', 'competency', 'period'];

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

const filterName = (name: FilterName | RowDimension): Text => text(`analytics.filter.${name}`);

const listed = (names: readonly (FilterName | RowDimension)[]): Text =>
  names.length === 1
    ? text('analytics.withheld.oneFilter', { name: filterName(names[0]) })
    : text('analytics.withheld.severalFilters', {
        names: textList(names.slice(0, -1).map(filterName), ', '),
        last: filterName(names[names.length - 1]),
      });

interface Verdict {
  readonly people: number;
  readonly reason: Text | null;
}

/**
 * The population sizes of a figure and of every figure that differs from it by dropping
 * filters (the filter lattice), and of the overlapping figures on other dimensions and periods
 * (ADR 0012), from one count of the people into department × role cells. Dropping a filter
 * only ever widens a population, so |P_S \ G| = |P_S| - |G|.
 */
export class Populations {
  private readonly active: readonly FilterName[];
  private readonly full: number;
  private readonly bits: Readonly<Record<FilterName, number>>;
  private readonly rowMasks: readonly number[];
  private readonly widerCache = new Map<number, readonly { mask: number; sub: number }[]>();
  private readonly breakdownCache = new Map<string, Text | null>();
  private readonly crossings: Crossings;
  /** The row dimensions of each row mask. */
  private readonly dimensionsOf: readonly (readonly RowDimension[])[];
  private readonly departmentRowBit: number;

  constructor(
    subjects: readonly Subject[],
    private readonly filters: AnalyticsFilters,
    readonly threshold: number,
    private readonly dimensions: readonly RowDimension[] = [],
    breakdowns: readonly (readonly RowDimension[])[] = [],
    /** The rows of every figure the report shows ([] for its total), for the crossing check. */
    figures: readonly (readonly RowDimension[])[] = [[]],
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
    this.dimensionsOf = Array.from({ length: 1 << dimensions.length }, (_, rowMask) =>
      dimensions.filter((_, bit) => (rowMask & (1 << bit)) !== 0),
    );
    const departmentIndex = dimensions.indexOf('department');
    this.departmentRowBit = departmentIndex < 0 ? 0 : 1 << departmentIndex;
    const needed = new Set<number>([0]);
    for (const breakdown of breakdowns) {
      for (const sub of submasks(this.rowMask(breakdown))) needed.add(sub);
    }
    this.rowMasks = [...needed];
    const lists = subjects.map((subject) => {
      // A counted subject's own contributions are not read: it may make them again each time.
      const entry =
        subject instanceof CountedSubject
          ? subject.prepared()
          : subject.contributions === null
            ? null
            : prepare(subject.contributions, false);
      if (entry !== null) ready(entry, this.bits.competency !== 0, this.bits.period !== 0);
      return entry;
    });
    this.crossings = new Crossings(
      subjects,
      lists,
      filters,
      threshold,
      dimensions.filter((dimension) => dimension !== 'department'),
      breakdowns,
      figures,
    );
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
    const figure = this.scope(full, rowMask, row);
    const people = this.crossings.size(figure);
    if (people < this.threshold) {
      return {
        people,
        reason: text('analytics.withheld.fewerThan', { threshold: this.threshold }),
      };
    }
    for (const { mask, sub } of this.wider(full, rowMask)) {
      const difference = this.crossings.size(this.scope(mask, sub, row)) - people;
      if (difference > 0 && difference < this.threshold) {
        const dropped = [
          ...this.active.filter((_, bit) => (full & ~mask & (1 << bit)) !== 0),
          ...this.dimensions.filter((_, bit) => (rowMask & ~sub & (1 << bit)) !== 0),
        ];
        return {
          people,
          reason: text('analytics.withheld.bySubtraction', {
            threshold: this.threshold,
            filters: listed(dropped),
          }),
        };
      }
    }
    return { people, reason: this.crossings.reason(figure) };
  }

  /** The figure for `row` under the filters of `mask` and the row dimensions of `rowMask`. */
  private scope(mask: number, rowMask: number, row: RowKey): FigureScope {
    const { bits, filters } = this;
    // This runs for every figure and every wider figure it is checked against: it names the
    // row's dimensions it keeps rather than copying the row.
    const rowDimensions = this.dimensionsOf[rowMask];
    const byFilter = (mask & bits.department) !== 0 ? filters.departmentId : undefined;
    const byRow = (rowMask & this.departmentRowBit) !== 0 ? (row.department ?? null) : undefined;
    return {
      departmentId: byRow === undefined ? byFilter : byRow,
      // A row of another department than the filter's has nobody in it.
      disjoint: byRow !== undefined && byFilter !== undefined && byRow !== byFilter,
      roleId: (mask & bits.role) !== 0 ? filters.roleId : undefined,
      competency: (mask & bits.competency) !== 0,
      period: (mask & bits.period) !== 0,
      row,
      rowDimensions,
    };
  }

  /**
   * A figure filtered on a department is withheld whenever that department's row is withheld
   * (primarily or secondarily) in the department breakdown without the filter: otherwise the
   * filtered query would publish what secondary suppression hid there.
   */
  private withheldInBreakdown(row: RowKey): Text | null {
    const departmentBit = this.bits.department;
    const dimension = this.dimensions.indexOf('department');
    if (departmentBit === 0 || dimension < 0) return null;
    const byDepartment = 1 << dimension;
    let outer: RowKey = {};
    for (const name of Object.keys(row) as RowDimension[]) {
      if (name !== 'department') outer = { ...outer, [name]: row[name] };
    }
    const outerMask = this.rowMask(Object.keys(outer) as RowDimension[]);
    // Figures without a department breakdown of their own answer to that of the total.
    if (!this.rowMasks.includes(outerMask | byDepartment)) outer = {};
    const cacheKey = JSON.stringify(outer);
    const cached = this.breakdownCache.get(cacheKey);
    if (cached !== undefined) return cached;
    const full = this.full & ~departmentBit;
    const parent = this.verdict(full, outer);
    const rows: { departmentId: string; people: number; figure: Figure<null> }[] = [];
    for (const departmentId of this.crossings.departmentIds()) {
      const departmentRow = { ...outer, department: departmentId };
      const rowMask = this.rowMask(Object.keys(departmentRow) as RowDimension[]);
      if (this.crossings.size(this.scope(full, rowMask, departmentRow)) === 0) continue;
      const { people, reason } = this.verdict(full, departmentRow);
      rows.push({
        departmentId: departmentId ?? '',
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
}

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
