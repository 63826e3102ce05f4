import type { BoundedContext } from '@talentloop/contracts';
import type { EventStore } from '@talentloop/event-store';
import type { MessageBus, PartitionEnd } from '@talentloop/messaging';
import { ReadModelReader } from '../active-collection';
import { ReadSideBehindError } from '../errors';
import type { Projection } from '../projection';
import { runFromStore, type StoreProjectionRun } from '../projection-runner';
import type { ReadModelStore } from '../read-model-store.port';
import { runFromBus, type BusProjectionRun } from './bus-projection-run';
import { busCaughtUp } from './bus-progress';
import { forgetMemoizedReads } from './read-memo';

export interface ReadSideOptions {
  /**
   * Names the read side in errors and its loops: `<name>.read-side.store` (also the runner's
   * checkpoint) and `<name>.read-side.bus`.
   */
  readonly name: string;
  /** As stored: documents keep personal fields sealed; their readers open them. */
  readonly eventStore: EventStore;
  readonly bus: MessageBus;
  readonly readModels: ReadModelStore;
  /** Fed from the service's own events in the event store. */
  readonly own: readonly Projection[];
  /** Fed from other contexts' topics through a durable consumer group. */
  readonly fromBus?: {
    readonly groupId: string;
    readonly contexts: readonly BoundedContext[];
    readonly projections: readonly Projection[];
  };
  readonly pageSize?: number;
  readonly pollIntervalMs?: number;
  /** How long a decision waits for the read side to catch up before it is retried; 10 s. */
  readonly freshnessTimeoutMs?: number;
}

/** A background loop of the read side, as a supervisor runs it. */
export interface ReadSideLoop {
  /** Resolves on stop; rejects when the loop failed. */
  readonly finished: Promise<void>;
  /** Resolves once the loop has applied what was there when it started. */
  readonly caughtUp: Promise<void>;
  stop(): Promise<void>;
}

const BUS_POLL_MS = 25;
const START_POLL_MS = 200;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A service's read side: every document it answers queries and takes decisions from, in the
 * read-model store (embedded SQLite or MongoDB), durable, each with its source positions and
 * a checkpoint, so a restart resumes where it was. Its own events come from the event store
 * (one checkpointed runner), other contexts' from the bus (one durable consumer group).
 *
 * Freshness: a decision calls `freshWithStore` / `freshWithBus` first, which wait (bounded)
 * until the read side has applied everything stored or published before the call, and
 * otherwise throw ReadSideBehindError, so the message is retried later (see ADR 0008).
 */
export class ReadSide {
  readonly reader: ReadModelReader;
  private storeRun: StoreProjectionRun | undefined;
  private busRun: BusProjectionRun | undefined;
  private readonly timeoutMs: number;

  constructor(private readonly options: ReadSideOptions) {
    this.reader = new ReadModelReader(options.readModels);
    this.timeoutMs = options.freshnessTimeoutMs ?? 10_000;
  }

  get name(): string {
    return this.options.name;
  }

  get readModels(): ReadModelStore {
    return this.options.readModels;
  }

  /** Names of the loops, for supervision and metrics. */
  get loopNames(): { readonly store: string; readonly bus: string | undefined } {
    const prefix = `${this.options.name}.read-side`;
    return { store: `${prefix}.store`, bus: this.options.fromBus && `${prefix}.bus` };
  }

  /** Starts the runner of the own projections (the event store's global log). */
  startStoreLoop(): ReadSideLoop {
    const { eventStore, readModels, own, pageSize, pollIntervalMs } = this.options;
    const run = runFromStore({
      eventStore,
      readModels,
      projections: own,
      name: this.loopNames.store,
      pageSize,
      pollIntervalMs,
    });
    this.storeRun = run;
    return { finished: run.finished, caughtUp: run.caughtUp, stop: () => run.stop() };
  }

  /** Starts the consumer group of the bus-fed projections; undefined when there are none. */
  async startBusLoop(): Promise<ReadSideLoop | undefined> {
    const { fromBus, bus, readModels } = this.options;
    if (!fromBus) return undefined;
    const run = await runFromBus({ bus, readModels, ...fromBus });
    this.busRun = run;
    let stopped = false;
    // What was published when the loop started; asked again while the broker cannot say yet
    // (just after it came back, its group coordinator is still loading), never given up on.
    const caughtUp = (async () => {
      let ends: readonly PartitionEnd[] | undefined;
      while (!stopped) {
        try {
          ends ??= await bus.partitionEnds(run.topics);
          if (await busCaughtUp(bus, run.groupOnBus, ends)) return;
        } catch {
          // asked again below
        }
        await sleep(START_POLL_MS);
      }
      throw new Error(`read side ${this.options.name} stopped before it caught up`);
    })();
    caughtUp.catch(() => undefined);
    return {
      finished: run.finished,
      caughtUp,
      stop: async () => {
        stopped = true;
        await run.stop();
      },
    };
  }

  /** Waits until every own event stored before the call is applied to the documents. */
  async freshWithStore(): Promise<void> {
    const run = this.storeRun;
    if (!run) throw new ReadSideBehindError(this.options.name, 'the event store (not started)', 0);
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ReadSideBehindError(this.options.name, 'the event store', this.timeoutMs)),
        this.timeoutMs,
      );
    });
    try {
      await Promise.race([run.caughtUpNow(), timeout]);
      // What the unit of work read before the wait is read again after it.
      forgetMemoizedReads();
    } catch (error) {
      if (error instanceof ReadSideBehindError) throw error;
      throw new ReadSideBehindError(
        this.options.name,
        `the event store (${String(error)})`,
        Date.now() - started,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Waits until the consumer group has applied every message published before the call on
   * the given topics (all it consumes by default): their partitions' ends are read now.
   */
  async freshWithBus(topics?: readonly string[]): Promise<void> {
    const run = this.busRun;
    if (!run) throw new ReadSideBehindError(this.options.name, 'the bus (not started)', 0);
    const { bus } = this.options;
    const started = Date.now();
    let ends: readonly PartitionEnd[] | undefined;
    for (;;) {
      try {
        ends ??= await bus.partitionEnds(topics ?? run.topics);
        if (await busCaughtUp(bus, run.groupOnBus, ends)) {
          // What the unit of work read before the wait is read again after it.
          forgetMemoizedReads();
          return;
        }
      } catch {
        // The broker cannot say yet: as behind as when it says no.
      }
      if (Date.now() - started >= this.timeoutMs)
        throw new ReadSideBehindError(
          this.options.name,
          (topics ?? run.topics).join(', '),
          Date.now() - started,
        );
      await sleep(BUS_POLL_MS);
    }
  }
}
