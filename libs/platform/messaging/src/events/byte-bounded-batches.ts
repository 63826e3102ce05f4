import type { BusMessage } from '../message-bus.port';

/**
 * Uncompressed bytes per published batch by default: half of Kafka's default
 * max.message.bytes (1 MiB), which applies to a whole record batch. Compression makes the
 * batch smaller still; the margin covers record and header overhead.
 */
export const DEFAULT_MAX_BATCH_BYTES = 512 * 1024;

/** What a message weighs in a Kafka record batch, near enough: key, value, headers, overhead. */
export const approximateBytesOf = (message: BusMessage): number => {
  let bytes =
    RECORD_OVERHEAD_BYTES + Buffer.byteLength(message.key) + Buffer.byteLength(message.value);
  for (const [name, value] of Object.entries(message.headers))
    bytes += HEADER_OVERHEAD_BYTES + Buffer.byteLength(name) + Buffer.byteLength(value);
  return bytes;
};

// Varint lengths, attributes, offset and timestamp deltas: at most this many bytes each.
const RECORD_OVERHEAD_BYTES = 24;
const HEADER_OVERHEAD_BYTES = 10;

/**
 * Cuts messages, in order, into consecutive batches of at most `maxBytes` each; a message
 * heavier than that goes alone (the broker's own limit then decides).
 */
export const byteBoundedBatches = (
  messages: readonly BusMessage[],
  maxBytes: number = DEFAULT_MAX_BATCH_BYTES,
): BusMessage[][] => {
  const batches: BusMessage[][] = [];
  let current: BusMessage[] = [];
  let currentBytes = 0;
  for (const message of messages) {
    const bytes = approximateBytesOf(message);
    if (current.length > 0 && currentBytes + bytes > maxBytes) {
      batches.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(message);
    currentBytes += bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
};
