import {
  fuzzEndpoints,
  harnessFuzzTarget,
  startWebhookReceiver,
  type WebhookReceiver,
} from '@talentloop/testing';
import { NotificationsTestApp, type Caller } from '../testing/notifications-test-app';

const employee: Caller = { userId: 'emp-1', roles: 'employee' };
const hr: Caller = { userId: 'hr-1', roles: 'hr' };
const admin: Caller = { userId: 'admin-1', roles: 'admin' };
const integrator: Caller = { userId: 'integrator-1', roles: 'integrator' };

describe('the notifications service, given invalid ids, bodies, query strings and headers', () => {
  let service: NotificationsTestApp;
  let receiver: WebhookReceiver;
  let subscriptionId: string;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    service = await NotificationsTestApp.start();
    const created = await service.call<{ subscriptionId: string }>(
      'POST',
      '/webhook-subscriptions',
      {
        url: receiver.url,
        eventTypes: ['talentloop.planning.*'],
      },
    );
    subscriptionId = created.body.subscriptionId;
  });

  afterAll(async () => {
    await service.stop();
    await receiver.close();
  });

  it('answers every route below 500, as problem details without internals, and writes no event', async () => {
    const report = await fuzzEndpoints(harnessFuzzTarget(service), {
      callers: [integrator, admin, hr, employee],
      knownIds: { subscriptionId: [subscriptionId] },
    });
    // Cases got past authentication into validation, not only refused at the door.
    expect(report.byStatus[422]).toBeGreaterThan(0);
    expect(report.byStatus[400]).toBeGreaterThan(0);
  });
});
