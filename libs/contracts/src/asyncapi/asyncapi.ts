import { eventRegistry } from '../catalog';
import {
  CloudEventSchema,
  cloudEventSource,
  cloudEventType,
  dataSchemaUri,
  toCloudEvent,
} from '../envelope/cloud-event';
import { binaryModeHeader, contentTypeHeader, toKafkaRecord } from '../envelope/kafka-binding';
import {
  isPublishedDefinition,
  publishedContexts,
  type BoundedContext,
  type EventDefinition,
  type PublishedContext,
} from '../event-definition';
import {
  ERASED,
  personalFieldPaths,
  SEALED_IV_BYTES,
  SEALED_TAG_BYTES,
  SEALED_V1_PREFIX,
  SEALED_V2_PREFIX,
} from '../personal-data';
import { topicFor } from '../topics';
import { sealedExampleOf } from './sealed-example';

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Bumped with every release of the contracts; integrators pin against it. */
export const contractsVersion = '1.0.0';

const kafkaBindingVersion = '0.5.0';

/** Fixed, so the generated document only changes when a contract does. */
const exampleMetadata = {
  tenantId: 'acme',
  actorId: 'user-42',
  occurredAt: '2026-01-15T09:30:00.000Z',
  correlationId: 'flow-8d1c',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
};

/** TypeBox schemas carry symbol keys; a JSON round trip leaves plain JSON Schema. */
const toJson = (value: unknown): JsonObject => JSON.parse(JSON.stringify(value)) as JsonObject;

const contextTitles: Readonly<Record<PublishedContext, string>> = {
  assessment: 'Frameworks, role profiles, people, measurements, 360° rounds, gaps, remeasurements',
  planning: 'Plans, SMART goals, actions, check-ins, adjustments, evaluations',
  approval: 'Approval requests and decisions on goals',
  identity: 'Erasure of personal data (GDPR)',
  notifications: 'What became of each e-mail to a person, and webhook deliveries given up',
};

const envelopeSchema = toJson(CloudEventSchema);
const envelopeProperties = envelopeSchema['properties'] as JsonObject;
const attributesInValue: readonly string[] = ['data', 'datacontenttype'];
const headerAttributes = Object.entries(envelopeProperties).filter(
  ([attribute]) => !attributesInValue.includes(attribute),
);
const requiredHeaders = [
  ...(envelopeSchema['required'] as string[])
    .filter((attribute) => !attributesInValue.includes(attribute))
    .map(binaryModeHeader),
  contentTypeHeader,
];

const headersSchema = (definition: EventDefinition): JsonObject => {
  const parts = { context: definition.context, name: definition.name, version: definition.version };
  const pinned: Readonly<Record<string, string>> = {
    type: cloudEventType(parts),
    source: cloudEventSource(definition.context),
    dataschema: dataSchemaUri(parts),
  };
  return {
    type: 'object',
    description: 'CloudEvents 1.0 attributes in Kafka binary mode; the data is the message value',
    properties: {
      ...Object.fromEntries(
        headerAttributes.map(([attribute, schema]) => {
          const value = pinned[attribute];
          return [
            binaryModeHeader(attribute),
            value === undefined ? schema : { type: 'string', const: value },
          ];
        }),
      ),
      [contentTypeHeader]: envelopeProperties['datacontenttype'],
    },
    required: requiredHeaders,
  };
};

const subjectField = (definition: EventDefinition): string => {
  const subject = definition.subjectOf(definition.example);
  const example = definition.example as Readonly<Record<string, unknown>>;
  return Object.keys(example).find((field) => example[field] === subject) ?? 'subject';
};

const listFormat = new Intl.ListFormat('en', { type: 'conjunction' });

const exampleSummary = (
  definition: EventDefinition,
  subject: string,
  sealedFields: readonly string[],
): string => {
  const published = `As published on ${topicFor(definition.context)} with key ${subject}`;
  if (sealedFields.length === 0) return `${published}; it has no personal fields to seal.`;
  const fields = listFormat.format(sealedFields);
  const verb = sealedFields.length === 1 ? 'is' : 'are';
  return `${published}: ${fields} ${verb} sealed for the subject ${subject} of tenant ${exampleMetadata.tenantId} and open only with that subject's key (stand-in ciphertext bytes, real shape).`;
};

