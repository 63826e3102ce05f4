import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;
const current = newSecret();
const previous = newSecret();

const post = (url: string, body: string, secret?: string, at = new Date()) =>
  fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': secret ? new Webhook(secret).sign('msg_1', at, body) : 'v1,bm9uZQ==',
    },
    body,
  });

describe('startWebhookReceiver', () => {
  let receiver: WebhookReceiver;

  beforeEach(async () => {
    receiver = await startWebhookReceiver({ secrets: [current, previous] });
  });
  afterEach(() => receiver.close());

  it('listens on 127.0.0.1, answers 204 and records a delivery any secret verifies', async () => {
    const body = JSON.stringify({ id: 'event-1' });

    const responses = [
      await post(receiver.url, body, current),
      await post(receiver.url, body, previous),
      await post(receiver.url, body, newSecret()),
      await post(receiver.url, body),
      await post(receiver.url, body, current, new Date(Date.now() - 3_600_000)),
    ];

    expect(receiver.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(responses.map(({ status }) => status)).toEqual([204, 204, 204, 204, 204]);
    expect(receiver.deliveries.map(({ verified }) => verified)).toEqual([
      true,
      true,
      false,
      false,
      false, // outside the Standard Webhooks timestamp tolerance
    ]);
    expect(receiver.deliveries[0]).toMatchObject({
      id: 'msg_1',
      signature: expect.stringMatching(/^v1,/),
      body: { id: 'event-1' },
      receivedAt: expect.any(Date),
    });
  });

  it('verifies nothing without secrets, and keeps a body that is no JSON as text', async () => {
    const bare = await startWebhookReceiver();
    try {
      await post(bare.url, 'not json', current);

      expect(bare.deliveries).toEqual([
        expect.objectContaining({ verified: false, body: 'not json' }),
      ]);
    } finally {
      await bare.close();
    }
  });

  it('answers as respondWith says: a status, or one after a delay with headers and a body', async () => {
    receiver.respondWith((delivery, n) =>
      n === 1
        ? 503
        : { status: 200, delayMs: 150, headers: { 'x-n': String(n) }, body: delivery.id },
    );

    const first = await post(receiver.url, '{}', current);
    const sentAt = Date.now();
    const second = await post(receiver.url, '{}', current);

    expect(first.status).toBe(503);
    expect(second.status).toBe(200);
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(140);
    expect(second.headers.get('x-n')).toBe('2');
    expect(await second.text()).toBe('msg_1');
  });

  it('waitFor resolves once the deliveries match, and rejects when they do not in time', async () => {
    const two = receiver.waitFor((all) => all.length === 2);
    await post(receiver.url, '{}', current);
    await post(receiver.url, '{}', current);

    expect(await two).toHaveLength(2);
    await expect(receiver.waitFor((all) => all.length === 3, 50)).rejects.toThrow(
      'did not match within 50 ms (2 taken)',
    );
  });
});
