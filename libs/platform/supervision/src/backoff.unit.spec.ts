import { backoffDelayMs, type BackoffPolicy } from './backoff';

const policy: BackoffPolicy = { initialMs: 100, maxMs: 1_000 };

const given = (failuresInARow: number) => ({
  when: (random: number) => ({
    then: (expectedMs: number) =>
      expect(backoffDelayMs(failuresInARow, policy, random)).toBe(expectedMs),
  }),
});

describe('the wait before a loop is started again', () => {
  describe('after its first failure', () => {
    it('is at most the initial wait', () => given(1).when(0.999_999).then(99));

    it('can be no wait at all (full jitter)', () => given(1).when(0).then(0));
  });

  describe('after several failures in a row', () => {
    it('draws under a ceiling that doubles with each failure', () => given(3).when(0.5).then(200));

    it('spreads the loops that failed together over the whole range', () => {
      const draws = [0.1, 0.4, 0.9].map((random) => backoffDelayMs(3, policy, random));
      expect(draws).toEqual([40, 160, 360]);
    });
  });

  describe('after many failures in a row', () => {
    it('never draws above the maximum', () => given(40).when(0.999_999).then(999));

    it('keeps the full range under the maximum', () => given(40).when(0.5).then(500));
  });
});
