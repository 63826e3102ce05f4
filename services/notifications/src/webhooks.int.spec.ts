import type { ReadModelStore } from '@talentloop/read-models';
import { READ_MODEL_STORE } from '@talentloop/service-kit';
import { DELIVERIES, type DeliveryDocument } from './deliveries/delivery.document';
import { readEventually, startWebhookReceiver, type WebhookReceiver } from '@talentloop/testing';
import { type ProtectedEventStore } from '@talentloop/privacy';
import { Webhook } from 'standardwebhooks';
import { integrator, NotificationsTestApp, TENANT } from '../testing/notifications-test-app';

/**
 * Webhooks end to end on the embedded default: the service on real SQLite files, a real HTTP
 * receiver on this machine (allowlisted: 127.0.0.1), signatures checked with the Standard
 * Webhooks library. The test clock starts at the wall clock (receivers check the signature's
 * timestamp against theirs) and is moved by hand to make retries due.
 */

interface Subscription {
  readonly subscriptionId: string;
  readonly secret: string;
  readonly status: string;
}

interface DeliveryView {
  readonly deliveryId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly state: string;
  readonly attempts: number;
  readonly log: readonly { readonly outcome: string; readonly status: number | null }[];
}

const planningOnly = ['talentloop.planning.*'];

describe('webhooks for platforms', () => {
  let app: NotificationsTestApp;
  let receiver: WebhookReceiver;

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
    app = await NotificationsTestApp.start(
      { NOTIFICATIONS_RETRY_BASE_MS: '1000', NOTIFICATIONS_RETRY_GIVE_UP_MS: '60000' },
      new Date().toISOString(),
    );
  });

  /** What one test started besides the app and the receiver. */
  const afterThis: (() => Promise<void>)[] = [];

  afterEach(async () => {
    await app?.stop();
    await receiver?.close();
    for (const close of afterThis.splice(0)) await close();
  });

  const subscribe = async (eventTypes = planningOnly, url = receiver.url) => {
    const created = await app.call<Subscription>('POST', '/webhook-subscriptions', {
      url,
      eventTypes,
      description: 'the HRIS',
    });
    expect(created.status).toBe(201);
    receiver.trust(created.body.secret);
    return created.body;
  };

  const deliveriesOf = async (subscriptionId: string, state?: string, limit = 50) => {
    const answer = await app.call<{ deliveries: DeliveryView[] }>(
      'GET',
      `/webhook-subscriptions/${subscriptionId}/deliveries?limit=${limit}${state ? `&state=${state}` : ''}`,
    );
    expect(answer.status).toBe(200);
    return answer.body.deliveries;
  };

  it('delivers the events a subscription asks for, signed (Standard Webhooks), as CloudEvents', async () => {
    const { subscriptionId, secret } = await subscribe([
      'talentloop.planning.*',
      'talentloop.assessment.EmployeeSynced.v1',
    ]);
    expect(secret).toMatch(/^whsec_/);
    const submitted = await app.record('GoalSubmitted', { employeeId: 'emp-1' });
    await app.record('ReportingLineChanged', { employeeId: 'emp-1' });
    const synced = await app.record('EmployeeSynced', { employeeId: 'emp-2' });

    const [first, second] = await receiver.waitFor((taken) => taken.length >= 2);
    expect(await deliveriesOf(subscriptionId)).toHaveLength(2);
    for (const delivery of [first, second]) {
      expect(delivery.id).toMatch(/^msg_[0-9a-f]{32}$/);
      expect(delivery.verified).toBe(true);
      expect(delivery.headers['content-type']).toContain('application/cloudevents+json');
    }
    expect(first.body).toMatchObject({
      specversion: '1.0',
      id: submitted.eventId,
      type: expect.stringMatching(/^talentloop\.planning\.GoalSubmitted\.v\d+$/),
      subject: 'emp-1',
      tenantid: TENANT,
    });
    // Personal fields leave sealed: the platform opens them only with the data keys.
    expect(second.body).toMatchObject({ id: synced.eventId, subject: 'emp-2' });
    const data = (second.body as { data: { displayName: string; email: string } }).data;
    expect(data.displayName).toMatch(/^enc:v2:/);
    expect(data.email).toMatch(/^enc:v2:/);
    expect(JSON.stringify(second.body)).not.toContain('@example.com');
  });

  it("never delivers another tenant's events, nor events from before the subscription", async () => {
    await app.record('GoalSubmitted', { employeeId: 'emp-before' });
    await subscribe();
    await app.record('GoalSubmitted', { employeeId: 'emp-elsewhere' }, { tenantId: 'globex' });
    await app.record('GoalSubmitted', { employeeId: 'emp-after' });

    await receiver.waitFor((taken) => taken.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.deliveries.map(({ body }) => (body as { subject: string }).subject)).toEqual([
      'emp-after',
    ]);
  });

  it('retries a failed delivery with backoff under the same webhook-id, and logs each attempt', async () => {
    const { subscriptionId } = await subscribe();
    receiver.respondWith((_delivery, n) => (n <= 2 ? 503 : 204));
    await app.record('GoalSubmitted', { employeeId: 'emp-1' });

    await readEventually(
      () => deliveriesOf(subscriptionId),
      ([delivery]) => delivery?.attempts === 1,
    );
    // Not due yet: the first retry waits 0.5–1 s of the service's clock.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.deliveries).toHaveLength(1);
    app.clock.advanceMs(1_000);
    await readEventually(
      () => deliveriesOf(subscriptionId),
      ([delivery]) => delivery?.attempts === 2,
    );
    app.clock.advanceMs(2_000);
    const [delivered] = await readEventually(
      () => deliveriesOf(subscriptionId),
      ([delivery]) => delivery?.state === 'delivered',
    );

    expect(delivered.attempts).toBe(3);
    expect(delivered.log.map(({ outcome, status }) => [outcome, status])).toEqual([
      ['failed', 503],
      ['failed', 503],
      ['delivered', 204],
    ]);
    expect(new Set(receiver.deliveries.map(({ id }) => id))).toEqual(
      new Set([delivered.deliveryId]),
    );
  });

  it('dead-letters a delivery that fails for the whole window, announces it, and redelivers it on request', async () => {
    // A platform watching the dead letters through a subscription of its own.
    const watcher = await startWebhookReceiver();
    afterThis.push(() => watcher.close());
    const watching = await subscribe(['talentloop.notifications.*'], watcher.url);
    watcher.trust(watching.secret);
    const { subscriptionId } = await subscribe();
    receiver.respondWith(() => 500);
    await app.record('GoalSubmitted', { employeeId: 'emp-1' });
    await readEventually(
      () => deliveriesOf(subscriptionId),
      ([delivery]) => delivery?.attempts === 1,
    );

    app.clock.advanceMs(61_000);
    const [dead] = await readEventually(
      () => deliveriesOf(subscriptionId, 'dead'),
      (dead) => dead.length === 1,
    );
    expect(dead.attempts).toBe(2);
    const [announced] = await watcher.waitFor((taken) => taken.length >= 1);
    expect(announced.body).toMatchObject({
      type: 'talentloop.notifications.WebhookDeliveryDeadLettered.v1',
      subject: subscriptionId,
      data: {
        subscriptionId,
        deliveryId: dead.deliveryId,
        eventId: dead.eventId,
        eventType: dead.eventType,
        reason: 'retries-exhausted',
        attempts: 2,
        lastStatus: 500,
      },
    });

    receiver.respondWith(() => 204);
    const redelivery = await app.call(
      'POST',
      `/webhook-subscriptions/${subscriptionId}/deliveries/${dead.deliveryId}/redelivery`,
    );
    expect(redelivery.status).toBe(202);
    await readEventually(
      () => deliveriesOf(subscriptionId, 'delivered'),
      (delivered) => delivered.length === 1,
    );
    expect(receiver.deliveries.map(({ id }) => id)).toEqual([
      dead.deliveryId,
      dead.deliveryId,
      dead.deliveryId,
    ]);
    // Delivered at last: announced once, when it was given up.
    expect(watcher.deliveries).toHaveLength(1);
  });

  it('disables the subscription when the endpoint answers 410 Gone', async () => {
    const { subscriptionId } = await subscribe();
    receiver.respondWith(() => 410);
    await app.record('GoalSubmitted', { employeeId: 'emp-1' });

    const subscription = await readEventually(
      () =>
        app.call<{ status: string; disabledReason?: string }>(
          'GET',
          `/webhook-subscriptions/${subscriptionId}`,
        ),
      ({ body }) => body.status === 'disabled',
    );
    expect(subscription.body.disabledReason).toBe('endpoint-gone');
    await app.record('GoalSubmitted', { employeeId: 'emp-2' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.deliveries).toHaveLength(1);
  });

  it('keeps the order of one subject: a later event waits until the earlier one is delivered', async () => {
    const { subscriptionId } = await subscribe();
    let refused = false;
    receiver.respondWith(({ body }) => {
      if ((body as { subject: string }).subject !== 'emp-1' || refused) return 204;
      refused = true;
      return 503;
    });
    await app.record('GoalSubmitted', { employeeId: 'emp-1' });
    await app.record('GoalWithdrawn', { employeeId: 'emp-1' });
    await app.record('GoalSubmitted', { employeeId: 'emp-2' });

    await receiver.waitFor((taken) => taken.length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const seen = () =>
      receiver.deliveries.map(({ body }) => {
        const { subject, type } = body as { subject: string; type: string };
        return `${subject} ${type.split('.')[2]}`;
      });
    // emp-1's second event is held back behind its first, which waits for its retry.
    expect(seen().sort()).toEqual(['emp-1 GoalSubmitted', 'emp-2 GoalSubmitted']);
    app.clock.advanceMs(1_000);
    await receiver.waitFor((taken) => taken.length >= 4);
    expect(seen().slice(2)).toEqual(['emp-1 GoalSubmitted', 'emp-1 GoalWithdrawn']);
    expect(await deliveriesOf(subscriptionId, 'delivered')).toHaveLength(3);
  });

  it('does not stall behind a backlog deeper than a round: every queue drains after an outage', async () => {
    await app.stop();
    app = await NotificationsTestApp.start(
      { NOTIFICATIONS_DELIVERY_CONCURRENCY: '2', NOTIFICATIONS_RETRY_BASE_MS: '1000' },
      new Date().toISOString(),
    );
    const { subscriptionId } = await subscribe();
    receiver.respondWith(() => 503);
    // 10 employees × 5 events: 40 wait behind their queue's head, 5 rounds' worth (2 × 4).
    for (let round = 0; round < 5; round++)
      for (let n = 0; n < 10; n++)
        await app.record('GoalSubmitted', { employeeId: `emp-${n}`, goalId: `goal-${n}-${round}` });
    await readEventually(
      () => deliveriesOf(subscriptionId, 'pending'),
      (pending) => pending.length === 10 && pending.every(({ attempts }) => attempts >= 1),
    );
    expect(await deliveriesOf(subscriptionId, 'waiting')).toHaveLength(40);

    receiver.respondWith(() => 204);
    app.clock.advanceMs(1_000);
    await readEventually(
      () => deliveriesOf(subscriptionId, 'delivered', 100),
      (delivered) => delivered.length === 50,
    );
    const goals = new Map<string, string[]>();
    for (const { body } of receiver.deliveries.filter((_, index) => index >= 10)) {
      const { subject, data } = body as { subject: string; data: { goalId: string } };
      goals.set(subject, [...(goals.get(subject) ?? []), data.goalId]);
    }
    for (let n = 0; n < 10; n++)
      expect(goals.get(`emp-${n}`)).toEqual([0, 1, 2, 3, 4].map((round) => `goal-${n}-${round}`));
  });

  it('signs with both secrets while a rotation overlaps, then with the new one only', async () => {
    const { subscriptionId, secret: old } = await subscribe();
    const rotated = await app.call<Subscription>(
      'POST',
      `/webhook-subscriptions/${subscriptionId}/secret-rotations`,
      { overlapSeconds: 60 },
    );
    expect(rotated.status).toBe(201);
    const fresh = rotated.body.secret;
    expect(fresh).not.toBe(old);

    await app.record('GoalSubmitted', { employeeId: 'emp-1' });
    const [during] = await receiver.waitFor((taken) => taken.length >= 1);
    expect(during.signature.split(' ')).toHaveLength(2);
    app.clock.advanceMs(61_000);
    await app.record('GoalSubmitted', { employeeId: 'emp-2' });
    const [, after] = await receiver.waitFor((taken) => taken.length >= 2);
    expect(after.signature.split(' ')).toHaveLength(1);
    const verify = (secret: string) => () =>
      new Webhook(secret).verify(after.text, {
        'webhook-id': after.id,
        'webhook-timestamp': after.timestamp,
        'webhook-signature': after.signature,
      });
    expect(verify(old)).toThrow();
    expect(verify(fresh)).not.toThrow();
  });

  it('opens personal fields for a subscription an admin granted it, never storing them opened', async () => {
    const { subscriptionId } = await subscribe(['talentloop.assessment.EmployeeSynced.v1']);
    const path = `/webhook-subscriptions/${subscriptionId}/personal-data`;
    expect((await app.call('PUT', path, { personalData: 'opened' })).status).toBe(403);
    const admin = { userId: 'admin-1', roles: 'admin' };
    const granted = await app.call<{ personalData: string }>(
      'PUT',
      path,
      { personalData: 'opened' },
      admin,
    );
    expect([granted.status, granted.body.personalData]).toEqual([200, 'opened']);

    await app.record('EmployeeSynced', { employeeId: 'emp-open', displayName: 'Chloe Martin' });
    const [opened] = await receiver.waitFor((taken) => taken.length === 1);
    expect(opened.verified).toBe(true);
    expect((opened.body as { data: { displayName: string } }).data.displayName).toBe(
      'Chloe Martin',
    );

    // The delivery keeps the sealed body: a person erased before a retry reads "[erased]".
    receiver.respondWith(() => 503);
    await app.record('EmployeeSynced', { employeeId: 'emp-gone', displayName: 'Daan de Vries' });
    await readEventually(
      () => deliveriesOf(subscriptionId, 'pending'),
      ([delivery]) => delivery?.attempts === 1,
    );
    await (app.store as ProtectedEventStore).cipher.erase({
      tenantId: TENANT,
      subjectId: 'emp-gone',
    });
    receiver.respondWith(() => 204);
    app.clock.advanceMs(1_000);
    const taken = await receiver.waitFor((all) => all.length === 3);
    expect((taken[1].body as { data: { displayName: string } }).data.displayName).toBe(
      'Daan de Vries',
    );
    expect((taken[2].body as { data: { displayName: string } }).data.displayName).toBe('[erased]');

    const sealedAgain = await app.call('PUT', path, { personalData: 'sealed' }, admin);
    expect(sealedAgain.status).toBe(200);
    await app.record('EmployeeSynced', { employeeId: 'emp-sealed', displayName: 'Iris Bakker' });
    const [, , , sealed] = await receiver.waitFor((all) => all.length === 4);
    expect((sealed.body as { data: { displayName: string } }).data.displayName).toMatch(/^enc:v2:/);
  });

  it('refuses bad subscriptions with a 4xx problem and stores nothing', async () => {
    const attempts = [
      { url: 'http://10.1.2.3/hooks', eventTypes: planningOnly },
      { url: 'http://169.254.169.254/latest', eventTypes: planningOnly },
      { url: 'ftp://hooks.example.com/', eventTypes: planningOnly },
      { url: 'https://nowhere.invalid/', eventTypes: planningOnly },
      { url: receiver.url, eventTypes: ['talentloop.planning.NoSuchEvent.v1'] },
      { url: receiver.url, eventTypes: ['talentloop.notifications.WebhookSecretRotated.v1'] },
      { url: receiver.url, eventTypes: [] },
      { url: receiver.url, eventTypes: planningOnly, description: 'x'.repeat(201) },
      { url: receiver.url },
    ];
    for (const body of attempts) {
      const answer = await app.call<{ status: number; code: string }>(
        'POST',
        '/webhook-subscriptions',
        body,
      );
      expect([400, 422]).toContain(answer.status);
      expect(answer.contentType).toContain('application/problem+json');
    }
    const listed = await app.call<{ subscriptions: unknown[] }>('GET', '/webhook-subscriptions');
    expect(listed.body.subscriptions).toEqual([]);
  });

  it('answers 404 for a subscription or delivery that is not there, and 403 to other roles', async () => {
    const { subscriptionId } = await subscribe();
    expect((await app.call('GET', '/webhook-subscriptions/whsub-none')).status).toBe(404);
    expect(
      (
        await app.call(
          'POST',
          `/webhook-subscriptions/${subscriptionId}/deliveries/msg_x/redelivery`,
        )
      ).status,
    ).toBe(404);
    expect(
      (await app.call('GET', '/webhook-subscriptions', undefined, { userId: 'hr-1', roles: 'hr' }))
        .status,
    ).toBe(403);
    expect(
      (
        await app.call('GET', `/webhook-subscriptions/${subscriptionId}`, undefined, {
          tenantId: 'globex',
          userId: 'int-globex',
          roles: 'integrator',
        })
      ).status,
    ).toBe(404);
  });

  it('pauses and resumes a subscription: nothing goes out while paused, what was pending is a dead letter', async () => {
    const { subscriptionId } = await subscribe();
    receiver.respondWith(() => 503);
    await app.record('GoalSubmitted', { employeeId: 'emp-1' });
    await readEventually(
      () => deliveriesOf(subscriptionId),
      ([delivery]) => delivery?.attempts === 1,
    );

    const paused = await app.call<{ status: string }>(
      'PATCH',
      `/webhook-subscriptions/${subscriptionId}`,
      { active: false },
    );
    expect([paused.status, paused.body.status]).toEqual([200, 'disabled']);
    await app.record('GoalSubmitted', { employeeId: 'emp-2' });
    app.clock.advanceMs(1_000);
    const [dead] = await readEventually(
      () => deliveriesOf(subscriptionId, 'dead'),
      (found) => found.length === 1,
    );
    expect(dead.log.at(-1)).toMatchObject({ outcome: 'failed', status: null });
    expect(receiver.deliveries).toHaveLength(1);
    expect(await deliveriesOf(subscriptionId)).toHaveLength(1);

    receiver.respondWith(() => 204);
    const resumed = await app.call<{ status: string; url: string }>(
      'PATCH',
      `/webhook-subscriptions/${subscriptionId}`,
      { active: true, url: `${receiver.url}moved` },
    );
    expect([resumed.status, resumed.body.status, resumed.body.url]).toEqual([
      200,
      'active',
      `${receiver.url}moved`,
    ]);
    await app.call(
      'POST',
      `/webhook-subscriptions/${subscriptionId}/deliveries/${dead.deliveryId}/redelivery`,
    );
    await app.record('GoalSubmitted', { employeeId: 'emp-3' });
    const taken = await receiver.waitFor((all) => all.length === 3);
    expect(
      taken
        .slice(1)
        .map(({ body }) => (body as { subject: string }).subject)
        .sort(),
    ).toEqual(['emp-1', 'emp-3']);
  });

  it('delivers nothing more once a subscription is deleted', async () => {
    const { subscriptionId } = await subscribe();
    expect((await app.call('DELETE', `/webhook-subscriptions/${subscriptionId}`)).status).toBe(204);
    await app.record('GoalSubmitted', { employeeId: 'emp-1' });
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(receiver.deliveries).toHaveLength(0);
    expect((await app.call('GET', `/webhook-subscriptions/${subscriptionId}`)).status).toBe(404);
    expect((await app.call('DELETE', `/webhook-subscriptions/${subscriptionId}`)).status).toBe(404);
    const listed = await app.call<{ subscriptions: unknown[] }>('GET', '/webhook-subscriptions');
    expect(listed.body.subscriptions).toEqual([]);
  });

  it('makes one subscription of a POST retried under the same Idempotency-Key', async () => {
    const body = { url: receiver.url, eventTypes: planningOnly };
    const headers = {
      authorization: `Bearer ${await app.token(integrator)}`,
      'idempotency-key': 'hris-setup-1',
    };
    const first = await app.requestWithHeaders('POST', '/webhook-subscriptions', headers, body);
    const again = await app.requestWithHeaders('POST', '/webhook-subscriptions', headers, body);
    const [one, two] = [(await first.json()) as Subscription, (await again.json()) as Subscription];

    expect([first.status, again.status]).toEqual([201, 201]);
    expect(two.subscriptionId).toBe(one.subscriptionId);
    expect(two.secret).toBe(one.secret);
    const listed = await app.call<{ subscriptions: unknown[] }>('GET', '/webhook-subscriptions');
    expect(listed.body.subscriptions).toHaveLength(1);
  });

  it('hands on a queue whose head was recorded by a worker that died before handing it on', async () => {
    const { subscriptionId } = await subscribe();
    receiver.respondWith(() => 503);
    await app.record('GoalSubmitted', { employeeId: 'emp-1' });
    await readEventually(
      () => deliveriesOf(subscriptionId),
      ([head]) => head?.attempts === 1,
    );
    await app.record('GoalWithdrawn', { employeeId: 'emp-1' });
    await readEventually(
      () => deliveriesOf(subscriptionId, 'waiting'),
      (waiting) => waiting.length === 1,
    );
    // What a worker killed between the two writes leaves: the head recorded, nobody promoted.
    const readModels = app.app.get<ReadModelStore>(READ_MODEL_STORE);
    const [head] = await readModels.findStored<DeliveryDocument>(DELIVERIES, {
      where: { subscriptionId, state: 'pending' },
    });
    const { conflicts } = await readModels.write(DELIVERIES, [
      {
        id: head.id,
        doc: { ...head.doc, state: 'delivered' },
        sources: head.sources,
        expectedVersion: head.version,
      },
    ]);
    expect(conflicts).toEqual([]);
    receiver.respondWith(() => 204);

    const folder = app.folder;
    await app.stop(false);
    app = await NotificationsTestApp.start({}, new Date().toISOString(), folder);
    const [, handedOn] = await receiver.waitFor((taken) => taken.length === 2);
    expect((handedOn.body as { type: string }).type).toMatch(/GoalWithdrawn/);
  });

  it('still sends a delivery an older release made, which holds its body itself', async () => {
    const { subscriptionId } = await subscribe();
    receiver.respondWith(() => 503);
    await app.record('GoalSubmitted', { employeeId: 'emp-1' });
    const [first] = await receiver.waitFor((taken) => taken.length === 1);
    // What a delivery looked like before the bodies moved to a collection of their own.
    const readModels = app.app.get<ReadModelStore>(READ_MODEL_STORE);
    const [made] = await readModels.findStored<DeliveryDocument>(DELIVERIES, {
      where: { subscriptionId },
    });
    const inline = JSON.stringify({ ...(first.body as object), id: 'as-stored-before' });
    const { conflicts } = await readModels.write(DELIVERIES, [
      {
        id: made.id,
        doc: { ...made.doc, body: inline, nextAttemptAt: new Date(0).toISOString() },
        sources: made.sources,
        expectedVersion: made.version,
      },
    ]);
    expect(conflicts).toEqual([]);
    receiver.respondWith(() => 204);
    app.clock.advanceMs(61_000);

    const [, again] = await receiver.waitFor((taken) => taken.length === 2);
    expect((again.body as { id: string }).id).toBe('as-stored-before');
  });

  it('delivers each event once across a restart', async () => {
    const { subscriptionId } = await subscribe();
    for (let n = 0; n < 20; n++) await app.record('GoalSubmitted', { employeeId: `emp-${n}` });
    await receiver.waitFor((taken) => taken.length >= 1);
    const folder = app.folder;
    await app.stop(false);
    app = await NotificationsTestApp.start({}, new Date().toISOString(), folder);
    for (let n = 20; n < 30; n++) await app.record('GoalSubmitted', { employeeId: `emp-${n}` });

    await readEventually(
      () => deliveriesOf(subscriptionId, 'delivered'),
      (delivered) => delivered.length === 30,
    );
    // A clean stop finishes the attempts in hand: no event was sent twice.
    const ids = receiver.deliveries.map(({ id }) => id);
    expect(new Set(ids).size).toBe(30);
    expect(ids).toHaveLength(30);
  });
});
