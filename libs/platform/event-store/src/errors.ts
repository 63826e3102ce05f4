import type { ExpectedRevision } from './event-store.port';

/** Base of every error the event store raises on purpose. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The stream did not stand where the caller expected: someone else appended first. */
export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision; undefined when the stream does not exist. */
    readonly actual: bigint | undefined,
  ) {
    super(
      `stream ${streamName}: expected revision ${String(expected)}, ` +
        `actual ${actual === undefined ? 'no stream' : String(actual)}`,
    );
  }
}

/** An event did not match its published schema; nothing of its batch was written. */
export class InvalidEventError extends EventStoreError {
  readonly code = 'INVALID_EVENT';
  constructor(
    readonly eventType: string,
    readonly eventId: string,
    /** JSON pointers of the offending fields with what is wrong with each. */
    readonly violations: readonly { readonly field: string; readonly message: string }[],
  ) {
    super(
      `event ${eventType} (${eventId}) is invalid: ` +
        violations.map((v) => `${v.field} ${v.message}`).join('; '),
    );
  }
}

/** The same event id was appended with different content or to a different place. */
export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'DUPLICATE_EVENT_ID';
  constructor(
    readonly streamName: string,
    readonly eventId: string,
  ) {
    super(`event id ${eventId} already exists elsewhere than this append to ${streamName}`);
  }
}

/** The store cannot be reached or answered with an unexpected failure. */
export class EventStoreUnavailableError extends EventStoreError {
  readonly code = 'EVENT_STORE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
