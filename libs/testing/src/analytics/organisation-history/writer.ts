import { eventRegistry } from '@talentloop/contracts';
import type { EventToAppend } from '@talentloop/event-store';
import type { HistoryEvent } from '../../read-models/employee-history';
import { deterministicUuids } from '../random';
import type { DataOf, EventType } from './events';

export interface HistoryWriter {
  /** Adds an event to the batch under way, with the next deterministic id. */
  emit<Type extends EventType>(
    stream: string,
    subject: string,
    tenantId: string,
    actorId: string,
    at: number,
    type: Type,
    data: DataOf<Type>,
  ): void;
  /** Hands over the batch under way and starts the next. */
  flush(): HistoryEvent[];
  /** Events in the batch under way. */
  readonly pending: number;
  /** Events handed over so far. */
  readonly emitted: number;
}

/** Collects a history's events in batches; event ids follow from the seed. */
export const historyWriter = (seed: number): HistoryWriter => {
  const uuid = deterministicUuids(seed);
  // Schema versions once per type: MeasurementRecorded is at v2 with robustness.
  const versions = new Map<string, number>();
  const versionOf = (type: string): number => {
    let version = versions.get(type);
    if (version === undefined) {
      version = eventRegistry.current(type)?.version ?? 1;
      versions.set(type, version);
    }
    return version;
  };
  let emitted = 0;
  let batch: HistoryEvent[] = [];
  return {
    emit(stream, subject, tenantId, actorId, at, type, data) {
      const event: EventToAppend = {
        id: uuid(),
        type,
        data,
        metadata: {
          tenantId,
          actorId,
          occurredAt: new Date(at).toISOString(),
          schemaVersion: versionOf(type),
        },
      };
      batch.push({ streamName: stream, subject, event });
    },
    flush() {
      const done = batch;
      batch = [];
      emitted += done.length;
      return done;
    },
    get pending() {
      return batch.length;
    },
    get emitted() {
      return emitted;
    },
  };
};
