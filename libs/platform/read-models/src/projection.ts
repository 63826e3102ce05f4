import type { EventMetadata, TalentloopEvent } from '@talentloop/contracts';
import type { IndexSpec } from './read-model-store.port';

/**
 * An event as a projection sees it, from the event store or from the bus: always the
 * current version (both paths upcast), typed so a `switch` on `type` narrows `data`.
 */
export type ProjectedEvent = TalentloopEvent & {
  readonly id: string;
  readonly metadata: EventMetadata;
};

/** An event with the source and position that make its application exactly-once. */
export interface ProjectionInput {
  readonly event: ProjectedEvent;
  readonly source: string;
  readonly position: bigint;
}

/**
 * A read model as pure functions: which documents an event touches and what each becomes.
 * Bumping `version` makes the runner rebuild it into a fresh collection.
 */
export interface Projection<Doc extends object = object> {
  /** Logical name; queries address it, the physical collection changes on rebuild. */
  readonly name: string;
  readonly version: number;
  /** The event types it handles (its canHandle list); other events are skipped. */
  readonly eventTypes: readonly TalentloopEvent['type'][];
  readonly indexes?: readonly IndexSpec[];
  /**
   * 'ignored' when the read model keeps none of the personal fields (names, free text): it is
   * then fed the events as stored, those fields sealed, and no key is opened for it. Left
   * out, the projection sees them opened (or "[erased]").
   */
  readonly personalData?: 'ignored';
  documentIds(event: ProjectedEvent): readonly string[];
  /**
   * The document after the event; undefined deletes it. Pure. A deleted document forgets its
   * source positions, so an older event delivered again re-creates it: a projection fed from
   * the bus whose deletions must survive redelivery returns a marker document instead.
   */
  evolve(document: Doc | undefined, event: ProjectedEvent, documentId: string): Doc | undefined;
}
