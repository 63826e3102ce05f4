import {
  checkInLength,
  expectedCheckInMinutes,
  type EventMetadata,
  type GoalDrafted,
  type TalentloopEvent,
  type TalentloopEventType,
} from '@talentloop/contracts';
import { assertNever } from '@talentloop/domain-kernel';
import type {
  CheckInFact,
  EmployeeFacts,
  GoalFact,
  GoalStatus,
  HistoryEntry,
} from '../employee-facts';

/** An event as analytics folds it: its metadata carries the tenant and the time. */
export type FactEvent = TalentloopEvent & { readonly metadata: EventMetadata };

/** The events an employee-facts document is folded from; each names exactly one employee. */
export const factsEventTypes = [
  'EmployeeSynced',
  'ReportingLineChanged',
  'PersonErased',
  'MeasurementRecorded',
  'Remeasured',
  'GoalDrafted',
  'GoalEdited',
  'GoalSubmitted',
  'GoalRejected',
  'GoalApproved',
  'GoalActivated',
  'CheckInLogged',
  'ActionCompleted',
  'GoalAdjusted',
  'GoalAdjustmentRefused',
  'GoalEvaluated',
  'GoalWithdrawn',
] as const satisfies readonly TalentloopEventType[];

export type FactsEventType = (typeof factsEventTypes)[number];

export type HandledFactEvent = Extract<FactEvent, { readonly type: FactsEventType }>;

const handledTypes: ReadonlySet<string> = new Set(factsEventTypes);

export const isFactsEvent = (event: FactEvent): event is HandledFactEvent =>
  handledTypes.has(event.type);

export const factsDocumentId = (tenantId: string, employeeId: string) =>
  `analytics-facts:${tenantId}:${employeeId}`;

export const factsSubjectOf = (event: FactEvent): string | undefined =>
  isFactsEvent(event) ? event.data.employeeId : undefined;

export const emptyFacts = (tenantId: string, employeeId: string): EmployeeFacts => ({
  tenantId,
  employeeId,
  synced: false,
  departmentId: null,
  departmentName: null,
  roleId: null,
  managerId: null,
  employmentStatus: 'active',
  erased: false,
  measurements: {},
  goals: {},
  decisions: [],
  remeasurements: [],
  history: [],
});

/**
 * Folds one event into an employee's facts. Pure and cheap (a rebuild runs it about a million
 * times): `current` is never mutated and only the parts that change are copied.
 */
