import { Webhook } from 'standardwebhooks';

/** One of a subscription's signing secrets, as stored. */
export interface WebhookSecretVersion {
  readonly secret: string;
  /** ISO date-time from which it signs. */
  readonly activeFrom: string;
  /** ISO date-time from which it no longer signs; null for the current secret. */
  readonly retiredAt: string | null;
}

const signsAt = ({ activeFrom, retiredAt }: WebhookSecretVersion, now: Date): boolean =>
  Date.parse(activeFrom) <= now.getTime() &&
  (retiredAt === null || now.getTime() < Date.parse(retiredAt));

/**
 * The secrets that sign a delivery made at `now`, newest first: the current one and, during
 * the overlap after a rotation, the previous ones, so receivers can switch without a gap.
 */
export const signingSecrets = (
  secrets: readonly WebhookSecretVersion[],
  now: Date,
): readonly string[] =>
  secrets
    .filter((version) => signsAt(version, now))
    .toSorted((left, right) => Date.parse(right.activeFrom) - Date.parse(left.activeFrom))
    .map(({ secret }) => secret);

/**
 * Makes `newSecret` the current secret at `now`. Each secret still current retires at
 * `now + overlapMs` and goes on signing until then; secrets already retired keep their end,
 * and those past it are dropped. An overlap of 0 revokes the old secret at once (a leaked one).
 * `newSecret` is expected to pass `validateWebhookSecret`.
 */
export const rotateSecret = (
  secrets: readonly WebhookSecretVersion[],
  newSecret: string,
  now: Date,
  overlapMs: number,
): readonly WebhookSecretVersion[] => {
  if (!(overlapMs >= 0)) throw new RangeError(`an overlap of ${overlapMs} ms is not a duration`);
  const retiredAt = new Date(now.getTime() + overlapMs).toISOString();
  const previous = secrets
    .filter(({ secret }) => secret !== newSecret)
    .map((version) => (version.retiredAt === null ? { ...version, retiredAt } : version))
    .filter(
      (version) => version.retiredAt !== null && now.getTime() < Date.parse(version.retiredAt),
    );
  return [...previous, { secret: newSecret, activeFrom: now.toISOString(), retiredAt: null }];
};

/** The Standard Webhooks headers of one delivery attempt. */
export interface WebhookHeaders {
  readonly 'webhook-id': string;
  /** Unix seconds of the attempt (not of the event), against replays. */
  readonly 'webhook-timestamp': string;
  /** `v1,<base64 HMAC-SHA256>`, one per secret, space-separated. */
  readonly 'webhook-signature': string;
}

export interface Delivery {
  /** The message id: the same for every attempt of one delivery (`deliveryIdOf`). */
  readonly id: string;
  /** When this attempt is made. */
  readonly timestamp: Date;
  /** The body, exactly as it is sent: the signature covers these bytes. */
  readonly payload: string;
  /** `signingSecrets(...)` at the attempt's time. */
  readonly secrets: readonly string[];
}

/**
 * Signs `{id}.{timestamp}.{payload}` with each secret, as the Standard Webhooks spec says; a
 * receiver accepts the message when any one signature matches one of its secrets.
 */
export const signDelivery = ({ id, timestamp, payload, secrets }: Delivery): WebhookHeaders => {
  if (secrets.length === 0) throw new Error(`delivery ${id} has no secret to be signed with`);
  // The signed content is delimited by full stops; an id with one could forge another's.
  if (id.includes('.')) throw new RangeError(`message id ${id} must not contain a full stop`);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': [...new Set(secrets)]
      .map((secret) => new Webhook(secret).sign(id, timestamp, payload))
      .join(' '),
  };
};
