import { isTalentloopEventType } from '@talentloop/contracts';
import type { RecordedEvent } from '@talentloop/event-store';
import type { ProjectedEvent, ProjectionInput } from './projection';

/** The source of events read from the event store's global log, ordered by global position. */
export const STORE_SOURCE = 'store';

/** The source of one Kafka partition: offsets are ordered inside it only. */
export const busSource = (topic: string, partition: number): string =>
  `kafka:${topic}:${partition}`;

/**
 * A recorded event as projections see it, or undefined for a type outside the catalog. The
 * store validated the data at append and upcast it on read, so its shape is the type's.
 */
export function toProjectedEvent(recorded: RecordedEvent): ProjectedEvent | undefined {
  // The recorded event itself, not a copy: rebuilds turn tens of thousands of events a
  // second, and its extra fields (stream, positions) are harmless to a projection.
  return isTalentloopEventType(recorded.type) ? (recorded as ProjectedEvent) : undefined;
}

export function storeInputs(page: readonly RecordedEvent[]): ProjectionInput[] {
  const inputs: ProjectionInput[] = [];
  for (const recorded of page) {
    const event = toProjectedEvent(recorded);
    if (event) inputs.push({ event, source: STORE_SOURCE, position: recorded.globalPosition });
  }
  return inputs;
}

/** Where a bus consumer got a message; kafkajs gives offsets as decimal strings. */
export interface BusDelivery {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string | bigint;
}

export const busInput = (delivery: BusDelivery, event: ProjectedEvent): ProjectionInput => ({
  event,
  source: busSource(delivery.topic, delivery.partition),
  position: BigInt(delivery.offset),
});
