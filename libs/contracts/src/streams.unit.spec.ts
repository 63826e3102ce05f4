import { ContractViolationError } from './errors';
import {
  parseStreamName,
  publishedStreamPrefixes,
  publishedStreamPrefixesOf,
  streamName,
  streamPrefix,
} from './streams';
import { deadLetterTopicFor, talentloopTopics, topicFor } from './topics';

describe('stream names', () => {
  const parts = {
    context: 'planning',
    aggregate: 'goal',
    tenantId: 'acme',
    id: 'goal-3001',
  } as const;

  it('read <context>.<aggregate>-<tenantId>.<id>', () => {
    expect(streamName(parts)).toBe('planning.goal-acme.goal-3001');
  });

  it('start with the prefix of their context', () => {
    expect(streamName(parts).startsWith(streamPrefix('planning'))).toBe(true);
  });

  it('parse back into their parts, even with dashes in the tenant and dots in the id', () => {
    const tricky = { ...parts, aggregate: 'approvalRequest', tenantId: 'acme-nl', id: 'a.b-c' };

    expect(parseStreamName(streamName(tricky))).toEqual(tricky);
  });

  it('do not parse when they were not made by streamName', () => {
    expect(parseStreamName('payroll.goal-acme.1')).toBeUndefined();
    expect(parseStreamName('planning.goal')).toBeUndefined();
  });

  it("of a context that stays in the store read the same: a webhook subscription's", () => {
    const subscription = {
      context: 'notifications',
      aggregate: 'webhookSubscription',
      tenantId: 'acme',
      id: 'whsub-7001',
    } as const;

    expect(streamName(subscription)).toBe('notifications.webhookSubscription-acme.whsub-7001');
    expect(parseStreamName(streamName(subscription))).toEqual(subscription);
    expect(() => streamName({ ...subscription, aggregate: 'webhook-subscription' })).toThrow(
      ContractViolationError,
    );
  });

  it('are refused with the part that would make them ambiguous', () => {
    const make = () => streamName({ ...parts, aggregate: 'goal-draft', tenantId: 'Acme' });

    expect(make).toThrow(ContractViolationError);
    expect(make).toThrow(/aggregate .*; tenantId/);
  });
});

describe('the published streams', () => {
  it('given a context published whole, are all its streams', () =>
    expect(publishedStreamPrefixesOf('planning')).toEqual(['planning.']));

  it('given notifications, are only its deliveries', () =>
    expect(publishedStreamPrefixesOf('notifications')).toEqual([
      'notifications.mailDelivery-',
      'notifications.webhookDelivery-',
    ]));

  it("never take in a subscription's stream, which holds its signing secret", () => {
    const subscription = streamName({
      context: 'notifications',
      aggregate: 'webhookSubscription',
      tenantId: 'acme',
      id: 'whsub-7001',
    });

    expect(publishedStreamPrefixes.some((prefix) => subscription.startsWith(prefix))).toBe(false);
  });
});

describe('topics', () => {
  it('are one versioned topic per published context', () => {
    expect(topicFor('assessment')).toBe('talentloop.assessment.events.v1');
    expect(talentloopTopics).toEqual({
      assessment: 'talentloop.assessment.events.v1',
      planning: 'talentloop.planning.events.v1',
      approval: 'talentloop.approval.events.v1',
      identity: 'talentloop.identity.events.v1',
      notifications: 'talentloop.notifications.events.v1',
    });
  });

  it('have a dead-letter topic per consumer group', () => {
    expect(deadLetterTopicFor(topicFor('planning'), 'analytics')).toBe(
      'talentloop.planning.events.v1.dlt.analytics',
    );
  });

  it('refuse a consumer group that would make an invalid topic name', () => {
    expect(() => deadLetterTopicFor(topicFor('planning'), 'hr analytics')).toThrow(
      ContractViolationError,
    );
  });
});
