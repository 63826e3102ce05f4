import { Logger } from '@nestjs/common';
import type { EventStore } from '@talentloop/event-store';
import {
  composeDigest,
  composeMail,
  mailDeliveryStream,
  mailOutcomeEvent,
  nextAttemptAt,
  suppressionDetail,
  suppressionOf,
  type ComposeInput,
  type ComposedDigest,
  type MailCalendar,
  type MailOutcome,
  type MailPerson,
  type RetrySchedule,
} from '@talentloop/notifications-domain';
import { notificationMail, type MailTransport, type SendOutcome } from '@talentloop/mail';
import type { ReadModelStore, StoredDocument } from '@talentloop/read-models';
import type { Loop } from '@talentloop/supervision';
import { appendDeliveryEvent } from '../delivery-events';
import { claimDue, inLanes, pollingLoop } from '../polling-loop';
import { WakeableSleep } from '../wakeable-sleep';
import { createHash } from 'node:crypto';
import {
  MAIL_LOG_LENGTH,
  MAIL_PEOPLE,
  MAILS,
  personDocumentId,
  type MailAttempt,
  type MailDocument,
} from './mail.documents';

/** A person's name and address, opened for one mail; never stored, never logged. */
export interface OpenedPerson {
  readonly displayName: string;
  readonly email: string;
}

export interface MailWorkerOptions {
  readonly readModels: ReadModelStore;
  /** Where each mail's outcome is recorded as an event (MailSent, …), which the relay publishes. */
  readonly store: EventStore;
  readonly transport: Pick<MailTransport, 'send'>;
  /** The person's name and address opened; undefined once they are erased. */
  readonly open: (person: MailPerson) => Promise<OpenedPerson | undefined>;
  /** A mail's sealed feedback opened (the employee's key); undefined once erased. */
  readonly openFeedback: (
    tenantId: string,
    employeeId: string,
    sealed: string,
  ) => Promise<string | undefined>;
  /** The one-click unsubscribe URL of a person. */
  readonly unsubscribeUrl: (tenantId: string, employeeId: string) => string;
  readonly appUrl: string;
  readonly from: { readonly name: string; readonly address: string };
  readonly concurrency: number;
  readonly attemptTimeoutMs: number;
  readonly schedule: RetrySchedule;
  readonly pollMs: number;
  readonly now: () => Date;
  readonly random?: () => number;
}

/** A claimed mail is left alone this long past its attempt's timeout before another may take it. */
export const MAIL_CLAIM_MARGIN_MS = 5_000;

type Stored = StoredDocument<MailDocument>;

/** The Message-ID of a mail, or of a digest (from the mails it gathers). */
export const messageIdOf = (mailIds: readonly string[]): string =>
  mailIds.length === 1
    ? `${mailIds[0]}@talentloop`
    : `digest_${createHash('sha256')
        .update([...mailIds].sort().join('\u0000'))
        .digest('hex')
        .slice(0, 32)}@talentloop`;

const withoutFeedback = ({ feedback: _sealed, ...facts }: MailDocument['facts']) => facts;

/**
 * Sends the due mails. A mail is claimed first (its `sendAt` moved past the attempt, guarded
 * by its version), so two instances never send it at once, and it is sent with a Message-ID
 * derived from its id: a worker killed between the server's acceptance and the record sends it
 * again, after the claim runs out, under the same Message-ID (SMTP has no idempotency key of
 * its own; the mailbox folder keeps one file per Message-ID). Whether the person may be
 * written to is decided at the moment of sending, so turning e-mail off or an erasure stops
 * what is still pending. A recipient's due digest mails go out together, as one e-mail.
 */
