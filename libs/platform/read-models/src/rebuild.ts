import { headPosition, type EventFilter, type EventStore } from '@talentloop/event-store';
import {
  activePointerKey,
  builtKey,
  DEFAULT_POINTER_TTL_MS,
  physicalCollectionName,
  type BuiltMark,
} from './active-collection';
import type { Projection } from './projection';
import {
  absentDocument,
  foldDocument,
  inputsByDocument,
  type DocumentState,
} from './projection-fold';
import { storeInputs } from './projection-inputs';
import type { DocumentWrite, ReadModelStore, StoredDocument } from './read-model-store.port';

export interface RebuildProgress {
  /** Events of the projection's types read so far. */
  readonly events: number;
  /** Global position reached, and the last one of the projection's types when it started. */
  readonly position: bigint;
  readonly headPosition: bigint;
  readonly documentsWritten: number;
  readonly elapsedMs: number;
}

export interface RebuildOptions {
  readonly eventStore: EventStore;
  readonly readModels: ReadModelStore;
  readonly projection: Projection;
  readonly onProgress?: (progress: RebuildProgress) => void;
  /** Events per readAll call; 5000 by default. */
  readonly pageSize?: number;
  /**
   * Changed documents kept in memory before they are written; 250,000 by default. Up to that
   * many documents a rebuild only inserts. Beyond it, documents touched again after a flush
   * are updated: cheap on SQLite and MongoDB, but FerretDB 1.x scans the whole collection for
   * every update, so size this above the projection's document count there.
   */
  readonly maxBufferedDocuments?: number;
  /** Wait between the switch and dropping the old collection; 2 × the pointer TTL by default. */
  readonly retireDelayMs?: number;
  readonly now?: () => Date;
}

export interface RebuildResult {
  readonly collection: string;
  readonly previousCollection: string | undefined;
  readonly events: number;
  readonly documents: number;
  /** Global position the new collection is complete up to: runners continue after it. */
  readonly position: bigint;
  /** Until the switch; the wait before dropping the old collection is not counted. */
  readonly elapsedMs: number;
}

interface Buffered extends DocumentState {
  dirty: boolean;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Builds a projection from the whole history into a fresh collection while the active one
 * keeps serving, switches the pointer in one setState, then drops the old collection.
 * Documents are folded in memory (each read at most once from the fresh collection), new ones
 * are written with insertFresh; nobody else writes the fresh collection.
 */
export async function rebuildProjection(options: RebuildOptions): Promise<RebuildResult> {
  const { eventStore, readModels, projection } = options;
  const pageSize = options.pageSize ?? 5000;
  const maxBuffered = options.maxBufferedDocuments ?? 250_000;
  const now = options.now ?? (() => new Date());
  const started = Date.now();
  const collection = physicalCollectionName(projection, now());
  const filter: EventFilter = { eventTypes: [...projection.eventTypes] };
  await readModels.ensureCollection(collection, projection.indexes ?? []);
  const head = await headPosition(eventStore, filter);

  const buffer = new Map<string, Buffered>();
  /** Ids written to the fresh collection and no longer in the buffer. */
  const stored = new Set<string>();
  let dirty = 0;
  let documents = 0;
  let events = 0;
  let position = 0n;

  const flush = async () => {
    const fresh: StoredDocument[] = [];
    const updates: DocumentWrite[] = [];
    for (const [id, entry] of buffer) {
      if (!entry.dirty) {
        if (entry.doc !== undefined) stored.add(id);
        continue;
      }
      if (entry.version === 0) {
        if (entry.doc !== undefined)
          fresh.push({ id, doc: entry.doc, version: 1, sources: entry.sources });
      } else
        updates.push({
          id,
          doc: entry.doc,
          sources: entry.sources,
          expectedVersion: entry.version,
        });
      if (entry.doc !== undefined) stored.add(id);
    }
    await readModels.insertFresh(collection, fresh);
    const { conflicts } = await readModels.write(collection, updates);
    if (conflicts.length > 0)
      throw new Error(`rebuild of ${projection.name}: ${collection} was written by someone else`);
    documents += fresh.length + updates.length;
    buffer.clear();
    dirty = 0;
  };

  for (;;) {
    const page = await eventStore.readAll({ after: position, maxCount: pageSize, filter });
    if (page.length === 0) break;
    const byDocument = inputsByDocument(projection, storeInputs(page));
    const toLoad = stored.size === 0 ? [] : [...byDocument.keys()].filter((id) => stored.has(id));
    if (toLoad.length > 0) {
      for (const [id, document] of await readModels.load(collection, toLoad)) {
        buffer.set(id, { ...document, dirty: false });
        stored.delete(id);
      }
    }
    for (const [id, inputs] of byDocument) {
      const current = buffer.get(id);
      const folded = foldDocument(projection, id, current ?? absentDocument, inputs);
      if (folded.applied === 0) continue;
      if (!current?.dirty) dirty++;
      const { doc, version, sources } = folded.state;
      buffer.set(id, { doc, version, sources, dirty: true });
    }
    events += page.length;
    position = page[page.length - 1].globalPosition;
    if (dirty >= maxBuffered) await flush();
    options.onProgress?.({
      events,
      position,
      headPosition: head > position ? head : position,
      documentsWritten: documents,
      elapsedMs: Date.now() - started,
    });
    if (page.length < pageSize) break;
  }
  await flush();

  const pointer = activePointerKey(projection.name);
  const previousCollection = await readModels.getState(pointer);
  const mark: BuiltMark = { collection, position: position.toString() };
  await readModels.setState(builtKey(projection.name), JSON.stringify(mark));
  await readModels.setState(pointer, collection);
  const elapsedMs = Date.now() - started;
  if (previousCollection !== undefined && previousCollection !== collection) {
    await sleep(options.retireDelayMs ?? 2 * DEFAULT_POINTER_TTL_MS);
    await readModels.dropCollection(previousCollection);
  }
  return {
    collection,
    previousCollection,
    events,
    documents,
    position,
    elapsedMs,
  };
}
