import {
  fromKafkaRecord,
  parseCloudEventType,
  toCloudEvent,
  toKafkaRecord,
  topicFor,
  type BoundedContext,
  type EnvelopedEvent,
  type ReceivedEvent,
} from '@talentloop/contracts';
import type {
  BusConsumer,
  BusMessage,
  DeliveredMessage,
  MessageBus,
  SubscribeToTopicsOptions,
} from '../message-bus.port';

/** The Kafka record of an event: CloudEvents binary mode, keyed by its subject. */
export const busMessageOf = (event: EnvelopedEvent): { topic: string; message: BusMessage } => {
  const cloudEvent = toCloudEvent(event);
  // toCloudEvent only builds types it can parse back.
  const { context } = parseCloudEventType(cloudEvent.type) as { context: BoundedContext };
  return { topic: topicFor(context), message: toKafkaRecord(cloudEvent) };
};

/**
 * Publishes events (recorded ones carry their global position into `ce_sequence`) to their
 * contexts' topics, one publish per topic, in the order given. Throws ContractViolationError,
 * before publishing anything, for an event that breaks its contract.
 */
export const publishEvents = async (
  bus: MessageBus,
  events: readonly EnvelopedEvent[],
): Promise<void> => {
  const byTopic = new Map<string, BusMessage[]>();
  for (const event of events) {
    const { topic, message } = busMessageOf(event);
    const messages = byTopic.get(topic);
    if (messages) messages.push(message);
    else byTopic.set(topic, [message]);
  }
  await Promise.all([...byTopic].map(([topic, messages]) => bus.publish(topic, messages)));
};

/** Receives valid, current-version events; `delivered` says where each came from. */
export type EventMessageHandler = (
  event: ReceivedEvent,
  delivered: DeliveredMessage,
) => Promise<void>;

export type SubscribeToEventsOptions = Omit<SubscribeToTopicsOptions, 'topics' | 'handler'> & {
  readonly handler: EventMessageHandler;
} & (
    | { readonly contexts: readonly BoundedContext[]; readonly topics?: never }
    | { readonly topics: readonly string[]; readonly contexts?: never }
  );

/** Partitions of a context topic, whoever creates it first: its relay or a consumer. */
export const CONTEXT_TOPIC_PARTITIONS = 3;

/**
 * Subscribes to the events of some contexts (or topics). A message that is not a valid
 * event fails with a ContractViolationError, which is not retriable: it goes to the
 * dead-letter topic at once. Delivery is at-least-once: dedupe by `event.id` (see
 * ProcessedEventLog). Context topics are declared first (idempotently, as their relays do),
 * so a consumer may start before the service that publishes to it.
 */
export const subscribeToEvents = async (
  bus: MessageBus,
  options: SubscribeToEventsOptions,
): Promise<BusConsumer> => {
  const { contexts, topics, handler, ...rest } = options;
  if (contexts)
    await bus.ensureTopics(
      contexts.map((context) => ({
        topic: topicFor(context),
        partitions: CONTEXT_TOPIC_PARTITIONS,
      })),
    );
  return bus.subscribe({
    ...rest,
    topics: topics ?? (contexts ?? []).map(topicFor),
    handler: (delivered) => handler(fromKafkaRecord(delivered), delivered),
  });
};