export function evolveEmployeeFacts(
  current: EmployeeFacts | undefined,
  event: FactEvent,
): EmployeeFacts {
  const facts = current ?? emptyFacts(event.metadata.tenantId, employeeIdIn(event.data));
  const at = event.metadata.occurredAt;
  switch (event.type) {
    case 'EmployeeSynced': {
      const { data } = event;
      return next(
        facts,
        event,
        null,
        `employee synced: role ${data.roleId} in ${data.departmentId} (${data.employmentStatus})`,
        {
          synced: true,
          departmentId: data.departmentId,
          departmentName: data.departmentName,
          roleId: data.roleId,
          managerId: data.managerId,
          employmentStatus: data.employmentStatus,
        },
      );
    }
    case 'ReportingLineChanged': {
      const { newManagerId } = event.data;
      const summary = newManagerId ? `manager changed to ${newManagerId}` : 'manager removed';
      return next(facts, event, null, summary, { managerId: newManagerId });
    }
    case 'PersonErased':
      return { ...facts, erased: true, history: [] };
    case 'MeasurementRecorded': {
      const { data } = event;
      const stored = own(facts.measurements, data.competencyId);
      const summary = `measurement on ${data.competencyId}: behaviour ${data.behaviour}, aptitude ${data.aptitude}`;
      // A late-arriving older measurement is history, not the latest state.
      if (stored && data.measuredAt < stored.measuredAt)
        return next(facts, event, data.measurementId, summary);
      const measurements = {
        ...facts.measurements,
        [data.competencyId]: {
          measurementId: data.measurementId,
          aptitude: data.aptitude,
          behaviour: data.behaviour,
          gap: data.aptitude - data.behaviour,
          instrument: data.instrument,
          robustness: data.robustness,
          measuredAt: data.measuredAt,
        },
      };
      return next(facts, event, data.measurementId, summary, { measurements });
    }
    case 'Remeasured': {
      const { data } = event;
      const remeasurement = {
        competencyId: data.competencyId,
        measurementId: data.measurementId,
        remeasuredAt: at,
        robustness: data.robustness,
        sameInstrument: data.sameInstrument,
        behaviourDelta: data.behaviour.absoluteDelta,
        aptitudeDelta: data.aptitude.absoluteDelta,
        indicators: data.indicators.map(({ indicatorId, change }) => ({
          indicatorId,
          delta: change.absoluteDelta,
        })),
      };
      return next(
        facts,
        event,
        data.measurementId,
        `remeasurement on ${data.competencyId}: behaviour ${signed(remeasurement.behaviourDelta)}, aptitude ${signed(remeasurement.aptitudeDelta)}`,
        { remeasurements: [...facts.remeasurements, remeasurement] },
      );
    }
    case 'GoalDrafted': {
      const { goalId, target } = event.data;
      const summary = `goal ${goalId} drafted on ${target.competencyId}`;
      // A redelivered draft (or one arriving after its submission) must not reset the goal.
      if (own(facts.goals, goalId)) return next(facts, event, goalId, summary);
      const goals = { ...facts.goals, [goalId]: newGoal(goalId, target, 'drafted', at, null) };
      return next(facts, event, goalId, summary, { goals });
    }
    case 'GoalEdited':
    case 'GoalAdjusted':
    case 'GoalAdjustmentRefused': {
      const { goalId } = event.data;
      const changes =
        event.type === 'GoalAdjustmentRefused' ? event.data.restored : event.data.changes;
      const fields = Object.keys(changes).join(', ');
      const summary =
        event.type === 'GoalAdjustmentRefused'
          ? `goal ${goalId}: adjustment ${event.data.adjustmentId} refused, set back: ${fields || 'nothing'}`
          : `goal ${goalId} ${event.type === 'GoalEdited' ? 'edited' : 'adjusted'}: ${fields}`;
      const { target } = changes;
      if (!target) return next(facts, event, goalId, summary);
      return next(facts, event, goalId, summary, {
        goals: updateGoal(facts.goals, goalId, (goal) => ({
          ...goal,
          competencyId: target.competencyId,
          targetKind: target.kind,
        })),
      });
    }
    case 'GoalSubmitted': {
      const { goalId, submissionNumber, goal: content } = event.data;
      const summary = `goal ${goalId} submitted (submission ${submissionNumber})`;
      // Submitted before its draft arrived: the snapshot is all we know of the goal yet.
      const goals = own(facts.goals, goalId)
        ? updateGoal(facts.goals, goalId, (goal) => ({
            ...goal,
            status:
              goal.status === 'drafted' || goal.status === 'rejected' ? 'submitted' : goal.status,
            submittedAt: goal.submittedAt ?? at,
          }))
        : { ...facts.goals, [goalId]: newGoal(goalId, content.target, 'submitted', at, at) };
      return next(facts, event, goalId, summary, { goals });
    }
    case 'GoalRejected':
    case 'GoalApproved': {
      const { data } = event;
      const outcome = event.type === 'GoalRejected' ? 'rejected' : 'approved';
      // The decision counts for turnaround even when the goal's own events have not arrived.
      const decision = {
        requestId: data.requestId,
        goalId: data.goalId,
        outcome,
        decidedAt: at,
        decidedBy: data.decidedBy,
        turnaroundSeconds: data.turnaroundSeconds,
      } as const;
      const goals =
        outcome === 'rejected'
          ? updateGoal(facts.goals, data.goalId, (goal) =>
              goal.status === 'submitted' ? { ...goal, status: 'rejected' } : goal,
            )
          : facts.goals;
      return next(
        facts,
        event,
        data.requestId,
        `goal ${data.goalId} ${outcome} (submission ${data.submissionNumber})`,
        { goals, decisions: [...facts.decisions, decision] },
      );
    }
    case 'GoalActivated': {
      const { goalId, checkInCadence, nextCheckInDueAt } = event.data;
      return next(facts, event, goalId, `goal ${goalId} activated, ${checkInCadence} check-ins`, {
        goals: updateGoal(facts.goals, goalId, (goal) => ({
          ...goal,
          status: 'active',
          activatedAt: goal.activatedAt ?? at,
          checkInCadence,
          nextCheckInDueAt,
        })),
      });
    }
    case 'CheckInLogged': {
      const { goalId, onTime, nextDueAt, durationMinutes } = event.data;
      const length = checkInLength(durationMinutes);
      const { min, max } = expectedCheckInMinutes;
      const outside =
        length === 'within'
          ? ''
          : `; ${durationMinutes} minutes, outside the expected ${min}–${max}`;
      const summary = `check-in on goal ${goalId} (${onTime ? 'on time' : 'late'}${outside})`;
      return next(facts, event, goalId, summary, {
        goals: updateGoal(facts.goals, goalId, (goal) => ({
          ...goal,
          checkIns: [
            ...goal.checkIns,
            {
              heldAt: at,
              dueAt: goal.nextCheckInDueAt,
              onTime,
              ...(length !== 'within' && { outsideExpectedLength: length }),
            } satisfies CheckInFact,
          ],
          // A closed goal has nothing due, whatever a late check-in says.
          nextCheckInDueAt: goal.closedAt === null ? nextDueAt : null,
        })),
      });
    }
    case 'ActionCompleted': {
      const { goalId, actionId } = event.data;
      return next(facts, event, goalId, `action ${actionId} completed on goal ${goalId}`);
    }
    case 'GoalEvaluated':
    case 'GoalWithdrawn': {
      const { goalId } = event.data;
      const status: GoalStatus = event.type === 'GoalEvaluated' ? event.data.outcome : 'withdrawn';
      const summary =
        event.type === 'GoalEvaluated'
          ? `goal ${goalId} evaluated: ${status}`
          : `goal ${goalId} withdrawn`;
      return next(facts, event, goalId, summary, {
        goals: updateGoal(facts.goals, goalId, (goal) => ({
          ...goal,
          status,
          closedAt: at,
          nextCheckInDueAt: null,
        })),
      });
    }
    case 'CompetencyFrameworkPublished':
    case 'RoleProfileDefined':
    case 'FeedbackRoundAggregated':
    case 'MotivationRecorded':
    case 'GapIdentified':
    case 'PlanStarted':
    case 'GoalSlotTaken':
    case 'GoalProgressMeasured':
    case 'PlanClosed':
    case 'GoalCarriedOver':
    case 'CriterionEvidenceRecorded':
    case 'ActionAdded':
    case 'GoalAgreed':
    case 'GoalAdjustmentAcknowledged':
    case 'ApprovalRequested':
    case 'ApprovalReassigned':
    case 'ApprovalOverdue':
      return facts;
    // A withdrawn goal leaves the counts through GoalWithdrawn; its request was never decided.
    case 'ApprovalWithdrawn':
      return facts;
    // Planning's record of a rejection: the decision counts once, through GoalRejected.
    case 'GoalSubmissionRejected':
      return facts;
    // Turnaround and rejection rate are about submitted goals (ADR 0015).
    case 'AdjustmentApprovalRequested':
    case 'AdjustmentApproved':
    case 'AdjustmentRejected':
      return facts;
    // Webhook subscriptions are about no employee, and how a person is e-mailed (or was) is
    // not a development figure: notifications' own events never reach an employee's facts.
    case 'NotificationPreferenceSet':
    case 'HrContactsSet':
    case 'WebhookSubscriptionCreated':
    case 'WebhookSubscriptionChanged':
    case 'WebhookSubscriptionDisabled':
    case 'WebhookSubscriptionEnabled':
    case 'WebhookSecretRotated':
    case 'WebhookSubscriptionDeleted':
    case 'WebhookDataAccessSet':
    case 'MailSent':
    case 'MailSuppressed':
    case 'MailDeadLettered':
    case 'WebhookDeliveryDeadLettered':
      return facts;
    default:
      return assertNever(event);
  }
}

