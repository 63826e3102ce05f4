import { streamPrefix, topicFor, type BoundedContext } from '@talentloop/contracts';
import {
  backlogAfter,
  type EventFilter,
  type EventStore,
  type RecordedEvent,
  type Subscription,
} from '@talentloop/event-store';
import { registerLag } from '@talentloop/observability';
import { isRetriable } from '../errors';
import { busMessageOf, publishInBatches } from '../events/event-messaging';
import type { MessageBus } from '../message-bus.port';
import type { CheckpointStore } from './checkpoint-store';

export interface RelayOptions {
  readonly store: EventStore;
  readonly bus: MessageBus;
  readonly checkpoints: CheckpointStore;
  /** Names the checkpoint; one relay per name at a time. */
  readonly name: string;
  /** The relay publishes this context's events (its streams) to this context's topic. */
  readonly context: BoundedContext;
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
   * After being woken by an append, wait this long before reading, so that the appends of
   * the next few milliseconds go out in the same page: one bus write (one fsync on the
   * embedded log) for many events. 0 (no wait) by default.
   */
  readonly lingerMs?: number;
  /** Told about failures the relay retries (the bus or the store unavailable); console.error by default. */
  readonly onRetriableError?: (error: unknown) => void;
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

const RETRY_INITIAL_MS = 100;
const RETRY_MAX_MS = 5_000;

/**
 * Moves a service's own events from its event store to its context topic, with no dual
 * write: read a page after the checkpoint, publish it (in batches bounded in bytes, one after
 * the other), then save the checkpoint. A crash between publishing and saving publishes that page again on restart:
 * at-least-once, in store order, so per key in order; consumers dedupe by event id.
 */
export const startRelay = (options: RelayOptions): Relay => new CheckpointedRelay(options);

class CheckpointedRelay implements Relay {
  private running = true;
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
  private readonly filter: EventFilter;
  private readonly topic: string;
  private readonly pageSize: number;
  readonly finished: Promise<void>;

  constructor(private readonly options: RelayOptions) {
    this.filter = { streamPrefixes: [streamPrefix(options.context)] };
    this.topic = options.topic ?? topicFor(options.context);
    this.pageSize = options.pageSize ?? 1_000;
    // Reported as talentloop_relay_lag_events while the relay runs.
    const unregister = registerLag('relay', options.name, () => this.backlog());
    this.finished = this.run();
    this.finished.then(unregister, unregister);
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
    await this.finished;
  }

  private async run(): Promise<void> {
    const { checkpoints, name } = this.options;
    let started = false;
    let after: bigint | undefined;
    let failures = 0;
    while (this.running) {
      try {
        if (!started) {
          after = await checkpoints.load(name);
          this.counters.publishedPosition = after;
          started = true;
        }
        const head = await this.options.store.lastGlobalPosition();
        const page = await this.options.store.readAll({
          after,
          maxCount: this.pageSize,
          filter: this.filter,
        });
        if (page.length > 0) {
          after = await this.relayPage(page);
          // On SQLite every step above settles as a microtask: without a turn of the event
          // loop, a long catch-up would starve the service's requests and timers.
          await new Promise(setImmediate);
        }
        failures = 0;
        this.counters.caughtUp = page.length < this.pageSize;
        if (this.counters.caughtUp) {
          if (head > (after ?? 0n)) after = head;
          this.lookedAt(head);
          await this.nextAppendAfter(after);
          if (this.running && this.options.lingerMs) await this.pause(this.options.lingerMs);
        }
      } catch (error) {
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

  private async relayPage(page: readonly RecordedEvent[]): Promise<bigint> {
    const last = page[page.length - 1];
    this.counters.headPosition = last.globalPosition;
    await publishInBatches(
      this.options.bus,
      this.topic,
      page.map((event) => busMessageOf(event).message),
      this.options.maxBatchBytes,
    );
    await this.options.checkpoints.save(this.options.name, last.globalPosition);
    this.counters.relayed += page.length;
    this.counters.publishedPosition = last.globalPosition;
    this.counters.lastLatencyMs = Date.now() - Date.parse(last.recordedAt);
    return last.globalPosition;
  }

  /**
   * Waits for the store to have an event of this context after `after`: the store's own
   * subscription wakes us at once for appends of this process and polls for other processes.
   */
  private async nextAppendAfter(after: bigint | undefined): Promise<void> {
    let subscription: Subscription | undefined;
    await new Promise<void>((resolve) => {
      this.wakeUp = resolve;
      if (!this.running) return resolve();
      subscription = this.options.store.subscribeToAll({ after, filter: this.filter }, () =>
        resolve(),
      );
      // A failing subscription must not leave the relay asleep.
      subscription.finished.then(resolve, resolve);
    });
    this.wakeUp = () => undefined;
    await subscription?.stop();
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
