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
import type { DocumentWrite, ReadModelStore, StoredDocument } from '@talentloop/read-models';
import type { Loop } from '@talentloop/supervision';
import { pollingLoop } from '../polling-loop';
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

/** Another instance wrote a document this one had loaded: the work is done again, reloaded. */
class WrittenMeanwhile extends Error {}

/**
 * The documents a page or a reminder pass reads and changes, loaded once for all its events
 * and written back with the versions they were loaded at: a second instance that wrote one
 * meanwhile makes the write fail, and the page is applied again from the checkpoint (the
 * folds are idempotent, the mails' ids derived).
 */
class Working {
  private readonly people = new Map<string, StoredDocument<MailPerson> | undefined>();
  private readonly goals = new Map<string, StoredDocument<MailGoalDocument> | undefined>();
  private readonly tenants = new Map<string, StoredDocument<MailTenantDocument> | undefined>();
  private readonly changed = { people: new Map(), goals: new Map(), tenants: new Map() } as {
    people: Map<string, MailPerson | undefined>;
    goals: Map<string, MailGoalDocument | undefined>;
    tenants: Map<string, MailTenantDocument | undefined>;
  };

  constructor(private readonly readModels: ReadModelStore) {}

  async loadPeople(ids: Iterable<string>) {
    const missing = [...new Set(ids)].filter((id) => !this.people.has(id));
    if (missing.length === 0) return;
    const found = await this.readModels.load<MailPerson>(MAIL_PEOPLE, missing);
    for (const id of missing) this.people.set(id, found.get(id));
  }

  async loadGoals(ids: Iterable<string>) {
    const missing = [...new Set(ids)].filter((id) => !this.goals.has(id));
    if (missing.length === 0) return;
    const found = await this.readModels.load<MailGoalDocument>(MAIL_GOALS, missing);
    for (const id of missing) this.goals.set(id, found.get(id));
  }

  adoptGoal(stored: StoredDocument<MailGoalDocument>) {
    this.goals.set(stored.id, stored);
  }

  async loadTenants(ids: Iterable<string>) {
    const missing = [...new Set(ids)].filter((id) => !this.tenants.has(id));
    if (missing.length === 0) return;
    const found = await this.readModels.load<MailTenantDocument>(MAIL_TENANTS, missing);
    for (const id of missing) this.tenants.set(id, found.get(id));
  }

  /**
   * Whether the event at `position` is already in the document (a page applied again after a
   * crash, or by another instance first): its store position says how far it was applied.
   */
  has(collection: 'people' | 'goals' | 'tenants', id: string, position: bigint): boolean {
    const loaded = { people: this.people, goals: this.goals, tenants: this.tenants }[collection];
    const applied = loaded.get(id)?.sources.store;
    return applied !== undefined && BigInt(applied) >= position;
  }

  person(tenantId: string, employeeId: string): MailPerson | undefined {
    const id = personDocumentId(tenantId, employeeId);
    return this.changed.people.has(id) ? this.changed.people.get(id) : this.people.get(id)?.doc;
  }

  setPerson(id: string, person: MailPerson | undefined) {
    this.changed.people.set(id, person);
  }

  goal(id: string): GoalSchedule | undefined {
    return this.changed.goals.has(id) ? this.changed.goals.get(id) : this.goals.get(id)?.doc;
  }

  setGoal(id: string, schedule: GoalSchedule | undefined, settings: ReminderSettings) {
    this.changed.goals.set(
      id,
      schedule && { ...schedule, remindAt: nextReminder(schedule, settings)?.at ?? null },
    );
  }

  hrContacts(tenantId: string): readonly string[] {
    const doc = this.changed.tenants.has(tenantId)
      ? this.changed.tenants.get(tenantId)
      : this.tenants.get(tenantId)?.doc;
    return doc?.employeeIds ?? [];
  }

  tenant(tenantId: string): MailTenantDocument | undefined {
    return this.changed.tenants.has(tenantId)
      ? this.changed.tenants.get(tenantId)
      : this.tenants.get(tenantId)?.doc;
  }

  setTenant(tenantId: string, doc: MailTenantDocument | undefined) {
    this.changed.tenants.set(tenantId, doc);
  }

  managerOf(tenantId: string) {
    return (employeeId: string): string | null =>
      this.person(tenantId, employeeId)?.managerId ?? null;
  }

  /** Writes what changed; throws when another instance wrote any of it meanwhile. */
  async save(position: string | undefined) {
    const writes = <Doc extends object>(
      changed: Map<string, Doc | undefined>,
      loaded: Map<string, StoredDocument<Doc> | undefined>,
    ): DocumentWrite[] =>
      [...changed].map(([id, doc]) => {
        const stored = loaded.get(id);
        return {
          id,
          doc,
          sources: position === undefined ? (stored?.sources ?? {}) : { store: position },
          expectedVersion: stored?.version ?? 0,
        };
      });
    for (const [collection, changed, loaded] of [
      [MAIL_PEOPLE, this.changed.people, this.people],
      [MAIL_GOALS, this.changed.goals, this.goals],
      [MAIL_TENANTS, this.changed.tenants, this.tenants],
    ] as const) {
      if (changed.size === 0) continue;
      const { conflicts } = await this.readModels.write(
        collection,
        writes(changed as Map<string, object | undefined>, loaded as Map<string, StoredDocument>),
      );
      if (conflicts.length > 0)
        throw new WrittenMeanwhile(
          `${collection}: ${conflicts.length} written by another instance meanwhile`,
        );
    }
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

  /** Writes the mails (each once: a conflict is the proof it was made) and says so. */
  const writeMails = async (working: Working, mails: readonly PlannedMail[], now: Date) => {
    if (mails.length === 0) return;
    await working.loadPeople(mails.map((m) => personDocumentId(m.tenantId, m.recipientId)));
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
      working.loadPeople(personIds),
      working.loadGoals(goalIds),
      working.loadTenants(tenantIds),
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
        if (!working.has('people', id, position))
          working.setPerson(id, evolveMailPerson(working.person(tenantId, employeeId), typed));
      }
      if (event.type === 'HrContactsSet' && !working.has('tenants', tenantId, position))
        working.setTenant(
          tenantId,
          evolveHrContacts(
            working.tenant(tenantId),
            event as unknown as Parameters<typeof evolveHrContacts>[1],
          ),
        );
      if (goalTypes.has(event.type)) {
        const id = goalDocumentId(tenantId, stringField(data, 'goalId')!);
        if (!working.has('goals', id, position))
          working.setGoal(
            id,
            evolveGoalSchedule(
              working.goal(id),
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
    for (const stored of due) working.adoptGoal(stored);
    await working.loadPeople(due.map(({ doc }) => personDocumentId(doc.tenantId, doc.employeeId)));
    await working.loadTenants(due.map(({ doc }) => doc.tenantId));
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
