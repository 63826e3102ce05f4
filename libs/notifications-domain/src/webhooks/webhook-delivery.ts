import { createHash } from 'node:crypto';

/**
 * The `webhook-id` of an event sent to a subscription: `msg_` and 32 hex digits of a hash of
 * both ids. Every attempt, redelivery and restart sends the same id, which receivers use as
 * their idempotency key; two subscriptions never share one.
 */
export const deliveryIdOf = (subscriptionId: string, eventId: string): string =>
  `msg_${createHash('sha256').update(`${subscriptionId}\u0000${eventId}`).digest('hex').slice(0, 32)}`;

export interface RetrySchedule {
  /** The wait after the first failed attempt, doubled after each further one. */
  readonly baseDelayMs: number;
  /** The wait never grows beyond this. */
  readonly maxDelayMs: number;
  /** A delivery still failing this long after its first attempt is dead-lettered. */
  readonly giveUpAfterMs: number;
}

/** 5 s doubling up to 1 h, for 24 hours: an endpoint down for a day still gets every event. */
export const defaultRetrySchedule: RetrySchedule = {
  baseDelayMs: 5_000,
  maxDelayMs: 3_600_000,
  giveUpAfterMs: 86_400_000,
};

export interface FailedAttempts {
  /** Attempts made so far, all failed (1 after the first). */
  readonly attempts: number;
  readonly firstAttemptAt: Date;
  readonly now: Date;
  /** A draw in [0, 1) for the jitter. */
  readonly random: number;
  /** The endpoint's Retry-After, when it sent one: the wait is at least that (up to the max). */
  readonly retryAfterMs?: number;
}

export type NextAttempt =
  | { readonly kind: 'retry'; readonly at: Date }
  | { readonly kind: 'dead'; readonly reason: string };

/**
 * When to try a failed delivery again: exponential backoff with "equal jitter" (half the wait
 * fixed, half drawn), so an endpoint that came back is not hit by every delivery at once, yet
 * no retry comes right after a failure. Once the first attempt is `giveUpAfterMs` old the
 * delivery is dead: retries go on for at least that long.
 */
export const nextAttemptAt = (
  { attempts, firstAttemptAt, now, random, retryAfterMs = 0 }: FailedAttempts,
  schedule: RetrySchedule = defaultRetrySchedule,
): NextAttempt => {
  if (!Number.isInteger(attempts) || attempts < 1)
    throw new RangeError(`${attempts} is not a number of attempts made`);
  if (!(random >= 0 && random < 1)) throw new RangeError(`${random} is not a draw in [0, 1)`);
  const failingForMs = now.getTime() - firstAttemptAt.getTime();
  if (failingForMs >= schedule.giveUpAfterMs)
    return {
      kind: 'dead',
      reason: `${attempts} attempts failed over ${Math.floor(failingForMs / 60_000)} minutes`,
    };
  const ceiling = Math.min(schedule.baseDelayMs * 2 ** (attempts - 1), schedule.maxDelayMs);
  const jittered = ceiling / 2 + (random * ceiling) / 2;
  const waitMs = Math.max(jittered, Math.min(retryAfterMs, schedule.maxDelayMs));
  return { kind: 'retry', at: new Date(now.getTime() + Math.floor(waitMs)) };
};

/** An attempt that got no HTTP response. */
export type DeliveryFailure = 'timeout' | 'network-error';

export type ResponseVerdict =
  | { readonly kind: 'delivered' }
  | { readonly kind: 'disable-subscription'; readonly reason: string }
  /** `throttle`: the endpoint is overloaded; slow down all deliveries to it, not just this one. */
  | { readonly kind: 'retry'; readonly reason: string; readonly throttle: boolean };

/** 429, 502 and 504 say "too much" (Standard Webhooks); 503 often comes with Retry-After. */
const overloadStatuses: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/**
 * What an attempt's outcome means, as the Standard Webhooks spec and Svix handle it: only a
 * 2xx is delivered; 410 Gone means the receiver wants no more webhooks, so the subscription is
 * disabled. Everything else is retried: 5xx, 408, 429, timeouts and network errors, but also
 * 3xx (redirects are not followed: they would skip the SSRF guard; the URL should be updated)
 * and other 4xx (a 401 or 404 during the receiver's deploy or secret rotation is usually
 * transient; a lasting one ends in the dead letter after the retry window).
 */
export const classifyResponse = (outcome: number | DeliveryFailure): ResponseVerdict => {
  if (outcome === 'timeout')
    return { kind: 'retry', reason: 'the endpoint did not answer in time', throttle: false };
  if (outcome === 'network-error')
    return { kind: 'retry', reason: 'the endpoint could not be reached', throttle: false };
  if (outcome >= 200 && outcome <= 299) return { kind: 'delivered' };
  if (outcome === 410)
    return { kind: 'disable-subscription', reason: 'the endpoint answered 410 Gone' };
  return {
    kind: 'retry',
    reason: `the endpoint answered ${outcome}`,
    throttle: overloadStatuses.has(outcome),
  };
};

export interface PendingDelivery {
  readonly id: string;
  /** The CloudEvents subject (the employee or aggregate): order is kept per subject. */
  readonly subject: string;
  /** The event's global position (`sequence`, or the bigint itself): the order of events. */
  readonly position: bigint | string;
  readonly state: 'pending' | 'delivered' | 'dead';
  readonly nextAttemptAt: Date;
}

const byPosition = (left: PendingDelivery, right: PendingDelivery): number => {
  const difference = BigInt(left.position) - BigInt(right.position);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
};

/**
 * The deliveries of one subscription that may be attempted at `now`, oldest first: per subject
 * only the oldest still pending one, and only once it is due, so a receiver sees the events
 * about one employee in order. A dead-lettered delivery no longer holds its subject back: one
 * event the receiver cannot take must not stop that employee's updates for good; it is
 * replayed from the dead letter by hand.
 */
export const deliverable = <Delivery extends PendingDelivery>(
  deliveries: readonly Delivery[],
  now: Date,
): Delivery[] => {
  const oldestPerSubject = new Map<string, Delivery>();
  for (const delivery of deliveries) {
    if (delivery.state !== 'pending') continue;
    const oldest = oldestPerSubject.get(delivery.subject);
    if (oldest === undefined || byPosition(delivery, oldest) < 0)
      oldestPerSubject.set(delivery.subject, delivery);
  }
  return [...oldestPerSubject.values()]
    .filter((delivery) => delivery.nextAttemptAt.getTime() <= now.getTime())
    .sort(byPosition);
};
