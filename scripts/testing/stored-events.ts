import Database from 'better-sqlite3';
import { join } from 'node:path';
import { countsOf } from '../demo/print';
import { isDeliveryEvent } from '../demo/responses';
import type { RunningSystem } from './running-system';

export interface StoredEvent {
  readonly stream: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly causationId: string | null;
}

/**
 * Whether the system's events can be read straight from its store: the SQLite file in its data
 * folder (EventStoreDB is read through the replay only).
 */
export const storeIsReadable = (system: RunningSystem): boolean =>
  system.env['EVENT_STORE'] !== 'esdb';

/**
 * One tenant's events of the cycle as the SQLite event store holds them, in global order
 * (read-only): notifications' own streams are left out (see isDeliveryEvent).
 */
export const storedEvents = (system: RunningSystem, tenantId: string): StoredEvent[] => {
  const database = new Database(join(system.folder, 'talentloop.sqlite'), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    return database
      .prepare(
        `SELECT stream_name AS stream, stream_revision AS revision, event_id AS id, type,
                json_extract(metadata, '$.causationId') AS causationId
           FROM events WHERE json_extract(metadata, '$.tenantId') = ?
                         AND stream_name NOT LIKE 'notifications.%'
          ORDER BY global_position`,
      )
      .all(tenantId) as StoredEvent[];
  } finally {
    database.close();
  }
};

/** The causes of a reaction's events (`causationId`), one per stored reaction. */
export const causesOf = (stored: readonly StoredEvent[], reaction: string): (string | null)[] =>
  stored.filter((event) => event.type === reaction).map((event) => event.causationId);

/**
 * The events a reaction's causes name, sorted: a consumer's causationId is `<group>:<event id>`
 * (its dedupe key), so this strips the group.
 */
export const causedBy = (causes: readonly (string | null)[]): (string | null)[] =>
  causes.map((cause) => cause?.replace(/^[\w.-]+:/, '') ?? null).sort();

/** Each stream's revisions in stored order: gap-free means 0, 1, 2, … */
export const revisionsByStream = (stored: readonly StoredEvent[]): number[][] => {
  const streams = new Map<string, number[]>();
  for (const event of stored)
    streams.set(event.stream, [...(streams.get(event.stream) ?? []), event.revision]);
  return [...streams.values()];
};

/** The ids of one tenant's events of the cycle as an integrator replays them from analytics. */
export const replayedIds = async (system: RunningSystem, tenantId: string): Promise<string[]> => {
  const replay = await fetch(system.url('analytics', '/replay/events'), {
    headers: {
      authorization: await system.bearer({ tenantId, userId: 'int-hris', roles: ['integrator'] }),
    },
  });
  if (replay.status !== 200)
    throw new Error(`replay answered ${replay.status}: ${await replay.text()}`);
  return (await replay.text())
    .split('\n')
    .filter((row) => row.trim() !== '')
    .map((row) => JSON.parse(row) as { id: string; type: string })
    .filter(({ type }) => !isDeliveryEvent(type))
    .map(({ id }) => id);
};

/**
 * Each event of a demo's tenant handled once: the demo's counts per type, one request per
 * submission, one activation per approval, evaluations each of its own cause, and every stream
 * gap-free from revision 0.
 */
export const expectHandledOnce = (
  stored: readonly StoredEvent[],
  expectedTypes: Readonly<Record<string, number>>,
): void => {
  expect(countsOf(stored.map((event) => event.type))).toEqual(expectedTypes);
  const submissions = stored.filter((event) => event.type === 'GoalSubmitted');
  expect(causedBy(causesOf(stored, 'ApprovalRequested'))).toEqual(
    submissions.map((event) => event.id).sort(),
  );
  // Each approval activates its goal once; no two evaluations share a cause.
  const approvals = stored.filter((event) => event.type === 'GoalApproved');
  // An activation's cause is `<group>:<approval id>:<goal id>`: the approval is what counts.
  expect(
    causedBy(causesOf(stored, 'GoalActivated'))
      .map((cause) => cause?.split(':')[0] ?? null)
      .sort(),
  ).toEqual(approvals.map((event) => event.id).sort());
  const evaluations = causesOf(stored, 'GoalEvaluated');
  expect(new Set(evaluations).size).toBe(evaluations.length);
  for (const revisions of revisionsByStream(stored))
    expect(revisions).toEqual(revisions.map((_, index) => index));
};
