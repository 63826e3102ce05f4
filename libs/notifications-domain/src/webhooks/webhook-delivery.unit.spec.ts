import {
  classifyResponse,
  defaultRetrySchedule,
  deliverable,
  deliveryIdOf,
  nextAttemptAt,
  type PendingDelivery,
  type RetrySchedule,
} from './webhook-delivery';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const SECOND_MS = 1_000;
const HOUR_MS = 3_600_000;
const before = (ms: number) => new Date(NOW.getTime() - ms);
const after = (ms: number) => new Date(NOW.getTime() + ms);

describe('the id of a delivery', () => {
  it('is msg_ and 32 lowercase hex digits', () =>
    expect(deliveryIdOf('sub-1', 'evt-1')).toMatch(/^msg_[0-9a-f]{32}$/));

  it('is the same for the same event to the same subscription, so a redelivery is no new message', () =>
    expect(deliveryIdOf('sub-1', 'evt-1')).toBe(deliveryIdOf('sub-1', 'evt-1')));

  it('differs per subscription and per event', () =>
    expect(
      new Set([
        deliveryIdOf('sub-1', 'evt-1'),
        deliveryIdOf('sub-2', 'evt-1'),
        deliveryIdOf('sub-1', 'evt-2'),
        deliveryIdOf('sub-1e', 'vt-1'),
      ]).size,
    ).toBe(4));
});

const givenAttempts = (attempts: number, firstAttemptAgoMs = 0) => ({
  whenDrawn: (random: number, schedule?: RetrySchedule, retryAfterMs?: number) => ({
    thenRetriedAfter: (waitMs: number) =>
      expect(
        nextAttemptAt(
          { attempts, firstAttemptAt: before(firstAttemptAgoMs), now: NOW, random, retryAfterMs },
          schedule,
        ),
      ).toEqual({ kind: 'retry', at: after(waitMs) }),
    thenDead: () =>
      expect(
        nextAttemptAt(
          { attempts, firstAttemptAt: before(firstAttemptAgoMs), now: NOW, random },
          schedule,
        ),
      ).toEqual({ kind: 'dead', reason: expect.stringContaining(`${attempts} attempts failed`) }),
  }),
});

describe('the next attempt after a failed delivery', () => {
  it('comes 2.5 to 5 seconds after the first failure', () => {
    givenAttempts(1)
      .whenDrawn(0)
      .thenRetriedAfter(2.5 * SECOND_MS);
    givenAttempts(1)
      .whenDrawn(0.5)
      .thenRetriedAfter(3.75 * SECOND_MS);
    givenAttempts(1).whenDrawn(0.999_999).thenRetriedAfter(4_999);
  });

  it('waits twice as long after each further failure', () =>
    givenAttempts(4, 60 * SECOND_MS)
      .whenDrawn(0)
      .thenRetriedAfter(20 * SECOND_MS));

  it('never waits more than an hour', () => {
    givenAttempts(20, 10 * HOUR_MS)
      .whenDrawn(0.999_999)
      .thenRetriedAfter(HOUR_MS - 2);
    givenAttempts(2_000, 10 * HOUR_MS)
      .whenDrawn(0)
      .thenRetriedAfter(HOUR_MS / 2);
  });

  it('waits at least as long as the endpoint asked with Retry-After, up to the hour', () => {
    givenAttempts(1)
      .whenDrawn(0, undefined, 120 * SECOND_MS)
      .thenRetriedAfter(120 * SECOND_MS);
    givenAttempts(1)
      .whenDrawn(0, undefined, 5 * HOUR_MS)
      .thenRetriedAfter(HOUR_MS);
  });

  it('is still tried just under 24 hours after the first attempt', () =>
    givenAttempts(30, 24 * HOUR_MS - 1)
      .whenDrawn(0)
      .thenRetriedAfter(HOUR_MS / 2));

  it('is dead once the first attempt is 24 hours old', () =>
    givenAttempts(30, 24 * HOUR_MS)
      .whenDrawn(0)
      .thenDead());

  it('follows a shortened schedule, for tests and benches', () => {
    const quick = { baseDelayMs: 10, maxDelayMs: 40, giveUpAfterMs: 1_000 };
    givenAttempts(3, 100).whenDrawn(0, quick).thenRetriedAfter(20);
    givenAttempts(9, 999).whenDrawn(0.5, quick).thenRetriedAfter(30);
    givenAttempts(9, 1_000).whenDrawn(0.5, quick).thenDead();
  });

  it('is 5 s doubling to an hour for 24 hours by default', () =>
    expect(defaultRetrySchedule).toEqual({
      baseDelayMs: 5 * SECOND_MS,
      maxDelayMs: HOUR_MS,
      giveUpAfterMs: 24 * HOUR_MS,
    }));

  it.each([0, 1.5, -1])('is not computed after %p attempts', (attempts) =>
    expect(() => nextAttemptAt({ attempts, firstAttemptAt: NOW, now: NOW, random: 0 })).toThrow(
      RangeError,
    ),
  );

  it.each([1, -0.1, Number.NaN])('is not computed with the draw %p', (random) =>
    expect(() => nextAttemptAt({ attempts: 1, firstAttemptAt: NOW, now: NOW, random })).toThrow(
      RangeError,
    ),
  );
});

