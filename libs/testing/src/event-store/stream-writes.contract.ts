import {
  DuplicateEventIdError,
  InvalidEventError,
  WrongExpectedRevisionError,
  type EventStore,
  type EventToAppend,
} from '@talentloop/event-store';
import {
  definitionOf,
  firstRequiredField,
  isStrictlyIncreasing,
  type EventStoreContractContext,
} from './contract-context';

/** Appending to a stream and reading it back: revisions, idempotency, validation. */
export function describeStreamWrites(the: () => EventStoreContractContext): void {
  let store: EventStore;
  let tenant: string;
  let goalStream: string;
  let otherGoalStream: string;
  let ownStreams: { streamPrefixes: string[] };
  beforeEach(() => {
    ({ store, tenant, goalStream, otherGoalStream, ownStreams } = the());
  });
  const event = (type: string, version?: number): EventToAppend => the().event(type, version);

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
        store.appendToStream(goalStream, [{ ...event('GoalSubmitted'), type: 'GoalTeleported' }], {
          expectedRevision: 'any',
        }),
      ).rejects.toMatchObject({ violations: [expect.objectContaining({ field: 'type' })] });
      expect(await store.readStream(goalStream)).toEqual([]);
    });
  });
}
