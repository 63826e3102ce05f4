import { InvalidWebhookSubscription, webhookViolation } from './webhook-violation';

describe('a refused webhook subscription', () => {
  const violations = [
    webhookViolation('url', 'WEBHOOK_URL_WITH_FRAGMENT', 'must not have a fragment (#…)'),
    webhookViolation(
      'eventTypes',
      'WEBHOOK_EVENT_TYPES_EMPTY',
      'must name at least one event type',
    ),
  ];
  const refused = new InvalidWebhookSubscription(violations);

  it('is an invalid input (422) with a stable code', () =>
    expect(refused).toMatchObject({ kind: 'invalid', code: 'INVALID_WEBHOOK_SUBSCRIPTION' }));

  it('lists every broken rule as a field error, each with its own code', () =>
    expect(refused.details).toEqual({ errors: violations }));

  it('says how many rules are broken', () =>
    expect(refused.message).toBe('the webhook subscription breaks 2 rule(s)'));
});
