import type { HistoryEvent } from '../../read-models/employee-history';
import { seededRandom, type Random } from '../random';
import { startCycle, type Employee } from './cycle-context';
import { developmentCycle } from './cycle';
import { examples } from './events';
import { eraseSome, managersIn, setUpTenant } from './organisation';
import { historyWriter } from './writer';

export interface OrganisationHistoryOptions {
  readonly tenants?: readonly string[];
  /** Employees per tenant; employee 0 heads the organisation and has no manager. */
  readonly employees: number;
  readonly departments: number;
  /** Approximate total; development cycles are generated until it is reached (3 rounds without it). */
  readonly targetEvents?: number;
  readonly seed?: number;
  /** 2026-01-01T00:00:00Z by default; event times advance from there. */
  readonly start?: Date;
}

/** Development cycles per employee when no target is given. */
const DEFAULT_ROUNDS = 3;

/**
 * A whole organisation's multi-service history built from the published examples: the
 * framework and role profiles, every employee synced under a manager, then development cycles
 * (measure, gap, plan, goal, approval with rejections, check-ins, remeasure, evaluation) in
 * rounds over all employees, some reporting-line changes, and a few people erased at the end.
 * Yields one batch per tenant set-up, per chunk of syncs and per employee cycle, so a million
 * events never sit in memory at once. Deterministic for a seed, event ids included.
 */
export function* organisationHistory(
  options: OrganisationHistoryOptions,
): Generator<HistoryEvent[]> {
  const seed = options.seed ?? 42;
  const next: Random = seededRandom(seed);
  const writer = historyWriter(seed);
  const tenants = options.tenants ?? ['acme'];
  const start = (options.start ?? new Date(Date.UTC(2026, 0, 1))).getTime();
  const text = examples();
  const managerCount = managersIn(options.employees);

  const people = new Map<string, Employee[]>();
  for (const tenantId of tenants)
    people.set(
      tenantId,
      yield* setUpTenant(writer, next, text, tenantId, {
        employees: options.employees,
        departments: options.departments,
        start,
      }),
    );

  // Rounds over all employees, so the global log advances roughly in time.
  const target = options.targetEvents;
  for (
    let round = 0;
    target === undefined ? round < DEFAULT_ROUNDS : writer.emitted < target;
    round++
  ) {
    const before = writer.emitted;
    for (const tenantId of tenants) {
      const employees = people.get(tenantId) ?? [];
      for (const employee of employees) {
        if (target !== undefined && writer.emitted >= target) break;
        // The head of the organisation has no manager to approve their goals.
        if (employee.managerIndex < 0) continue;
        developmentCycle(startCycle(writer, next, text, tenantId, employee), managerCount);
        yield writer.flush();
      }
    }
    if (writer.emitted === before) break;
  }

  for (const tenantId of tenants)
    eraseSome(writer, next, tenantId, people.get(tenantId) ?? [], managerCount);
  if (writer.pending > 0) yield writer.flush();
}

/** The whole history in one array: for tests of modest size. */
export function organisationHistoryArray(options: OrganisationHistoryOptions): HistoryEvent[] {
  const history: HistoryEvent[] = [];
  for (const batch of organisationHistory(options)) for (const event of batch) history.push(event);
  return history;
}