/** Applies the changes and appends the event's history line, unless the person was erased. */
function next(
  facts: EmployeeFacts,
  event: HandledFactEvent,
  subjectId: string | null,
  summary: string,
  changes?: Partial<EmployeeFacts>,
): EmployeeFacts {
  if (facts.erased) return changes ? { ...facts, ...changes } : facts;
  const entry: HistoryEntry = {
    at: event.metadata.occurredAt,
    type: event.type,
    subjectId,
    summary,
  };
  return { ...facts, ...changes, history: [...facts.history, entry] };
}

function newGoal(
  goalId: string,
  target: GoalDrafted['data']['target'],
  status: GoalStatus,
  draftedAt: string,
  submittedAt: string | null,
): GoalFact {
  return {
    goalId,
    competencyId: target.competencyId,
    targetKind: target.kind,
    status,
    draftedAt,
    submittedAt,
    activatedAt: null,
    closedAt: null,
    checkInCadence: null,
    nextCheckInDueAt: null,
    checkIns: [],
  };
}

/** Copies the goals map only when a known goal actually changes; unknown goals are skipped. */
function updateGoal(
  goals: EmployeeFacts['goals'],
  goalId: string,
  update: (goal: GoalFact) => GoalFact,
): EmployeeFacts['goals'] {
  const goal = own(goals, goalId);
  if (!goal) return goals;
  const updated = update(goal);
  return updated === goal ? goals : { ...goals, [goalId]: updated };
}

/** Ids such as `constructor` are valid, so plain indexing would find Object.prototype members. */
const own = <Value>(record: Readonly<Record<string, Value>>, key: string): Value | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/** Events outside the facts (frameworks, role profiles) name no employee. */
const employeeIdIn = (data: object): string =>
  'employeeId' in data && typeof data.employeeId === 'string' ? data.employeeId : '';

const signed = (delta: number) => (delta > 0 ? `+${delta}` : `${delta}`);
