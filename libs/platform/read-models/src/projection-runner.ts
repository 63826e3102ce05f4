import { AppendWaiter, backlogAfter, type EventStore } from '@talentloop/event-store';
import { inEventSpans, registerLag } from '@talentloop/observability';
import {
  activePointerKey,
  physicalCollectionName,
  readBuiltMark,
  versionOfPhysical,
} from './active-collection';
import { ProjectionConflictError, ProjectionOutdatedError } from './errors';
import type { Projection, ProjectionInput } from './projection';
import { foldDocument, inputsByDocument, stateOf, writeOf } from './projection-fold';
import { storeInputs } from './projection-inputs';
import type { DocumentWrite, ReadModelStore } from './read-model-store.port';
import { rebuildProjection, type RebuildProgress } from './rebuild';

export interface ProjectionRunnerOptions {
  readonly readModels: ReadModelStore;
  /** Lets the runner rebuild a projection whose version changed; refused without it. */
  readonly eventStore?: EventStore;
  /** Load-fold-write rounds for one batch before conflicts become an error; 10 by default. */
  readonly maxAttempts?: number;
  readonly onRebuildProgress?: (projection: string, progress: RebuildProgress) => void;
}

/** A document as it stands in the store after a batch: what an in-memory view mirrors. */
export interface AppliedDocument {
  readonly id: string;
  /** Undefined: the document was deleted. */
  readonly doc: object | undefined;
  /** The store's version of it; a view keeps the highest it has seen. */
  readonly version: number;
}

export interface BatchOutcome {
  /** Inputs applied to documents that were written (counted once per document touched). */
  readonly applied: number;
  readonly documentsWritten: number;
  /** Documents written again after a version conflict. */
  readonly retried: number;
  /**
   * Every document the batch touched, as it now stands: the ones written, and the ones another
   * writer had already brought past these inputs (as loaded).
   */
  readonly documents: readonly AppliedDocument[];
}

/** What to do when a projection has no active collection yet. */
export type WhenAbsent = 'create-empty' | 'rebuild';

/**
 * Applies batches of events to projections: each touched document is loaded once, folded with
 * the per-source guard, and all of them are written in one guarded store.write. Documents
 * another writer changed meanwhile are reloaded and folded again.
 */
