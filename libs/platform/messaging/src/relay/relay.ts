import { publishedStreamPrefixesOf, topicFor, type PublishedContext } from '@talentloop/contracts';
import {
  AppendWaiter,
  backlogAfter,
  type EventFilter,
  type EventStore,
  type RecordedEvent,
} from '@talentloop/event-store';
import { registerLag } from '@talentloop/observability';
import { isRetriable } from '../errors';
import { busMessageOfStored, publishInBatches } from '../events/event-messaging';
import type { BusMessage, MessageBus } from '../message-bus.port';
import type { CheckpointStore } from './checkpoint-store';

export interface RelayOptions {
  readonly store: EventStore;
  readonly bus: MessageBus;
  readonly checkpoints: CheckpointStore;
  /** Names the checkpoint; one relay per name at a time. */
  readonly name: string;
  /**
   * The relay publishes this context's published streams (all of them, or the aggregates the
   * contracts name: publishedStreamPrefixesOf) to this context's topic.
   */
  readonly context: PublishedContext;
  /**
   * Where the events go; `topicFor(context)` by default. It must be declared (see topology/):
   * until it is, the relay retries.
   */
  readonly topic?: string;
  /** Events read, and checkpointed after publishing, per round; 1 000 by default. */
  readonly pageSize?: number;
  /** A page is published in batches of at most this many uncompressed bytes; see publishEvents. */
  readonly maxBatchBytes?: number;
  /**
   * After being woken by an append, wait until this long after the last bus write before
   * reading, so that the appends of the next few milliseconds go out in the same page: one
   * bus write (one fsync on the embedded log) for many events. The first append after a
   * quiet spell goes out at once. 0 (no wait) by default.
   */
  readonly lingerMs?: number;
  /**
   * Caught up, the relay sleeps until an append through this process's store wakes it, or
   * this long: how soon appends by other processes (a second instance, the CLI) go out.
   * 50 ms by default.
   */
  readonly pollIntervalMs?: number;
  /** Told about failures the relay retries (the bus or the store unavailable); console.error by default. */
  readonly onRetriableError?: (error: unknown) => void;
  /**
   * Caught up, the relay also checkpoints how far it looked once that is this many positions
   * past its checkpoint (10,000 by default): a restart then reads on from there, rather than
   * through every other context's event since this context's last one.
   */
  readonly checkpointLookedAtEvery?: number;
}

export interface RelayMetrics {
  /** Events published since this relay started (re-published ones included). */
  readonly relayed: number;
  /** Global position of the last event published and checkpointed. */
  readonly publishedPosition: bigint | undefined;
  /**
   * The newest position of this context the relay has read from the store; while pages come
   * back full the true head may be further.
   */
  readonly headPosition: bigint | undefined;
  /** The last read came back short: everything appended before it is published. */
  readonly caughtUp: boolean;
  /** From the store accepting the last published event to the bus acknowledging it. */
  readonly lastLatencyMs: number | undefined;
}

export interface Relay {
  readonly relayed: number;
  metrics(): RelayMetrics;
  /** Finishes the page in hand (publish and checkpoint), then stops. */
  stop(): Promise<void>;
  /** Resolves on stop; rejects when a failure that retrying cannot fix stopped the relay. */
  readonly finished: Promise<void>;
}

/** A page read from the store, as it goes out. */
interface Page {
  readonly events: readonly RecordedEvent[];
  readonly messages: readonly BusMessage[];
  /** The last event's global position and recording time; undefined for an empty page. */
  readonly last: bigint | undefined;
  readonly lastRecordedAt: string | undefined;
  /** The log's last position, read just before the page: how far a short page looked. */
  readonly head: bigint;
}

const POLL_INTERVAL_MS = 50;
const RETRY_INITIAL_MS = 100;
const RETRY_MAX_MS = 5_000;

