import fc from 'fast-check';
import type { EmployeeFacts, GoalFact, GoalStatus } from '../employee-facts';
import { activePlansReport } from './active-plans.query';
import { approvalFlowReport } from './approval-flow.query';
import { checkInAdherenceReport } from './check-in-adherence.query';
import { developmentFocusReport } from './development-focus.query';
import { decision, employee, goal, measurement, remeasurement } from './employee-facts.fixtures';
import { gapMapReport } from './gap-map.query';
import { growthReport } from './growth.query';
import { type Period, parsePeriod } from './period';
import type { Figure } from './privacy';
import {
  type AnalyticsFilters,
  type AnalyticsRequest,
  type AnalyticsScope,
  inScope,
} from './request';

/**
 * Small random organisations, every figure every report shows for every filter a caller can
 * send, and the people each figure describes, worked out here from the facts (independently
 * of the reports' own counting, which the tests compare it with).
 */

const DEPARTMENTS = ['d1', 'd2', 'd3'] as const;
const ROLES = ['r1', 'r2', 'r3'] as const;
const COMPETENCIES = ['c1', 'c2'] as const;
const INDICATORS = ['i1', 'i2'] as const;
const DECIDERS = ['m1', 'm2', 'hr'] as const;
const DATES = [
  '2025-12-10T09:00:00.000Z',
  '2026-01-15T09:00:00.000Z',
  '2026-02-15T09:00:00.000Z',
  '2026-03-20T09:00:00.000Z',
  '2026-04-10T09:00:00.000Z',
] as const;
/** Every period with data, the buckets around them, and one without any. */
const PERIODS = [
  '2025',
  '2025-Q4',
  '2025-12',
  '2026',
  '2026-Q1',
  '2026-Q2',
  '2026-01',
  '2026-03',
  '2026-04',
  '2024',
];
const STATUSES: readonly GoalStatus[] = [
  'drafted',
  'submitted',
  'active',
  'achieved',
  'partly-achieved',
  'not-achieved',
  'withdrawn',
];

const date = fc.constantFrom(...DATES);

const goalArbitrary = (index: number) =>
  fc
    .record({
      competencyId: fc.constantFrom(...COMPETENCIES),
      status: fc.constantFrom(...STATUSES),
      draftedAt: date,
      closedAt: date,
      checkIn: fc.option(date, { nil: undefined }),
      decidedBy: fc.option(fc.constantFrom(...DECIDERS), { nil: undefined }),
      decidedAt: date,
    })
    .map((drawn) => {
      const closed = ['achieved', 'partly-achieved', 'not-achieved', 'withdrawn'].includes(
        drawn.status,
      );
      const fact: GoalFact = goal(`g${index}`, {
        competencyId: drawn.competencyId,
        status: drawn.status,
        draftedAt: drawn.draftedAt,
        closedAt: closed ? drawn.closedAt : null,
        // No due date: adherence counts held check-ins only, which the reference below knows.
        nextCheckInDueAt: null,
        checkIns:
          drawn.checkIn === undefined
            ? []
            : [{ heldAt: drawn.checkIn, dueAt: drawn.checkIn, onTime: true }],
      });
      const decided =
        drawn.decidedBy === undefined
          ? []
          : [
              decision({
                goalId: fact.goalId,
                decidedBy: drawn.decidedBy,
                decidedAt: drawn.decidedAt,
              }),
            ];
      return { fact, decided };
    });

const personArbitrary = fc.record({
  departmentId: fc.constantFrom<string | null>(...DEPARTMENTS, DEPARTMENTS[0], null),
  roleId: fc.constantFrom(...ROLES),
  managerId: fc.constantFrom('m1', 'm2'),
  active: fc.constantFrom(true, true, true, false),
  synced: fc.constantFrom(true, true, true, true, false),
  measured: fc.subarray([...COMPETENCIES]),
  measuredAt: date,
  gap: fc.integer({ min: -10, max: 40 }),
  goals: fc.tuple(goalArbitrary(1), goalArbitrary(2)).chain((goals) => fc.subarray(goals)),
  remeasurements: fc.array(
    fc.record({
      competencyId: fc.constantFrom(...COMPETENCIES),
      at: date,
      indicators: fc.subarray([...INDICATORS]),
    }),
    { maxLength: 2 },
  ),
});

