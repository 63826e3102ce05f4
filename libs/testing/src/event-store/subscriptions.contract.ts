import type { EventStore, EventToAppend, RecordedEvent } from '@talentloop/event-store';
import {
  isStrictlyIncreasing,
  sleep,
  waitFor,
  type EventStoreContractContext,
} from './contract-context';

/** Subscribing to the global log: catch-up, resumption, back-pressure, stop and failure. */
export function describeSubscriptions(the: () => EventStoreContractContext): void {
  let store: EventStore;
  let goalStream: string;
  let measurementStream: string;
  let ownStreams: { streamPrefixes: string[] };
  beforeEach(() => {
    ({ store, goalStream, measurementStream, ownStreams } = the());
  });
  const event = (type: string, version?: number): EventToAppend => the().event(type, version);

  describe('subscribing to all', () => {
    it('catches up on history, then receives live appends in order', async () => {
      const history = [event('GoalSubmitted'), event('CheckInLogged')];
      await store.appendToStream(goalStream, history, { expectedRevision: 'no_stream' });

      const received: RecordedEvent[] = [];
      const subscription = store.subscribeToAll({ filter: ownStreams }, (recorded) => {
        received.push(recorded);
      });
      await waitFor(() => received.length === 2);

      const live = [event('MeasurementRecorded'), event('CheckInLogged')];
      await store.appendToStream(measurementStream, [live[0]], {
        expectedRevision: 'no_stream',
      });
      await store.appendToStream(goalStream, [live[1]], {
        expectedRevision: 1n,
      });
      await waitFor(() => received.length === 4);
      await subscription.stop();

      expect(received.map((e) => e.id)).toEqual([...history, ...live].map((e) => e.id));
      expect(isStrictlyIncreasing(received.map((e) => e.globalPosition))).toBe(true);
      await expect(subscription.finished).resolves.toBeUndefined();
    });

    it('resumes after a checkpoint without gaps or duplicates', async () => {
      const events = [1, 2, 3, 4, 5].map(() => event('CheckInLogged'));
      await store.appendToStream(goalStream, events.slice(0, 3), {
        expectedRevision: 'no_stream',
      });

      const firstRun: RecordedEvent[] = [];
      const first = store.subscribeToAll({ filter: ownStreams }, (recorded) => {
        firstRun.push(recorded);
      });
      await waitFor(() => firstRun.length === 3);
      await first.stop();
      const checkpoint = firstRun[1]?.globalPosition;

      await store.appendToStream(goalStream, events.slice(3), { expectedRevision: 2n });
      const secondRun: RecordedEvent[] = [];
      const second = store.subscribeToAll({ after: checkpoint, filter: ownStreams }, (r) => {
        secondRun.push(r);
      });
      await waitFor(() => secondRun.length === 3);
      await sleep(100);
      await second.stop();
      expect(secondRun.map((e) => e.id)).toEqual(events.slice(2).map((e) => e.id));
    });

    it('awaits the handler before delivering the next event', async () => {
      const events = [1, 2, 3].map(() => event('CheckInLogged'));
      await store.appendToStream(goalStream, events, { expectedRevision: 'no_stream' });

      let running = 0;
      let maxRunning = 0;
      const handled: string[] = [];
      const subscription = store.subscribeToAll({ filter: ownStreams }, async (recorded) => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await sleep(20);
        handled.push(recorded.id);
        running--;
      });
      await waitFor(() => handled.length === 3);
      await subscription.stop();
      expect(maxRunning).toBe(1);
      expect(handled).toEqual(events.map((e) => e.id));
    });

    it('delivers nothing after stop()', async () => {
      const received: RecordedEvent[] = [];
      const subscription = store.subscribeToAll({ filter: ownStreams }, (recorded) => {
        received.push(recorded);
      });
      await store.appendToStream(goalStream, [event('GoalSubmitted')], {
        expectedRevision: 'no_stream',
      });
      await waitFor(() => received.length === 1);
      await subscription.stop();

      await store.appendToStream(goalStream, [event('CheckInLogged')], { expectedRevision: 0n });
      await sleep(200);
      expect(received).toHaveLength(1);
      await expect(subscription.finished).resolves.toBeUndefined();
    });

    it('ends `finished` with the error a handler throws', async () => {
      await store.appendToStream(goalStream, [event('GoalSubmitted')], {
        expectedRevision: 'no_stream',
      });
      const failure = new Error('projection broke');
      const subscription = store.subscribeToAll({ filter: ownStreams }, () => {
        throw failure;
      });
      await expect(subscription.finished).rejects.toBe(failure);
      await subscription.stop();
    });
  });

  describe('being told of appends', () => {
    it('tells each listener once an append through this instance is stored, until removed', async () => {
      // Given two listeners
      const told: string[] = [];
      const removeFirst = store.onAppended(() => told.push('first'));
      const removeSecond = store.onAppended(() => told.push('second'));

      // When an append is stored, then the first listener is removed and another is stored
      const first = event('GoalSubmitted');
      const stored = store.appendToStream(goalStream, [first], { expectedRevision: 'no_stream' });
      await stored;
      const toldByFirstAppend = [...told].sort();
      removeFirst();
      await store.appendToStream(goalStream, [event('CheckInLogged')], { expectedRevision: 0n });
      removeSecond();
      await store.appendToStream(goalStream, [event('CheckInLogged')], { expectedRevision: 1n });

      // Then both heard the first append by the time it resolved, the second one only it
      expect(toldByFirstAppend).toEqual(['first', 'second']);
      expect(told.slice(2)).toEqual(['second']);
      // And the event was readable when they heard of it
      expect((await store.readStream(goalStream)).map((e) => e.id)[0]).toBe(first.id);
    });

    it('does not tell of a refused append', async () => {
      // Given a listener and a stream with one event
      await store.appendToStream(goalStream, [event('GoalSubmitted')], {
        expectedRevision: 'no_stream',
      });
      let told = 0;
      const remove = store.onAppended(() => (told += 1));

      // When an append with a stale expected revision is refused
      await expect(
        store.appendToStream(goalStream, [event('CheckInLogged')], {
          expectedRevision: 'no_stream',
        }),
      ).rejects.toThrow();
      remove();

      // Then the listener heard nothing
      expect(told).toBe(0);
    });
  });
}
