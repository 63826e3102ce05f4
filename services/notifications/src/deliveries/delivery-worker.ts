import { Logger } from '@nestjs/common';
import {
  classifyResponse,
  deliverable,
  nextAttemptAt,
  signDelivery,
  signingSecrets,
  WEBHOOK_CONTENT_TYPE,
  webhookDeadLetterEvent,
  webhookDeliveryStream,
  type RetrySchedule,
  type WebhookDeadLetterReason,
  type WebhookSubscriptionState,
} from '@talentloop/notifications-domain';
import type { EventStore } from '@talentloop/event-store';
import type { StoredDocument, ReadModelStore } from '@talentloop/read-models';
import type { Loop } from '@talentloop/supervision';
import { appendDeliveryEvent } from '../delivery-events';
import { claimDue, inLanes, pollingLoop } from '../polling-loop';
import { WakeableSleep } from '../wakeable-sleep';
import type { WebhookAttempt, WebhookSender } from '@talentloop/webhooks';
import {
  DELIVERIES,
  DELIVERY_BODIES,
  LOG_LENGTH,
  promoteNext,
  queueKey,
  type DeliveryAttempt,
  type DeliveryBodyDocument,
  type DeliveryDocument,
} from './delivery.document';

export interface DeliveryWorkerOptions {
  readonly readModels: ReadModelStore;
  /** Where a dead letter is announced (WebhookDeliveryDeadLettered), for the relay to publish. */
  readonly store: EventStore;
  readonly sender: Pick<WebhookSender, 'send'>;
  /** A subscription as it is now, its secrets opened; undefined when it never existed. */
  readonly subscription: (
    tenantId: string,
    subscriptionId: string,
  ) => Promise<WebhookSubscriptionState | undefined>;
  /** The body with its personal fields opened, for a subscription granted opened data. */
  readonly open: (body: string) => Promise<string>;
  /** The endpoint answered 410 Gone: it wants no more webhooks. */
  readonly disable: (tenantId: string, subscriptionId: string, at: Date) => Promise<void>;
  readonly concurrency: number;
  /** The sender's timeout: an attempt never takes longer. */
  readonly attemptTimeoutMs: number;
  readonly schedule: RetrySchedule;
  readonly pollMs: number;
  readonly now: () => Date;
  readonly random?: () => number;
}

/**
 * How long a claimed delivery is left alone past its attempt's timeout before another attempt
 * may take it (the worker died): time enough to record the outcome.
 */
export const CLAIM_MARGIN_MS = 5_000;

/** How often queues left without a head are looked for (see `sweep`), and how many at most. */
export const SWEEP_EVERY_MS = 30_000;
const SWEEP_PAGE = 1_000;
const SWEEP_LIMIT = 10_000;

type Stored = StoredDocument<DeliveryDocument>;

/**
 * Attempts the due deliveries. Only the head of a subject's queue is pending (the scheduler
 * queues the others as waiting, and a head that is delivered or dead hands on to the next), so
 * every due delivery may go and a receiver sees one employee's events in order. A delivery is claimed first (its due time
 * moved past the attempt, guarded by its version), so two workers never attempt it at once;
 * a worker that dies mid-attempt leaves it to be attempted again once the claim runs out. An
 * attempt that fails is retried with backoff for the schedule's window, then dead-lettered.
 */
