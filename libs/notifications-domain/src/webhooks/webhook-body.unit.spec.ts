import {
  fromCloudEvent,
  GoalApproved,
  toCloudEvent,
  type EnvelopedEvent,
} from '@talentloop/contracts';
import { webhookBody } from './webhook-body';

describe('the body of a webhook', () => {
  it('is the CloudEvents structured document of the event', () =>
    expect(JSON.parse(webhookBody(toCloudEvent(goalApproved)))).toEqual({
      specversion: '1.0',
      id: goalApproved.id,
      source: 'urn:talentloop:approval',
      type: 'talentloop.approval.GoalApproved.v1',
      subject: expect.any(String),
      time: '2026-03-02T08:45:00.000Z',
      datacontenttype: 'application/json',
      dataschema: 'urn:talentloop:schema:approval:GoalApproved:v1',
      tenantid: 'acme',
      actorid: 'mgr-7',
      sequence: '00000000000000004242',
      data: GoalApproved.example,
    }));

  it('reads back with the contracts parser, as an integrator reads it', () =>
    expect(fromCloudEvent(JSON.parse(webhookBody(toCloudEvent(goalApproved))))).toMatchObject({
      id: goalApproved.id,
      type: 'GoalApproved',
      data: GoalApproved.example,
      globalPosition: 4242n,
    }));

  it('is compact JSON: the bytes signed are the bytes sent', () =>
    expect(webhookBody(toCloudEvent(goalApproved))).not.toMatch(/\n|": /));
});

const goalApproved: EnvelopedEvent = {
  id: '6f1d2c3b-8a7e-4b5c-9d0e-1f2a3b4c5d6e',
  type: 'GoalApproved',
  data: GoalApproved.example,
  metadata: {
    tenantId: 'acme',
    actorId: 'mgr-7',
    occurredAt: '2026-03-02T08:45:00.000Z',
    schemaVersion: 1,
  },
  globalPosition: 4242n,
};
