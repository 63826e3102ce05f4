import { Logger } from '@nestjs/common';
import type { TalentloopEvent } from '@talentloop/contracts';
import { AppendWaiter, type EventStore, type RecordedEvent } from '@talentloop/event-store';
import {
  evolveGoalSchedule,
  evolveHrContacts,
  evolveMailPerson,
  goalIdsOfScheduleEvent,
  goalScheduleEventTypes,
  mailPersonEventTypes,
  mailRuleEventTypes,
  mailsForEvent,
  nextDigestAt,
  nextReminder,
  remindersDue,
  type GoalSchedule,
  type GoalScheduleEvent,
  type MailPerson,
  type PlannedMail,
  type ReminderSettings,
} from '@talentloop/notifications-domain';
import type { DocumentWrite, ReadModelStore } from '@talentloop/read-models';
import type { Loop } from '@talentloop/supervision';
import { pollingLoop } from '../polling-loop';
import { Loaded, WrittenMeanwhile } from './loaded-documents';
import {
  goalDocumentId,
  MAIL_GOALS,
  MAIL_PEOPLE,
  MAIL_TENANTS,
  MAILS,
  personDocumentId,
  type MailDocument,
  type MailGoalDocument,
  type MailTenantDocument,
} from './mail.documents';

/** Where the planner has read the event store up to (its global position). */
export const MAIL_PLANNER_CHECKPOINT = 'notifications.mail-planner';
/**
 * Where and when mails began: the end of the log and the time at the planner's first start.
 * Earlier events still shape who is who, but are not mailed about; nor are earlier reminders.
 */
export const MAIL_SINCE = 'notifications.mail-since';

/** Schedules looked at per batch of a reminder pass, and batches per pass at most. */
const REMINDER_BATCH = 500;
const MAX_REMINDER_BATCHES = 100;

const personTypes: ReadonlySet<string> = new Set(mailPersonEventTypes);
const goalTypes: ReadonlySet<string> = new Set(goalScheduleEventTypes);
const ruleTypes: ReadonlySet<string> = new Set(mailRuleEventTypes);

/** Every type the planner reads: who is who, the goals' schedules, and what is mailed about. */
export const plannerEventTypes = (): TalentloopEvent['type'][] => [
  ...new Set<TalentloopEvent['type']>([
    ...mailPersonEventTypes,
    ...goalScheduleEventTypes,
    ...mailRuleEventTypes,
    'HrContactsSet',
  ]),
];

export interface MailPlannerOptions {
  /** The store as stored: names and addresses stay sealed in the people documents. */
  readonly store: EventStore;
  readonly readModels: ReadModelStore;
  readonly pageSize: number;
  readonly pollMs: number;
  /** How often the goals' schedules are looked at for reminders that fell due. */
  readonly reminderEveryMs: number;
  readonly reminders: ReminderSettings;
  readonly digestHourUtc: number;
  readonly now: () => Date;
  /** Mails were made: the sender may have work. */
  readonly onPlanned: () => void;
}

interface Since {
  readonly position: string;
  readonly at: string;
}

type Data = Record<string, unknown>;
const stringField = (data: Data, field: string): string | undefined =>
  typeof data[field] === 'string' ? data[field] : undefined;

/**
 * The documents a page or a reminder pass reads and changes, loaded once for all its events
 * and written back with the versions they were loaded at: a second instance that wrote one
 * meanwhile makes the write fail, and the page is applied again from the checkpoint (the
 * folds are idempotent, the mails' ids derived).
 */
class Working {
  readonly people: Loaded<MailPerson>;
  readonly goals: Loaded<MailGoalDocument>;
  readonly tenants: Loaded<MailTenantDocument>;

  constructor(readModels: ReadModelStore) {
    this.people = new Loaded(readModels, MAIL_PEOPLE);
    this.goals = new Loaded(readModels, MAIL_GOALS);
    this.tenants = new Loaded(readModels, MAIL_TENANTS);
  }

  person(tenantId: string, employeeId: string): MailPerson | undefined {
    return this.people.get(personDocumentId(tenantId, employeeId));
  }

  /** The schedule, with the time its next reminder is due. */
  setGoal(id: string, schedule: GoalSchedule | undefined, settings: ReminderSettings) {
    this.goals.set(
      id,
      schedule && { ...schedule, remindAt: nextReminder(schedule, settings)?.at ?? null },
    );
  }

  hrContacts(tenantId: string): readonly string[] {
    return this.tenants.get(tenantId)?.employeeIds ?? [];
  }

