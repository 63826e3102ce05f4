import { Type } from '@sinclair/typebox';
import { defineEvent, type EventOf } from '../event-definition';
import { Id, IsoDateTime } from '../metadata';

export const PersonErased = defineEvent({
  context: 'identity',
  name: 'PersonErased',
  version: 1,
  description:
    "A person's personal data must be erased (GDPR); every service forgets what it holds on them.",
  schema: Type.Object(
    { employeeId: Id('Employee to forget'), erasedAt: IsoDateTime('When the erasure was ordered') },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: { employeeId: 'emp-1001', erasedAt: '2026-06-01T12:00:00.000Z' },
});

export const identityEvents = [PersonErased] as const;

export type PersonErased = EventOf<typeof PersonErased>;