/**
 * Moves a service's own events from its event store to its context topic, with no dual
 * write: read a page after the checkpoint, publish it (in batches bounded in bytes, one after
 * the other), then save the checkpoint. While a full page is being published, the next is read
 * (not published) meanwhile. A crash between publishing and saving publishes that page again
 * on restart: at-least-once, in store order, so per key in order; consumers dedupe by event id.
 */
export const startRelay = (options: RelayOptions): Relay => new CheckpointedRelay(options);

class CheckpointedRelay implements Relay {
  private running = true;
  private lastPublishedAt = Number.NEGATIVE_INFINITY;
  private wakeUp: () => void = () => undefined;
  private counters = {
    relayed: 0,
    publishedPosition: undefined as bigint | undefined,
    headPosition: undefined as bigint | undefined,
    caughtUp: false,
    lastLatencyMs: undefined as number | undefined,
  };
  /**
   * How far a short page looked: the log's last position read before it. Nothing of this
   * context up to there is left to publish, so reads (and the lag gauge) start there instead
   * of scanning the other contexts' events after the checkpoint again.
   */
  private lookedUpTo: bigint | undefined;
  /** The position last saved as the checkpoint (0 before any). */
  private savedPosition = 0n;
  private readonly filter: EventFilter;
  private readonly topic: string;
  private readonly pageSize: number;
  private readonly sleeper: AppendWaiter;
  readonly finished: Promise<void>;

  constructor(private readonly options: RelayOptions) {
    this.filter = { streamPrefixes: publishedStreamPrefixesOf(options.context) };
    this.topic = options.topic ?? topicFor(options.context);
    this.pageSize = options.pageSize ?? 1_000;
    this.sleeper = new AppendWaiter(options.store, {
      pollIntervalMs: options.pollIntervalMs ?? POLL_INTERVAL_MS,
    });
    // Reported as talentloop_relay_lag_events while the relay runs.
    const unregister = registerLag('relay', options.name, () => this.backlog());
    this.finished = this.run();
    const ended = () => {
      unregister();
      this.sleeper.close();
    };
    this.finished.then(ended, ended);
  }

  get relayed(): number {
    return this.counters.relayed;
  }

  metrics(): RelayMetrics {
    return { ...this.counters };
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp();
    this.sleeper.wake();
    await this.finished;
  }

  private async run(): Promise<void> {
    const { checkpoints, name } = this.options;
    let started = false;
    let after: bigint | undefined;
    let failures = 0;
    // The page after the one being published, read while the broker works on that one.
    let readAhead: Promise<Page> | undefined;
    while (this.running) {
      try {
        if (!started) {
          after = await checkpoints.load(name);
          this.counters.publishedPosition = after;
          this.savedPosition = after ?? 0n;
          started = true;
        }
        const page = await (readAhead ?? this.read(after));
        readAhead = undefined;
        if (page.events.length > 0) {
          const publishing = this.publish(page);
          // Only after a full page is there surely more to read. The read waits for the send
          // to be under way (a macrotask later): it then overlaps the broker's round trip.
          if (page.events.length === this.pageSize) {
            readAhead = new Promise(setImmediate).then(() => this.read(page.last));
            // Dropped unread when the publish fails: its own failure is no news then.
            readAhead.catch(() => undefined);
          }
          after = await this.checkpointed(page, publishing);
          // On SQLite every step above settles as a microtask: without a turn of the event
          // loop, a long catch-up would starve the service's requests and timers.
          await new Promise(setImmediate);
        }
        failures = 0;
        this.counters.caughtUp = page.events.length < this.pageSize;
        if (this.counters.caughtUp) {
          if (page.head > (after ?? 0n)) after = page.head;
          this.lookedAt(page.head);
          await this.checkpointLookedAt(page.head);
          if (this.running) await this.sleeper.sleep();
          await this.linger();
        }
      } catch (error) {
        readAhead = undefined;
        if (!isRetriable(error)) throw error;
        failures++;
        (this.options.onRetriableError ?? reportRetriable)(error);
        await this.pause(Math.min(RETRY_MAX_MS, RETRY_INITIAL_MS * 2 ** (failures - 1)));
      }
    }
  }