export class ProjectionRunner {
  private readonly readModels: ReadModelStore;
  private readonly maxAttempts: number;
  private readonly prepared = new Map<string, Promise<string>>();

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.readModels = options.readModels;
    this.maxAttempts = options.maxAttempts ?? 10;
  }

  /**
   * The physical collection this runner writes for a projection, made ready once: created
   * empty or rebuilt when there is none, rebuilt when it was built by another version.
   */
  collectionOf(projection: Projection, whenAbsent: WhenAbsent = 'create-empty'): Promise<string> {
    let collection = this.prepared.get(projection.name);
    if (!collection) {
      collection = this.prepare(projection, whenAbsent);
      this.prepared.set(projection.name, collection);
      collection.catch(() => this.prepared.delete(projection.name));
    }
    return collection;
  }

  /** Forgets the collection of a projection; the next batch resolves the pointer again. */
  forget(projectionName: string): void {
    this.prepared.delete(projectionName);
  }

  async applyBatch(
    projection: Projection,
    inputs: readonly ProjectionInput[],
  ): Promise<BatchOutcome> {
    const collection = await this.collectionOf(projection);
    let pending = inputsByDocument(projection, inputs);
    let applied = 0;
    let documentsWritten = 0;
    let retried = 0;
    const documents: AppliedDocument[] = [];
    for (let attempt = 1; pending.size > 0; attempt++) {
      if (attempt > this.maxAttempts)
        throw new ProjectionConflictError(projection.name, [...pending.keys()], this.maxAttempts);
      const loaded = await this.readModels.load(collection, [...pending.keys()]);
      const writes: DocumentWrite[] = [];
      const appliedPerDocument = new Map<string, number>();
      for (const [id, documentInputs] of pending) {
        const state = stateOf(loaded.get(id));
        const folded = foldDocument(projection, id, state, documentInputs);
        const write = folded.applied > 0 ? writeOf(id, state, folded.state) : undefined;
        if (!write) {
          if (state.version > 0) documents.push({ id, doc: state.doc, version: state.version });
          continue;
        }
        writes.push(write);
        appliedPerDocument.set(id, folded.applied);
      }
      const { conflicts } = await this.readModels.write(collection, writes);
      const conflicted = new Set(conflicts);
      for (const write of writes)
        if (!conflicted.has(write.id))
          documents.push({ id: write.id, doc: write.doc, version: write.expectedVersion + 1 });
      for (const [id, count] of appliedPerDocument) if (!conflicted.has(id)) applied += count;
      documentsWritten += writes.length - conflicted.size;
      if (attempt > 1) retried += writes.length - conflicted.size;
      const retry = new Map<string, ProjectionInput[]>();
      for (const id of conflicts) {
        const documentInputs = pending.get(id);
        if (documentInputs) retry.set(id, documentInputs);
      }
      pending = retry;
    }
    return { applied, documentsWritten, retried, documents };
  }

  /**
   * For a bus consumer: inputs carry `kafka:<topic>:<partition>` as source and the offset as
   * position (see busInput), so a redelivered message changes nothing.
   */
  applyFromBus(projection: Projection, inputs: readonly ProjectionInput[]): Promise<BatchOutcome> {
    return this.applyBatch(projection, inputs);
  }

  private async prepare(projection: Projection, whenAbsent: WhenAbsent): Promise<string> {
    const pointer = activePointerKey(projection.name);
    const active = await this.readModels.getState(pointer);
    if (active !== undefined && versionOfPhysical(active) === projection.version) {
      await this.readModels.ensureCollection(active, projection.indexes ?? []);
      return active;
    }
    if (active === undefined && whenAbsent === 'create-empty') {
      // A fixed name, so two processes creating the same projection at once agree on it.
      const collection = physicalCollectionName(projection);
      await this.readModels.ensureCollection(collection, projection.indexes ?? []);
      await this.readModels.setState(pointer, collection);
      return collection;
    }
    const { eventStore, onRebuildProgress } = this.options;
    if (!eventStore)
      throw new ProjectionOutdatedError(
        projection.name,
        versionOfPhysical(active ?? '') ?? 0,
        projection.version,
      );
    const rebuilt = await rebuildProjection({
      eventStore,
      readModels: this.readModels,
      projection,
      onProgress: onRebuildProgress && ((progress) => onRebuildProgress(projection.name, progress)),
    });
    return rebuilt.collection;
  }
}

export interface RunFromStoreOptions {
  readonly eventStore: EventStore;
  readonly readModels: ReadModelStore;
  readonly projections: readonly Projection[];
  /** Names the checkpoint (`checkpoint:<name>`); one per runner. */
  readonly name: string;
  /** Events per page; one page is one write per projection and one checkpoint; 1000 by default. */
  readonly pageSize?: number;
  /**
   * How often the end of the log is polled once caught up; 100 ms by default. An append made
   * through this process's event store wakes the runner sooner (see APPEND_WAKE_GAP_MS).
   */
  readonly pollIntervalMs?: number;
  readonly maxAttempts?: number;
  readonly onRebuildProgress?: (projection: string, progress: RebuildProgress) => void;
  /** Called after each page with the documents it touched, e.g. to keep a view in memory. */
  readonly onApplied?: (update: AppliedPage) => void;
}

export interface AppliedPage {
  readonly projection: string;
  /** The physical collection written; a different one than before means a rebuild switched. */
  readonly collection: string;
  readonly documents: readonly AppliedDocument[];
  /** Global position the collection is now complete up to. */
  readonly position: bigint;
}

