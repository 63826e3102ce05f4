import type { TalentloopEventOfType } from '@talentloop/contracts';
import { assertNever } from '@talentloop/domain-kernel';
import { plannedMailsTo, type MailPeople, type MailRecipient } from './mail-rules';
import type { CheckInCadence, MailFacts, PlannedMail } from './mail.types';

/** When a goal's reminders are due: folded from its events, read against the clock. */
export interface GoalSchedule {
  readonly tenantId: string;
  readonly goalId: string;
  readonly employeeId: string;
  /** Submitted: not active yet (awaiting a decision, or back with the employee). */
  readonly status: 'submitted' | 'active' | 'closed';
  readonly cadence: CheckInCadence | null;
  /** When the next check-in is due, ISO 8601; null until the goal is active. */
  readonly nextDueAt: string | null;
  /** ISO date; null when no submission of the goal was seen. */
  readonly deadline: string | null;
  /** The keys of the reminders made for the current due date and deadline, no older ones. */
  readonly done: readonly string[];
}

/**
 * What moves a goal's schedule. PlanClosed closes the goals it lists (all finished, or never
 * committed: an active or submitted goal keeps its plan open). GoalCarriedOver is not here:
 * the goal keeps its id and phase in the next plan, so its schedule does not change.
 */
export const goalScheduleEventTypes = [
  'GoalSubmitted',
  'GoalActivated',
  'CheckInLogged',
  'GoalAdjusted',
  'GoalAdjustmentRefused',
  'GoalWithdrawn',
  'GoalEvaluated',
  'PlanClosed',
] as const;

type GoalScheduleEventType = (typeof goalScheduleEventTypes)[number];

export type GoalScheduleEvent = {
  [Type in GoalScheduleEventType]: TalentloopEventOfType<Type> & {
    readonly metadata: { readonly tenantId: string };
  };
}[GoalScheduleEventType];

/** The goals whose schedules an event moves: the one it names, or every goal a plan closed with. */
export const goalIdsOfScheduleEvent = (event: GoalScheduleEvent): readonly string[] =>
  event.type === 'PlanClosed' ? event.data.goals.map(({ goalId }) => goalId) : [event.data.goalId];

export type ReminderKind = 'check-in-due' | 'check-in-overdue' | 'remeasurement-due';

export interface Reminder {
  readonly kind: ReminderKind;
  /** When it is to be sent, ISO 8601. */
  readonly at: string;
  /** `<kind>@<nextDueAt>` or `<kind>@<deadline>`: one reminder of a kind per date. */
  readonly key: string;
}

export interface ReminderSettings {
  /** `check-in-due` is sent this long before the check-in is due. */
  readonly dueLeadMs: number;
  /** `check-in-overdue` is sent this long after the due time when no check-in was logged. */
  readonly overdueAfterMs: number;
  /** `remeasurement-due` is sent at this hour (UTC) on the deadline date. */
  readonly remeasureAtUtcHour: number;
}

const HOUR_MS = 3_600_000;

export const defaultReminderSettings: ReminderSettings = {
  dueLeadMs: 24 * HOUR_MS,
  overdueAfterMs: 48 * HOUR_MS,
  remeasureAtUtcHour: 9,
};

const closed = (schedule: GoalSchedule): GoalSchedule => ({
  ...schedule,
  status: 'closed',
  done: [],
});

const withDeadline = (schedule: GoalSchedule, deadline: string | undefined): GoalSchedule =>
  deadline === undefined || schedule.status === 'closed' ? schedule : { ...schedule, deadline };

const keyOf = (kind: ReminderKind, date: string) => `${kind}@${date}`;

/** The keys that can still matter: those of the current due date and deadline. */
const currentKeys = ({ nextDueAt, deadline }: GoalSchedule): string[] => [
  ...(nextDueAt === null
    ? []
    : [keyOf('check-in-due', nextDueAt), keyOf('check-in-overdue', nextDueAt)]),
  ...(deadline === null ? [] : [keyOf('remeasurement-due', deadline)]),
];

const keepCurrentDone = (schedule: GoalSchedule): GoalSchedule => {
  const current = currentKeys(schedule);
  return { ...schedule, done: schedule.done.filter((key) => current.includes(key)) };
};

const moved = (
  schedule: GoalSchedule | undefined,
  event: GoalScheduleEvent,
): GoalSchedule | undefined => {
  switch (event.type) {
    case 'GoalSubmitted': {
      // A goal left behind uncommitted in a closed plan may be carried over and submitted again.
      const { goalId, employeeId, goal } = event.data;
      return {
        tenantId: schedule?.tenantId ?? event.metadata.tenantId,
        goalId,
        employeeId,
        status: 'submitted',
        cadence: null,
        nextDueAt: null,
        deadline: goal.deadline,
        done: schedule?.done ?? [],
      };
    }
    case 'GoalActivated': {
      if (schedule?.status === 'closed') return schedule;
      const { goalId, employeeId, checkInCadence, nextCheckInDueAt } = event.data;
      return {
        tenantId: schedule?.tenantId ?? event.metadata.tenantId,
        goalId,
        employeeId,
        status: 'active',
        cadence: checkInCadence,
        nextDueAt: nextCheckInDueAt,
        deadline: schedule?.deadline ?? null,
        done: schedule?.done ?? [],
      };
    }
    case 'CheckInLogged':
      return schedule?.status === 'active'
        ? { ...schedule, nextDueAt: event.data.nextDueAt }
        : schedule;
    case 'GoalAdjusted':
      return schedule && withDeadline(schedule, event.data.changes.deadline);
    case 'GoalAdjustmentRefused':
      return schedule && withDeadline(schedule, event.data.restored.deadline);
    case 'GoalWithdrawn':
    case 'GoalEvaluated':
      return schedule && closed(schedule);
    case 'PlanClosed':
      return schedule && event.data.goals.some(({ goalId }) => goalId === schedule.goalId)
        ? closed(schedule)
        : schedule;
    default:
      return assertNever(event);
  }
};

