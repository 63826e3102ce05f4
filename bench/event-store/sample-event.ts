import { randomUUID } from 'node:crypto';
import { eventRegistry, streamName, type EventMetadata } from '@talentloop/contracts';

/** The event every system stores: a current Talentloop event with valid metadata. */
export const SAMPLE_EVENT_TYPE = 'CheckInLogged';

export interface BenchEvent {
  readonly id: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: EventMetadata;
}

const definition = eventRegistry.current(SAMPLE_EVENT_TYPE);
if (!definition) throw new Error(`${SAMPLE_EVENT_TYPE} is not in the contracts catalog`);
const schemaVersion = definition.version;
// Shared by every event: only the id and the metadata differ, as in real traffic.
const data: Record<string, unknown> = { ...definition.example };

/** `count` fresh events (unique ids) of the sample type. */
export const sampleEvents = (count: number): BenchEvent[] => {
  const occurredAt = new Date().toISOString();
  return Array.from({ length: count }, () => ({
    id: randomUUID(),
    type: SAMPLE_EVENT_TYPE,
    data,
    metadata: { tenantId: 'bench', actorId: 'bench-user', occurredAt, schemaVersion },
  }));
};

/** A valid Talentloop stream name, e.g. `planning.goal-bench.r1-42`. */
export const benchStream = (id: string): string =>
  streamName({ context: definition.context, aggregate: 'goal', tenantId: 'bench', id });

/** Bytes of the data and metadata JSON of one sample event, as stored. */
export const sampleEventBytes = (): number => {
  const [event] = sampleEvents(1);
  return JSON.stringify(event.data).length + JSON.stringify(event.metadata).length;
};
