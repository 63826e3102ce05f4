import type { ReadModelStore } from '../read-model-store.port';

const LEASES = 'leases';

interface LeaseDocument {
  readonly holder: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

/** Who holds a lease at `now`: the decision of `tryTake`, pure. */
export const mayTake = (current: LeaseDocument | undefined, holder: string, now: number): boolean =>
  current === undefined || current.holder === holder || current.expiresAt <= now;

export interface LeaseOptions {
  readonly store: ReadModelStore;
  /** What is leased, e.g. `relay:planning.planning`. */
  readonly name: string;
  /** This process; unique among the instances that compete. */
  readonly holder: string;
  /** How long a taken lease holds without renewal. */
  readonly ttlMs: number;
  readonly now?: () => number;
}

/**
 * A lease in the read-model store, shared by every instance of a service: taken or renewed
 * with a guarded write (a document version), so of two instances at once one wins. It makes a
 * single writer (the relay of a context) out of several instances; a holder that dies lets it
 * expire after `ttlMs`, and another takes it over.
 */
export class Lease {
  private readonly now: () => number;

  constructor(private readonly options: LeaseOptions) {
    this.now = options.now ?? Date.now;
  }

  get name(): string {
    return this.options.name;
  }

  /** Takes (or renews) the lease; false while another instance holds it. */
  async tryTake(): Promise<boolean> {
    const { store, name, holder, ttlMs } = this.options;
    const now = this.now();
    const stored = (await store.load<LeaseDocument>(LEASES, [name])).get(name);
    if (!mayTake(stored?.doc, holder, now)) return false;
    const { conflicts } = await store.write(LEASES, [
      {
        id: name,
        doc: { holder, expiresAt: now + ttlMs },
        sources: {},
        expectedVersion: stored?.version ?? 0,
      },
    ]);
    return conflicts.length === 0;
  }

  /** Lets the lease go at once, if this instance holds it, so another need not wait. */
  async release(): Promise<void> {
    const { store, name, holder } = this.options;
    const stored = (await store.load<LeaseDocument>(LEASES, [name])).get(name);
    if (stored?.doc.holder !== holder) return;
    await store.write(LEASES, [
      { id: name, doc: { holder, expiresAt: 0 }, sources: {}, expectedVersion: stored.version },
    ]);
  }
}
