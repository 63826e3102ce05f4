import type { LoopStatus } from './loop';
import { readinessOf } from './readiness';

const now = new Date('2026-03-02T09:00:00.000Z');
const THRESHOLD_MS = 30_000;

const given = (...loops: LoopStatus[]) => ({
  then: (expected: ReturnType<typeof readinessOf>) =>
    expect(readinessOf(loops, now, THRESHOLD_MS)).toEqual(expected),
});

describe('whether the loops let the service take traffic', () => {
  describe('every loop up and caught up', () => {
    it('is ready', () => given(relay(), readSide()).then({ ready: true }));

    it('is ready without any loop', () => given().then({ ready: true }));
  });

  describe('a loop down', () => {
    it('is ready while the loop has been down for the threshold or less (a restart rides it out)', () =>
      given(relay({ up: false, since: secondsAgo(30) })).then({ ready: true }));

    it('is not ready once the loop has been down longer than the threshold, naming it and for how long', () =>
      given(relay({ up: false, since: secondsAgo(42) })).then({
        ready: false,
        reasons: ['loop planning.relay down for 42 s'],
      }));

    it('counts a loop that never started as down since it was supervised', () =>
      given(relay({ up: false, since: secondsAgo(31), restarts: 5 })).then({
        ready: false,
        reasons: ['loop planning.relay down for 31 s'],
      }));
  });

  describe('a read side catching up at start', () => {
    it('is not ready until it has caught up, even while it is up', () =>
      given(readSide({ caughtUp: false, catchingUp: true })).then({
        ready: false,
        reasons: ['loop planning.read-side catching up'],
      }));

    it('names the loop once, as down, when it is both down past the threshold and not caught up', () =>
      given(readSide({ up: false, since: secondsAgo(60), caughtUp: false, catchingUp: true })).then(
        {
          ready: false,
          reasons: ['loop planning.read-side down for 60 s'],
        },
      ));
  });

  describe('a read side that caught up and fell behind later', () => {
    it('stays ready: lag is reported, not judged', () =>
      given(readSide({ caughtUp: true, catchingUp: true })).then({ ready: true }));
  });

  describe('several loops holding the service back', () => {
    it('names each of them, in the order given', () =>
      given(
        relay(),
        readSide({ name: 'planning.read-side', up: false, since: secondsAgo(42) }),
        readSide({ name: 'approval.read-side', caughtUp: false, catchingUp: true }),
      ).then({
        ready: false,
        reasons: ['loop planning.read-side down for 42 s', 'loop approval.read-side catching up'],
      }));
  });
});

function secondsAgo(seconds: number): Date {
  return new Date(now.getTime() - seconds * 1_000);
}

function relay(overrides: Partial<LoopStatus> = {}): LoopStatus {
  return {
    name: 'planning.relay',
    up: true,
    since: secondsAgo(600),
    restarts: 0,
    caughtUp: true,
    catchingUp: false,
    ...overrides,
  };
}

function readSide(overrides: Partial<LoopStatus> = {}): LoopStatus {
  return { ...relay(), name: 'planning.read-side', ...overrides };
}
