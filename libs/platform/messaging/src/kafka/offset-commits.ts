/** Offsets to commit, as kafkajs takes them: the next offset to read, per partition. */
export interface TopicOffsets {
  readonly topic: string;
  readonly partitions: { readonly partition: number; readonly offset: string }[];
}

export type CommitOffsets = (topics: TopicOffsets[]) => Promise<void>;

/**
 * When a consumer commits what its handler has done. An offset commit costs a round trip to
 * the group coordinator, and on a broker that also leads the partitions it shares the
 * consumer's connection, which the broker serves one request at a time: the next fetch waits
 * for it. Committing after every chunk made each message wait for the commit of the one
 * before (tens of ms at a few hundred messages a second).
 *
 * So commits are throttled: the first handled chunk after a quiet spell is committed at once
 * (a caller waiting for the group to catch up sees it as soon as before); while messages keep
 * coming, what was handled is committed at most once per `intervalMs`, the rest by a timer
 * at the end of the interval; a rebalance that cuts a batch short commits what is pending
 * before the group moves on. Only handled messages are ever committed, and per partition the
 * offset only moves forward; what a crash leaves uncommitted is delivered again (at-least-once,
 * consumers dedupe by event id). `flush` commits everything handled, for stop().
 */
export class OffsetCommits {
  private readonly pending = new Map<string, { topic: string; partition: number; next: bigint }>();
  private lastCommitAt = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;
  private eager = false;

  /**
   * @param intervalMs at most one commit per interval while messages keep coming; 0: every chunk
   * @param commitLater commits outside a batch (the trailing commit and flush)
   */
  constructor(
    private readonly intervalMs: number,
    private readonly commitLater: CommitOffsets,
  ) {}

  /**
   * The handler is done with a partition's messages up to `next` (exclusive): commits them
   * through `commitNow` (inside the batch, awaited) when due, or leaves them for later.
   */
  async handled(
    topic: string,
    partition: number,
    next: bigint,
    commitNow: CommitOffsets,
  ): Promise<void> {
    const key = `${partition}|${topic}`;
    const known = this.pending.get(key);
    if (known === undefined || known.next < next) this.pending.set(key, { topic, partition, next });
    if (this.eager || performance.now() - this.lastCommitAt >= this.intervalMs) {
      await this.commit(commitNow);
      return;
    }
    if (this.timer !== undefined) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        // A failed trailing commit (a rebalance, the broker away) only means redelivery.
        this.commit(this.commitLater).catch(() => undefined);
      },
      Math.max(0, this.lastCommitAt + this.intervalMs - performance.now()),
    );
    this.timer.unref();
  }

  /** From now on every chunk is committed at once; commits what is pending (for stop()). */
  async flush(): Promise<void> {
    this.eager = true;
    this.cancelTimer();
    await this.commit(this.commitLater);
  }

  /** Commits what is pending now, through `commitNow`: a rebalance is cutting a batch short. */
  commitPending(commitNow: CommitOffsets): Promise<void> {
    return this.commit(commitNow);
  }

  /** Forgets what is pending: after a rebalance the partitions may be another member's. */
  forget(): void {
    this.cancelTimer();
    this.pending.clear();
  }

  private async commit(through: CommitOffsets): Promise<void> {
    if (this.pending.size === 0) return;
    this.cancelTimer();
    const byTopic = new Map<string, TopicOffsets>();
    for (const { topic, partition, next } of this.pending.values()) {
      const entry = byTopic.get(topic) ?? { topic, partitions: [] };
      entry.partitions.push({ partition, offset: next.toString() });
      byTopic.set(topic, entry);
    }
    this.pending.clear();
    this.lastCommitAt = performance.now();
    await through([...byTopic.values()]);
  }

  private cancelTimer(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
