import { ContractViolationError } from '../errors';
import { GapIdentified, MeasurementRecordedV1 } from '../events/assessment.events';
import type { EventMetadata } from '../metadata';
import {
  cloudEventType,
  fromCloudEvent,
  parseCloudEventType,
  toCloudEvent,
  type CloudEvent,
  type EnvelopedEvent,
} from './cloud-event';
import { fromKafkaRecord, toKafkaRecord } from './kafka-binding';

const without = (value: object, field: string) =>
  Object.fromEntries(Object.entries(value).filter(([key]) => key !== field));

const violationsOf = (act: () => unknown) => {
  try {
    act();
  } catch (error) {
    if (error instanceof ContractViolationError) return error.violations;
    throw error;
  }
  throw new Error('expected a ContractViolationError');
};

describe('the CloudEvents type string', () => {
  it('reads talentloop.<context>.<Name>.v<N>', () => {
    expect(cloudEventType({ context: 'assessment', name: 'GapIdentified', version: 1 })).toBe(
      'talentloop.assessment.GapIdentified.v1',
    );
  });

  it('parses back into its parts', () => {
    expect(parseCloudEventType('talentloop.planning.GoalSubmitted.v12')).toEqual({
      context: 'planning',
      name: 'GoalSubmitted',
      version: 12,
    });
  });

  it.each([
    'talentloop.payroll.GoalSubmitted.v1',
    'talentloop.planning.goalSubmitted.v1',
    'talentloop.planning.GoalSubmitted.v0',
    'talentloop.planning.GoalSubmitted',
  ])('does not parse %s', (type) => {
    expect(parseCloudEventType(type)).toBeUndefined();
  });
});

describe('a stored event sent as a CloudEvent', () => {
  const gapIdentified: EnvelopedEvent = {
    id: '0b7f9c1e-4f7a-4a51-9d7e-2a1f0c3b5e6d',
    type: 'GapIdentified',
    data: GapIdentified.example,
    metadata: {
      tenantId: 'acme',
      actorId: 'user-42',
      occurredAt: '2026-01-15T09:30:00.000Z',
      schemaVersion: 1,
      correlationId: 'flow-8d1c',
      causationId: 'cmd-77',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    },
    globalPosition: 1042n,
  };

  it('carries every attribute the contract promises', () => {
    const cloudEvent = toCloudEvent(gapIdentified);

    expect(cloudEvent).toEqual({
      specversion: '1.0',
      id: gapIdentified.id,
      source: 'urn:talentloop:assessment',
      type: 'talentloop.assessment.GapIdentified.v1',
      subject: 'emp-1001',
      time: '2026-01-15T09:30:00.000Z',
      datacontenttype: 'application/json',
      dataschema: 'urn:talentloop:schema:assessment:GapIdentified:v1',
      tenantid: 'acme',
      actorid: 'user-42',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      correlationid: 'flow-8d1c',
      causationid: 'cmd-77',
      sequence: '00000000000000001042',
      data: GapIdentified.example,
    });
  });

  it('uses only lowercase alphanumeric attribute names', () => {
    const attributes = Object.keys(toCloudEvent(gapIdentified));

    expect(attributes.filter((attribute) => !/^[a-z0-9]{1,20}$/.test(attribute))).toEqual([]);
  });

  it('orders its sequence as text the way the global positions order as numbers', () => {
    const sequenceAt = (globalPosition: bigint) =>
      toCloudEvent({ ...gapIdentified, globalPosition }).sequence ?? '';

    expect(sequenceAt(9n) < sequenceAt(10n)).toBe(true);
    expect(sequenceAt(18446744073709551615n)).toBe('18446744073709551615');
  });

  it('leaves out the optional attributes the event does not have', () => {
    const metadata: EventMetadata = {
      tenantId: 'acme',
      actorId: 'user-42',
      occurredAt: '2026-01-15T09:30:00.000Z',
      schemaVersion: 1,
    };

    const cloudEvent = toCloudEvent({
      id: 'evt-1',
      type: 'GapIdentified',
      data: GapIdentified.example,
      metadata,
    });

    expect(Object.keys(cloudEvent)).not.toEqual(
      expect.arrayContaining(['traceparent', 'correlationid', 'causationid', 'sequence']),
    );
    expect(fromCloudEvent(cloudEvent)).toEqual({
      id: 'evt-1',
      type: 'GapIdentified',
      data: GapIdentified.example,
      metadata,
    });
  });

  it('comes back unchanged through JSON', () => {
    const wire = JSON.stringify(toCloudEvent(gapIdentified));

    expect(fromCloudEvent(JSON.parse(wire))).toEqual(gapIdentified);
  });

  it('comes back unchanged through a Kafka record in binary mode', () => {
    const record = toKafkaRecord(toCloudEvent(gapIdentified));
    const received = {
      headers: Object.fromEntries(
        Object.entries(record.headers).map(([header, value]) => [header, Buffer.from(value)]),
      ),
      value: Buffer.from(record.value),
    };

    expect(record.key).toBe('emp-1001');
    expect(record.headers['ce_type']).toBe('talentloop.assessment.GapIdentified.v1');
    expect(fromKafkaRecord(received)).toEqual(gapIdentified);
  });

  it('is refused when its data breaks the contract', () => {
    const invalid = { ...gapIdentified, data: { ...GapIdentified.example, aptitude: 140 } };

    expect(violationsOf(() => toCloudEvent(invalid))).toEqual([
      { field: 'data.aptitude', message: 'must be <= 100' },
    ]);
  });

  it('read back from the store, is wrapped the same without checking its data again', () => {
    expect(toCloudEvent(gapIdentified, { validated: true })).toEqual(toCloudEvent(gapIdentified));
  });

  it('read back from the store, is still refused when its type is unknown', () => {
    const unknown = { ...gapIdentified, type: 'GapInvented' };

    expect(() => toCloudEvent(unknown, { validated: true })).toThrow(ContractViolationError);
  });
});

