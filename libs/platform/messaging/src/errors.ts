/**
 * Base of every error the messaging layer raises on purpose. `retriable` is the one flag
 * consumers and the relay act on (as kafkajs does for its own errors): true means the same
 * call may succeed later, false means it will fail the same way again.
 */
export abstract class MessagingError extends Error {
  abstract readonly code: string;
  abstract readonly retriable: boolean;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The broker or the log did not accept a publish; retriable when its cause says so. */
export class PublishFailedError extends MessagingError {
  readonly code = 'PUBLISH_FAILED';
  readonly retriable: boolean;
  constructor(
    readonly topic: string,
    cause: unknown,
    retriable = isRetriable(cause),
  ) {
    super(`publishing to ${topic} failed: ${messageOf(cause)}`, { cause });
    this.retriable = retriable;
  }
}

/**
 * The broker (or the embedded log) did not answer a request that declares, subscribes to or
 * reads the ends of topics; retriable when it may answer later (it is unreachable, still
 * electing the topic's leaders, or the topic is not declared yet).
 */
export class BrokerRequestFailedError extends MessagingError {
  readonly code = 'BROKER_REQUEST_FAILED';
  constructor(
    what: string,
    cause: unknown,
    readonly retriable: boolean,
  ) {
    super(`${what} failed: ${messageOf(cause)}`, { cause });
  }
}

/**
 * Publishing to, or subscribing to, a topic the topology has not been declared with (yet):
 * retriable, since an operator or a starting service may declare it in a moment.
 */
export class UnknownTopicError extends MessagingError {
  readonly code = 'UNKNOWN_TOPIC';
  readonly retriable = true;
  constructor(readonly topic: string) {
    super(`topic ${topic} does not exist; declare it in the topology (npm run kafka:topics)`);
  }
}

/**
 * A consumer stopped by itself (its `finished` rejects with this). Retriable: subscribing the
 * group again resumes from its committed offsets, and what made it stop (a broker refusing a
 * dead letter, a locked log) may have gone.
 */
export class ConsumerStoppedError extends MessagingError {
  readonly code = 'CONSUMER_STOPPED';
  readonly retriable = true;
  constructor(
    readonly groupId: string,
    cause: unknown,
  ) {
    super(`the consumer of group ${groupId} stopped: ${messageOf(cause)}`, { cause });
  }
}

export class BusClosedError extends MessagingError {
  readonly code = 'BUS_CLOSED';
  readonly retriable = false;
  constructor() {
    super('the message bus is closed');
  }
}

export class InvalidMessagingOptionError extends MessagingError {
  readonly code = 'INVALID_OPTION';
  readonly retriable = false;
  constructor(option: string, problem: string) {
    super(`${option} ${problem}`);
  }
}

/**
 * Whether trying again can help. An error that does not say is treated as retriable: a
 * handler's unexpected failure (a timeout, a lost connection) usually is transient, and a
 * message that keeps failing still ends in the dead-letter topic after maxAttempts.
 */
/**
 * An error that says "not yet" rather than "failed": a handler waiting for state that is still
 * catching up. Retried with backoff for as long as it lasts, never dead-lettered for it.
 */
export const isDeferred = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  (error as { deferred?: unknown }).deferred === true;

export const isRetriable = (error: unknown): boolean =>
  !(
    typeof error === 'object' &&
    error !== null &&
    (error as { retriable?: unknown }).retriable === false
  );

// Structural, not `instanceof Error`: errors from another realm (a Jest sandbox, a native
// addon) are still errors.
const fieldOf = (error: unknown, field: 'message' | 'name'): string | undefined => {
  const value =
    typeof error === 'object' && error !== null
      ? (error as Record<string, unknown>)[field]
      : undefined;
  return typeof value === 'string' ? value : undefined;
};

export const messageOf = (error: unknown): string => fieldOf(error, 'message') ?? String(error);

export const nameOf = (error: unknown): string => fieldOf(error, 'name') ?? typeof error;
