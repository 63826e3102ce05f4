import type { DocumentWrite, ReadModelStore, StoredDocument } from '@talentloop/read-models';

/** Another instance wrote a document this one had loaded: the work is done again, reloaded. */
export class WrittenMeanwhile extends Error {}

/**
 * One collection's documents as a page or a reminder pass loaded them (an id not found is kept
 * as missing: it is never asked for again) and as it changed them.
 */
export class Loaded<Doc extends object> {
  private readonly stored = new Map<string, StoredDocument<Doc> | undefined>();
  private readonly changed = new Map<string, Doc | undefined>();

  constructor(
    private readonly readModels: ReadModelStore,
    private readonly collection: string,
  ) {}

  /** Loads, in one query, those of `ids` not loaded yet; none when all were. */
  async load(ids: Iterable<string>) {
    const missing = [...new Set(ids)].filter((id) => !this.stored.has(id));
    if (missing.length === 0) return;
    const found = await this.readModels.load<Doc>(this.collection, missing);
    for (const id of missing) this.stored.set(id, found.get(id));
  }

  /** A document found by a query of its own, kept as if loaded. */
  adopt(stored: StoredDocument<Doc>) {
    this.stored.set(stored.id, stored);
  }

  /**
   * Whether the event at `position` is already in the document (a page applied again after a
   * crash, or by another instance first): its store position says how far it was applied.
   */
  has(id: string, position: bigint): boolean {
    const applied = this.stored.get(id)?.sources.store;
    return applied !== undefined && BigInt(applied) >= position;
  }

  get(id: string): Doc | undefined {
    return this.changed.has(id) ? this.changed.get(id) : this.stored.get(id)?.doc;
  }

  /** Changes the document; undefined deletes it. */
  set(id: string, doc: Doc | undefined) {
    this.changed.set(id, doc);
  }

  /**
   * Writes what changed, each guarded by the version it was loaded at (0: it was missing), at
   * `position` in the store or, without one, at the positions it was loaded with; throws when
   * another instance wrote any of it meanwhile.
   */
  async save(position: string | undefined) {
    if (this.changed.size === 0) return;
    const writes = [...this.changed].map(([id, doc]): DocumentWrite<Doc> => {
      const stored = this.stored.get(id);
      return {
        id,
        doc,
        sources: position === undefined ? (stored?.sources ?? {}) : { store: position },
        expectedVersion: stored?.version ?? 0,
      };
    });
    const { conflicts } = await this.readModels.write(this.collection, writes);
    if (conflicts.length > 0)
      throw new WrittenMeanwhile(
        `${this.collection}: ${conflicts.length} written by another instance meanwhile`,
      );
  }
}