  /**
   * Events of this context not published yet (up to the count limit): the lag gauge. A count
   * of none also tells how far it looked, so the next count starts there.
   */
  private async backlog(): Promise<number> {
    const head = await this.options.store.lastGlobalPosition();
    const backlog = await backlogAfter(this.options.store, this.complete(), this.filter);
    if (backlog === 0) this.lookedAt(head);
    return backlog;
  }

  /**
   * Saves how far a short page looked (`head`, read before the page) as the checkpoint, once it
   * is checkpointLookedAtEvery past the saved one: nothing of this context up to there is left
   * to publish. Without it a context whose own events are few (notifications) read the whole
   * log after its last one at every start: 1M events took its restart to 2.25 s.
   */
  private async checkpointLookedAt(head: bigint): Promise<void> {
    const every = BigInt(this.options.checkpointLookedAtEvery ?? 10_000);
    if (head < this.savedPosition + every) return;
    await this.options.checkpoints.save(this.options.name, head);
    this.savedPosition = head;
  }

  /** Nothing of this context up to `head` is left to publish. */
  private lookedAt(head: bigint): void {
    if (this.lookedUpTo === undefined || head > this.lookedUpTo) this.lookedUpTo = head;
  }

  /** Everything of this context up to this position is published. */
  private complete(): bigint | undefined {
    const { publishedPosition } = this.counters;
    if (this.lookedUpTo === undefined) return publishedPosition;
    return publishedPosition !== undefined && publishedPosition > this.lookedUpTo
      ? publishedPosition
      : this.lookedUpTo;
  }

  /**
   * The next page after `after`, as the messages it goes out as. The store validated every
   * event at append and upcasts on read: only its type is checked again here.
   */
  private async read(after: bigint | undefined): Promise<Page> {
    this.sleeper.reading();
    const head = await this.options.store.lastGlobalPosition();
    const events = await this.options.store.readAll({
      after,
      maxCount: this.pageSize,
      filter: this.filter,
    });
    const messages = new Array<BusMessage>(events.length);
    for (let i = 0; i < events.length; i++) messages[i] = busMessageOfStored(events[i]);
    const last = events.at(-1);
    return {
      events,
      messages,
      last: last?.globalPosition,
      lastRecordedAt: last?.recordedAt,
      head,
    };
  }

  private publish(page: Page): Promise<void> {
    this.counters.headPosition = page.last;
    return publishInBatches(
      this.options.bus,
      this.topic,
      page.messages,
      this.options.maxBatchBytes,
    );
  }

  /** Once the bus has acknowledged the whole page (never before), its last position is saved. */
  private async checkpointed(page: Page, publishing: Promise<void>): Promise<bigint | undefined> {
    await publishing;
    this.lastPublishedAt = performance.now();
    if (page.last === undefined) return page.last;
    await this.options.checkpoints.save(this.options.name, page.last);
    this.savedPosition = page.last;
    this.counters.relayed += page.events.length;
    this.counters.publishedPosition = page.last;
    if (page.lastRecordedAt !== undefined)
      this.counters.lastLatencyMs = Date.now() - Date.parse(page.lastRecordedAt);
    return page.last;
  }

  /**
   * After a wake, what lingerMs asks: that the appends of the next few milliseconds go out in
   * the same bus write. Counted from the last write, not from the wake: the first append after
   * a quiet spell goes out at once, and while appends keep coming there is at most one write
   * per lingerMs (each carrying what came meanwhile).
   */
  private async linger(): Promise<void> {
    const { lingerMs } = this.options;
    if (!this.running || !lingerMs) return;
    const wait = this.lastPublishedAt + lingerMs - performance.now();
    if (wait > 0) await this.pause(wait);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

const reportRetriable = (error: unknown): void => {
  console.error('relay: retrying after', error);
};
