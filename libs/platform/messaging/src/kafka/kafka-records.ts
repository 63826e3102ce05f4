import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { DeliveredMessage } from '../message-bus.port';

const textOf = (value: Buffer | string | null | undefined): string =>
  value === null || value === undefined ? '' : value.toString();

const headersOf = (headers: IHeaders | undefined): Record<string, string> => {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    // A header repeated on the wire: the bus port has one value per name, the first wins.
    result[name] = textOf(Array.isArray(value) ? value[0] : value);
  }
  return result;
};

/** A kafkajs message as the bus hands it over: key, value and headers as text. */
export const deliveredOf = (
  topic: string,
  partition: number,
  message: KafkaMessage,
): DeliveredMessage => ({
  topic,
  partition,
  offset: message.offset,
  key: textOf(message.key),
  headers: headersOf(message.headers),
  value: textOf(message.value),
});