describe('the outcome of an attempt', () => {
  it.each([200, 201, 202, 204, 299])('is delivered on %i', (status) =>
    expect(classifyResponse(status)).toEqual({ kind: 'delivered' }),
  );

  it('disables the subscription on 410 Gone', () =>
    expect(classifyResponse(410)).toEqual({
      kind: 'disable-subscription',
      reason: 'the endpoint answered 410 Gone',
    }));

  it.each([429, 502, 503, 504])('is retried, throttling the endpoint, on %i', (status) =>
    expect(classifyResponse(status)).toMatchObject({ kind: 'retry', throttle: true }),
  );

  it.each([500, 408, 400, 401, 403, 404, 409, 422, 301, 302, 307, 100])(
    'is retried on %i',
    (status) =>
      expect(classifyResponse(status)).toEqual({
        kind: 'retry',
        reason: `the endpoint answered ${status}`,
        throttle: false,
      }),
  );

  it.each(['timeout', 'network-error'] as const)('is retried after a %s', (failure) =>
    expect(classifyResponse(failure)).toMatchObject({ kind: 'retry', throttle: false }),
  );
});

const givenDeliveries = (...deliveries: PendingDelivery[]) => ({
  whenPickedAt: (now: Date) => ({
    then: (...ids: string[]) =>
      expect(deliverable(deliveries, now).map(({ id }) => id)).toEqual(ids),
  }),
});

describe('the deliveries of a subscription that may be attempted now', () => {
  it('are the oldest pending one per subject, in the order of the events', () =>
    givenDeliveries(
      pending('d3', 'emp-2', 30n),
      pending('d1', 'emp-1', 10n),
      pending('d2', 'emp-1', 20n),
      pending('d4', 'emp-3', '00000000000000000005'),
    )
      .whenPickedAt(NOW)
      .then('d4', 'd1', 'd3'));

  it('hold a subject back while its oldest pending one waits for its next attempt', () =>
    givenDeliveries(
      { ...pending('d1', 'emp-1', 10n), nextAttemptAt: after(1) },
      pending('d2', 'emp-1', 20n),
      pending('d3', 'emp-2', 30n),
    )
      .whenPickedAt(NOW)
      .then('d3'));

  it('include one due exactly now', () =>
    givenDeliveries({ ...pending('d1', 'emp-1', 1n), nextAttemptAt: NOW })
      .whenPickedAt(NOW)
      .then('d1'));

  it.each([
    ['move on to the next once the oldest of a subject is delivered', 'delivered'],
    ['are not held back by a dead-lettered one', 'dead'],
  ] as const)('%s', (_, state) =>
    givenDeliveries({ ...pending('d1', 'emp-1', 10n), state }, pending('d2', 'emp-1', 20n))
      .whenPickedAt(NOW)
      .then('d2'),
  );

  it('order positions as numbers, not as text', () =>
    givenDeliveries(pending('d2', 'emp-1', '10'), pending('d1', 'emp-1', '9'))
      .whenPickedAt(NOW)
      .then('d1'));

  it('are none when nothing is pending', () => givenDeliveries().whenPickedAt(NOW).then());
});

function pending(id: string, subject: string, position: bigint | string): PendingDelivery {
  return { id, subject, position, state: 'pending', nextAttemptAt: before(SECOND_MS) };
}
