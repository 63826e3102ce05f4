import {
  binaryModeHeader,
  cloudEventSource,
  cloudEventType,
  contentTypeHeader,
  ContractViolationError,
  dataSchemaUri,
  eventRegistry,
  fromKafkaRecord,
  parseCloudEventType,
  toCloudEvent,
  toKafkaRecord,
  topicFor,
  type BoundedContext,
  type EnvelopedEvent,
  type EventDefinition,
  type ReceivedEvent,
} from '@talentloop/contracts';
import type {
  BusConsumer,
  BusMessage,
  DeliveredMessage,
  MessageBus,
  SubscribeToTopicsOptions,
} from '../message-bus.port';
import { byteBoundedBatches, DEFAULT_MAX_BATCH_BYTES } from './byte-bounded-batches';

/** The Kafka record of an event: CloudEvents binary mode, keyed by its subject. */
export const busMessageOf = (event: EnvelopedEvent): { topic: string; message: BusMessage } => {
  const cloudEvent = toCloudEvent(event);
  // toCloudEvent only builds types it can parse back.
  const { context } = parseCloudEventType(cloudEvent.type) as { context: BoundedContext };
  return { topic: topicFor(context), message: toKafkaRecord(cloudEvent) };
};

/** The attributes one event type and version always carries, as headers; built once each. */
const typeHeaders = new Map<
  EventDefinition,
  { readonly source: string; readonly type: string; readonly dataschema: string }
>();

const typeHeadersOf = (definition: EventDefinition) => {
  let headers = typeHeaders.get(definition);
  if (!headers) {
    const parts = {
      context: definition.context,
      name: definition.name,
      version: definition.version,
    };
    headers = {
      source: cloudEventSource(definition.context),
      type: cloudEventType(parts),
      dataschema: dataSchemaUri(parts),
    };
    typeHeaders.set(definition, headers);
  }
  return headers;
};

/**
 * The bus message of an event read from an event store, which validated it at append and
 * upcasts on read: only its type is checked again. The same record as
 * `toKafkaRecord(toCloudEvent(event))`, headers in the same order (a unit test holds them
 * together), built without the CloudEvent in between: the relay builds one per event it moves.
 * Throws ContractViolationError for a type the catalogue does not know.
 */
export const busMessageOfStored = (event: EnvelopedEvent): BusMessage => {
  const { metadata } = event;
  const definition = eventRegistry.definition(event.type, metadata.schemaVersion);
  if (!definition) throw new ContractViolationError(`event ${event.type} ${event.id}`, []);
  const fixed = typeHeadersOf(definition);
  const subject = definition.subjectOf(event.data as never);
  const headers: Record<string, string> = {
    ce_specversion: '1.0',
    ce_id: event.id,
    ce_source: fixed.source,
    ce_type: fixed.type,
    ce_subject: subject,
    ce_time: metadata.occurredAt,
    ce_dataschema: fixed.dataschema,
    ce_tenantid: metadata.tenantId,
    ce_actorid: metadata.actorId,
  };
  if (metadata.traceparent !== undefined) headers['ce_traceparent'] = metadata.traceparent;
  if (metadata.correlationId !== undefined) headers['ce_correlationid'] = metadata.correlationId;
  if (metadata.causationId !== undefined) headers['ce_causationid'] = metadata.causationId;
  if (event.globalPosition !== undefined)
    headers['ce_sequence'] = event.globalPosition.toString().padStart(20, '0');
  headers[contentTypeHeader] = 'application/json';
  return { key: subject, headers, value: JSON.stringify(event.data) };
};

export interface PublishEventsOptions {
  /**
   * Uncompressed bytes per publish, at most (an event heavier than that goes alone), so that no
   * batch exceeds the broker's max.message.bytes; DEFAULT_MAX_BATCH_BYTES by default.
   */
  readonly maxBatchBytes?: number;
}

/**
 * Publishes events (recorded ones carry their global position into `ce_sequence`) to their
 * contexts' topics, in the order given, in batches bounded in bytes. Throws
 * ContractViolationError, before publishing anything, for an event that breaks its contract.
 */
export const publishEvents = async (
  bus: MessageBus,
  events: readonly EnvelopedEvent[],
  options: PublishEventsOptions = {},
): Promise<void> => {
  const byTopic = new Map<string, BusMessage[]>();
  for (const event of events) {
    const { topic, message } = busMessageOf(event);
    const messages = byTopic.get(topic);
    if (messages) messages.push(message);
    else byTopic.set(topic, [message]);
  }
  await Promise.all(
    [...byTopic].map(([topic, messages]) =>
      publishInBatches(bus, topic, messages, options.maxBatchBytes),
    ),
  );
};

/** One batch after the other: the next starts once the broker has the previous, so order holds. */
export const publishInBatches = async (
  bus: MessageBus,
  topic: string,
  messages: readonly BusMessage[],
  maxBatchBytes = DEFAULT_MAX_BATCH_BYTES,
): Promise<void> => {
  for (const batch of byteBoundedBatches(messages, maxBatchBytes)) await bus.publish(topic, batch);
};

const typeHeader = binaryModeHeader('type');
/** The catalogue's event name of each `ce_type` seen (a handful), parsed once. */
const namesOfTypes = new Map<string, string | undefined>();

/**
 * Whether a subscription that takes only `eventTypes` passes the message over unread (see
 * SubscribeToTopicsOptions.eventTypes): its `ce_type` names an event of another type.
 */
export const passedOver = (
  message: DeliveredMessage,
  eventTypes: readonly string[] | undefined,
): boolean => {
  if (eventTypes === undefined) return false;
  const type = message.headers[typeHeader];
  if (type === undefined) return false;
  let name = namesOfTypes.get(type);
  if (name === undefined && !namesOfTypes.has(type)) {
    // Only names of the catalogue's events: a message of any other goes to the handler, which
    // refuses it as before.
    const parsed = parseCloudEventType(type)?.name;
    name = parsed !== undefined && eventRegistry.current(parsed) ? parsed : undefined;
    if (namesOfTypes.size < 1_000) namesOfTypes.set(type, name);
  }
  return name !== undefined && !eventTypes.includes(name);
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

/**
 * Subscribes to the events of some contexts (or topics). A message that is not a valid
 * event fails with a ContractViolationError, which is not retriable: it goes to the
 * dead-letter topic at once. Delivery is at-least-once: dedupe by `event.id` (see
 * ProcessedEventLog). The topics must be declared (see topology/): a subscription to one that
 * is not fails retriably.
 */
export const subscribeToEvents = (
  bus: MessageBus,
  options: SubscribeToEventsOptions,
): Promise<BusConsumer> => {
  const { contexts, topics, handler, ...rest } = options;
  return bus.subscribe({
    ...rest,
    topics: topics ?? (contexts ?? []).map(topicFor),
    handler: async (delivered) => {
      if (passedOver(delivered, rest.eventTypes)) return;
      await handler(fromKafkaRecord(delivered), delivered);
    },
  });
};
