import { setTimeout as sleep } from 'node:timers/promises';
import { startWebhookReceiver, type WebhookReceiver } from '@talentloop/testing';
import { BackgroundDemo, newDemoTenantId } from './testing/demo-run';
import { describeOnEach, embedded, kafkaMongo, systemPerSuite } from './testing/infrastructures';
import { isDeliveryEvent } from './demo/responses';
import { replayedIds } from './testing/stored-events';

/**
 * Webhooks on the running system: a platform subscribed to everything of a tenant receives the
 * whole demo cycle while the notifications service is SIGKILLed mid-delivery and restarted.
 * Nothing is lost; a delivery is made once per event, so every copy a receiver gets of one
 * event carries the same `webhook-id`; only attempts in flight at the kill go out twice.
 */
describeOnEach(
  'webhooks to a platform while notifications is SIGKILLed mid-delivery and restarted',
  [embedded, kafkaMongo],
  (infrastructure) => {
    let receiver: WebhookReceiver;
    const started = systemPerSuite(infrastructure, {
      processes: 'per-service',
      env: () => ({
        NOTIFICATIONS_WEBHOOK_ALLOWLIST: '127.0.0.1',
        NOTIFICATIONS_DELIVERY_TIMEOUT_MS: '2000',
        NOTIFICATIONS_RETRY_BASE_MS: '200',
      }),
    });

    beforeAll(async () => {
      receiver = await startWebhookReceiver();
    });

    afterAll(() => receiver?.close());

    it('delivers every event of the cycle, each under one webhook-id, through a crash', async () => {
      const system = started();
      const tenantId = newDemoTenantId();
      const integrator = await system.bearer({
        tenantId,
        userId: 'int-hris',
        roles: ['integrator'],
      });
      const created = await fetch(system.url('notifications', '/webhook-subscriptions'), {
        method: 'POST',
        headers: { authorization: integrator, 'content-type': 'application/json' },
        body: JSON.stringify({ url: receiver.url, eventTypes: ['*'] }),
      });
      expect(created.status).toBe(201);
      receiver.trust(((await created.json()) as { secret: string }).secret);
      // Slow enough that deliveries are still under way when the service dies.
      receiver.respondWith(() => ({ status: 204, delayMs: 150 }));

      const demo = new BackgroundDemo(system, {
        DEMO_TENANT_ID: tenantId,
        DEMO_PAUSE_AT: 'submitted',
      });
      await demo.reached(/paused at submitted/);
      await receiver.waitFor((taken) => taken.length >= 3, 30_000);
      await system.kill('notifications');
      demo.resume();
      await sleep(1_000);
      await system.restart('notifications');
      await demo.finished;

      // Every event of the cycle an integrator may read (the subscription's own are not sent).
      const stored = await replayedIds(system, tenantId);
      const eventIdOf = (body: unknown) => (body as { id: string }).id;
      // The cycle's: what became of the mails (MailSent, …) goes out too, while mails are still
      // being sent, so it is left out of the comparison.
      const ofTheCycle = (taken: typeof receiver.deliveries) =>
        taken.filter(({ body }) => !isDeliveryEvent((body as { type: string }).type));
      await receiver.waitFor(
        (taken) =>
          new Set(ofTheCycle(taken).map(({ body }) => eventIdOf(body))).size >= stored.length,
        90_000,
      );
      const taken = ofTheCycle(receiver.deliveries);
      expect(new Set(taken.map(({ body }) => eventIdOf(body)))).toEqual(new Set(stored));
      const idsByEvent = new Map<string, Set<string>>();
      for (const { body, id } of taken)
        idsByEvent.set(eventIdOf(body), (idsByEvent.get(eventIdOf(body)) ?? new Set()).add(id));
      expect([...idsByEvent.values()].every((ids) => ids.size === 1)).toBe(true);
      // Sent twice only what was in flight when it died: at most one round of attempts.
      expect(taken.length - stored.length).toBeLessThanOrEqual(32);
      expect(taken.filter(({ verified }) => !verified)).toEqual([]);
    }, 300_000);
  },
);
