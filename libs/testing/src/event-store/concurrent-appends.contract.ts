import {
  WrongExpectedRevisionError,
  type EventStore,
  type EventToAppend,
} from '@talentloop/event-store';
import type { EventStoreContractContext } from './contract-context';

/** Appends issued together: each stands or falls alone, one winner per expected revision. */
export function describeConcurrentAppends(the: () => EventStoreContractContext): void {
  let store: EventStore;
  let tenant: string;
  let goalStream: string;
  let ownStreams: { streamPrefixes: string[] };
  beforeEach(() => {
    ({ store, tenant, goalStream, ownStreams } = the());
  });
  const event = (type: string, version?: number): EventToAppend => the().event(type, version);

  describe('concurrent appends', () => {
    it('to different streams all succeed', async () => {
      const streams = Array.from({ length: 32 }, (_, i) => `planning.goal-${tenant}.c${i}`);
      const results = await Promise.all(
        streams.map((stream) =>
          store.appendToStream(stream, [event('GoalSubmitted'), event('CheckInLogged')], {
            expectedRevision: 'no_stream',
          }),
        ),
      );
      expect(results.every((r) => r.nextExpectedRevision === 1n)).toBe(true);
      expect(new Set(results.map((r) => r.lastGlobalPosition)).size).toBe(streams.length);
      const all = await store.readAll({ filter: ownStreams });
      expect(all).toHaveLength(streams.length * 2);
    });

    it('one refused append among concurrent ones fails alone', async () => {
      await store.appendToStream(goalStream, [event('GoalSubmitted')], {
        expectedRevision: 'no_stream',
      });
      const streams = Array.from({ length: 9 }, (_, i) => `planning.goal-${tenant}.c${i}`);
      streams.splice(4, 0, goalStream);

      const outcomes = await Promise.allSettled(
        streams.map((stream) =>
          store.appendToStream(stream, [event('CheckInLogged')], {
            expectedRevision: 'no_stream',
          }),
        ),
      );
      outcomes.forEach((outcome, i) => {
        if (i === 4) {
          expect(outcome).toMatchObject({ status: 'rejected' });
          expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(
            WrongExpectedRevisionError,
          );
        } else {
          expect(outcome).toMatchObject({ status: 'fulfilled' });
        }
      });
      expect(await store.readStream(goalStream)).toHaveLength(1);
    });

    it('to one stream with the same expected revision: exactly one wins', async () => {
      await store.appendToStream(goalStream, [event('GoalSubmitted')], {
        expectedRevision: 'no_stream',
      });
      const outcomes = await Promise.allSettled(
        [1, 2, 3, 4, 5].map(() =>
          store.appendToStream(goalStream, [event('CheckInLogged')], { expectedRevision: 0n }),
        ),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost.every((o) => o.reason instanceof WrongExpectedRevisionError)).toBe(true);
      expect(await store.readStream(goalStream)).toHaveLength(2);
    });
  });
}
