import { binaryModeHeader } from '@talentloop/contracts';
import type { EventStore } from '@talentloop/event-store';
import type { BusMessage, DeliveredMessage, MessageBus } from '@talentloop/messaging';

/** Calls `seen(id, now)` for every event a readAll returns: when the relay has it in hand. */
export const timedReads = (
  store: EventStore,
  seen: (id: string, at: number) => void,
): EventStore => ({
  appendToStream: (streamName, events, options) =>
    store.appendToStream(streamName, events, options),
  readStream: (streamName, options) => store.readStream(streamName, options),
  readAll: async (options) => {
    const page = await store.readAll(options);
    const at = performance.now();
    for (const event of page) seen(event.id, at);
    return page;
  },
  readAllJson: async (options) => {
    const page = await store.readAllJson(options);
    const at = performance.now();
    for (const event of page) seen(event.id, at);
    return page;
  },
  lastGlobalPosition: () => store.lastGlobalPosition(),
  subscribeToAll: (options, handler) => store.subscribeToAll(options, handler),
  onAppended: (listener) => store.onAppended(listener),
  close: () => store.close(),
});

const idOf = (message: BusMessage): string => message.headers[binaryModeHeader('id')] ?? '';

/**
 * Calls `acked(id, now)` for every message once its publish resolved (the broker acknowledged
 * it), and `delivered(id, now)` when a consumer's handler is called with it, before it is parsed.
 */
export const timedBus = <Bus extends MessageBus>(
  bus: Bus,
  on: {
    readonly acked?: (id: string, at: number) => void;
    readonly delivered?: (id: string, at: number) => void;
  },
): MessageBus => ({
  declareTopology: (topology) => bus.declareTopology(topology),
  publish: async (topic, messages) => {
    await bus.publish(topic, messages);
    const at = performance.now();
    for (const message of messages) on.acked?.(idOf(message), at);
  },
  subscribe: (options) =>
    bus.subscribe({
      ...options,
      handler: (message: DeliveredMessage) => {
        on.delivered?.(idOf(message), performance.now());
        return options.handler(message);
      },
    }),
  partitionEnds: (topics) => bus.partitionEnds(topics),
  committedOffsets: (group, topics) => bus.committedOffsets(group, topics),
  readTopic: (topic, options) => bus.readTopic(topic, options),
  ping: () => bus.ping(),
  close: () => bus.close(),
});
