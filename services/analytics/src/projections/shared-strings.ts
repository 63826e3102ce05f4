import type { EmployeeFacts } from '@talentloop/analytics-domain';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The few distinct values the facts repeat (departments, roles, managers, competencies,
 * statuses, instruments…), one string each in the process. Every document the view holds
 * comes from its own JSON.parse, which makes a new string for every value: at 10,000 people
 * the same "competency" and "not-achieved" were kept tens of thousands of times over.
 *
 * Bounded: strings up to MAX_LENGTH characters, up to `capacity` of them; once full, new
 * values are kept as they come (correct, only not shared).
 */
export class SharedStrings {
  static readonly MAX_LENGTH = 64;
  private readonly strings = new Map<string, string>();

  constructor(private readonly capacity = 65_536) {}

  /** How many distinct strings are shared. */
  get size(): number {
    return this.strings.size;
  }

  share<Value extends string | null | undefined>(value: Value): Value {
    if (typeof value !== 'string' || value.length > SharedStrings.MAX_LENGTH) return value;
    const known = this.strings.get(value);
    if (known !== undefined) return known as Value;
    if (this.strings.size < this.capacity) this.strings.set(value, value);
    return value;
  }

  /**
   * Points the document's repeated values at the shared strings, in place: the document is
   * the view's own (parsed for it, never handed out before), and every value stays equal, so
   * nobody can tell but the heap. Ids that occur once (measurements, requests) and times are
   * left alone: sharing them would only grow the table. A goal's id is its key's string, and
   * a decision's goal id the same string again.
   */
  shareIn(facts: EmployeeFacts): EmployeeFacts {
    const document = facts as Mutable<EmployeeFacts>;
    document.tenantId = this.share(facts.tenantId);
    document.departmentId = this.share(facts.departmentId);
    document.departmentName = this.share(facts.departmentName);
    document.roleId = this.share(facts.roleId);
    document.managerId = this.share(facts.managerId);
    document.employmentStatus = this.share(facts.employmentStatus);
    for (const measurement of Object.values(facts.measurements)) {
      const shared = measurement as Mutable<typeof measurement>;
      shared.instrument = this.share(measurement.instrument);
      shared.robustness = this.share(measurement.robustness);
    }
    for (const [goalId, goal] of Object.entries(facts.goals)) {
      const shared = goal as Mutable<typeof goal>;
      if (goal.goalId === goalId) shared.goalId = goalId;
      shared.competencyId = this.share(goal.competencyId);
      shared.targetKind = this.share(goal.targetKind);
      shared.status = this.share(goal.status);
      shared.checkInCadence = this.share(goal.checkInCadence);
      for (const checkIn of goal.checkIns) {
        const sharedCheckIn = checkIn as Mutable<typeof checkIn>;
        // Most check-ins are held on the day they were due: one string for both.
        if (checkIn.dueAt === checkIn.heldAt) sharedCheckIn.dueAt = checkIn.heldAt;
        if (checkIn.outsideExpectedLength !== undefined)
          sharedCheckIn.outsideExpectedLength = this.share(checkIn.outsideExpectedLength);
      }
    }
    for (const decision of facts.decisions) {
      const shared = decision as Mutable<typeof decision>;
      shared.goalId = facts.goals[decision.goalId]?.goalId ?? decision.goalId;
      shared.outcome = this.share(decision.outcome);
      shared.decidedBy = this.share(decision.decidedBy);
    }
    for (const remeasurement of facts.remeasurements) {
      const shared = remeasurement as Mutable<typeof remeasurement>;
      shared.competencyId = this.share(remeasurement.competencyId);
      shared.robustness = this.share(remeasurement.robustness);
      for (const indicator of remeasurement.indicators)
        (indicator as Mutable<typeof indicator>).indicatorId = this.share(indicator.indicatorId);
    }
    return facts;
  }
}