export interface StoreProjectionRun {
  /** Resolves when the runner first reaches the end of the log; rejects if it fails before. */
  readonly caughtUp: Promise<void>;
  /** Settles when the run ends: resolves on stop, rejects when a page failed. */
  readonly finished: Promise<void>;
  /**
   * Resolves once every event stored before the call (of the projections' types) is applied:
   * at once when a look at the log finds nothing after the runner's position, else after the
   * runner's next read that finds the end. Rejects if the run fails or stops first.
   */
  caughtUpNow(): Promise<void>;
  /** The global position the projections are complete up to (undefined before the first read). */
  position(): bigint | undefined;
  stop(): Promise<void>;
}

/** `checkpoint:<runner>` holds, per physical collection, the last global position applied. */
export const checkpointKey = (runnerName: string): string => `checkpoint:${runnerName}`;

type Checkpoint = Record<string, string>;

/** Where a runner's checkpoint says a collection is complete up to; undefined if it has none. */
export async function readCheckpoint(
  readModels: ReadModelStore,
  runnerName: string,
  collection: string,
): Promise<bigint | undefined> {
  const stored = await readModels.getState(checkpointKey(runnerName));
  const position =
    stored === undefined ? undefined : (JSON.parse(stored) as Checkpoint)[collection];
  return position === undefined ? undefined : BigInt(position);
}

/**
 * After an append through this process, the runner reads again this long after its previous
 * read started (at once if that is longer ago): an append is applied within this gap rather
 * than a poll interval, while under load the reads still take appends by the page rather than
 * one at a time.
 */
export const APPEND_WAKE_GAP_MS = 20;

/**
 * Feeds projections from the event store: catches up from the checkpoint in pages of the
 * global log (source `store`, position = global position), then polls for new events.
 * Projections without an active collection, or whose version changed, are rebuilt first.
 *
 * The checkpoint is saved after a page's documents are written; a crash in between replays
 * the page, which the per-document positions make harmless. A collection switched by a
 * rebuild elsewhere (the CLI) is noticed at the next page and continued from where that
 * rebuild ended. Appends through this process's event store wake it (APPEND_WAKE_GAP_MS);
 * other processes' appends are seen at the next poll.
 */
