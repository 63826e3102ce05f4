import type { BusMessage } from '../message-bus.port';

/**
 * Uncompressed bytes per published batch by default: Kafka's default max.message.bytes
 * (1 MiB) applies to each partition's record batch, after compression, and a publish's
 * partitions together weigh no more than it. approximateBytesOf already counts each record's
 * and header's overhead at its most; the 64 KiB left cover the batch header and what gzip adds
 * to data it cannot shrink (a few bytes per 16 KiB block). Compression makes most batches far
 * smaller still.
 */
export const DEFAULT_MAX_BATCH_BYTES = 960 * 1024;

/** What a message weighs in a Kafka record batch, near enough: key, value, headers, overhead. */
export const approximateBytesOf = (message: BusMessage): number => {
  let bytes = RECORD_OVERHEAD_BYTES + utf8Bytes(message.key) + utf8Bytes(message.value);
  for (const name in message.headers)
    bytes += HEADER_OVERHEAD_BYTES + utf8Bytes(name) + utf8Bytes(message.headers[name]);
  return bytes;
};

/**
 * UTF-8 bytes of a text. Short texts (ids, header values) are counted here: a call into
 * Buffer.byteLength costs more than the loop.
 */
const utf8Bytes = (text: string): number => {
  if (text.length > 64) return Buffer.byteLength(text);
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // 2 bytes up to U+07FF, 3 above; each half of a surrogate pair (4 bytes) counts 3.
    if (code >= 0x80) bytes += code >= 0x800 ? 2 : 1;
  }
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
