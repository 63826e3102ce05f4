import { deadLetterTopicFor } from '@talentloop/contracts';
import type { BusConsumer, DeliveredMessage, MessageBus } from '@talentloop/messaging';
import {
  declareTestTopics,
  eventually,
  PermanentFailure,
  quickRetry,
  sequencedMessage,
  sequenceOf,
  uniqueName,
} from './bus-test-kit';

export interface LifecycleContractFixture {
  bus(): MessageBus;
  /** Stopped after the test. */
  keep(consumer: BusConsumer): BusConsumer;
}

/**
 * The parts of the port around delivery: declaring the topology, undeclared topics, group
 * instances, where partitions end, and how a consumer says it has finished. Registered inside
 * describeMessageBusContract, which runs them against each adapter.
 */
export const describeLifecycleContract = (fixture: LifecycleContractFixture): void => {
  const collect = async (
    topic: string,
    groupId = uniqueName('group'),
  ): Promise<DeliveredMessage[]> => {
    const received: DeliveredMessage[] = [];
    await declareTestTopics(fixture.bus(), [], [{ groupId, topics: [topic] }]);
    fixture.keep(
      await fixture.bus().subscribe({
        groupId,
        topics: [topic],
        handler: (message) => Promise.resolve(void received.push(message)),
      }),
    );
    return received;
  };

  it('declares a topology once: again it changes nothing; partitions are added, never removed', async () => {
    // given a topology of one topic of 2 partitions and one group reading it
    const bus = fixture.bus();
    const topic = uniqueName('declared');
    const group = { groupId: uniqueName('group'), topics: [topic] };
    const declare = (partitions: number) =>
      declareTestTopics(bus, [{ topic, partitions }], [group]);

    // when it is declared, declared again, then with more and with fewer partitions
    const first = await declare(2);
    const again = await declare(2);
    const grown = await declare(4);
    const shrunk = await declare(1);

    // then the topic and its dead-letter topic are created once, and only ever grow
    const deadLetters = deadLetterTopicFor(topic, group.groupId);
    expect(first.topics).toEqual([
      { topic, action: 'created', partitions: 2 },
      { topic: deadLetters, action: 'created', partitions: 1 },
    ]);
    expect(again.topics.map(({ action }) => action)).toEqual(['unchanged', 'unchanged']);
    expect(grown.topics[0]).toEqual({
      topic,
      action: 'altered',
      configs: [],
      partitions: { from: 2, to: 4 },
    });
    expect(shrunk.topics[0]).toEqual({ topic, action: 'unchanged' });
    expect((await bus.partitionEnds([topic])).map(({ partition }) => partition)).toEqual([
      0, 1, 2, 3,
    ]);
  });

  it('fails a subscription to, or a read of, a topic nobody declared, retriably', async () => {
    // given a topic that is not declared (yet)
    const topic = uniqueName('undeclared');
    const bus = fixture.bus();

    // when a consumer subscribes to it, or someone asks where it ends
    const subscribing = bus
      .subscribe({
        groupId: uniqueName('group'),
        topics: [topic],
        handler: () => Promise.resolve(),
      })
      .catch((error: unknown) => error);
    const reading = bus.partitionEnds([topic]).catch((error: unknown) => error);

    // then both fail, saying that trying again may succeed: the process does not crash
    const retriableFailure = { code: 'BROKER_REQUEST_FAILED', retriable: true };
    expect(await subscribing).toMatchObject(retriableFailure);
    expect(await reading).toMatchObject(retriableFailure);
  });

  it('settles finished when the consumer is stopped', async () => {
    // given a running consumer
    const topic = uniqueName('finishing');
    await declareTestTopics(fixture.bus(), [{ topic, partitions: 1 }]);
    const consumer = await fixture.bus().subscribe({
      groupId: uniqueName('group'),
      topics: [topic],
      handler: () => Promise.resolve(),
    });

    // when it is stopped
    await consumer.stop();

    // then finished resolves: it did not stop by itself
    await expect(consumer.finished).resolves.toBeUndefined();
  });

  it('keeps offsets per group instance: a new instance reads from the beginning, dead letters go to the group id', async () => {
    // given three messages, the first of which the handler refuses for good
    const bus = fixture.bus();
    const topic = uniqueName('instances');
    const groupId = uniqueName('read-side');
    await declareTestTopics(bus, [{ topic, partitions: 1 }], [{ groupId, topics: [topic] }]);
    await bus.publish(
      topic,
      [0, 1, 2].map((sequence) => sequencedMessage('emp-1', sequence)),
    );
    const startInstance = async (groupInstance: string, received: number[]) =>
      fixture.keep(
        await bus.subscribe({
          groupId,
          groupInstance,
          topics: [topic],
          retry: quickRetry,
          handler: (message) => {
            if (sequenceOf(message) === 0) return Promise.reject(new PermanentFailure('malformed'));
            received.push(sequenceOf(message));
            return Promise.resolve();
          },
        }),
      );

    // when instance a reads them and stops, a fourth message is published, a starts again
    // and a new instance b starts
    const firstRun: number[] = [];
    const a = await startInstance('a', firstRun);
    await eventually('instance a to read them', () => firstRun.length === 2);
    await a.stop();
    await bus.publish(topic, [sequencedMessage('emp-1', 3)]);
    const secondRun: number[] = [];
    const b: number[] = [];
    await startInstance('a', secondRun);
    await startInstance('b', b);

    // then a resumes after what it committed, b reads everything
    await eventually(
      'both instances to read the fourth',
      () => [...secondRun, ...b].filter((sequence) => sequence === 3).length === 2,
    );
    expect({ firstRun, secondRun, b }).toEqual({ firstRun: [1, 2], secondRun: [3], b: [1, 2, 3] });
    // and both dead-lettered to the topic of the group id, not one of their own
    const deadLetters = await collect(deadLetterTopicFor(topic, groupId));
    await eventually('both dead letters', () => deadLetters.length === 2);
  });

  it('tells where each partition ends: the offset the next message will get', async () => {
    // given a topic of 3 partitions, empty
    const bus = fixture.bus();
    const topic = uniqueName('ends');
    await declareTestTopics(bus, [{ topic, partitions: 3 }]);
    expect(await bus.partitionEnds([topic])).toEqual(
      [0, 1, 2].map((partition) => ({ topic, partition, end: 0n })),
    );

    // when 20 messages of 5 keys are published
    await bus.publish(
      topic,
      Array.from({ length: 20 }, (_, i) => sequencedMessage(`emp-${i % 5}`, i)),
    );

    // then each partition ends right after its last message
    const received = await collect(topic);
    await eventually('all 20', () => received.length === 20);
    const expected = [0, 1, 2].map((partition) => {
      const offsets = received
        .filter((message) => message.partition === partition)
        .map((message) => BigInt(message.offset));
      return { topic, partition, end: offsets.reduce((a, b) => (a > b ? a : b), -1n) + 1n };
    });
    expect(await bus.partitionEnds([topic])).toEqual(expected);
  });

  it("tells where a group stands: its committed offsets reach the partitions' ends once it has read all", async () => {
    // given a topic of 2 partitions with 10 messages, and a group that has committed nothing
    const bus = fixture.bus();
    const topic = uniqueName('committed');
    const groupId = uniqueName('group');
    await declareTestTopics(bus, [{ topic, partitions: 2 }]);
    await bus.publish(
      topic,
      Array.from({ length: 10 }, (_, i) => sequencedMessage(`emp-${i % 4}`, i)),
    );
    expect(await bus.committedOffsets(groupId, [topic])).toEqual([]);

    // when the group reads them all
    const received = await collect(topic, groupId);
    await eventually('all 10', () => received.length === 10);

    // then what it committed reaches every non-empty partition's end
    const ends = (await bus.partitionEnds([topic])).filter(({ end }) => end > 0n);
    await eventually('the commits', async () => {
      const committed = await bus.committedOffsets(groupId, [topic]);
      return (
        JSON.stringify(committed.map(({ next }) => String(next))) ===
        JSON.stringify(ends.map(({ end }) => String(end)))
      );
    });
  });
};
