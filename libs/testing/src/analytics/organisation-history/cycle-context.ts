import type { Random } from '../random';
import type { DataOf, EventType, Examples } from './events';
import type { HistoryWriter } from './writer';

/** One employee of a generated tenant, with what the generator has done for them so far. */
export interface Employee {
  readonly index: number;
  readonly id: string;
  readonly stream: string;
  managerIndex: number;
  roleIndex: number;
  /** The time of the employee's latest event, in milliseconds. */
  clock: number;
  cycles: number;
  measurements: number;
  lastPlanId: string | null;
}

/** What every step of one development cycle of one employee works with. */
export interface CycleContext {
  readonly tenantId: string;
  readonly employee: Employee;
  /** The employee's cycle number, from 1. */
  readonly n: number;
  readonly next: Random;
  readonly text: Examples;
  /** Emits an event about the employee at the employee's clock. */
  readonly on: <Type extends EventType>(
    stream: string,
    actorId: string,
    type: Type,
    data: DataOf<Type>,
  ) => void;
  /** Moves the employee's clock on by `min` and up to `spread` more milliseconds. */
  readonly later: (min: number, spread: number) => void;
}

/** Starts the employee's next development cycle. */
export const startCycle = (
  writer: HistoryWriter,
  next: Random,
  text: Examples,
  tenantId: string,
  employee: Employee,
): CycleContext => ({
  tenantId,
  employee,
  n: ++employee.cycles,
  next,
  text,
  on: (stream, actorId, type, data) =>
    writer.emit(stream, employee.id, tenantId, actorId, employee.clock, type, data),
  later: (min, spread) => {
    employee.clock += min + next(spread);
  },
});