/** The event as it travels: the record the relay publishes, personal fields sealed. */
const exampleOf = (definition: EventDefinition): JsonObject => {
  const { data, sealedFields } = sealedExampleOf(definition);
  const cloudEvent = toCloudEvent({
    id: `${definition.name.toLowerCase()}-example`,
    type: definition.name,
    data,
    metadata: { ...exampleMetadata, schemaVersion: definition.version },
    globalPosition: 1042n,
  });
  const record = toKafkaRecord(cloudEvent);
  return {
    name: 'published',
    summary: exampleSummary(definition, cloudEvent.subject, sealedFields),
    headers: record.headers,
    payload: JSON.parse(record.value) as JsonObject,
  };
};

const personalFieldsNote = (definition: EventDefinition): JsonObject => {
  const fields = personalFieldPaths(definition.schema).map((path) => `\`${path.join('.')}\``);
  return fields.length === 0
    ? {}
    : { description: `Personal fields, sealed on the bus: ${listFormat.format(fields)}.` };
};

const messageOf = (definition: EventDefinition): JsonObject => ({
  name: definition.name,
  title: `${definition.name} v${definition.version}`,
  summary: definition.description,
  ...personalFieldsNote(definition),
  contentType: 'application/json',
  headers: headersSchema(definition),
  payload: toJson(definition.schema),
  correlationId: {
    description: 'Shared by every event of one business flow',
    location: `$message.header#/${binaryModeHeader('correlationid')}`,
  },
  bindings: {
    kafka: {
      key: {
        type: 'string',
        description: `The \`${subjectField(definition)}\` of the data (the CloudEvents subject): every event about it lands on one partition, in order`,
      },
      bindingVersion: kafkaBindingVersion,
    },
  },
  examples: [exampleOf(definition)],
});

const pascalCase = (context: BoundedContext): string =>
  `${context.charAt(0).toUpperCase()}${context.slice(1)}`;

/**
 * The AsyncAPI 3.1 document of every current published event, generated from the registry.
 * Internal events (they stay in their context's store) are not part of it.
 */
export const buildAsyncApiDocument = (): JsonObject => {
  const current = eventRegistry.currentDefinitions().filter(isPublishedDefinition);
  const inContext = (context: BoundedContext) =>
    current.filter((definition) => definition.context === context);
  const channels: JsonObject = {};
  const operations: JsonObject = {};
  for (const context of publishedContexts) {
    const names = inContext(context).map((definition) => definition.name);
    channels[context] = {
      address: topicFor(context),
      title: `${pascalCase(context)} events`,
      description: contextTitles[context],
      messages: Object.fromEntries(
        names.map((name) => [name, { $ref: `#/components/messages/${name}` }]),
      ),
      bindings: { kafka: { topic: topicFor(context), bindingVersion: kafkaBindingVersion } },
    };
    operations[`publish${pascalCase(context)}Events`] = {
      action: 'send',
      title: `Publish ${context} events`,
      summary: `The ${context} service publishes its domain events, relayed from its event store`,
      channel: { $ref: `#/channels/${context}` },
      messages: names.map((name) => ({ $ref: `#/channels/${context}/messages/${name}` })),
    };
  }
  return {
    asyncapi: '3.1.0',
    info: {
      title: 'Talentloop domain events',
      version: contractsVersion,
      description: [
        'Domain events of Talentloop, one Kafka topic per bounded context.',
        'Every message is a CloudEvents 1.0 event in Kafka binary mode: attributes in `ce_*` headers,',
        'the data as JSON in the value, the subject (usually the employee id) as the key.',
        'Events only change by adding a version; consumers read old versions through upcasters.',
        `Personal fields (\`x-personal: true\`) travel sealed with the key of the event's subject in its tenant:`,
        `\`${SEALED_V2_PREFIX}<data key>:<event type>:<field>:\` and the base64url of a ${SEALED_IV_BYTES}-byte IV, a ${SEALED_TAG_BYTES}-byte AES-256-GCM tag and the ciphertext,`,
        'the tenant, the subject, the number of the subject’s data key, the event type and the field (`*` for any array item) bound as associated data,',
        'so a value moved to another field or event is refused; only that key opens them.',
        `Events sealed before that carry \`${SEALED_V1_PREFIX}\` and the same bytes, bound to the tenant and subject only.`,
        `Every sealed field reads \`"${ERASED}"\` once its subject is erased and the key destroyed.`,
        'The message examples show each event as published, its personal fields sealed.',
      ].join(' '),
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: {
      messages: Object.fromEntries(
        current.map((definition) => [definition.name, messageOf(definition)]),
      ),
    },
  };
};