export const startDeliveryWorker = (options: DeliveryWorkerOptions): Loop & { wake(): void } => {
  const logger = new Logger('DeliveryWorker');
  const { readModels, concurrency, pollMs } = options;
  const random = options.random ?? Math.random;
  const sleeper = new WakeableSleep();

  const claim = (due: readonly Stored[], now: Date): Promise<Stored[]> => {
    const until = new Date(now.getTime() + options.attemptTimeoutMs + CLAIM_MARGIN_MS);
    return claimDue(readModels, DELIVERIES, due, (doc) => ({
      ...doc,
      nextAttemptAt: until.toISOString(),
    }));
  };

  /**
   * Announces a dead letter: in the delivery's own stream, the n-th time it is given up at
   * revision n - 1 (a redelivery may be given up again), before the document says so.
   */
  const announce = async (
    stored: Stored,
    doc: DeliveryDocument,
    reason: WebhookDeadLetterReason,
    at: Date,
  ): Promise<DeliveryDocument> => {
    const announced = stored.doc.deadLetters ?? 0;
    const event = webhookDeadLetterEvent(
      {
        subscriptionId: doc.subscriptionId,
        deliveryId: stored.id,
        eventId: doc.eventId,
        eventType: doc.eventType,
        attempts: doc.attempts,
        lastStatus: doc.log.at(-1)?.status ?? null,
      },
      reason,
      at,
    );
    if (event !== undefined)
      await appendDeliveryEvent(
        options.store,
        {
          tenantId: doc.tenantId,
          stream: webhookDeliveryStream(doc.tenantId, stored.id),
          expectedRevision: announced === 0 ? 'no_stream' : BigInt(announced - 1),
        },
        event,
        at,
      );
    return { ...doc, deadLetters: announced + 1 };
  };

  /** Records an attempt's outcome; a delivery that is done hands its subject's queue on. */
  const record = async (
    stored: Stored,
    outcome: DeliveryDocument,
    dead?: { readonly reason: WebhookDeadLetterReason; readonly at: Date },
  ) => {
    const doc =
      dead === undefined ? outcome : await announce(stored, outcome, dead.reason, dead.at);
    const { conflicts } = await readModels.write(DELIVERIES, [
      { id: stored.id, doc, sources: stored.sources, expectedVersion: stored.version },
    ]);
    // A conflict: redelivered meanwhile; it is pending again and keeps its place.
    if (conflicts.length === 0 && (doc.state === 'delivered' || doc.state === 'dead'))
      await promoteNext(readModels, doc.subscriptionId, doc.subject, options.now());
  };

  const withLog = (doc: DeliveryDocument, attempt: DeliveryAttempt) =>
    [...doc.log, attempt].slice(-LOG_LENGTH);

  const outcomeOf = (attempt: WebhookAttempt): number | 'timeout' | 'network-error' =>
    attempt.kind === 'response'
      ? attempt.status
      : attempt.kind === 'failed' && attempt.reason === 'timeout'
        ? 'timeout'
        : 'network-error';

  const attemptOne = async (
    stored: Stored,
    subscription: WebhookSubscriptionState | undefined,
    sealedBody: string | undefined,
  ): Promise<void> => {
    const { doc } = stored;
    const now = options.now();
    if (subscription === undefined || subscription.status !== 'active') {
      const why =
        subscription?.status === 'disabled'
          ? 'the subscription is disabled'
          : 'the subscription was deleted';
      await record(
        stored,
        {
          ...doc,
          state: 'dead',
          deadAt: now.toISOString(),
          log: withLog(doc, {
            at: now.toISOString(),
            outcome: 'failed',
            status: null,
            durationMs: 0,
            detail: why,
          }),
        },
        { reason: 'subscription-inactive', at: now },
      );
      return;
    }
    // Written before the delivery (see the scheduler): missing, the claim runs out and it is
    // attempted again.
    if (sealedBody === undefined) throw new Error('its body is not there');
    const secrets = signingSecrets(subscription.secrets, now);
    const body =
      subscription.personalData === 'opened' ? await options.open(sealedBody) : sealedBody;
    const headers = signDelivery({ id: stored.id, timestamp: now, payload: body, secrets });
    const attempt = await options.sender.send({
      url: subscription.url,
      // CloudEvents' structured mode: the body is the whole event, envelope and data.
      headers: { 'content-type': WEBHOOK_CONTENT_TYPE, ...headers },
      body,
    });
    const at = options.now();
    const firstAttemptAt = doc.firstAttemptAt ?? now.toISOString();
    const attempts = doc.attempts + 1;
    const verdict =
      attempt.kind === 'refused'
        ? ({ kind: 'retry', reason: attempt.reason, throttle: false } as const)
        : classifyResponse(outcomeOf(attempt));
    const entry: DeliveryAttempt = {
      at: now.toISOString(),
      outcome:
        attempt.kind === 'refused'
          ? 'refused'
          : verdict.kind === 'delivered'
            ? 'delivered'
            : verdict.kind === 'disable-subscription'
              ? 'gone'
              : 'failed',
      status: attempt.kind === 'response' ? attempt.status : null,
      durationMs: attempt.kind === 'refused' ? 0 : Math.round(attempt.durationMs),
      detail:
        attempt.kind === 'response'
          ? attempt.responseExcerpt.slice(0, 200)
          : attempt.kind === 'refused'
            ? attempt.reason
            : `${attempt.reason}: ${attempt.detail}`.slice(0, 200),
    };
    const base = { ...doc, attempts, firstAttemptAt, log: withLog(doc, entry) };
    switch (verdict.kind) {
      case 'delivered':
        await record(stored, { ...base, state: 'delivered', deliveredAt: at.toISOString() });
        return;
      case 'disable-subscription':
        await record(
          stored,
          { ...base, state: 'dead', deadAt: at.toISOString() },
          { reason: 'gone', at },
        );
        await options.disable(doc.tenantId, doc.subscriptionId, at);
        return;
      case 'retry': {
        const next = nextAttemptAt(
          { attempts, firstAttemptAt: new Date(firstAttemptAt), now: at, random: random() },
          options.schedule,
        );
        if (next.kind === 'retry')
          await record(stored, { ...base, nextAttemptAt: next.at.toISOString() });
        else
          await record(
            stored,
            { ...base, state: 'dead', deadAt: at.toISOString() },
            { reason: 'retries-exhausted', at },
          );
        return;
      }
    }
  };

  /** One round: the due deliveries that may go, attempted `concurrency` at a time. */
  const round = async (): Promise<number> => {
    const now = options.now();
    const due = await readModels.findStored<DeliveryDocument>(DELIVERIES, {
      where: { state: 'pending', nextAttemptAt: { $lte: now.toISOString() } },
      sort: { nextAttemptAt: 1 },
      limit: concurrency * 4,
    });
    if (due.length === 0) return 0;
    // All heads of their queues; two of one queue only after a redelivery: the older goes first.
    const candidates = deliverable(
      due.map((stored) => ({
        stored,
        id: stored.id,
        // One queue per subscription and subject: `deliverable` orders within it.
        subject: queueKey(stored.doc.subscriptionId, stored.doc.subject),
        position: stored.doc.position,
        state: 'pending' as const,
        nextAttemptAt: new Date(stored.doc.nextAttemptAt),
      })),
      now,
    ).map(({ stored }) => stored);
    const claimed = await claim(candidates, now);
    const subscriptions = new Map<string, Promise<WebhookSubscriptionState | undefined>>();
    const subscriptionOf = ({ doc }: Stored) => {
      const key = `${doc.tenantId}\u0000${doc.subscriptionId}`;
      let found = subscriptions.get(key);
      if (found === undefined)
        subscriptions.set(key, (found = options.subscription(doc.tenantId, doc.subscriptionId)));
      return found;
    };
    // The bodies of the round in one read (a document from before they moved holds its own).
    const bodies = await readModels.load<DeliveryBodyDocument>(
      DELIVERY_BODIES,
      claimed.filter(({ doc }) => doc.body === undefined).map(({ id }) => id),
    );
    await inLanes(
      claimed,
      concurrency,
      async (stored) =>
        attemptOne(
          stored,
          await subscriptionOf(stored),
          stored.doc.body ?? bodies.get(stored.id)?.doc.body,
        ),
      (stored, reason) => logger.warn(`delivery ${stored.id} not recorded: ${reason}`),
    );
    return claimed.length;
  };

  /**
   * Hands on the queues a worker left without a head: one that died between recording a head's
   * outcome and handing its queue on. At every start, then every SWEEP_EVERY_MS (another
   * instance may be the one that died): each queue with a waiting delivery gets its head again
   * (promoteNext changes nothing where there is one).
   */
  const sweep = async () => {
    const queues = new Map<string, { subscriptionId: string; subject: string }>();
    for (let skip = 0; skip < SWEEP_LIMIT; skip += SWEEP_PAGE) {
      const page = await readModels.find<DeliveryDocument>(DELIVERIES, {
        where: { state: 'waiting' },
        sort: { nextAttemptAt: 1 },
        skip,
        limit: SWEEP_PAGE,
        // Their queues are all it needs.
        without: ['body', 'log'],
      });
      for (const { subscriptionId, subject } of page)
        queues.set(queueKey(subscriptionId, subject), { subscriptionId, subject });
      if (page.length < SWEEP_PAGE) break;
    }
    for (const { subscriptionId, subject } of queues.values())
      await promoteNext(readModels, subscriptionId, subject, options.now());
  };

  const run = async (stopping: () => boolean) => {
    let sweptAt = Number.NEGATIVE_INFINITY;
    while (!stopping()) {
      if (Date.now() - sweptAt >= SWEEP_EVERY_MS) {
        sweptAt = Date.now();
        await sweep();
      }
      const attempted = await round();
      if (attempted === 0 && !stopping()) await sleeper.sleep(pollMs);
    }
  };

  const loop = pollingLoop(
    logger,
    'delivering',
    { wake: () => sleeper.stop(), close: () => {} },
    run,
  );
  return { ...loop, wake: () => sleeper.wake() };
};
