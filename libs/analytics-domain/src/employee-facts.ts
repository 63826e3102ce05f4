import type {
  CheckInLength,
  MeasurementInstrument,
  Robustness,
  TalentloopEvent,
} from '@talentloop/contracts';

/**
 * What analytics knows about one employee, folded from the events of every service. HR
 * figures are computed from these documents (never from raw events), so every figure knows
 * exactly which people it describes: the privacy threshold is checked on people, not rows.
 *
 * One document per employee (`analytics-facts:<tenant>:<employee>`): every event analytics
 * reads names exactly one employee, so a document is folded from that employee's events only
 * and rebuilds are embarrassingly parallel. Times are ISO-8601 strings as the events carry
 * them (they sort lexicographically).
 */
export interface EmployeeFacts {
  readonly tenantId: string;
  readonly employeeId: string;
  /** False until an EmployeeSynced was seen: events of other services may arrive first. */
  readonly synced: boolean;
  readonly departmentId: string | null;
  readonly departmentName: string | null;
  readonly roleId: string | null;
  readonly managerId: string | null;
  /** Employees who left are not counted in headcounts; their history stays. */
  readonly employmentStatus: 'active' | 'left';
  /** Set by PersonErased: the person is out of every figure and their history is empty. */
  readonly erased: boolean;
  /** The latest measurement per competency (by measuredAt; a tie keeps the later event). */
  readonly measurements: Readonly<Record<string, MeasurementFact>>;
  readonly goals: Readonly<Record<string, GoalFact>>;
  /** Approval decisions on this employee's goals, in the order they were taken. */
  readonly decisions: readonly DecisionFact[];
  readonly remeasurements: readonly RemeasurementFact[];
  /** The employee's development history, oldest first (for the employee, manager and HR). */
  readonly history: readonly HistoryEntry[];
}

export interface MeasurementFact {
  readonly measurementId: string;
  readonly aptitude: number;
  readonly behaviour: number;
  /** Aptitude minus behaviour: room to grow (negative when behaviour exceeds aptitude). */
  readonly gap: number;
  readonly instrument: MeasurementInstrument;
  readonly robustness: Robustness;
  readonly measuredAt: string;
}

export type GoalStatus =
  | 'drafted'
  | 'submitted'
  | 'rejected'
  | 'active'
  | 'achieved'
  | 'partly-achieved'
  | 'not-achieved'
  | 'withdrawn';

export interface GoalFact {
  readonly goalId: string;
  /** The competency, skill, certification or knowledge area developed (after adjustments). */
  readonly competencyId: string;
  readonly targetKind: 'competency' | 'skill' | 'certification' | 'knowledge-area';
  readonly status: GoalStatus;
  readonly draftedAt: string;
  /** First submission. */
  readonly submittedAt: string | null;
  /** Set once when the goal first became active. */
  readonly activatedAt: string | null;
  /** When it stopped being active or pending: evaluated or withdrawn. */
  readonly closedAt: string | null;
  readonly checkInCadence: 'weekly' | 'fortnightly' | 'monthly' | null;
  /** When the next check-in is due while the goal is active. */
  readonly nextCheckInDueAt: string | null;
  /** Check-ins held: when, when it was due, and whether it was held on time. */
  readonly checkIns: readonly CheckInFact[];
}

export interface CheckInFact {
  readonly heldAt: string;
  /** The due date it answered (the goal's nextCheckInDueAt before it); null if unknown. */
  readonly dueAt: string | null;
  readonly onTime: boolean;
  /**
   * Set only when the check-in's length was outside the expected 15–30 minutes (checkInLength):
   * most check-ins carry nothing more, and a document stays small.
   */
  readonly outsideExpectedLength?: Exclude<CheckInLength, 'within'>;
}

export interface DecisionFact {
  readonly requestId: string;
  readonly goalId: string;
  readonly outcome: 'approved' | 'rejected';
  readonly decidedAt: string;
  readonly decidedBy: string;
  readonly turnaroundSeconds: number;
}

export interface RemeasurementFact {
  readonly competencyId: string;
  readonly measurementId: string;
  readonly remeasuredAt: string;
  readonly robustness: Robustness;
  readonly sameInstrument: boolean;
  readonly behaviourDelta: number;
  readonly aptitudeDelta: number;
  readonly indicators: readonly { readonly indicatorId: string; readonly delta: number }[];
}

/** One line of the development history; no free text (feedback, answers, notes) is kept. */
export interface HistoryEntry {
  readonly at: string;
  readonly type: TalentloopEvent['type'];
  /** The goal, measurement or request the entry is about. */
  readonly subjectId: string | null;
  /** A short, data-free description, e.g. "goal goal-1 approved". */
  readonly summary: string;
}
