import { randomUUID } from 'node:crypto';
import type { EventStore } from '@talentloop/event-store';
import { describeConcurrentAppends } from './concurrent-appends.contract';
import { definitionOf, eventOf, type EventStoreContractContext } from './contract-context';
import { describeReadingAll } from './reading-all.contract';
import { describeStreamWrites } from './stream-writes.contract';
import { describeSubscriptions } from './subscriptions.contract';

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
    let context: EventStoreContractContext;

    beforeEach(async () => {
      underTest = await factory();
      const tenant = `t${randomUUID().slice(0, 8)}`;
      context = {
        store: underTest.store,
        tenant,
        goalStream: `planning.goal-${tenant}.goal-1`,
        otherGoalStream: `planning.goal-${tenant}.goal-2`,
        measurementStream: `assessment.measurement-${tenant}.msr-1`,
        ownStreams: {
          streamPrefixes: [`planning.goal-${tenant}.`, `assessment.measurement-${tenant}.`],
        },
        event: (type, version) => eventOf(definitionOf(type, version), tenant),
      };
    });

    afterEach(async () => {
      await underTest.cleanup();
    });

    const the = () => context;
    describeStreamWrites(the);
    describeReadingAll(the);
    describeSubscriptions(the);
    describeConcurrentAppends(the);
  });
}
