import type Database from 'better-sqlite3';

/**
 * Makes an at-least-once consumer's effect happen once per (group, event id), when the
 * effect is a write to the same SQLite database: the id is recorded in the same transaction
 * as the effect, so both happen or neither does, and a redelivered event changes nothing.
 *
 * A consumer whose effect is a command on an event store needs no log at all: run it with
 * `handleCommand` and `commandId = consumerCommandId(groupId, event.id)`. The store derives
 * the new events' ids from the command id and treats a repeated append as a no-op, so a
 * redelivery appends nothing twice.
 */
export class ProcessedEventLog {
  private readonly insert;
  private readonly recordAndRun;

  constructor(db: Database.Database) {
    db.exec(
      'CREATE TABLE IF NOT EXISTS processed_events (group_id TEXT NOT NULL, event_id TEXT NOT NULL, processed_at TEXT NOT NULL, PRIMARY KEY (group_id, event_id)) WITHOUT ROWID',
    );
    this.insert = db.prepare<[string, string, string]>(
      'INSERT INTO processed_events (group_id, event_id, processed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.recordAndRun = db.transaction(
      (groupId: string, eventId: string, effect: () => undefined) => {
        if (this.insert.run(groupId, eventId, new Date().toISOString()).changes === 0) return false;
        effect();
        return true;
      },
    );
  }

  /**
   * Runs `effect` (synchronous SQLite work on this log's database) and records the event in
   * one IMMEDIATE transaction, unless the event was already recorded for this group. When
   * the effect throws, nothing is recorded and the error propagates (the bus retries).
   * Returns whether the effect ran. Typed to return undefined so that an async effect, which
   * would outlive the transaction, does not compile.
   */
  runOnce(groupId: string, eventId: string, effect: () => undefined): boolean {
    return this.recordAndRun.immediate(groupId, eventId, effect);
  }
}

/** The command id of a command a consumer sends in reaction to an event; see ProcessedEventLog. */
export const consumerCommandId = (groupId: string, eventId: string): string =>
  `${groupId}:${eventId}`;
