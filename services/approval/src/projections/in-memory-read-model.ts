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

  constructor(private readonly projection: Projection<Doc>) {}

  apply({ event, source, position }: ProjectionInput): void {
    if (!this.projection.eventTypes.includes(event.type)) return;
    for (const id of this.projection.documentIds(event)) {
      const entry = this.entries.get(id);
      const applied = entry?.sources.get(source);
      if (applied !== undefined && applied >= position) continue;
      const doc = this.projection.evolve(entry?.doc, event, id);
      if (doc === undefined) {
        this.entries.delete(id);
        continue;
      }
      const sources = new Map(entry?.sources);
      sources.set(source, position);
      this.entries.set(id, { doc, sources });
    }
  }

  get(id: string): Doc | undefined {
    return this.entries.get(id)?.doc;
  }

  filter(predicate: (doc: Doc) => boolean): Doc[] {
    return [...this.entries.values()].map((entry) => entry.doc).filter(predicate);
  }
}