export function runFromStore(options: RunFromStoreOptions): StoreProjectionRun {
  const { eventStore, readModels, projections, name } = options;
  const pageSize = options.pageSize ?? 1000;
  const pollIntervalMs = options.pollIntervalMs ?? 100;
  const runner = new ProjectionRunner({
    readModels,
    eventStore,
    maxAttempts: options.maxAttempts,
    onRebuildProgress: options.onRebuildProgress,
  });
  const eventTypes = [...new Set(projections.flatMap((projection) => projection.eventTypes))];
  let stopped = false;
  const sleeper = new AppendWaiter(eventStore, { pollIntervalMs, gapMs: APPEND_WAKE_GAP_MS });
  let reachedEnd = () => {};
  let failedBeforeEnd: (error: unknown) => void = () => {};
  const caughtUp = new Promise<void>((resolve, reject) => {
    reachedEnd = resolve;
    failedBeforeEnd = reject;
  });
  // Nobody may be waiting for it; its failure is the run's, reported through `finished`.
  caughtUp.catch(() => undefined);
  /** Reads of the log started so far; a waiter needs one that started after it came. */
  let readsStarted = 0;
  const waiters = new Set<{
    readonly after: number;
    resolve(): void;
    reject(error: unknown): void;
  }>();
  const settleWaiters = (read: number) => {
    for (const waiter of waiters)
      if (waiter.after < read) {
        waiters.delete(waiter);
        waiter.resolve();
      }
  };

  /** Each projection's collection and position, resolving switches made elsewhere. */
  const positions = async (checkpoint: Checkpoint) => {
    const result = new Map<Projection, { collection: string; after: bigint }>();
    for (const projection of projections) {
      let collection = await runner.collectionOf(projection, 'rebuild');
      const active = await readModels.getState(activePointerKey(projection.name));
      if (active !== collection) {
        runner.forget(projection.name);
        collection = await runner.collectionOf(projection, 'rebuild');
      }
      // The built mark only matters for a collection this runner has not written yet.
      let after = checkpoint[collection];
      if (after === undefined) {
        const built = await readBuiltMark(readModels, projection.name);
        after = built?.collection === collection ? built.position : '0';
      }
      result.set(projection, { collection, after: BigInt(after) });
    }
    return result;
  };

  /**
   * After a short page: the checkpoint it started from (`from`) and how far it looked (`to`,
   * the log's last position read before it). Events of other types up to `to` need no second
   * look, so the next read starts there, unless the positions moved meanwhile (a page
   * applied, a collection switched by a rebuild elsewhere).
   */
  let looked: { readonly from: bigint; readonly to: bigint } | undefined;

  const run = async () => {
    const stored = await readModels.getState(checkpointKey(name));
    let checkpoint: Checkpoint = stored === undefined ? {} : (JSON.parse(stored) as Checkpoint);
    while (!stopped) {
      const current = await positions(checkpoint);
      let lowest: bigint | undefined;
      for (const { after: position } of current.values())
        if (lowest === undefined || position < lowest) lowest = position;
      const from = lowest ?? 0n;
      const after = looked !== undefined && looked.from === from ? looked.to : from;
      appliedUpTo = after;
      sleeper.reading();
      const read = ++readsStarted;
      const head = await eventStore.lastGlobalPosition();
      const page = await eventStore.readAll({ after, maxCount: pageSize, filter: { eventTypes } });
      if (page.length > 0) {
        const inputs = storeInputs(page);
        const end = page[page.length - 1].globalPosition;
        const next = await inEventSpans(
          `project ${name}`,
          page.map((event) => event.metadata.traceparent),
          { 'talentloop.projections': projections.map((projection) => projection.name) },
          async () => {
            for (const [projection, { after: position, collection }] of current) {
              const outcome = await runner.applyBatch(
                projection,
                position === after ? inputs : inputs.filter((input) => input.position > position),
              );
              options.onApplied?.({
                projection: projection.name,
                collection,
                documents: outcome.documents,
                position: end,
              });
            }
            // Only the collections in use: entries of replaced collections go.
            const written: Checkpoint = {};
            for (const { collection } of current.values()) written[collection] = end.toString();
            await readModels.setState(checkpointKey(name), JSON.stringify(written));
            return written;
          },
        );
        checkpoint = next;
        appliedUpTo = end;
      }
      if (page.length < pageSize) {
        const end = page.at(-1)?.globalPosition ?? after;
        looked = { from: page.length > 0 ? end : from, to: head > end ? head : end };
        appliedUpTo = looked.to;
        reachedEnd();
        settleWaiters(read);
        if (waiters.size > 0 || stopped) continue;
        await sleeper.sleep();
      }
    }
  };

  // Reported as talentloop_projection_lag_events while the runner runs.
  let appliedUpTo: bigint | undefined;
  const unregister = registerLag('projection', name, () =>
    backlogAfter(eventStore, appliedUpTo, { eventTypes }),
  );
  const finished = run();
  const failWaiters = (error: unknown) => {
    for (const waiter of waiters) waiter.reject(error);
    waiters.clear();
  };
  finished.then(
    () => {
      unregister();
      sleeper.close();
      failWaiters(new Error(`projection runner ${name} stopped`));
    },
    (error: unknown) => {
      unregister();
      sleeper.close();
      // A failure before the end was reached also settles caughtUp, so nobody waits forever.
      failedBeforeEnd(error);
      failWaiters(error);
    },
  );
  return {
    caughtUp,
    finished,
    position: () => appliedUpTo,
    caughtUpNow: async () => {
      if (stopped) throw new Error(`projection runner ${name} stopped`);
      const at = appliedUpTo;
      if (at !== undefined) {
        const newer = await eventStore.readAll({ after: at, maxCount: 1, filter: { eventTypes } });
        if (newer.length === 0) return;
      }
      await new Promise<void>((resolve, reject) => {
        waiters.add({ after: readsStarted, resolve, reject });
        sleeper.wake();
      });
    },
    stop: async () => {
      stopped = true;
      sleeper.wake();
      await finished.catch(() => undefined);
    },
  };
}
