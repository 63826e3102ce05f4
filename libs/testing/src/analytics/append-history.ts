import type { EventStore, EventToAppend } from '@talentloop/event-store';
import type { HistoryEvent } from '../read-models/employee-history';

export interface AppendHistoryOptions {
  /** Events handed to the store before waiting for them: one group commit on SQLite. 5000 by default. */
  readonly batchSize?: number;
  /**
   * Await every append before the next. Needed for stores that may reorder appends issued
   * together; SqliteEventStore commits them in call order, so the default is off.
   */
  readonly sequential?: boolean;
}

/**
 * Appends a history in generation order and returns the number of events. Takes the batches
 * of organisationHistory or a flat list (as employeeHistory returns). Consecutive events of one
 * stream go in one append with expectedRevision 'any'; the appends of a window are issued
 * together, so the global log keeps the generation order (GoalApproved before GoalActivated)
 * while SQLite group-commits them.
 */
export async function appendHistory(
  store: EventStore,
  history: Iterable<HistoryEvent | readonly HistoryEvent[]>,
  options: AppendHistoryOptions = {},
): Promise<number> {
  const windowSize = options.batchSize ?? 5000;
  let count = 0;
  let window: Promise<unknown>[] = [];
  let inWindow = 0;
  let stream = '';
  let run: EventToAppend[] = [];
  const send = async (): Promise<void> => {
    if (run.length === 0) return;
    const append = store.appendToStream(stream, run, { expectedRevision: 'any' });
    run = [];
    if (options.sequential) await append;
    else {
      // Handled here too, so a refusal is not reported as unhandled before the window settles.
      append.catch(() => undefined);
      window.push(append);
    }
  };
  const add = async ({ streamName: name, event }: HistoryEvent): Promise<void> => {
    if (name !== stream) {
      await send();
      stream = name;
    }
    run.push(event);
    count++;
    if (++inWindow >= windowSize) {
      await send();
      await Promise.all(window);
      window = [];
      inWindow = 0;
    }
  };
  for (const item of history) {
    if (Array.isArray(item)) for (const event of item as readonly HistoryEvent[]) await add(event);
    else await add(item as HistoryEvent);
  }
  await send();
  await Promise.all(window);
  return count;
}
