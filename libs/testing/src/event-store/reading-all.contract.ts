import { eventRegistry } from '@talentloop/contracts';
import {
  streamAll,
  type EventStore,
  type EventToAppend,
  type RecordedEvent,
} from '@talentloop/event-store';
import {
  definitionOf,
  eventOf,
  isStrictlyIncreasing,
  waitFor,
  type EventStoreContractContext,
} from './contract-context';

/** Reading the global log: order, paging, filters, tenants, and upcasting on read. */
export function describeReadingAll(the: () => EventStoreContractContext): void {
  let store: EventStore;
  let tenant: string;
  let goalStream: string;
  let otherGoalStream: string;
  let measurementStream: string;
  let ownStreams: { streamPrefixes: string[] };
  beforeEach(() => {
    ({ store, tenant, goalStream, otherGoalStream, measurementStream, ownStreams } = the());
  });
  const event = (type: string, version?: number): EventToAppend => the().event(type, version);

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

    describe('reading all as JSON text', () => {
      /** What readAllJson must answer for a page readAll returns: the same, written out. */
      const asText = (events: readonly RecordedEvent[]) =>
        events.map((e) => ({
          id: e.id,
          type: e.type,
          schemaVersion: e.metadata.schemaVersion,
          dataJson: JSON.stringify(e.data),
          metadataJson: JSON.stringify(e.metadata),
          streamName: e.streamName,
          streamRevision: e.streamRevision,
          globalPosition: e.globalPosition,
          recordedAt: e.recordedAt,
        }));

      it("answers readAll's page, text for text, upcast events included", async () => {
        // Given a mixed history with an event stored at an older schema version, and another
        // tenant's events
        await store.appendToStream(measurementStream, [event('MeasurementRecorded', 1)], {
          expectedRevision: 'any',
        });
        await appendMixedHistory();
        const other = `${tenant}-x`;
        await store.appendToStream(
          `planning.goal-${other}.goal-1`,
          [eventOf(definitionOf('GoalSubmitted'), other)],
          { expectedRevision: 'any' },
        );
        const all = await store.readAll({ filter: ownStreams });
        const pages = [
          { filter: ownStreams },
          { filter: { tenantId: tenant } },
          { filter: { tenantId: tenant, eventTypes: ['CheckInLogged'] } },
          { filter: ownStreams, after: all[1]?.globalPosition, maxCount: 2 },
        ];
        for (const options of pages) {
          // When the same page is read both ways
          const parsed = await store.readAll(options);
          const text = await store.readAllJson(options);
          // Then the text is the parsed page written out, the upcast event at its new version
          expect(parsed.length).toBeGreaterThan(0);
          expect(text.map((e) => ({ ...e }))).toEqual(asText(parsed));
        }
        expect(all[0]?.metadata.schemaVersion).toBe(definitionOf('MeasurementRecorded').version);
      });
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
}
