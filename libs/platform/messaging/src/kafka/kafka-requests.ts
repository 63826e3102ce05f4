import type { Admin } from 'kafkajs';
import { BrokerRequestFailedError, MessagingError } from '../errors';

/**
 * Whether a kafkajs error may go away by itself. kafkajs marks its retriable errors, and once
 * its own few retries are spent it throws KafkaJSNumberOfRetriesExceeded, marked not
 * retriable; its consumer restarts on that error all the same, and so do the relay and a
 * subscription: a broker that is down, or still learning of a topic created elsewhere, answers
 * later.
 */
export const isTransient = (error: unknown): boolean => {
  const { retriable, name } = (error ?? {}) as { retriable?: unknown; name?: unknown };
  return retriable === true || name === 'KafkaJSNumberOfRetriesExceeded';
};

/**
 * Errors after which an idempotent producer's state (its producer id and sequence numbers) no
 * longer matches the broker's, typically after the broker was killed and lost the tail of its
 * log: every later send with the same producer fails the same way. The producer must be
 * replaced (a new producer id), as the Java client does by bumping its epoch.
 */
const PRODUCER_STATE_ERRORS = new Set([
  'OUT_OF_ORDER_SEQUENCE_NUMBER',
  'UNKNOWN_PRODUCER_ID',
  'INVALID_PRODUCER_EPOCH',
  'INVALID_PRODUCER_ID_MAPPING',
]);

/** Whether the error, or one it wraps (kafkajs nests them), says the producer must be replaced. */
export const needsNewProducer = (error: unknown, depth = 0): boolean => {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { type, cause, originalError, errors } = error as {
    type?: unknown;
    cause?: unknown;
    originalError?: unknown;
    errors?: unknown;
  };
  if (typeof type === 'string' && PRODUCER_STATE_ERRORS.has(type)) return true;
  const nested: unknown[] = Array.isArray(errors) ? (errors as unknown[]) : [];
  return [cause, originalError, ...nested].some((inner) => needsNewProducer(inner, depth + 1));
};

/** Runs a request to the broker; a kafkajs failure becomes a BrokerRequestFailedError. */
export const brokerRequest = async <T>(what: string, request: () => Promise<T>): Promise<T> => {
  try {
    return await request();
  } catch (error) {
    if (error instanceof MessagingError) throw error;
    throw new BrokerRequestFailedError(what, error, isTransient(error));
  }
};

/**
 * Runs `attempt` again while it fails with a transient error (a broker still learning about a
 * topic just created elsewhere), for 30 s at most.
 */
export const retryingWhileTransient = async <T>(attempt: () => Promise<T>): Promise<T> => {
  const deadline = Date.now() + 30_000;
  for (let wait = 100; ; wait = Math.min(wait * 2, 2_000)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isTransient(error) || Date.now() + wait > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
};

/**
 * Polls the topics' metadata until every partition has a leader, and that leader answers where
 * the partition ends (30 s at most, then throws).
 */
export const untilLeadersElected = async (
  admin: Admin,
  topics: readonly string[],
): Promise<void> => {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const { topics: found } = await admin.fetchTopicMetadata({ topics: [...topics] });
      const led = found.every(
        ({ partitions }) =>
          partitions.length > 0 &&
          partitions.every(({ leader }) => leader !== undefined && leader >= 0),
      );
      if (led && found.length === topics.length) {
        // The metadata can name a leader before that broker serves the partition (it then
        // answers "not the leader"): asking each partition where it ends proves it does.
        await Promise.all(topics.map((topic) => admin.fetchTopicOffsets(topic)));
        return;
      }
    } catch (error) {
      // The topic is not in the metadata of every broker yet, or a leader does not serve its
      // partition yet: ask again.
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline)
      throw new BrokerRequestFailedError(
        `waiting for leaders of ${topics.join(', ')}`,
        new Error('no leader within 30 s'),
        true,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

export interface LazyConnection {
  open(): Promise<void>;
  /**
   * A connection was ever asked for: the client may hold sockets, even after a failed
   * connect (kafkajs keeps the cluster's connections when, say, the broker refuses the
   * producer id), so it must be disconnected at close.
   */
  used(): boolean;
}

/** Connects on first use; a failed connection is forgotten, so the next use tries again. */
export const lazyConnection = (connect: () => Promise<void>): LazyConnection => {
  let connected: Promise<void> | undefined;
  let used = false;
  return {
    open: () => {
      used = true;
      return (connected ??= connect().catch((error: unknown) => {
        connected = undefined;
        throw error;
      }));
    },
    used: () => used,
  };
};