/** 5 to 30 employees on few departments, roles, competencies and dates, so groups overlap. */
export const randomOrganisation = fc
  .array(personArbitrary, { minLength: 5, maxLength: 30 })
  .map((people) =>
    people.map(
      (person, index): EmployeeFacts =>
        employee(`e${index}`, {
          departmentId: person.departmentId,
          departmentName: person.departmentId,
          roleId: person.roleId,
          managerId: person.managerId,
          employmentStatus: person.active ? 'active' : 'left',
          synced: person.synced,
          measurements: Object.fromEntries(
            person.measured.map((competencyId) => [
              competencyId,
              measurement({ gap: person.gap, measuredAt: person.measuredAt }),
            ]),
          ),
          goals: Object.fromEntries(person.goals.map(({ fact }) => [fact.goalId, fact])),
          decisions: person.goals.flatMap(({ decided }) => decided),
          remeasurements: person.remeasurements.map((each) =>
            remeasurement({
              competencyId: each.competencyId,
              remeasuredAt: each.at,
              indicators: each.indicators.map((indicatorId) => ({ indicatorId, delta: 5 })),
            }),
          ),
        }),
    ),
  );

type Family =
  | 'active-plans'
  | 'development-focus'
  | 'gap-map'
  | 'approval-flow'
  | 'check-in-adherence'
  | 'growth'
  | 'goals-achieved';

/** A figure a caller was shown, with what it was asked about. */
export interface ShownFigure {
  readonly family: Family;
  /** Undefined: every department; null: the people without one. */
  readonly departmentId: string | null | undefined;
  readonly roleId: string | undefined;
  readonly competencyId: string | undefined;
  readonly period: Period | undefined;
  readonly managerId: string | undefined;
  readonly indicatorId: string | undefined;
  readonly people: number;
  /** Where it came from, for a readable failure. */
  readonly label: string;
}

/** Every filter combination the API accepts over this organisation's names. */
export const everyFilter = (): AnalyticsFilters[] => {
  const result: AnalyticsFilters[] = [];
  for (const departmentId of [undefined, ...DEPARTMENTS])
    for (const roleId of [undefined, ...ROLES])
      for (const competencyId of [undefined, ...COMPETENCIES])
        for (const period of [undefined, ...PERIODS.map((label) => parsePeriod(label)!)])
          result.push({ departmentId, roleId, competencyId, period });
  return result;
};

/** Every figure shown to a caller in `scope`, over every filter combination and report. */
export function shownFigures(
  facts: readonly EmployeeFacts[],
  scope: AnalyticsScope,
  now: string,
): ShownFigure[] {
  const shown: ShownFigure[] = [];
  for (const filters of everyFilter()) {
    const request: AnalyticsRequest = { scope, filters, now, threshold: 5 };
    const base = {
      departmentId: filters.departmentId,
      roleId: filters.roleId,
      competencyId: filters.competencyId,
      period: filters.period,
      managerId: undefined,
      indicatorId: undefined,
    };
    const add = (
      family: Family,
      figure: Figure<unknown>,
      row: Partial<
        Pick<ShownFigure, 'departmentId' | 'competencyId' | 'managerId' | 'indicatorId'>
      > = {},
    ): void => {
      if (figure.status !== 'shown') return;
      const label = `${family} ${JSON.stringify({ ...filters, period: filters.period?.label })} row ${JSON.stringify(row)}`;
      shown.push({ ...base, ...row, family, people: figure.people, label });
    };
    const active = activePlansReport(facts, request);
    add('active-plans', active.total);
    for (const row of active.byDepartment)
      add('active-plans', row.figure, { departmentId: row.departmentId });
    for (const row of developmentFocusReport(facts, request).competencies)
      add('development-focus', row.figure, { competencyId: row.competencyId });
    for (const row of gapMapReport(facts, request).competencies) {
      add('gap-map', row.figure, { competencyId: row.competencyId });
      for (const each of row.byDepartment)
        add('gap-map', each.figure, {
          competencyId: row.competencyId,
          departmentId: each.departmentId,
        });
    }
    const flow = approvalFlowReport(facts, request);
    add('approval-flow', flow.total);
    for (const row of flow.byDepartment)
      add('approval-flow', row.figure, { departmentId: row.departmentId });
    for (const row of flow.byManager)
      add('approval-flow', row.figure, { managerId: row.managerId });
    const adherence = checkInAdherenceReport(facts, request);
    add('check-in-adherence', adherence.total);
    for (const row of adherence.byDepartment)
      add('check-in-adherence', row.figure, { departmentId: row.departmentId });
    const growth = growthReport(facts, request);
    for (const row of growth.competencies) {
      add('growth', row.figure, { competencyId: row.competencyId });
      for (const each of row.indicators)
        add('growth', each.figure, {
          competencyId: row.competencyId,
          indicatorId: each.indicatorId,
        });
    }
    add('goals-achieved', growth.goalsAchieved);
  }
  return shown;
}