describe('a CloudEvent received', () => {
  const cloudEvent: CloudEvent = toCloudEvent({
    id: 'evt-1',
    type: 'GapIdentified',
    data: GapIdentified.example,
    metadata: {
      tenantId: 'acme',
      actorId: 'user-42',
      occurredAt: '2026-01-15T09:30:00.000Z',
      schemaVersion: 1,
    },
  });

  it('is upcast to the current version when sent at an old one', () => {
    const sentAsV1 = {
      ...cloudEvent,
      type: 'talentloop.assessment.MeasurementRecorded.v1',
      dataschema: 'urn:talentloop:schema:assessment:MeasurementRecorded:v1',
      data: { ...MeasurementRecordedV1.example, instrument: 'self-evaluation' },
    };

    const received = fromCloudEvent(sentAsV1);

    expect(received.metadata.schemaVersion).toBe(2);
    expect(received.data).toMatchObject({
      instrument: 'self-evaluation',
      robustness: 'less-robust',
    });
  });

  it('names the envelope attribute that is wrong', () => {
    const withoutTime = without(cloudEvent, 'time');

    expect(
      violationsOf(() => fromCloudEvent({ ...withoutTime, tenantid: 'ACME', extra: 1 })),
    ).toEqual([
      { field: 'time', message: 'is required' },
      { field: 'extra', message: 'is not allowed' },
      { field: 'tenantid', message: 'must match pattern "^[a-z0-9][a-z0-9-]*$"' },
    ]);
  });

  it('names the data field that is wrong', () => {
    const data = without(GapIdentified.example, 'behaviour');

    expect(violationsOf(() => fromCloudEvent({ ...cloudEvent, data }))).toEqual([
      { field: 'data.behaviour', message: 'is required' },
    ]);
  });

  it('is refused when its source or schema does not belong to its type', () => {
    const misrouted = {
      ...cloudEvent,
      source: 'urn:talentloop:planning',
      dataschema: 'urn:talentloop:schema:assessment:GapIdentified:v2',
    };

    expect(
      violationsOf(() => fromCloudEvent(misrouted)).map((violation) => violation.field),
    ).toEqual(['source', 'dataschema']);
  });

  it('is refused when its type names a version never published', () => {
    const future = {
      ...cloudEvent,
      type: 'talentloop.assessment.GapIdentified.v7',
      dataschema: 'urn:talentloop:schema:assessment:GapIdentified:v7',
    };

    expect(violationsOf(() => fromCloudEvent(future))).toEqual([
      { field: 'type', message: 'GapIdentified has no version 7' },
    ]);
  });
});
