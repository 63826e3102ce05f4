import {
  eventRegistry,
  toCloudEvent,
  toKafkaRecord,
  type EnvelopedEvent,
} from '@talentloop/contracts';
import { busMessageOfStored } from './event-messaging';

const storedOf = (
  definition: (typeof eventRegistry.definitions)[number],
  extra: Partial<EnvelopedEvent['metadata']> = {},
  globalPosition: bigint | undefined = 4_711n,
): EnvelopedEvent => ({
  id: `evt-${definition.name}-${definition.version}`,
  type: definition.name,
  data: structuredClone(definition.example),
  metadata: {
    tenantId: 'acme',
    actorId: 'user-1',
    occurredAt: '2026-02-01T10:00:00.000Z',
    schemaVersion: definition.version,
    ...extra,
  },
  ...(globalPosition === undefined ? {} : { globalPosition }),
});

describe('the bus message of a stored event', () => {
  it('is the CloudEvents Kafka record of the event, headers in the same order, for every event', () => {
    // given every event of the catalogue at every version, as an event store returns it
    const events = eventRegistry.definitions.flatMap((definition) => [
      storedOf(definition),
      storedOf(
        definition,
        {
          correlationId: 'flow-1',
          causationId: 'cmd-1',
          traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
        },
        undefined,
      ),
    ]);

    for (const event of events) {
      // when the relay builds its message, and the envelope builds the record
      const message = busMessageOfStored(event);
      const record = toKafkaRecord(toCloudEvent(event));

      // then they are the same, down to the order of the headers
      expect(message).toEqual(record);
      expect(Object.keys(message.headers)).toEqual(Object.keys(record.headers));
    }
  });

  it('refuses an event type the catalogue does not know', () => {
    const unknown: EnvelopedEvent = {
      id: 'evt-1',
      type: 'NoSuchEvent',
      data: {},
      metadata: {
        tenantId: 'acme',
        actorId: 'user-1',
        occurredAt: '2026-02-01T10:00:00.000Z',
        schemaVersion: 1,
      },
    };

    expect(() => busMessageOfStored(unknown)).toThrow(/NoSuchEvent/);
  });
});
