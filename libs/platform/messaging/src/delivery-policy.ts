import { deadLetterTopicFor } from '@talentloop/contracts';
import {
  inSpan,
  messagesConsumed,
  messagesDeadLettered,
  SpanKind,
} from '@talentloop/observability';
import { InvalidMessagingOptionError, isDeferred, isRetriable, messageOf, nameOf } from './errors';
import {
  deadLetterHeaders,
  redriveForHeader,
  type BusMessage,
  type DeliveredMessage,
  type MessageHandler,
  type RetryPolicy,
} from './message-bus.port';

/**
 * What happens to one delivered message, shared by every adapter so that retries, backoff
 * and dead-lettering behave identically on Kafka and on the embedded log.
 */

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  initialBackoffMs: 200,
  maxBackoffMs: 10_000,
};

export const retryPolicyOf = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => {
  const policy = { ...defaultRetryPolicy, ...overrides };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1)
    throw new InvalidMessagingOptionError('retry.maxAttempts', 'must be a whole number ≥ 1');
  if (!(policy.initialBackoffMs >= 0) || !(policy.maxBackoffMs >= policy.initialBackoffMs))
    throw new InvalidMessagingOptionError(
      'retry backoff',
      'needs 0 ≤ initialBackoffMs ≤ maxBackoffMs',
    );
  return policy;
};

/** Delay after the given number of failed attempts: initial, then doubling, capped. */
export const backoffMs = (policy: RetryPolicy, failedAttempts: number): number =>
  Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** (failedAttempts - 1));

export interface DeadLetterReason {
  readonly error: unknown;
  readonly attempts: number;
  readonly groupId: string;
  readonly failedAt: Date;
}

/** The original key, value and headers, plus headers telling where it came from and why it failed. */
export const deadLetterMessageOf = (
  message: DeliveredMessage,
  reason: DeadLetterReason,
): BusMessage => ({
  key: message.key,
  value: message.value,
  headers: {
    ...message.headers,
    [deadLetterHeaders.error]: messageOf(reason.error),
    [deadLetterHeaders.errorName]: nameOf(reason.error),
    [deadLetterHeaders.attempts]: String(reason.attempts),
    [deadLetterHeaders.originalTopic]: message.topic,
    [deadLetterHeaders.originalPartition]: String(message.partition),
    [deadLetterHeaders.originalOffset]: message.offset,
    [deadLetterHeaders.consumerGroup]: reason.groupId,
    [deadLetterHeaders.failedAt]: reason.failedAt.toISOString(),
  },
});

/** What an adapter lends the delivery of one message. */
export interface DeliveryContext {
  readonly groupId: string;
  readonly handler: MessageHandler;
  readonly policy: RetryPolicy;
  /** Publishes to a dead-letter topic; a failure leaves the message uncommitted. */
  readonly deadLetter: (topic: string, message: BusMessage) => Promise<void>;
  /**
   * Waits between attempts (the adapter keeps its group membership alive meanwhile) and
   * resolves false when the consumer is stopping or lost the message to another member.
   */
  readonly pause: (ms: number) => Promise<boolean>;
  /** See SubscribeToTopicsOptions.ordering; `key` when absent. */
  readonly ordering?: 'key' | 'partition';
}

/**
 * - handled: the handler succeeded; commit.
 * - dead-lettered: it failed for good and is in the dead-letter topic; commit and move on.
 * - skipped: redriven for another group (redriveForHeader); this group handled it the first
 *   time, so it commits without calling the handler.
 * - interrupted: the consumer stopped (or lost the partition) between attempts; do not
 *   commit, whoever consumes the partition next gets the message again.
 */
export type DeliveryOutcome = 'handled' | 'dead-lettered' | 'skipped' | 'interrupted';

/** Whether a message was redriven from the dead letters of a group other than this one. */
export const isRedrivenForAnotherGroup = (message: BusMessage, groupId: string): boolean => {
  const redriveFor = message.headers[redriveForHeader];
  return redriveFor !== undefined && redriveFor !== groupId;
};

