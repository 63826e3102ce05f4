import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import {
  rotateSecret,
  signDelivery,
  signingSecrets,
  type WebhookSecretVersion,
} from './webhook-signing';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const DAY_MS = 86_400_000;
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const payload = '{"specversion":"1.0","type":"talentloop.approval.GoalApproved.v1"}';
const oldSecret = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;
const newSecret = `whsec_${Buffer.alloc(32, 2).toString('base64')}`;
const thirdSecret = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;

afterEach(() => jest.restoreAllMocks());

/** What a receiver holding `secret` makes of a delivery signed at `when`, received at once. */
const receivedBy = (secret: string, secrets: readonly WebhookSecretVersion[], when: Date) => {
  const headers = signDelivery({
    id: 'msg_0123456789abcdef0123456789abcdef',
    timestamp: when,
    payload,
    secrets: signingSecrets(secrets, when),
  });
  jest.spyOn(Date, 'now').mockReturnValue(when.getTime());
  return () => new Webhook(secret).verify(payload, { ...headers });
};

describe('a subscription with one secret', () => {
  const secrets = [current(oldSecret, '2026-01-01T00:00:00.000Z')];

  it('signs with it', () => expect(signingSecrets(secrets, NOW)).toEqual([oldSecret]));

  it('sends the three Standard Webhooks headers, the timestamp in seconds', () =>
    expect(
      signDelivery({ id: 'msg_1', timestamp: at(999), payload, secrets: [oldSecret] }),
    ).toEqual({
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(NOW.getTime() / 1000),
      'webhook-signature': expect.stringMatching(/^v1,[A-Za-z0-9+/]{43}=$/),
    }));

  it('signs as the Standard Webhooks reference does', () =>
    expect(
      signDelivery({
        id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
        timestamp: new Date(1_614_265_330_000),
        payload: '{"test": 2432232314}',
        secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
      })['webhook-signature'],
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE='));

  it('is verified by a receiver holding it', () =>
    expect(receivedBy(oldSecret, secrets, NOW)()).toEqual(JSON.parse(payload)));

  it('does not sign before it is active', () =>
    expect(signingSecrets(secrets, new Date('2025-12-31T23:59:59.999Z'))).toEqual([]));
});

describe('a subscription whose secret was rotated with a day of overlap', () => {
  const rotated = rotateSecret(
    [current(oldSecret, '2026-01-01T00:00:00.000Z')],
    newSecret,
    NOW,
    DAY_MS,
  );

  it('keeps the old secret until the overlap ends, and the new one from now', () =>
    expect(rotated).toEqual([
      {
        secret: oldSecret,
        activeFrom: '2026-01-01T00:00:00.000Z',
        retiredAt: '2026-03-03T09:00:00.000Z',
      },
      { secret: newSecret, activeFrom: '2026-03-02T09:00:00.000Z', retiredAt: null },
    ]));

  it('signs with both during the overlap, the new one first', () => {
    expect(signingSecrets(rotated, at(DAY_MS - 1))).toEqual([newSecret, oldSecret]);
    expect(
      signDelivery({ id: 'msg_1', timestamp: NOW, payload, secrets: [newSecret, oldSecret] })[
        'webhook-signature'
      ].split(' '),
    ).toHaveLength(2);
  });

  it('is verified by a receiver holding either secret during the overlap', () => {
    expect(receivedBy(oldSecret, rotated, at(3_600_000))).not.toThrow();
    expect(receivedBy(newSecret, rotated, at(3_600_000))).not.toThrow();
  });

  it('signs with the new one only once the overlap is over', () =>
    expect(signingSecrets(rotated, at(DAY_MS))).toEqual([newSecret]));

  it('is no longer verified with the old secret after the overlap', () => {
    expect(receivedBy(oldSecret, rotated, at(DAY_MS + 1))).toThrow(WebhookVerificationError);
    expect(receivedBy(newSecret, rotated, at(DAY_MS + 1))).not.toThrow();
  });

  it('drops the old secret at the next rotation after the overlap', () =>
    expect(
      rotateSecret(rotated, thirdSecret, at(2 * DAY_MS), DAY_MS).map(({ secret }) => secret),
    ).toEqual([newSecret, thirdSecret]));

  it('keeps the old secret to its own end when rotated again during the overlap', () =>
    expect(rotateSecret(rotated, thirdSecret, at(3_600_000), DAY_MS)).toEqual([
      {
        secret: oldSecret,
        activeFrom: '2026-01-01T00:00:00.000Z',
        retiredAt: '2026-03-03T09:00:00.000Z',
      },
      {
        secret: newSecret,
        activeFrom: '2026-03-02T09:00:00.000Z',
        retiredAt: '2026-03-03T10:00:00.000Z',
      },
      { secret: thirdSecret, activeFrom: '2026-03-02T10:00:00.000Z', retiredAt: null },
    ]));
});

describe('a subscription whose secret leaked', () => {
  it('revokes it at once with no overlap', () => {
    const rotated = rotateSecret(
      [current(oldSecret, '2026-01-01T00:00:00.000Z')],
      newSecret,
      NOW,
      0,
    );
    expect(rotated.map(({ secret }) => secret)).toEqual([newSecret]);
    expect(receivedBy(oldSecret, rotated, NOW)).toThrow(WebhookVerificationError);
  });

  it('cannot be rotated with a negative overlap', () =>
    expect(() => rotateSecret([], newSecret, NOW, -1)).toThrow(RangeError));
});

describe('a delivery', () => {
  it('cannot be signed without a secret', () =>
    expect(() => signDelivery({ id: 'msg_1', timestamp: NOW, payload, secrets: [] })).toThrow(
      'no secret',
    ));

  it('cannot carry a message id with a full stop, the delimiter of the signed content', () =>
    expect(() =>
      signDelivery({ id: 'msg_1.1700000000', timestamp: NOW, payload, secrets: [newSecret] }),
    ).toThrow(RangeError));
});

function current(secret: string, activeFrom: string): WebhookSecretVersion {
  return { secret, activeFrom, retiredAt: null };
}
