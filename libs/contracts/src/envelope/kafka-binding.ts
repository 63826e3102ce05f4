import { ContractViolationError } from '../errors';
import { fromCloudEvent, type CloudEvent, type ReceivedEvent } from './cloud-event';

/** The CloudEvents Kafka binding, binary mode: attributes in `ce_` headers, data as the value. */
export interface KafkaRecord {
  /** The subject: all events about one employee land on one partition, in order. */
  readonly key: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly value: string;
}

type WireValue = string | Uint8Array;

/** Structurally what kafkajs hands a consumer, so this library needs no Kafka client. */
export interface IncomingKafkaRecord {
  readonly headers?: Readonly<Record<string, WireValue | readonly WireValue[] | undefined>>;
  readonly value: WireValue | null;
}

export const contentTypeHeader = 'content-type';

/** Header carrying a context attribute in binary mode, e.g. `ce_tenantid`. */
export const binaryModeHeader = (attribute: string): string => `ce_${attribute}`;

export const toKafkaRecord = (cloudEvent: CloudEvent): KafkaRecord => {
  const { data, datacontenttype, ...attributes } = cloudEvent;
  return {
    key: cloudEvent.subject,
    headers: {
      ...Object.fromEntries(
        Object.entries(attributes).map(([attribute, value]) => [
          binaryModeHeader(attribute),
          value,
        ]),
      ),
      [contentTypeHeader]: datacontenttype,
    },
    value: JSON.stringify(data),
  };
};

const decoder = new TextDecoder();
const textOf = (value: WireValue): string =>
  typeof value === 'string' ? value : decoder.decode(value);

const singleValue = (value: WireValue | readonly WireValue[]): WireValue | undefined =>
  typeof value === 'string' || value instanceof Uint8Array ? value : value[0];

const parseData = (value: WireValue | null): unknown => {
  if (value === null)
    throw new ContractViolationError('Kafka record', [{ field: 'data', message: 'is required' }]);
  try {
    return JSON.parse(textOf(value));
  } catch {
    throw new ContractViolationError('Kafka record', [{ field: 'data', message: 'is not JSON' }]);
  }
};

/** Reads a binary-mode record back into a valid, current-version event (see fromCloudEvent). */
export const fromKafkaRecord = (record: IncomingKafkaRecord): ReceivedEvent => {
  const attributes: Record<string, unknown> = {};
  for (const [header, value] of Object.entries(record.headers ?? {})) {
    const single = value === undefined ? undefined : singleValue(value);
    if (single === undefined) continue;
    if (header === contentTypeHeader) attributes['datacontenttype'] = textOf(single);
    else if (header.startsWith('ce_')) attributes[header.slice(3)] = textOf(single);
  }
  return fromCloudEvent({ ...attributes, data: parseData(record.value) });
};
