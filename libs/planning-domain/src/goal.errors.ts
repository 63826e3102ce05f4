import { DomainError } from '@talentloop/domain-kernel';
import type { Language, Text } from '@talentloop/i18n';
import { smartChecksIn, type SmartFinding } from './smart-check';

export class GoalNotFound extends DomainError {
  readonly kind = 'not_found';
  readonly code = 'GOAL_NOT_FOUND';
}

export class PlanNotFound extends DomainError {
  readonly kind = 'not_found';
  readonly code = 'PLAN_NOT_FOUND';
}

/** The goal's state does not allow the command; `currentState` in the details names it. */
export class IllegalGoalTransition extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'ILLEGAL_GOAL_TRANSITION';
}

/** `smartChecks` in the details lists all five checks, in the reader's language. */
export class SmartCheckFailed extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'SMART_CHECK_FAILED';
  constructor(
    message: Text,
    private readonly findings: readonly SmartFinding[],
  ) {
    super(message, { smartChecks: smartChecksIn(findings, 'en') });
  }

  override detailsIn(language: Language) {
    return { smartChecks: smartChecksIn(this.findings, language) };
  }
}

export class ActiveGoalCapReached extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'ACTIVE_GOAL_CAP_REACHED';
}

export class UnknownAction extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'UNKNOWN_ACTION';
}

export class ActionAlreadyDone extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'ACTION_ALREADY_DONE';
}

export class NotAllowed extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'NOT_ALLOWED';
}

/** An evaluation asked for before anything was measured after the goal's baseline. */
export class NothingMeasuredSinceBaseline extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'NOTHING_MEASURED_SINCE_BASELINE';
}

export class PlanAlreadyClosed extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'PLAN_CLOSED';
}

/** `committedGoals` in the details names the goals that keep the plan open. */
export class PlanHasCommittedGoals extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'PLAN_HAS_UNFINISHED_GOALS';
}

/** `refused` in the details names every goal that cannot be carried over, with the reason. */
export class GoalsNotCarriable extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'GOALS_NOT_CARRIABLE';
}

/** Another competency is another goal: withdraw this one and draft anew. */
export class NotAnAdjustment extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'NOT_AN_ADJUSTMENT';
}

/** Evidence for a criterion the goal does not have. */
export class UnknownCriterion extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'UNKNOWN_CRITERION';
}

/** Evidence for a measured criterion: a measurement of the target evaluates that one. */
export class NotAnEvidenceCriterion extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'NOT_AN_EVIDENCE_CRITERION';
}

/** Evidence said to be obtained after the day it is recorded on. */
export class EvidenceInTheFuture extends DomainError {
  readonly kind = 'invalid';
  readonly code = 'EVIDENCE_IN_THE_FUTURE';
}

/** An evaluation asked for of a goal with evidence criteria only, before any evidence. */
export class NoEvidenceRecorded extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'NO_EVIDENCE_RECORDED';
}