export const startMailWorker = (options: MailWorkerOptions): Loop & { wake(): void } => {
  const logger = new Logger('MailWorker');
  const { readModels, concurrency, pollMs } = options;
  const random = options.random ?? Math.random;
  const sleeper = new WakeableSleep();

  const claim = (due: readonly Stored[], now: Date): Promise<Stored[]> => {
    const until = new Date(now.getTime() + options.attemptTimeoutMs + MAIL_CLAIM_MARGIN_MS);
    return claimDue(readModels, MAILS, due, (doc) => ({ ...doc, sendAt: until.toISOString() }));
  };

  /**
   * Records a unit's outcome: first each mail's event in its own stream (appended once; a
   * retry after a crash here appends nothing new), then the documents. The other way round, a
   * crash between the two would leave a finished mail whose event is never written.
   */
  const record = async (
    unit: readonly Stored[],
    outcome: (doc: MailDocument, id: string) => MailOutcome | undefined,
    change: (doc: MailDocument, id: string) => MailDocument,
  ) => {
    for (const { id, doc } of unit) {
      const happened = outcome(doc, id);
      if (happened === undefined) continue;
      await appendDeliveryEvent(
        options.store,
        {
          tenantId: doc.tenantId,
          stream: mailDeliveryStream(doc.tenantId, id),
          expectedRevision: 'no_stream',
        },
        mailOutcomeEvent({ ...doc, mailId: id }, happened),
        happened.at,
      );
    }
    await readModels.write(
      MAILS,
      unit.map((stored) => ({
        id: stored.id,
        doc: change(stored.doc, stored.id),
        sources: stored.sources,
        expectedVersion: stored.version,
      })),
    );
  };

  const withLog = (doc: MailDocument, attempt: MailAttempt) =>
    [...doc.log, attempt].slice(-MAIL_LOG_LENGTH);

  /** The people a round's mails name (recipients and whom they are about), in one query. */
  const peopleOf = async (mails: readonly Stored[]) =>
    readModels.load<MailPerson>(MAIL_PEOPLE, [
      ...new Set(
        mails.flatMap(({ doc }) => [
          personDocumentId(doc.tenantId, doc.recipientId),
          personDocumentId(doc.tenantId, doc.facts.employeeId),
        ]),
      ),
    ]);

  /** What one mail says, its personal parts opened for this attempt only. */
  const inputOf = async (
    stored: Stored,
    recipient: OpenedPerson & { language: MailPerson['language'] },
    about: OpenedPerson | undefined,
  ): Promise<ComposeInput> => {
    const { doc } = stored;
    const feedback =
      doc.facts.feedback === undefined
        ? undefined
        : await options.openFeedback(doc.tenantId, doc.facts.employeeId, doc.facts.feedback);
    return {
      mail: {
        mailId: stored.id,
        tenantId: doc.tenantId,
        kind: doc.kind,
        role: doc.role,
        recipientId: doc.recipientId,
        // Feedback that can no longer be opened is left out (the mail then cannot be written).
        facts: { ...withoutFeedback(doc.facts), ...(feedback !== undefined && { feedback }) },
        cause: doc.cause,
      },
      recipient: { displayName: recipient.displayName, language: recipient.language },
      about: about === undefined ? null : { displayName: about.displayName },
      links: {
        app: options.appUrl,
        unsubscribe: options.unsubscribeUrl(doc.tenantId, doc.recipientId),
      },
      from: options.from.address,
      to: recipient.email,
      now: options.now(),
    };
  };

  /** Sends one unit: a mail, or a recipient's due digest mails as one e-mail. */
  const sendUnit = async (
    unit: readonly Stored[],
    found: ReadonlyMap<string, StoredDocument<MailPerson>>,
  ): Promise<void> => {
    const first = unit[0].doc;
    const now = options.now();
    const person = found.get(personDocumentId(first.tenantId, first.recipientId))?.doc;
    const suppressed = suppressionOf(person);
    const opened = suppressed === undefined ? await options.open(person!) : undefined;
    if (opened === undefined || person === undefined) {
      const reason = suppressed ?? 'erased';
      await record(
        unit,
        () => ({ kind: 'suppressed', reason, at: now }),
        (doc) => ({
          ...doc,
          state: 'suppressed',
          log: withLog(doc, {
            at: now.toISOString(),
            outcome: 'suppressed',
            detail: suppressionDetail[reason],
          }),
        }),
      );
      return;
    }
    const recipient = { ...opened, language: person.language };
    const inputs: ComposeInput[] = [];
    for (const stored of unit) {
      const aboutId = stored.doc.facts.employeeId;
      const aboutPerson =
        aboutId === stored.doc.recipientId
          ? undefined
          : found.get(personDocumentId(stored.doc.tenantId, aboutId))?.doc;
      const about =
        aboutPerson === undefined || aboutPerson.erased
          ? undefined
          : await options.open(aboutPerson);
      inputs.push(await inputOf(stored, recipient, about));
    }
    const messageId = messageIdOf(unit.map(({ id }) => id));
    const unsubscribe = options.unsubscribeUrl(first.tenantId, first.recipientId);
    let content: ComposedDigest & { readonly calendar?: MailCalendar };
    try {
      content =
        unit.length === 1 && !first.digest
          ? composeMail(inputs[0])
          : composeDigest({
              items: inputs,
              recipient: { displayName: recipient.displayName, language: recipient.language },
              links: { app: options.appUrl, unsubscribe },
              day: now,
            });
    } catch (error) {
      // What it needs cannot be had any more (feedback whose key is gone): never sendable.
      const detail = `cannot be written: ${error instanceof Error ? error.message : String(error)}`;
      await record(
        unit,
        (doc) => ({ kind: 'dead', reason: 'unwritable', attempts: doc.attempts, at: now }),
        (doc) => ({
          ...doc,
          state: 'dead',
          log: withLog(doc, {
            at: now.toISOString(),
            outcome: 'failed',
            detail: detail.slice(0, 200),
          }),
        }),
      );
      return;
    }
    const mail = notificationMail({
      messageId,
      from: options.from,
      to: { name: opened.displayName, address: opened.email },
      content,
      language: person.language,
      unsubscribeUrl: unsubscribe,
      date: now,
    });
    const outcome: SendOutcome = await options.transport.send(mail);
    const at = options.now();
    if (outcome.kind === 'sent') {
      await record(
        unit,
        (doc) => ({
          kind: 'sent',
          messageId,
          digest: doc.digest,
          attempts: doc.attempts + 1,
          at,
        }),
        (doc) => ({
          ...doc,
          state: 'sent',
          attempts: doc.attempts + 1,
          firstAttemptAt: doc.firstAttemptAt ?? now.toISOString(),
          sentAt: at.toISOString(),
          messageId,
          log: withLog(doc, {
            at: now.toISOString(),
            outcome: 'sent',
            detail: outcome.response.slice(0, 200),
          }),
        }),
      );
      return;
    }
    // Each mail's next step, decided once for its event and its document alike: a 5xx answer
    // is final; anything else is retried until the schedule's window closes.
    const decided = new Map(
      unit.map(({ id, doc }) => {
        const attempts = doc.attempts + 1;
        const firstAttemptAt = doc.firstAttemptAt ?? now.toISOString();
        const next = outcome.permanent
          ? undefined
          : nextAttemptAt(
              { attempts, firstAttemptAt: new Date(firstAttemptAt), now: at, random: random() },
              options.schedule,
            );
        const retryAt = next?.kind === 'retry' ? next.at : undefined;
        const dead = outcome.permanent ? 'refused' : 'retries-exhausted';
        return [id, { attempts, firstAttemptAt, retryAt, dead }] as const;
      }),
    );
    await record(
      unit,
      (_doc, id) => {
        const { attempts, retryAt, dead } = decided.get(id)!;
        return retryAt === undefined ? { kind: 'dead', reason: dead, attempts, at } : undefined;
      },
      (doc, id) => {
        const { attempts, firstAttemptAt, retryAt } = decided.get(id)!;
        const base = {
          ...doc,
          attempts,
          firstAttemptAt,
          log: withLog(doc, {
            at: now.toISOString(),
            outcome: 'failed',
            detail: outcome.reason.slice(0, 200),
          }),
        };
        return retryAt === undefined
          ? { ...base, state: 'dead' }
          : { ...base, sendAt: retryAt.toISOString() };
      },
    );
  };

  /** One round: the due mails, a recipient's digest mails together, `concurrency` at a time. */
  const round = async (): Promise<number> => {
    const now = options.now();
    const due = await readModels.findStored<MailDocument>(MAILS, {
      where: { state: 'pending', sendAt: { $lte: now.toISOString() } },
      sort: { sendAt: 1 },
      // No more than are sent at once: a claim must not run out while its mail waits its turn.
      limit: concurrency,
    });
    if (due.length === 0) return 0;
    const claimed = await claim(due, now);
    const units: Stored[][] = [];
    const digests = new Map<string, Stored[]>();
    for (const stored of claimed) {
      if (!stored.doc.digest) {
        units.push([stored]);
        continue;
      }
      const key = `${stored.doc.tenantId}\u0000${stored.doc.recipientId}`;
      let unit = digests.get(key);
      if (unit === undefined) {
        digests.set(key, (unit = []));
        units.push(unit);
      }
      unit.push(stored);
    }
    const found = await peopleOf(claimed);
    await inLanes(
      units,
      concurrency,
      (unit) => sendUnit(unit, found),
      (unit, reason) => logger.warn(`mail ${unit[0].id} not recorded: ${reason}`),
    );
    return claimed.length;
  };

  const run = async (stopping: () => boolean) => {
    while (!stopping()) {
      const sent = await round();
      if (sent === 0 && !stopping()) await sleeper.sleep(pollMs);
    }
  };

  const loop = pollingLoop(logger, 'sending', { wake: () => sleeper.stop(), close: () => {} }, run);
  return { ...loop, wake: () => sleeper.wake() };
};
