import { countRequest, FixedWindowStorage } from './fixed-window';

const MINUTE = 60_000;

describe('counting requests in a fixed window', () => {
  it('given no window, when a request comes, then it opens one for the ttl and is let through', () =>
    expect(countRequest(undefined, 1_000, MINUTE, 2)).toEqual({
      window: { endsAt: 61_000, hits: 1 },
      refused: false,
      retryAfterSeconds: 60,
    }));

  it('given a window at its limit, when one more comes, then it is refused until the window ends', () =>
    expect(countRequest({ endsAt: 61_000, hits: 2 }, 31_500, MINUTE, 2)).toEqual({
      window: { endsAt: 61_000, hits: 3 },
      refused: true,
      retryAfterSeconds: 30,
    }));

  it('given a window that ended, when a request comes, then a new window counts it alone', () =>
    expect(countRequest({ endsAt: 61_000, hits: 500 }, 61_000, MINUTE, 2)).toMatchObject({
      window: { endsAt: 121_000, hits: 1 },
      refused: false,
    }));

  it('given the last milliseconds of a window, then Retry-After still says at least 1 s', () =>
    expect(countRequest({ endsAt: 61_000, hits: 2 }, 60_999, MINUTE, 2).retryAfterSeconds).toBe(1));
});

describe('the in-memory storage of the windows', () => {
  it('keeps one window per key, and drops ended ones in a sweep', async () => {
    let now = 0;
    const storage = new FixedWindowStorage(() => now, MINUTE);
    await storage.increment('caller a', MINUTE, 1);
    const second = await storage.increment('caller a', MINUTE, 1);
    const other = await storage.increment('caller b', MINUTE, 1);
    expect([second.isBlocked, second.timeToBlockExpire]).toEqual([true, 60]);
    expect(other.isBlocked).toBe(false);
    now = 2 * MINUTE;
    await storage.increment('caller c', MINUTE, 1);
    expect(storage.size).toBe(1);
  });
});