/**
 * Folds the events of one goal (PlanClosed: of the plan it belongs to), in log order. A
 * closed goal stays closed unless it is submitted again; each event sets values it carries,
 * so applying one twice changes nothing.
 */
export const evolveGoalSchedule = (
  schedule: GoalSchedule | undefined,
  event: GoalScheduleEvent,
): GoalSchedule | undefined => {
  const next = moved(schedule, event);
  return next && keepCurrentDone(next);
};

const checkedSettings = (settings: ReminderSettings): ReminderSettings => {
  const { dueLeadMs, overdueAfterMs, remeasureAtUtcHour } = settings;
  if (!(Number.isFinite(dueLeadMs) && dueLeadMs >= 0))
    throw new RangeError(`${dueLeadMs} ms is no lead time before a check-in`);
  if (!(Number.isFinite(overdueAfterMs) && overdueAfterMs >= 0))
    throw new RangeError(`${overdueAfterMs} ms is no time after which a check-in is overdue`);
  if (!(Number.isInteger(remeasureAtUtcHour) && remeasureAtUtcHour >= 0 && remeasureAtUtcHour < 24))
    throw new RangeError(`${remeasureAtUtcHour} is no hour of the day`);
  return settings;
};

const isoAt = (ms: number) => new Date(ms).toISOString();

/** The reminders of an active goal not made yet; a due reminder is moot once overdue was made. */
const pendingReminders = (schedule: GoalSchedule, settings: ReminderSettings): Reminder[] => {
  const { dueLeadMs, overdueAfterMs, remeasureAtUtcHour } = checkedSettings(settings);
  if (schedule.status !== 'active') return [];
  const { nextDueAt, deadline, done } = schedule;
  const reminders: Reminder[] = [];
  if (nextDueAt !== null) {
    const dueMs = Date.parse(nextDueAt);
    const overdue = keyOf('check-in-overdue', nextDueAt);
    if (!done.includes(overdue))
      reminders.push(
        {
          kind: 'check-in-due',
          at: isoAt(dueMs - dueLeadMs),
          key: keyOf('check-in-due', nextDueAt),
        },
        { kind: 'check-in-overdue', at: isoAt(dueMs + overdueAfterMs), key: overdue },
      );
  }
  if (deadline !== null) {
    const deadlineMs = Date.parse(`${deadline}T00:00:00.000Z`);
    reminders.push({
      kind: 'remeasurement-due',
      at: isoAt(deadlineMs + remeasureAtUtcHour * HOUR_MS),
      key: keyOf('remeasurement-due', deadline),
    });
  }
  return reminders
    .filter(({ key }) => !done.includes(key))
    .sort((left, right) => Date.parse(left.at) - Date.parse(right.at));
};

/** The reminder a goal waits for: the earliest not made yet; null for a goal that is not active. */
export const nextReminder = (
  schedule: GoalSchedule,
  settings: ReminderSettings = defaultReminderSettings,
): Reminder | null => pendingReminders(schedule, settings)[0] ?? null;

const mailOf = (schedule: GoalSchedule, reminder: Reminder, people: MailPeople): PlannedMail[] => {
  const { tenantId, goalId, employeeId, nextDueAt, cadence, deadline } = schedule;
  const managerId = people.managerOf(employeeId);
  const manager: MailRecipient[] =
    managerId === null ? [] : [{ recipientId: managerId, role: 'manager' }];
  const mail = { tenantId, kind: reminder.kind, cause: `${goalId}@${reminder.key}` };
  if (reminder.kind === 'remeasurement-due') {
    const hr: MailRecipient[] = people.hrContacts.map((recipientId) => ({
      recipientId,
      role: 'hr',
    }));
    const facts: MailFacts = { employeeId, goalId, ...(deadline === null ? {} : { deadline }) };
    return plannedMailsTo([...manager, ...hr], { ...mail, facts });
  }
  const facts: MailFacts = {
    employeeId,
    goalId,
    ...(nextDueAt === null ? {} : { dueAt: nextDueAt }),
    ...(cadence === null ? {} : { cadence }),
  };
  return plannedMailsTo([{ recipientId: employeeId, role: 'employee' }, ...manager], {
    ...mail,
    facts,
  });
};

/**
 * Makes the reminders of a goal whose time came (`at` ≤ now) and marks them done. After a
 * long stop only the latest check-in reminder of a due date is mailed: an overdue one makes
 * the due one moot. A reminder whose time was before `since` (when the service first ran) is
 * marked done without a mail: nobody is reminded of the past.
 */
export const remindersDue = (
  schedule: GoalSchedule,
  now: Date,
  since: Date,
  people: MailPeople,
  settings: ReminderSettings = defaultReminderSettings,
): { mails: PlannedMail[]; schedule: GoalSchedule } => {
  const reached = pendingReminders(schedule, settings).filter(
    ({ at }) => Date.parse(at) <= now.getTime(),
  );
  if (reached.length === 0) return { mails: [], schedule };
  const overdueReached = reached.some(({ kind }) => kind === 'check-in-overdue');
  const mails = reached
    .filter(({ kind }) => !(overdueReached && kind === 'check-in-due'))
    .filter(({ at }) => Date.parse(at) >= since.getTime())
    .flatMap((reminder) => mailOf(schedule, reminder, people));
  return {
    mails,
    schedule: { ...schedule, done: [...schedule.done, ...reached.map(({ key }) => key)] },
  };
};
