import { randomUUID } from 'node:crypto';
import { eventRegistry, type EventDefinition } from '@talentloop/contracts';
import {
  DuplicateEventIdError,
  InvalidEventError,
  WrongExpectedRevisionError,
  streamAll,
  type EventStore,
  type EventToAppend,
  type RecordedEvent,
} from '@talentloop/event-store';
import { exampleEvent } from '../fixtures/example-event';

export interface EventStoreUnderTest {
  readonly store: EventStore;
  cleanup(): Promise<void>;
}

/**
 * The promises of the EventStore port, run against one adapter. Every test works in streams
 * of its own tenant, so the suite also runs against a shared server that keeps history.
 */
export function describeEventStoreContract(
  name: string,
  factory: () => Promise<EventStoreUnderTest>,
): void {
  describe(`${name} event store contract`, () => {
    let underTest: EventStoreUnderTest;
    let store: EventStore;
    let tenant: string;
    let goalStream: string;
    let otherGoalStream: string;
    let measurementStream: string;
    let ownStreams: { streamPrefixes: string[] };

    beforeEach(async () => {
      underTest = await factory();
      store = underTest.store;
      tenant = `t${randomUUID().slice(0, 8)}`;
      goalStream = `planning.goal-${tenant}.goal-1`;
      otherGoalStream = `planning.goal-${tenant}.goal-2`;
      measurementStream = `assessment.measurement-${tenant}.msr-1`;
      ownStreams = {
        streamPrefixes: [`planning.goal-${tenant}.`, `assessment.measurement-${tenant}.`],
      };
    });

    afterEach(async () => {
      await underTest.cleanup();
    });

    const event = (type: string, version?: number): EventToAppend =>
      eventOf(definitionOf(type, version), tenant);

    describe('appending and reading a stream', () => {
      it('reads back the events in order with revisions from 0', async () => {
        const events = [event('GoalSubmitted'), event('CheckInLogged'), event('CheckInLogged')];
        const result = await store.appendToStream(goalStream, events, {
          expectedRevision: 'no_stream',
        });

        const read = await store.readStream(goalStream);
        expect(read.map((e) => e.id)).toEqual(events.map((e) => e.id));
        expect(read.map((e) => e.streamRevision)).toEqual([0n, 1n, 2n]);
        expect(read[1]).toMatchObject({
          type: 'CheckInLogged',
          streamName: goalStream,
          data: events[1]?.data,
          metadata: events[1]?.metadata,
        });
        expect(new Date(read[0]?.recordedAt ?? '').toISOString()).toBe(read[0]?.recordedAt);
        expect(result).toEqual({
          nextExpectedRevision: 2n,
          lastGlobalPosition: read[2]?.globalPosition,
        });
        expect(isStrictlyIncreasing(read.map((e) => e.globalPosition))).toBe(true);
      });

      it('reads an absent stream as empty', async () => {
        await expect(store.readStream(`planning.goal-${tenant}.nothing`)).resolves.toEqual([]);
      });

      it('reads from a revision and at most maxCount events', async () => {
        const events = [1, 2, 3, 4].map(() => event('CheckInLogged'));
        await store.appendToStream(goalStream, events, { expectedRevision: 'no_stream' });

        const read = await store.readStream(goalStream, { fromRevision: 1n, maxCount: 2 });
        expect(read.map((e) => e.id)).toEqual([events[1]?.id, events[2]?.id]);
      });
    });

    describe('expected revision', () => {
      it('no_stream accepts a new stream and refuses an existing one', async () => {
        await store.appendToStream(goalStream, [event('GoalSubmitted')], {
          expectedRevision: 'no_stream',
        });
        const refused = store.appendToStream(goalStream, [event('CheckInLogged')], {
          expectedRevision: 'no_stream',
        });
        await expect(refused).rejects.toThrow(WrongExpectedRevisionError);
        await expect(refused).rejects.toMatchObject({
          streamName: goalStream,
          expected: 'no_stream',
          actual: 0n,
        });
        expect(await store.readStream(goalStream)).toHaveLength(1);
      });

      it('stream_exists refuses an absent stream and accepts an existing one', async () => {
        const refused = store.appendToStream(goalStream, [event('GoalSubmitted')], {
          expectedRevision: 'stream_exists',
        });
        await expect(refused).rejects.toThrow(WrongExpectedRevisionError);
        await expect(refused).rejects.toMatchObject({
          expected: 'stream_exists',
          actual: undefined,
        });
        expect(await store.readStream(goalStream)).toEqual([]);

        await store.appendToStream(goalStream, [event('GoalSubmitted')], {
          expectedRevision: 'no_stream',
        });
        await expect(
          store.appendToStream(goalStream, [event('CheckInLogged')], {
            expectedRevision: 'stream_exists',
          }),
        ).resolves.toMatchObject({ nextExpectedRevision: 1n });
      });

      it('any accepts an absent and an existing stream', async () => {
        await expect(
          store.appendToStream(goalStream, [event('GoalSubmitted')], { expectedRevision: 'any' }),
        ).resolves.toMatchObject({ nextExpectedRevision: 0n });
        await expect(
          store.appendToStream(goalStream, [event('CheckInLogged')], { expectedRevision: 'any' }),
        ).resolves.toMatchObject({ nextExpectedRevision: 1n });
      });

      it('an exact revision must be the last revision, and the error tells the actual one', async () => {
        await store.appendToStream(goalStream, [event('GoalSubmitted'), event('CheckInLogged')], {
          expectedRevision: 'no_stream',
        });
        await expect(
          store.appendToStream(goalStream, [event('CheckInLogged')], { expectedRevision: 1n }),
        ).resolves.toMatchObject({ nextExpectedRevision: 2n });

        const stale = store.appendToStream(goalStream, [event('CheckInLogged')], {
          expectedRevision: 1n,
        });
        await expect(stale).rejects.toThrow(WrongExpectedRevisionError);
        await expect(stale).rejects.toMatchObject({ expected: 1n, actual: 2n });
        const ahead = store.appendToStream(otherGoalStream, [event('CheckInLogged')], {
          expectedRevision: 0n,
        });
        await expect(ahead).rejects.toMatchObject({ expected: 0n, actual: undefined });
        expect(await store.readStream(goalStream)).toHaveLength(3);
        expect(await store.readStream(otherGoalStream)).toEqual([]);
      });
    });

    describe('idempotency', () => {
      it('appending the same ids with the same expected revision returns the original result', async () => {
        const first = [event('GoalSubmitted'), event('CheckInLogged')];
        const original = await store.appendToStream(goalStream, first, {
          expectedRevision: 'no_stream',
        });
        await expect(
          store.appendToStream(goalStream, first, { expectedRevision: 'no_stream' }),
        ).resolves.toEqual(original);

        const second = [event('CheckInLogged')];
        const secondOriginal = await store.appendToStream(goalStream, second, {
          expectedRevision: 1n,
        });
        await store.appendToStream(goalStream, [event('CheckInLogged')], { expectedRevision: 2n });
        await expect(
          store.appendToStream(goalStream, second, { expectedRevision: 1n }),
        ).resolves.toEqual(secondOriginal);

        const read = await store.readStream(goalStream);
        expect(read).toHaveLength(4);
        expect(new Set(read.map((e) => e.id)).size).toBe(4);
      });

      it('a retry with expected revision any is a no-op too', async () => {
        const events = [event('GoalSubmitted')];
        const original = await store.appendToStream(goalStream, events, {
          expectedRevision: 'any',
        });
        await expect(
          store.appendToStream(goalStream, events, { expectedRevision: 'any' }),
        ).resolves.toEqual(original);
        expect(await store.readStream(goalStream)).toHaveLength(1);
      });

      it('reusing some ids of an earlier append at its place is refused as DuplicateEventIdError', async () => {
        const [a, b] = [event('GoalSubmitted'), event('CheckInLogged')] as const;
        await store.appendToStream(goalStream, [a, b], { expectedRevision: 'no_stream' });

        const reuse = store.appendToStream(goalStream, [a, event('CheckInLogged')], {
          expectedRevision: 'no_stream',
        });
        await expect(reuse).rejects.toThrow(DuplicateEventIdError);
        await expect(reuse).rejects.toMatchObject({ eventId: a.id, streamName: goalStream });
        expect((await store.readStream(goalStream)).map((e) => e.id)).toEqual([a.id, b.id]);
      });

      it('the same id twice in one batch is refused and nothing is written', async () => {
        const twice = event('GoalSubmitted');
        await expect(
          store.appendToStream(goalStream, [twice, twice], { expectedRevision: 'no_stream' }),
        ).rejects.toThrow(DuplicateEventIdError);
        expect(await store.readStream(goalStream)).toEqual([]);
      });
    });

    describe('validation at append', () => {
      it('refuses a batch with an invalid event, naming the field, and writes none of it', async () => {
        const valid = event('GoalSubmitted');
        const definition = definitionOf('MeasurementRecorded');
        const field = firstRequiredField(definition);
        const invalid = event('MeasurementRecorded');
        const data = { ...(invalid.data as Record<string, unknown>) };
        delete data[field];

        const refused = store.appendToStream(goalStream, [valid, { ...invalid, data }], {
          expectedRevision: 'no_stream',
        });
        await expect(refused).rejects.toThrow(InvalidEventError);
        await expect(refused).rejects.toMatchObject({
          eventId: invalid.id,
          eventType: 'MeasurementRecorded',
          violations: expect.arrayContaining([
            expect.objectContaining({ field: `data.${field}` }),
          ]) as unknown,
        });
        expect(await store.readStream(goalStream)).toEqual([]);
        expect(await store.readAll({ filter: ownStreams })).toEqual([]);
      });

      it('refuses an append without events', async () => {
        await expect(
          store.appendToStream(goalStream, [], { expectedRevision: 'no_stream' }),
        ).rejects.toThrow(RangeError);
        expect(await store.readStream(goalStream)).toEqual([]);
      });

      it('names metadata fields and unknown event types', async () => {
        const badMetadata = event('GoalSubmitted');
        await expect(
          store.appendToStream(
            goalStream,
            [{ ...badMetadata, metadata: { ...badMetadata.metadata, tenantId: 'Not A Tenant' } }],
            { expectedRevision: 'any' },
          ),
        ).rejects.toMatchObject({
          violations: [expect.objectContaining({ field: 'metadata.tenantId' })],
        });

        await expect(
          store.appendToStream(
            goalStream,
            [{ ...event('GoalSubmitted'), type: 'GoalTeleported' }],
            {
              expectedRevision: 'any',
            },
          ),
        ).rejects.toMatchObject({ violations: [expect.objectContaining({ field: 'type' })] });
        expect(await store.readStream(goalStream)).toEqual([]);
      });
    });

    describe('reading all', () => {
      const appendMixedHistory = async (): Promise<EventToAppend[]> => {
        const appended: EventToAppend[] = [];
        const append = async (stream: string, events: EventToAppend[]) => {
          await store.appendToStream(stream, events, { expectedRevision: 'any' });
          appended.push(...events);
        };
        await append(goalStream, [event('GoalSubmitted')]);
        await append(measurementStream, [event('MeasurementRecorded')]);
        await append(otherGoalStream, [event('GoalSubmitted'), event('CheckInLogged')]);
        await append(goalStream, [event('CheckInLogged')]);
        await append(measurementStream, [event('MeasurementRecorded')]);
        return appended;
      };

      it('returns events in global order, strictly after `after`', async () => {
        const appended = await appendMixedHistory();

        const all = await store.readAll({ filter: ownStreams });
        expect(all.map((e) => e.id)).toEqual(appended.map((e) => e.id));
        expect(isStrictlyIncreasing(all.map((e) => e.globalPosition))).toBe(true);

        const afterSecond = await store.readAll({
          after: all[1]?.globalPosition,
          filter: ownStreams,
        });
        expect(afterSecond.map((e) => e.id)).toEqual(appended.slice(2).map((e) => e.id));

        const unfiltered = await store.readAll({ after: all[0]?.globalPosition, maxCount: 2 });
        expect(unfiltered.map((e) => e.id)).toEqual(appended.slice(1, 3).map((e) => e.id));
      });

      it('lastGlobalPosition names the last event stored, whatever its type', async () => {
        const appended = await appendMixedHistory();

        const all = await store.readAll({ filter: ownStreams });
        expect(all).toHaveLength(appended.length);
        // Other suites may share the server: the last position is at least our last event's.
        const last = await store.lastGlobalPosition();
        expect(last).toBeGreaterThanOrEqual(all[all.length - 1].globalPosition);
        // Nothing stored after it.
        expect(await store.readAll({ after: last, filter: ownStreams })).toEqual([]);
      });

      it('pages with maxCount without gaps or repeats', async () => {
        const appended = await appendMixedHistory();

        const firstPage = await store.readAll({ maxCount: 2, filter: ownStreams });
        expect(firstPage).toHaveLength(2);
        const paged: RecordedEvent[] = [];
        for await (const recorded of streamAll(store, { pageSize: 2, filter: ownStreams })) {
          paged.push(recorded);
        }
        expect(paged.map((e) => e.id)).toEqual(appended.map((e) => e.id));
      });

      it('filters by event type and by stream prefix', async () => {
        const appended = await appendMixedHistory();

        const submitted = await store.readAll({
          filter: { ...ownStreams, eventTypes: ['GoalSubmitted'] },
        });
        expect(submitted.map((e) => e.id)).toEqual(
          appended.filter((e) => e.type === 'GoalSubmitted').map((e) => e.id),
        );

        const measurements = await store.readAll({
          filter: { streamPrefixes: [`assessment.measurement-${tenant}.`] },
        });
        expect(measurements.map((e) => e.id)).toEqual(
          appended.filter((e) => e.type === 'MeasurementRecorded').map((e) => e.id),
        );

        const oneGoal = await store.readAll({ filter: { streamPrefixes: [otherGoalStream] } });
        expect(oneGoal.map((e) => e.streamName)).toEqual([otherGoalStream, otherGoalStream]);
      });

      describe('by tenant', () => {
        // Tenants whose names contain this test's tenant, to catch a prefix or suffix match.
        let others: string[];
        const appendTwoTenants = async () => {
          others = [`big-${tenant}`, `${tenant}-x`];
          const mine: EventToAppend[] = [];
          const theirs: EventToAppend[] = [];
          const append = async (tenantId: string, stream: string, type: string) => {
            const appended = eventOf(definitionOf(type), tenantId);
            await store.appendToStream(stream, [appended], { expectedRevision: 'any' });
            (tenantId === tenant ? mine : theirs).push(appended);
          };
          for (let i = 0; i < 2; i++) {
            await append(tenant, goalStream, i === 0 ? 'GoalSubmitted' : 'CheckInLogged');
            for (const other of others) {
              await append(other, `planning.goal-${other}.goal-1`, 'GoalSubmitted');
            }
            await append(tenant, measurementStream, 'MeasurementRecorded');
            await append(
              others[0],
              `assessment.measurement-${others[0]}.msr-1`,
              'MeasurementRecorded',
            );
          }
          return { mine, theirs };
        };

        it("readAll with tenantId returns exactly that tenant's events in global order", async () => {
          const { mine } = await appendTwoTenants();

          const read = await store.readAll({ filter: { tenantId: tenant } });
          expect(read.map((e) => e.id)).toEqual(mine.map((e) => e.id));
          expect(isStrictlyIncreasing(read.map((e) => e.globalPosition))).toBe(true);
          expect(read.every((e) => e.metadata.tenantId === tenant)).toBe(true);

          const paged: RecordedEvent[] = [];
          for await (const recorded of streamAll(store, {
            pageSize: 1,
            filter: { tenantId: tenant },
          })) {
            paged.push(recorded);
          }
          expect(paged.map((e) => e.id)).toEqual(mine.map((e) => e.id));
        });

        it('does not confuse a tenant with one whose name contains it', async () => {
          const { theirs } = await appendTwoTenants();

          for (const other of others) {
            const read = await store.readAll({ filter: { tenantId: other } });
            expect(read.map((e) => e.id)).toEqual(
              theirs.filter((e) => e.metadata.tenantId === other).map((e) => e.id),
            );
          }
        });

        it('combines with event types and stream prefixes', async () => {
          const { mine } = await appendTwoTenants();

          const submitted = await store.readAll({
            filter: { tenantId: tenant, eventTypes: ['GoalSubmitted', 'MeasurementRecorded'] },
          });
          expect(submitted.map((e) => e.id)).toEqual(
            mine.filter((e) => e.type !== 'CheckInLogged').map((e) => e.id),
          );

          const goals = await store.readAll({
            filter: { tenantId: tenant, streamPrefixes: ['planning.'] },
          });
          expect(goals.map((e) => e.id)).toEqual(
            mine.filter((e) => e.type !== 'MeasurementRecorded').map((e) => e.id),
          );
        });

        it('subscriptions honour it', async () => {
          const { mine } = await appendTwoTenants();

          const received: RecordedEvent[] = [];
          const subscription = store.subscribeToAll({ filter: { tenantId: tenant } }, (e) => {
            received.push(e);
          });
          const live = event('CheckInLogged');
          await store.appendToStream(
            `planning.goal-${others[0]}.goal-1`,
            [eventOf(definitionOf('CheckInLogged'), others[0])],
            { expectedRevision: 'any' },
          );
          await store.appendToStream(goalStream, [live], { expectedRevision: 'any' });
          await waitFor(() => received.length >= mine.length + 1);
          await subscription.stop();
          expect(received.map((e) => e.id)).toEqual([...mine, live].map((e) => e.id));
        });
      });
    });

    describe('upcasting on read', () => {
      it('v1 stored, v2 read', async () => {
        const v1 = event('MeasurementRecorded', 1);
        expect(v1.metadata.schemaVersion).toBe(1);
        await store.appendToStream(measurementStream, [v1], { expectedRevision: 'no_stream' });

        const current = definitionOf('MeasurementRecorded');
        const expected = eventRegistry.upcast('MeasurementRecorded', 1, v1.data);
        expect(expected.version).toBe(current.version);
        for (const read of [
          await store.readStream(measurementStream),
          await store.readAll({ filter: ownStreams }),
        ]) {
          expect(read).toHaveLength(1);
          expect(read[0]?.metadata.schemaVersion).toBe(current.version);
          expect(read[0]?.data).toEqual(expected.data);
          expect(read[0]?.data).toHaveProperty('robustness');
          expect(
            eventRegistry.validate('MeasurementRecorded', read[0]?.data, read[0]?.metadata),
          ).toEqual([]);
        }
      });
    });

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
  });
}

const definitionOf = (type: string, version?: number): EventDefinition => {
  const definition =
    version === undefined ? eventRegistry.current(type) : eventRegistry.definition(type, version);
  if (!definition) throw new Error(`the contracts catalog has no ${type}@${version ?? 'current'}`);
  return definition;
};

const eventOf = (definition: EventDefinition, tenantId: string): EventToAppend =>
  exampleEvent(definition, tenantId, { correlationId: 'flow-1' });

const firstRequiredField = (definition: EventDefinition): string => {
  const field = definition.schema.required?.[0];
  if (field === undefined) throw new Error(`${definition.name} has no required field`);
  return field;
};

const isStrictlyIncreasing = (values: readonly bigint[]): boolean =>
  values.every((value, i) => i === 0 || value > values[i - 1]);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const waitFor = async (condition: () => boolean, timeoutMs = 5000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(10);
  }
};
