import type { EmployeeFacts, HistoryEntry } from '../employee-facts';

export interface DevelopmentHistory {
  readonly employeeId: string;
  readonly erased: boolean;
  /** Oldest first; empty once the person is erased. */
  readonly entries: readonly HistoryEntry[];
}

/** One employee's development history, for the employee, their manager and HR. */
export function developmentHistory(facts: EmployeeFacts): DevelopmentHistory {
  return {
    employeeId: facts.employeeId,
    erased: facts.erased,
    entries: facts.erased ? [] : facts.history,
  };
}
