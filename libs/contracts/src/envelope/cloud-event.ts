import { Type, type Static, type TObject } from '@sinclair/typebox';
import type { ValidateFunction } from 'ajv';
import { eventRegistry, type TalentloopEvent } from '../catalog';
import { ContractViolationError } from '../errors';
import { boundedContexts, isBoundedContext, type BoundedContext } from '../event-definition';
import { Id, IsoDateTime, TenantId, Traceparent, type EventMetadata } from '../metadata';
import type { Violation } from '../violation';
import { createAjv, violationsOf } from '../validation';

const contextAlternatives = boundedContexts.join('|');
const eventNamePattern = '[A-Z][A-Za-z0-9]{0,99}';
const versionPattern = '[1-9][0-9]{0,5}';
const typePattern = new RegExp(
  `^talentloop\\.(${contextAlternatives})\\.(${eventNamePattern})\\.v(${versionPattern})$`,
);

/** Which event a CloudEvents `type` names. */
export interface CloudEventTypeParts {
  readonly context: BoundedContext;
  readonly name: string;
  readonly version: number;
}

/** `talentloop.<context>.<Name>.v<N>`: consumers route on it without reading the data. */
export const cloudEventType = ({ context, name, version }: CloudEventTypeParts): string =>
  `talentloop.${context}.${name}.v${version}`;

export const parseCloudEventType = (type: string): CloudEventTypeParts | undefined => {
  const [, context = '', name = '', version = ''] = typePattern.exec(type) ?? [];
  return isBoundedContext(context) ? { context, name, version: Number(version) } : undefined;
};

export const cloudEventSource = (context: BoundedContext): string => `urn:talentloop:${context}`;

/** The `$id`-like URI of an event's JSON Schema, as published in the AsyncAPI document. */
export const dataSchemaUri = ({ context, name, version }: CloudEventTypeParts): string =>
  `urn:talentloop:schema:${context}:${name}:v${version}`;

/**
 * The sequence extension orders values as strings, so the global position is zero-padded
 * to the 20 digits of the largest unsigned 64-bit number.
 */
export const sequenceOf = (globalPosition: bigint): string =>
  globalPosition.toString().padStart(20, '0');

/**
 * CloudEvents 1.0 structured envelope. Extension attributes are lowercase alphanumeric, as
 * the spec requires, so they survive every protocol binding (Kafka headers become `ce_<name>`).
 */
export const CloudEventSchema = Type.Object(
  {
    specversion: Type.Literal('1.0'),
    id: Id('Event id; unique per source, the idempotency key of consumers'),
    source: Type.String({
      pattern: `^urn:talentloop:(${contextAlternatives})$`,
      description: 'The bounded context that published the event',
    }),
    type: Type.String({
      pattern: typePattern.source,
      description: 'talentloop.<context>.<EventName>.v<version>',
    }),
    subject: Id('Employee (or aggregate) the event is about; also the Kafka message key'),
    time: IsoDateTime('When the event happened in the domain'),
    datacontenttype: Type.Literal('application/json'),
    dataschema: Type.String({
      pattern: `^urn:talentloop:schema:(${contextAlternatives}):${eventNamePattern}:v${versionPattern}$`,
      description: 'URI of the JSON Schema of data',
    }),
    tenantid: TenantId,
    actorid: Id('User (or system principal) whose command caused the event'),
    traceparent: Type.Optional(Traceparent),
    correlationid: Type.Optional(Id('Id shared by every event of one business flow')),
    causationid: Type.Optional(Id('Id of the command or event that caused this one')),
    sequence: Type.Optional(
      Type.String({
        pattern: '^[0-9]{20}$',
        description: 'Global position in the event store, zero-padded so it orders as text',
      }),
    ),
    data: Type.Unknown({ description: 'The event data, valid against dataschema' }),
  },
  { additionalProperties: false },
);

export type CloudEvent = Static<typeof CloudEventSchema>;

/** An event with what the envelope carries besides data; the shape of a stored event. */
export interface EnvelopedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly globalPosition?: bigint;
}

/** An event read off the bus: valid, and brought up to its current version. */
export type ReceivedEvent = TalentloopEvent & Omit<EnvelopedEvent, 'type' | 'data'>;

export interface ToCloudEventOptions {
  /**
   * The event was read from the event store, which validated it at append and upcasts on
   * read: only its type is checked again. Replays stream a million events; schema checks
   * would cost a third of it.
   */
  readonly validated?: boolean;
}