interface Item {
  readonly competencyId: string | null;
  readonly at: string | null;
  readonly managerId?: string;
  readonly indicatorId?: string;
}

/** What a person contributes to a figure of the family; null: they count by being there. */
const itemsOf = (family: Family, facts: EmployeeFacts): readonly Item[] | null => {
  const goals = Object.values(facts.goals);
  switch (family) {
    case 'active-plans':
      return null;
    case 'development-focus':
      return goals.map((each) => ({ competencyId: each.competencyId, at: each.draftedAt }));
    case 'gap-map':
      return Object.entries(facts.measurements).map(([competencyId, each]) => ({
        competencyId,
        at: each.measuredAt,
      }));
    case 'approval-flow':
      return facts.decisions.map((each) => ({
        competencyId: facts.goals[each.goalId]?.competencyId ?? null,
        at: each.decidedAt,
        managerId: each.decidedBy,
      }));
    case 'check-in-adherence':
      return goals.flatMap((each) =>
        each.checkIns.map((checkIn) => ({
          competencyId: each.competencyId,
          at: checkIn.dueAt ?? checkIn.heldAt,
        })),
      );
    case 'growth':
      return facts.remeasurements.flatMap((each) => [
        { competencyId: each.competencyId, at: each.remeasuredAt },
        ...each.indicators.map(({ indicatorId }) => ({
          competencyId: each.competencyId,
          at: each.remeasuredAt,
          indicatorId,
        })),
      ]);
    case 'goals-achieved':
      return goals
        .filter((each) => ['achieved', 'partly-achieved', 'not-achieved'].includes(each.status))
        .map((each) => ({ competencyId: each.competencyId, at: each.closedAt }));
  }
};

/** The people a figure describes, as a bit per employee (index into `facts`). */
export function populationOf(
  facts: readonly EmployeeFacts[],
  scope: AnalyticsScope,
  figure: ShownFigure,
): number {
  let members = 0;
  facts.forEach((each, index) => {
    if (!inScope(each, scope)) return;
    if (
      (figure.family === 'active-plans' || figure.family === 'gap-map') &&
      each.employmentStatus !== 'active'
    )
      return;
    if (figure.departmentId !== undefined && each.departmentId !== figure.departmentId) return;
    if (figure.roleId !== undefined && each.roleId !== figure.roleId) return;
    const items = itemsOf(figure.family, each);
    const counted =
      items === null
        ? true
        : items.some(
            (item) =>
              (figure.competencyId === undefined || item.competencyId === figure.competencyId) &&
              (figure.period === undefined ||
                (item.at !== null &&
                  item.at >= figure.period.from &&
                  item.at < figure.period.to)) &&
              (figure.managerId === undefined || item.managerId === figure.managerId) &&
              (figure.indicatorId === undefined || item.indicatorId === figure.indicatorId),
          );
    if (counted) members |= 1 << index;
  });
  return members;
}

/**
 * Whether one figure's conditions on contributions include the other's, so that they count
 * the same contributions of the people they share: equal, or wider (a dropped filter or row,
 * an enclosing period) in every respect.
 */
export const nested = (narrow: ShownFigure, wide: ShownFigure): boolean =>
  (wide.competencyId === undefined || wide.competencyId === narrow.competencyId) &&
  (wide.managerId === undefined || wide.managerId === narrow.managerId) &&
  (wide.indicatorId === undefined || wide.indicatorId === narrow.indicatorId) &&
  (wide.period === undefined ||
    (narrow.period !== undefined &&
      wide.period.from <= narrow.period.from &&
      narrow.period.to <= wide.period.to));

export const bitCount = (bits: number): number => {
  let count = 0;
  for (let rest = bits >>> 0; rest !== 0; rest &= rest - 1) count += 1;
  return count;
};
