import type { ReadModelStore } from '@talentloop/read-models';
import {
  completedRecord,
  decideIdempotency,
  IDEMPOTENCY_LIMITS,
  inFlightRecord,
  RETRY_IN_USE_AFTER_SECONDS,
  type IdempotencyDecision,
  type IdempotencyLimits,
  type IdempotencyRecord,
} from './idempotency';

/** The read-model collection of the records: one per service, shared by its instances. */
export const IDEMPOTENCY_COLLECTION = 'idempotency-keys';

/** What a request may do with its key: run (holding the record at `version`), or not. */
export type IdempotencyClaim =
  | { readonly kind: 'claimed'; readonly version: number }
  | Exclude<IdempotencyDecision, { readonly kind: 'run' | 'take-over' }>;

/** How often an instance deletes expired records, and how many at a time. */
const SWEEP_EVERY_MS = 60 * 60 * 1000;
const SWEEP_BATCH = 500;

/**
 * The records of the keys in the service's read-model store. A key is claimed with a guarded
 * write (insert-if-absent, or an update at the version that was loaded when taking over), so
 * of two requests with one key, in one instance or two, exactly one runs.
 *
 * Times are the wall clock's, not the service's clock: they measure how long a process has
 * been gone or a record kept, which a test clock standing still must not stretch.
 */
export class IdempotencyRecords {
  private lastSweep = 0;
  private indexed: Promise<void> | undefined;

  constructor(
    private readonly store: ReadModelStore,
    private readonly now: () => number = Date.now,
    private readonly limits: IdempotencyLimits = IDEMPOTENCY_LIMITS,
  ) {}

  async claim(id: string, fingerprint: string): Promise<IdempotencyClaim> {
    // A lost race is decided again on what the winner wrote: usually in use, or a replay.
    for (let attempt = 0; attempt < 2; attempt++) {
      const stored = (await this.store.load<IdempotencyRecord>(IDEMPOTENCY_COLLECTION, [id])).get(
        id,
      );
      const now = this.now();
      const decision = decideIdempotency(stored?.doc, fingerprint, now, this.limits);
      if (decision.kind !== 'run' && decision.kind !== 'take-over') return decision;
      const expectedVersion = stored?.version ?? 0;
      const { conflicts } = await this.store.write(IDEMPOTENCY_COLLECTION, [
        {
          id,
          doc: inFlightRecord(fingerprint, now, this.limits),
          sources: {},
          expectedVersion,
        },
      ]);
      if (conflicts.length === 0) return { kind: 'claimed', version: expectedVersion + 1 };
    }
    return { kind: 'in-use', retryAfterSeconds: RETRY_IN_USE_AFTER_SECONDS };
  }

  /**
   * Keeps the response for replay. False when the record is no longer this request's (it ran
   * so long that a retry took it over): that retry's answer will be kept instead.
   */
  async complete(
    id: string,
    version: number,
    fingerprint: string,
    status: number,
  ): Promise<boolean> {
    const { conflicts } = await this.store.write(IDEMPOTENCY_COLLECTION, [
      {
        id,
        doc: completedRecord(fingerprint, status, this.now(), this.limits),
        sources: {},
        expectedVersion: version,
      },
    ]);
    return conflicts.length === 0;
  }

  /** Lets the key go after an error, so a retry runs again (unless someone took it over). */
  async release(id: string, version: number): Promise<void> {
    await this.store.write(IDEMPOTENCY_COLLECTION, [
      { id, doc: undefined, sources: {}, expectedVersion: version },
    ]);
  }

  /**
   * Deletes a batch of expired records, at most once an hour per instance: expired records
   * count as absent anyway, but would otherwise stay for good.
   */
  async sweep(): Promise<void> {
    const now = this.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    this.indexed ??= this.store
      .ensureCollection(IDEMPOTENCY_COLLECTION, [{ fields: { expiresAt: 1 } }])
      .catch((error: unknown) => {
        this.indexed = undefined;
        throw error;
      });
    await this.indexed;
    const expired = await this.store.findStored<IdempotencyRecord>(IDEMPOTENCY_COLLECTION, {
      where: { expiresAt: { $lte: now } },
      limit: SWEEP_BATCH,
    });
    if (expired.length === 0) return;
    // A record claimed again since it was found has a newer version: the guard keeps it.
    await this.store.write(
      IDEMPOTENCY_COLLECTION,
      expired.map(({ id, version }) => ({
        id,
        doc: undefined,
        sources: {},
        expectedVersion: version,
      })),
    );
  }
}