/** Validates the event against its contract and wraps it; throws ContractViolationError. */
export const toCloudEvent = (
  event: EnvelopedEvent,
  options: ToCloudEventOptions = {},
): CloudEvent => {
  const { metadata } = event;
  const definition = eventRegistry.definition(event.type, metadata.schemaVersion);
  const violations =
    options.validated && definition ? [] : eventRegistry.validate(event.type, event.data, metadata);
  if (!definition || violations.length > 0)
    throw new ContractViolationError(`event ${event.type} ${event.id}`, violations);
  const parts = { context: definition.context, name: definition.name, version: definition.version };
  // Validated against definition.schema just above.
  const data = event.data as Static<TObject>;
  return {
    specversion: '1.0',
    id: event.id,
    source: cloudEventSource(definition.context),
    type: cloudEventType(parts),
    subject: definition.subjectOf(data),
    time: metadata.occurredAt,
    datacontenttype: 'application/json',
    dataschema: dataSchemaUri(parts),
    tenantid: metadata.tenantId,
    actorid: metadata.actorId,
    ...(metadata.traceparent === undefined ? {} : { traceparent: metadata.traceparent }),
    ...(metadata.correlationId === undefined ? {} : { correlationid: metadata.correlationId }),
    ...(metadata.causationId === undefined ? {} : { causationid: metadata.causationId }),
    ...(event.globalPosition === undefined ? {} : { sequence: sequenceOf(event.globalPosition) }),
    data: event.data,
  };
};

/**
 * Compiled on first use, as the registry's validators are: a service that never unwraps a
 * CloudEvent (the embedded default) does not pay ~35 ms of its start for it.
 */
let envelopeValidator: ValidateFunction | undefined;
const envelopeValidatorOf = (): ValidateFunction =>
  (envelopeValidator ??= createAjv().compile(CloudEventSchema));

/** Registry violations name metadata fields; on the wire they are envelope attributes. */
const attributeOfMetadataField: Readonly<Record<string, string>> = {
  'metadata.tenantId': 'tenantid',
  'metadata.actorId': 'actorid',
  'metadata.occurredAt': 'time',
  'metadata.schemaVersion': 'type',
  'metadata.correlationId': 'correlationid',
  'metadata.causationId': 'causationid',
  'metadata.traceparent': 'traceparent',
};

const asEnvelopeViolation = (violation: Violation): Violation => ({
  field: attributeOfMetadataField[violation.field] ?? violation.field,
  message: violation.message,
});

/**
 * Unwraps and validates a CloudEvent (envelope, then data against its version's schema) and
 * upcasts the data to the current version, so consumers only ever handle current events.
 * Throws ContractViolationError naming each wrong field (`time`, `data.aptitude`).
 */
export const fromCloudEvent = (input: unknown): ReceivedEvent => {
  const validateEnvelope = envelopeValidatorOf();
  if (!validateEnvelope(input))
    throw new ContractViolationError('CloudEvent', violationsOf('', validateEnvelope));
  const cloudEvent = input as CloudEvent;
  const parts = parseCloudEventType(cloudEvent.type);
  if (!parts)
    throw new ContractViolationError('CloudEvent', [{ field: 'type', message: 'is malformed' }]);
  const metadata: EventMetadata = {
    tenantId: cloudEvent.tenantid,
    actorId: cloudEvent.actorid,
    occurredAt: cloudEvent.time,
    schemaVersion: parts.version,
    ...(cloudEvent.correlationid === undefined ? {} : { correlationId: cloudEvent.correlationid }),
    ...(cloudEvent.causationid === undefined ? {} : { causationId: cloudEvent.causationid }),
    ...(cloudEvent.traceparent === undefined ? {} : { traceparent: cloudEvent.traceparent }),
  };
  const violations: Violation[] = [
    ...(cloudEvent.source === cloudEventSource(parts.context)
      ? []
      : [{ field: 'source', message: `must be ${cloudEventSource(parts.context)}` }]),
    ...(cloudEvent.dataschema === dataSchemaUri(parts)
      ? []
      : [{ field: 'dataschema', message: `must be ${dataSchemaUri(parts)}` }]),
    ...eventRegistry.validate(parts.name, cloudEvent.data, metadata).map(asEnvelopeViolation),
  ];
  if (violations.length > 0)
    throw new ContractViolationError(`CloudEvent ${cloudEvent.type} ${cloudEvent.id}`, violations);
  const current = eventRegistry.upcast(parts.name, parts.version, cloudEvent.data);
  // Valid at its own version, and the catalog's upcasters lead to a valid current version.
  return {
    id: cloudEvent.id,
    type: parts.name,
    data: current.data,
    metadata: { ...metadata, schemaVersion: current.version },
    ...(cloudEvent.sequence === undefined ? {} : { globalPosition: BigInt(cloudEvent.sequence) }),
  } as ReceivedEvent;
};
