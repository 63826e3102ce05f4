/** Base of every error the read-model layer raises on purpose. */
export abstract class ReadModelError extends Error {
  abstract readonly code: string;
  /** Whether trying the same thing again can succeed (drives consumer retries). */
  abstract readonly retriable: boolean;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A write would have broken a unique index; see each adapter for what else was written. */
export class UniqueConstraintError extends ReadModelError {
  readonly code = 'UNIQUE_CONSTRAINT';
  readonly retriable = false;
  constructor(
    readonly collection: string,
    options?: { cause?: unknown },
  ) {
    super(`a write to ${collection} breaks a unique index`, options);
  }
}

/** A query, index or collection name outside what both adapters implement. */
export class UnsupportedQueryError extends ReadModelError {
  readonly code = 'UNSUPPORTED_QUERY';
  readonly retriable = false;
}

/** The store could not be reached or refused an operation for a reason of its own. */
export class ReadModelStoreUnavailableError extends ReadModelError {
  readonly code = 'READ_MODEL_STORE_UNAVAILABLE';
  readonly retriable = true;
}

/** Documents kept conflicting with concurrent writers after every retry. */
export class ProjectionConflictError extends ReadModelError {
  readonly code = 'PROJECTION_CONFLICT';
  readonly retriable = true;
  constructor(
    readonly projection: string,
    readonly documentIds: readonly string[],
    attempts: number,
  ) {
    super(
      `projection ${projection}: ${documentIds.length} document(s) still conflicted after ${attempts} attempts (${documentIds.slice(0, 5).join(', ')})`,
    );
  }
}

/** The active collection was built by another version of the projection and needs a rebuild. */
export class ProjectionOutdatedError extends ReadModelError {
  readonly code = 'PROJECTION_OUTDATED';
  readonly retriable = false;
  constructor(
    readonly projection: string,
    readonly activeVersion: number,
    readonly version: number,
  ) {
    super(
      `projection ${projection} is active at version ${activeVersion}, the code is at version ${version}: rebuild it (cli/rebuild.ts) or give the runner an event store`,
    );
  }
}

/**
 * A decision needs a read side that has not yet applied everything it depends on (a read side
 * catching up after a start or a rebuild, or lagging behind the bus). Retriable: the message
 * is handled again later, once the read side has caught up; it is no fault of the message.
 */
export class ReadSideBehindError extends ReadModelError {
  readonly code = 'READ_SIDE_BEHIND';
  readonly retriable = true;
  /** Not a failure of the message: the bus retries it without counting towards dead-lettering. */
  readonly deferred = true;
  constructor(
    readonly readSide: string,
    what: string,
    waitedMs: number,
  ) {
    super(`read side ${readSide} has not caught up with ${what} after ${waitedMs} ms`);
  }
}

/** A bus-fed read side could not write a message's documents yet; it is tried again later. */
export class ReadModelWriteDeferredError extends ReadModelError {
  readonly code = 'READ_MODEL_WRITE_DEFERRED';
  readonly retriable = true;
  /** Retried without counting towards dead-lettering: a read side must not skip a message. */
  readonly deferred = true;
  constructor(readSide: string, cause: unknown) {
    super(
      `read side ${readSide} could not apply a message yet: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
}
