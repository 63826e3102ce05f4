import { SqliteEventStore } from '@talentloop/event-store';
import type { BenchEvent } from './sample-event';
import type { BenchTarget, TargetFactory } from './target';

class TalentloopTarget implements BenchTarget {
  private readonly store: SqliteEventStore;

  constructor(path: string) {
    this.store = new SqliteEventStore({ path, durability: 'full' });
  }

  async append(stream: string, events: readonly BenchEvent[]): Promise<void> {
    await this.store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
  }

  async readAll(pageSize: number): Promise<number> {
    let after: bigint | undefined;
    let count = 0;
    for (;;) {
      const page = await this.store.readAll({ after, maxCount: pageSize });
      count += page.length;
      if (page.length < pageSize) return count;
      after = page[page.length - 1].globalPosition;
    }
  }

  /** Transactions written so far: fewer than appends means appends were group-committed. */
  get flushCount(): number {
    return this.store.flushCount;
  }

  durability(): Promise<string> {
    return Promise.resolve(
      `journal_mode=WAL, synchronous=${this.store.durabilityInForce().toUpperCase()} (durabilityInForce()), group commit: appends queued in one event-loop turn share one transaction`,
    );
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

export const talentloopSqlite: TargetFactory = {
  key: 'ours',
  label: 'Talentloop SqliteEventStore',
  notes:
    "SqliteEventStore({ durability: 'full' }), expectedRevision 'no_stream', events validated against the contracts registry; read: readAll pages",
  open: (path) => Promise.resolve(new TalentloopTarget(path)),
};

export const isTalentloopTarget = (target: BenchTarget): target is TalentloopTarget =>
  target instanceof TalentloopTarget;
