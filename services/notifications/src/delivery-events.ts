import { eventRegistry } from '@talentloop/contracts';
import {
  eventIdFor,
  WrongExpectedRevisionError,
  type EventStore,
  type ExpectedRevision,
} from '@talentloop/event-store';
import type { DeliveryEvent } from '@talentloop/notifications-domain';

/** The principal the service records its delivery events as: nobody's command caused them. */
export const NOTIFICATIONS_ACTOR = 'notifications';

/**
 * Appends a delivery event to its delivery's own stream, at the revision the caller expects
 * it there. The event id derives from the stream and that revision, so the same append again
 * (a retry after a crash between the append and the document's record) is a no-op; another
 * outcome appended first at that revision stands, and this one is dropped: the first word on
 * a delivery is the one integrators get.
 */
export const appendDeliveryEvent = async (
  store: EventStore,
  delivery: {
    readonly tenantId: string;
    readonly stream: string;
    readonly expectedRevision: ExpectedRevision;
  },
  event: DeliveryEvent,
  at: Date,
): Promise<void> => {
  const { tenantId, stream, expectedRevision } = delivery;
  const definition = eventRegistry.current(event.type);
  if (definition === undefined) throw new Error(`${event.type} is not a known event`);
  try {
    await store.appendToStream(
      stream,
      [
        {
          id: eventIdFor(stream, `delivery@${String(expectedRevision)}`, 0),
          type: event.type,
          data: event.data,
          metadata: {
            tenantId,
            actorId: NOTIFICATIONS_ACTOR,
            occurredAt: at.toISOString(),
            schemaVersion: definition.version,
          },
        },
      ],
      { expectedRevision },
    );
  } catch (error) {
    if (!(error instanceof WrongExpectedRevisionError)) throw error;
  }
};
