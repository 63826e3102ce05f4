import { Type, type Static } from '@sinclair/typebox';

/** Identifiers are opaque strings: tenant ids, user ids, aggregate ids. */
export const Id = (description: string) =>
  Type.String({
    minLength: 1,
    maxLength: 128,
    pattern: '^[A-Za-z0-9][A-Za-z0-9._:@-]*$',
    description,
  });

export const TenantId = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^[a-z0-9][a-z0-9-]*$',
  description: 'Tenant (customer organisation) the event belongs to',
});

/** W3C trace context header value: version-traceid-parentid-flags. */
export const Traceparent = Type.String({
  pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
  description: 'W3C trace context of the command that caused the event',
});

export const IsoDateTime = (description: string) =>
  Type.String({ format: 'date-time', description });

/** What every stored event carries besides its data. */
export const EventMetadataSchema = Type.Object(
  {
    tenantId: TenantId,
    actorId: Id('User (or system principal) whose command caused the event'),
    occurredAt: IsoDateTime('When the event happened in the domain'),
    schemaVersion: Type.Integer({ minimum: 1, description: 'Version of the data schema' }),
    correlationId: Type.Optional(Id('Id shared by every event of one business flow')),
    causationId: Type.Optional(Id('Id of the command or event that caused this one')),
    traceparent: Type.Optional(Traceparent),
  },
  { additionalProperties: false },
);

export type EventMetadata = Static<typeof EventMetadataSchema>;
