import type { Projection, ProjectionInput } from '@talentloop/read-models';

interface Entry<Doc> {
  readonly doc: Doc;
  /** Last position applied per source: the exactly-once guard of the read-model port. */
  readonly sources: ReadonlyMap<string, bigint>;
}

/**
 * Runs a Projection in process memory. The approval service rebuilds its read models from
 * history at every start (its own streams from the event store, the people and goal events
 * from the bus from the beginning), so nothing here needs to survive a restart. It gives
 * way to the runner of @talentloop/read-models with an embedded store once that exists.
 */
export class InMemoryReadModel<Doc extends object> {
  private readonly entries = new Map<string, Entry<Doc>>();
  /** Document ids by the key `indexBy` gives each document (when one is given). */
  private readonly index = new Map<string, Set<string>>();

  constructor(
    private readonly projection: Projection<Doc>,
    private readonly indexBy?: (doc: Doc) => string,
  ) {}

  apply({ event, source, position }: ProjectionInput): void {
    if (!this.projection.eventTypes.includes(event.type)) return;
    for (const id of this.projection.documentIds(event)) {
      const entry = this.entries.get(id);
      const applied = entry?.sources.get(source);
      if (applied !== undefined && applied >= position) continue;
      const doc = this.projection.evolve(entry?.doc, event, id);
      this.reindex(id, entry?.doc, doc);
      if (doc === undefined) {
        this.entries.delete(id);
        continue;
      }
      const sources = new Map(entry?.sources);
      sources.set(source, position);
      this.entries.set(id, { doc, sources });
    }
  }

  private reindex(id: string, before: Doc | undefined, after: Doc | undefined): void {
    if (!this.indexBy) return;
    const from = before && this.indexBy(before);
    const to = after && this.indexBy(after);
    if (from === to) return;
    if (from !== undefined) this.index.get(from)?.delete(id);
    if (to === undefined) return;
    const ids = this.index.get(to);
    if (ids) ids.add(id);
    else this.index.set(to, new Set([id]));
  }

  /** Drops a document, so it can be folded again from its events. */
  forget(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.reindex(id, entry.doc, undefined);
    this.entries.delete(id);
  }

  get(id: string): Doc | undefined {
    return this.entries.get(id)?.doc;
  }

  /** The documents that hold; given an index key (needs `indexBy`), only among its documents. */
  filter(predicate: (doc: Doc) => boolean, key?: string): Doc[] {
    const docs =
      key === undefined
        ? [...this.entries.values()].map((entry) => entry.doc)
        : [...(this.index.get(key) ?? [])].map((id) => this.entries.get(id)!.doc);
    return docs.filter(predicate);
  }
}