  managerOf(tenantId: string) {
    return (employeeId: string): string | null =>
      this.person(tenantId, employeeId)?.managerId ?? null;
  }

  /** Writes what changed, who is who first; throws when another instance wrote any of it. */
  async save(position: string | undefined) {
    for (const loaded of [this.people, this.goals, this.tenants]) await loaded.save(position);
  }
}

/**
 * Plans the mails to people from the event store's log: keeps who is who (names and addresses
 * sealed, managers, languages, preferences), each goal's reminder schedule and each tenant's HR
 * contacts in read models, and makes one mail document per rule that fires, its id derived
 * from the event (or the reminder) and the recipient: a page planned again after a crash, or
 * by a second instance, makes nothing new. Reminders fall due by the clock: a pass every
 * `reminderEveryMs` makes those whose time came, and marks them made in the schedule.
 */
export const startMailPlanner = (options: MailPlannerOptions): Loop => {
  const logger = new Logger('MailPlanner');
  const { store, readModels, pageSize, pollMs } = options;
  const types = plannerEventTypes();
  const waiter = new AppendWaiter(store, { pollIntervalMs: pollMs });

  /** A planned mail as its document: a digest reader's waits for their digest's hour. */
  const documentOf = (
    mail: PlannedMail,
    recipient: MailPerson | undefined,
    now: Date,
  ): DocumentWrite => {
    const digest = recipient?.preference === 'daily-digest';
    const doc: MailDocument = {
      tenantId: mail.tenantId,
      kind: mail.kind,
      role: mail.role,
      recipientId: mail.recipientId,
      facts: mail.facts,
      cause: mail.cause,
      state: 'pending',
      digest,
      sendAt: (digest ? nextDigestAt(now, options.digestHourUtc) : now).toISOString(),
      attempts: 0,
      firstAttemptAt: null,
      createdAt: now.toISOString(),
      sentAt: null,
      messageId: null,
      log: [],
    };
    return { id: mail.mailId, doc, sources: {}, expectedVersion: 0 };
  };

  /**
   * Writes the mails (each once: a conflict is the proof it was made) and says so. Their
   * recipients are loaded with the people the work already has: only the others are read.
   */
  const writeMails = async (working: Working, mails: readonly PlannedMail[], now: Date) => {
    if (mails.length === 0) return;
    await working.people.load(mails.map((m) => personDocumentId(m.tenantId, m.recipientId)));
    await readModels.write(
      MAILS,
      mails.map((mail) => documentOf(mail, working.person(mail.tenantId, mail.recipientId), now)),
    );
  };

  const apply = async (page: readonly RecordedEvent[], since: Since) => {
    const working = new Working(readModels);
    const personIds: string[] = [];
    const goalIds: string[] = [];
    const tenantIds = new Set<string>();
    for (const event of page) {
      const tenantId = event.metadata.tenantId;
      const data = event.data as Data;
      tenantIds.add(tenantId);
      const employeeId = stringField(data, 'employeeId');
      if (employeeId) personIds.push(personDocumentId(tenantId, employeeId));
      if (goalTypes.has(event.type))
        for (const goalId of goalIdsOfScheduleEvent(event as unknown as GoalScheduleEvent))
          goalIds.push(goalDocumentId(tenantId, goalId));
    }
    await Promise.all([
      working.people.load(personIds),
      working.goals.load(goalIds),
      working.tenants.load(tenantIds),
    ]);
    const planned: PlannedMail[] = [];
    const after = BigInt(since.position);
    for (const event of page) {
      const tenantId = event.metadata.tenantId;
      const data = event.data as Data;
      const typed = event as unknown as Parameters<typeof evolveMailPerson>[1];
      const position = event.globalPosition;
      if (personTypes.has(event.type)) {
        const employeeId = stringField(data, 'employeeId')!;
        const id = personDocumentId(tenantId, employeeId);
        if (!working.people.has(id, position))
          working.people.set(id, evolveMailPerson(working.people.get(id), typed));
      }
      if (event.type === 'HrContactsSet' && !working.tenants.has(tenantId, position))
        working.tenants.set(
          tenantId,
          evolveHrContacts(
            working.tenants.get(tenantId),
            event as unknown as Parameters<typeof evolveHrContacts>[1],
          ),
        );
      if (goalTypes.has(event.type)) {
        const id = goalDocumentId(tenantId, stringField(data, 'goalId')!);
        if (!working.goals.has(id, position))
          working.setGoal(
            id,
            evolveGoalSchedule(
              working.goals.get(id),
              event as unknown as Parameters<typeof evolveGoalSchedule>[1],
            ),
            options.reminders,
          );
      }
      if (ruleTypes.has(event.type) && event.globalPosition > after)
        planned.push(
          ...mailsForEvent(event as unknown as Parameters<typeof mailsForEvent>[0], {
            managerOf: working.managerOf(tenantId),
            hrContacts: working.hrContacts(tenantId),
          }),
        );
    }
    const now = options.now();
    // Who is who first: a mail must never be sent before the preference the same page set
    // (an unsubscribe) is there for the sender to see. A crash in between plans the page
    // again: its folds are skipped by position, its mails made under the same ids.
    await working.save(page[page.length - 1].globalPosition.toString());
    await writeMails(working, planned, now);
    return planned.length;
  };

  const remindBatch = async (since: Since, now: Date): Promise<number | undefined> => {
    const due = await readModels.findStored<MailGoalDocument>(MAIL_GOALS, {
      where: { remindAt: { $lte: now.toISOString() } },
      sort: { remindAt: 1 },
      limit: REMINDER_BATCH,
    });
    if (due.length === 0) return undefined;
    const working = new Working(readModels);
    for (const stored of due) working.goals.adopt(stored);
    await working.people.load(due.map(({ doc }) => personDocumentId(doc.tenantId, doc.employeeId)));
    await working.tenants.load(due.map(({ doc }) => doc.tenantId));
    const planned: PlannedMail[] = [];
    for (const { id, doc } of due) {
      const { mails, schedule } = remindersDue(
        doc,
        now,
        new Date(since.at),
        {
          managerOf: working.managerOf(doc.tenantId),
          hrContacts: working.hrContacts(doc.tenantId),
        },
        options.reminders,
      );
      planned.push(...mails);
      working.setGoal(id, schedule, options.reminders);
    }
    await writeMails(working, planned, now);
    await working.save(undefined);
    return planned.length;
  };

  /**
   * Makes every reminder whose time came, a batch of schedules at a time (each made is marked
   * in its schedule, so the next batch starts with the ones not made yet).
   */
  const remind = async (since: Since, stopping: () => boolean): Promise<number> => {
    const now = options.now();
    let planned = 0;
    for (let batch = 0; batch < MAX_REMINDER_BATCHES && !stopping(); batch += 1) {
      const made = await again(() => remindBatch(since, now));
      if (made === undefined) break;
      planned += made;
    }
    return planned;
  };

  /**
   * Does the work again, reloaded, while another instance wrote what it had loaded (both
   * planning the same page): what that one applied is skipped, the mails it made are there.
   */
  const again = async <Result>(work: () => Promise<Result>): Promise<Result> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await work();
      } catch (error) {
        if (!(error instanceof WrittenMeanwhile) || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * attempt));
      }
    }
  };

  const sinceOf = async (): Promise<Since> => {
    const stored = await readModels.getState(MAIL_SINCE);
    if (stored !== undefined) return JSON.parse(stored) as Since;
    const since: Since = {
      position: (await store.lastGlobalPosition()).toString(),
      at: options.now().toISOString(),
    };
    await readModels.setState(MAIL_SINCE, JSON.stringify(since));
    return since;
  };

  const run = async (stopping: () => boolean) => {
    const since = await sinceOf();
    const stored = await readModels.getState(MAIL_PLANNER_CHECKPOINT);
    let checkpoint = stored === undefined ? 0n : BigInt(stored);
    let remindedAt = Number.NEGATIVE_INFINITY;
    while (!stopping()) {
      waiter.reading();
      const page = await store.readAll({
        after: checkpoint,
        maxCount: pageSize,
        filter: { eventTypes: types },
      });
      let planned = 0;
      if (page.length > 0) {
        planned += await again(() => apply(page, since));
        checkpoint = page[page.length - 1].globalPosition;
        await readModels.setState(MAIL_PLANNER_CHECKPOINT, checkpoint.toString());
      }
      const caughtUp = page.length < pageSize;
      if (caughtUp && Date.now() - remindedAt >= options.reminderEveryMs) {
        remindedAt = Date.now();
        planned += await remind(since, stopping);
      }
      if (planned > 0) options.onPlanned();
      if (caughtUp && !stopping()) await waiter.sleep();
    }
  };

  return pollingLoop(logger, 'planning', waiter, run);
};
