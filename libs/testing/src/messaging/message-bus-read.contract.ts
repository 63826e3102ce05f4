import type { DeliveredMessage, MessageBus } from '@talentloop/messaging';
import { declareTestTopics, eventually, sequencedMessage, uniqueName } from './bus-test-kit';

export interface ReadContractFixture {
  bus(): MessageBus;
  /** Subscribes a new group to the topic (stopped after the test) and collects what it gets. */
  collect(topic: string): Promise<DeliveredMessage[]>;
}

/**
 * readTopic: an operator's look at a topic (its dead letters, say) that moves no group.
 * Registered inside describeMessageBusContract, which runs it against each adapter.
 */
export const describeReadContract = (fixture: ReadContractFixture): void => {
  const newTopic = async (partitions: number): Promise<string> => {
    const topic = uniqueName('read');
    await declareTestTopics(fixture.bus(), [{ topic, partitions }]);
    return topic;
  };

  it('reads a topic as a subscriber gets it, partition by partition in offset order', async () => {
    // given a topic of 3 partitions holding 12 messages of 4 keys
    const bus = fixture.bus();
    const topic = await newTopic(3);
    await bus.publish(
      topic,
      Array.from({ length: 12 }, (_, i) => sequencedMessage(`emp-${i % 4}`, i)),
    );

    // when it is read from the start
    const read = await bus.readTopic(topic, { limit: 100 });

    // then every message comes back, ordered, exactly as a group receives it
    const byPosition = (a: DeliveredMessage, b: DeliveredMessage) =>
      a.partition - b.partition || Number(a.offset) - Number(b.offset);
    expect(read).toHaveLength(12);
    expect([...read].sort(byPosition)).toEqual(read);
    const subscribed = await fixture.collect(topic);
    await eventually('a group to get the 12', () => subscribed.length === 12);
    expect(read).toEqual([...subscribed].sort(byPosition));
  });

  it('reads from the offsets asked, at most limit per partition, and moves no group', async () => {
    // given a topic of one partition holding messages 0 to 5
    const bus = fixture.bus();
    const topic = await newTopic(1);
    await bus.publish(
      topic,
      Array.from({ length: 6 }, (_, i) => sequencedMessage('emp-1', i)),
    );

    // when it is read from offset 2, two at a time, then past its end
    const window = await bus.readTopic(topic, { from: { 0: 2n }, limit: 2 });
    const pastTheEnd = await bus.readTopic(topic, { from: { 0: 6n }, limit: 2 });

    // then offsets 2 and 3 come back, nothing past the end, and a group still gets all six
    expect(window.map(({ offset }) => offset)).toEqual(['2', '3']);
    expect(window.map(({ value }) => value)).toEqual([
      sequencedMessage('emp-1', 2).value,
      sequencedMessage('emp-1', 3).value,
    ]);
    expect(pastTheEnd).toEqual([]);
    const subscribed = await fixture.collect(topic);
    await eventually('a group to get all six', () => subscribed.length === 6);
  });

  it('reads nothing from an empty topic, and fails retriably for an undeclared one', async () => {
    const bus = fixture.bus();
    const empty = await newTopic(2);

    await expect(bus.readTopic(empty, { limit: 10 })).resolves.toEqual([]);
    await expect(bus.readTopic(uniqueName('undeclared'), { limit: 10 })).rejects.toMatchObject({
      retriable: true,
    });
  });
};
