import {
  eventRegistry,
  parseCloudEventType,
  type CloudEvent,
  type EventMetadata,
} from '@talentloop/contracts';
import { webhookBody } from '@talentloop/notifications-domain';
import type { PersonalDataCipher } from '@talentloop/privacy';

/**
 * A delivery's body with the event's personal fields opened, for a subscription granted opened
 * data. The delivery keeps the sealed body: what is opened exists only in the attempt, and a
 * person erased since reads "[erased]" (their key is gone).
 */
export const openedBody = async (cipher: PersonalDataCipher, body: string): Promise<string> => {
  const cloudEvent = JSON.parse(body) as CloudEvent;
  const parts = parseCloudEventType(cloudEvent.type);
  const definition = parts && eventRegistry.definition(parts.name, parts.version);
  if (definition === undefined) return body;
  const metadata: EventMetadata = {
    tenantId: cloudEvent.tenantid,
    actorId: cloudEvent.actorid,
    occurredAt: cloudEvent.time,
    schemaVersion: definition.version,
  };
  const opened = await cipher.open({ type: definition.name, data: cloudEvent.data, metadata });
  return opened.data === cloudEvent.data ? body : webhookBody({ ...cloudEvent, data: opened.data });
};