export const deliver = async (
  message: DeliveredMessage,
  context: DeliveryContext,
): Promise<DeliveryOutcome> => {
  if (isRedrivenForAnotherGroup(message, context.groupId)) {
    messagesConsumed.inc({ group: context.groupId, topic: message.topic, outcome: 'skipped' });
    return 'skipped';
  }
  const outcome = await inSpan(
    `consume ${message.topic}`,
    {
      kind: SpanKind.CONSUMER,
      parent: message.headers[TRACEPARENT_HEADER],
      attributes: {
        'messaging.destination.name': message.topic,
        'messaging.consumer.group.name': context.groupId,
        'messaging.kafka.offset': message.offset,
      },
    },
    () => attempt(message, context),
  );
  messagesConsumed.inc({ group: context.groupId, topic: message.topic, outcome });
  if (outcome === 'dead-lettered')
    messagesDeadLettered.inc({ group: context.groupId, topic: message.topic });
  return outcome;
};

/** The trace context of an event on the bus (binary-mode CloudEvents header). */
const TRACEPARENT_HEADER = 'ce_traceparent';

const attempt = async (
  message: DeliveredMessage,
  context: DeliveryContext,
): Promise<DeliveryOutcome> => {
  const { policy } = context;
  let deferrals = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      await context.handler(message);
      return 'handled';
    } catch (error) {
      if (isDeferred(error)) {
        // Not the message's fault (the read side it needs is still catching up): try again
        // later, for as long as it takes, without counting towards dead-lettering.
        attempt--;
        if (!(await context.pause(backoffMs(policy, ++deferrals)))) return 'interrupted';
        continue;
      }
      if (!isRetriable(error) || attempt >= policy.maxAttempts) {
        const reason = { error, attempts: attempt, groupId: context.groupId, failedAt: new Date() };
        await context.deadLetter(
          deadLetterTopicFor(message.topic, context.groupId),
          deadLetterMessageOf(message, reason),
        );
        return 'dead-lettered';
      }
      if (!(await context.pause(backoffMs(policy, attempt)))) return 'interrupted';
    }
  }
};

const PAUSE_SLICE_MS = 100;

/** Sleeps in short slices so that a stopping consumer is not held up by a long backoff. */
export const sleepWhile = async (
  ms: number,
  stillWanted: () => boolean,
  everySlice: () => Promise<void> = () => Promise.resolve(),
): Promise<boolean> => {
  const until = Date.now() + ms;
  while (stillWanted()) {
    const remaining = until - Date.now();
    if (remaining <= 0) return true;
    await new Promise((resolve) => setTimeout(resolve, Math.min(remaining, PAUSE_SLICE_MS)));
    await everySlice();
  }
  return false;
};

/** Keys of one batch whose messages are handled at the same time, at most. */
const KEYS_IN_FLIGHT = 32;

/**
 * Delivers a batch of one partition: the messages of one key one after another in offset
 * order, different keys at the same time (up to KEYS_IN_FLIGHT), so that handlers working for
 * different employees share the event store's group commits instead of waiting for each
 * other's fsyncs. Order is only promised per key, as Kafka only promises it per partition and
 * a key always lands on one partition. Stops taking messages once `stillOwned` says no.
 * Returns how many messages from the start of the batch were all handled (or dead-lettered):
 * the prefix that may be committed; later ones that were handled are redelivered, which
 * at-least-once allows.
 *
 * When one key fails (its dead letter could not be published, say) the other keys finish the
 * message in hand and take no more, and only once all have stopped does the batch reject: the
 * batch is then delivered again, and a key still being handled here would be handled twice
 * at the same time.
 */
export const deliverBatch = async (
  messages: readonly DeliveredMessage[],
  context: DeliveryContext,
  stillOwned: () => boolean,
): Promise<number> => {
  const done = new Array<boolean>(messages.length).fill(false);
  const byKey = new Map<string, number[]>();
  const keyOf = (message: DeliveredMessage) =>
    context.ordering === 'partition' ? '' : message.key;
  messages.forEach((message, index) => {
    const chain = byKey.get(keyOf(message));
    if (chain) chain.push(index);
    else byKey.set(keyOf(message), [index]);
  });
  const chains = [...byKey.values()];
  let nextChain = 0;
  const failures: unknown[] = [];
  const goOn = () => failures.length === 0 && stillOwned();
  const worker = async () => {
    try {
      for (let chain = chains[nextChain++]; chain && goOn(); chain = chains[nextChain++]) {
        for (const index of chain) {
          if (!goOn() || (await deliver(messages[index], context)) === 'interrupted') break;
          done[index] = true;
        }
      }
    } catch (error) {
      failures.push(error);
    }
  };
  await Promise.all(Array.from({ length: Math.min(KEYS_IN_FLIGHT, chains.length) }, worker));
  if (failures.length > 0) throw failures[0];
  const firstUndone = done.indexOf(false);
  return firstUndone === -1 ? messages.length : firstUndone;
};
