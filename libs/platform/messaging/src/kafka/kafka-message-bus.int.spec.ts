import {
  describeMessageBusContract,
  ephemeralViewOfNewTopic,
  eventually,
  PerKeyOrder,
  sequencedMessage,
  sequenceOf,
  uniqueName,
} from '@talentloop/testing';
import { deadLetterTopicFor } from '@talentloop/contracts';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import type { BusConsumer } from '../message-bus.port';
import { spawnBusProcess } from '../testing/child-process';
import { kafkaBrokers, kafkaSkipReason, testTuning } from '../testing/kafka-test-settings';
import { KafkaMessageBus, type KafkaBusConsumer } from './kafka-message-bus';

describe('a Kafka message bus whose broker is out of reach', () => {
  it('fails a publish and a topic declaration retriably, for the caller to retry', async () => {
    // given a bus whose broker refuses connections
    const unreachable = new KafkaMessageBus({ brokers: ['127.0.0.1:1'] });
    try {
      // when kafkajs has spent its own retries on each call
      const [declaring, publishing] = await Promise.all([
        unreachable.ensureTopics([{ topic: 'anything', partitions: 1 }]).catch((e: unknown) => e),
        unreachable
          .publish('anything', [{ key: 'k', headers: {}, value: 'v' }])
          .catch((e: unknown) => e),
      ]);
      // then each failure says it may succeed later (kafkajs marks its last one non-retriable)
      expect(declaring).toMatchObject({ code: 'BROKER_REQUEST_FAILED', retriable: true });
      expect(publishing).toMatchObject({ code: 'PUBLISH_FAILED', retriable: true });
      expect(String(publishing)).toContain('ECONNREFUSED');
    } finally {
      await unreachable.close();
    }
  }, 60_000);
});

if (kafkaSkipReason !== undefined) {
  console.warn(`Kafka suite SKIPPED: ${kafkaSkipReason}`);
  describe('Kafka message bus', () => {
    it(`is skipped: ${kafkaSkipReason}`, () => {
      expect(kafkaSkipReason).toBeDefined();
    });
  });
} else {
  describeMessageBusContract('Kafka', () => {
    const bus = new KafkaMessageBus({ brokers: kafkaBrokers, consumer: testTuning });
    return Promise.resolve({ bus, cleanup: () => bus.close() });
  });

  describe('Kafka message bus', () => {
    let bus: KafkaMessageBus;
    beforeEach(() => {
      bus = new KafkaMessageBus({ brokers: kafkaBrokers, consumer: testTuning });
    });
    afterEach(() => bus.close());

    /** An admin client of the test's own, beside the bus under test; disconnect it after. */
    const connectedAdmin = async () => {
      const admin = new Kafka({ brokers: [...kafkaBrokers], logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      return admin;
    };

    const keys = Array.from({ length: 8 }, (_, i) => `emp-${i}`);
    const messagesOf = (count: number) =>
      Array.from({ length: count }, (_, i) =>
        sequencedMessage(keys[i % keys.length], Math.floor(i / keys.length)),
      );

    it('subscribes to a topic another process has only just created, before its leaders exist', async () => {
      // given a topic another process created a moment ago, without waiting for its leaders
      const topic = uniqueName('fresh');
      const admin = await connectedAdmin();
      try {
        await admin.createTopics({
          waitForLeaders: false,
          topics: [{ topic, numPartitions: 6 }],
        });
        // when this bus ensures it and subscribes at once
        await bus.ensureTopics([{ topic, partitions: 6 }]);
        const consumer = await bus.subscribe({
          groupId: uniqueName('fresh-group'),
          topics: [topic],
          handler: () => Promise.resolve(),
        });
        // then it is not told that the broker does not host the topic's partitions
        expect(consumer.assignment).toBeDefined();
      } finally {
        await admin.disconnect();
      }
    }, 60_000);

    it('starts a consumer again that stopped on a non-retriable error, and loses nothing', async () => {
      // given a dead-letter topic whose broker refuses messages over 1 kB, and a message of
      // 2 kB that its handler refuses for good
      const topic = uniqueName('refused');
      const groupId = uniqueName('refused-group');
      const deadLetters = deadLetterTopicFor(topic, groupId);
      const admin = await connectedAdmin();
      const restarting = new KafkaMessageBus({
        brokers: kafkaBrokers,
        consumer: { ...testTuning, restartMs: 300 },
      });
      const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        await admin.createTopics({
          waitForLeaders: true,
          topics: [
            { topic, numPartitions: 1 },
            {
              topic: deadLetters,
              numPartitions: 1,
              configEntries: [{ name: 'max.message.bytes', value: '1024' }],
            },
          ],
        });
        await restarting.publish(topic, [{ key: 'emp-1', headers: {}, value: 'x'.repeat(2_048) }]);
        // when the consumer crashes on the refused dead letter
        const consumer = await restarting.subscribe({
          groupId,
          topics: [topic],
          handler: () => Promise.reject(Object.assign(new Error('poison'), { retriable: false })),
        });
        const restartLines = () =>
          logged.mock.calls.filter(([line]) =>
            String(line).includes(`kafka consumer ${groupId} stopped on a non-retriable error`),
          ).length;
        await eventually('the consumer to crash', () => restartLines() > 0, 30_000);
        // and the broker then takes bigger messages
        await admin.alterConfigs({
          validateOnly: false,
          resources: [
            {
              type: ConfigResourceTypes.TOPIC,
              name: deadLetters,
              configEntries: [{ name: 'max.message.bytes', value: '1048576' }],
            },
          ],
        });
        // then the consumer, started again, dead-letters the message: nothing is lost
        const dead: string[] = [];
        const reader = await bus.subscribe({
          groupId: uniqueName('dead-letter-reader'),
          topics: [deadLetters],
          handler: (message) => {
            dead.push(message.value);
            return Promise.resolve();
          },
        });
        await eventually('the dead letter to arrive', () => dead.length > 0, 30_000);
        await reader.stop();
        await consumer.stop();
        expect(dead).toEqual(['x'.repeat(2_048)]);
      } finally {
        logged.mockRestore();
        await restarting.close();
        await admin.disconnect();
      }
    }, 90_000);

    it('commits nothing for an ephemeral group, so the broker forgets it once it is empty', async () => {
      // given an ephemeral view that has read a topic
      const { topic, groupId, view } = await ephemeralViewOfNewTopic(bus, messagesOf(8), 30_000);

      // when it stops
      await view.stop();

      // then its group on the broker (its own, under the group id) has no committed offset
      const admin = await connectedAdmin();
      try {
        const { groups } = await admin.listGroups();
        const own = groups.filter((group) => group.groupId.startsWith(`${groupId}.`));
        expect(own.length).toBeLessThanOrEqual(1);
        for (const group of own) {
          const [offsets] = await admin.fetchOffsets({ groupId: group.groupId, topics: [topic] });
          expect(offsets.partitions.map(({ offset }) => offset)).toEqual(['-1', '-1']);
        }
      } finally {
        await admin.disconnect();
      }
    }, 60_000);

    it('loses nothing when a consumer is killed mid-batch', async () => {
      const topic = uniqueName('kill');
      const groupId = uniqueName('group');
      await bus.ensureTopics([{ topic, partitions: 2 }]);
      await bus.publish(topic, messagesOf(400));
      const crashing = spawnBusProcess({
        role: 'consumer',
        bus: { kind: 'kafka', brokers: kafkaBrokers },
        topic,
        groupId,
        handlerDelayMs: 5,
      });
      await crashing.waitForLine((line) => line.startsWith('handled'));
      await eventually('50 handled in the child', () => crashing.lines.length > 50);
      await crashing.crash();

      const order = new PerKeyOrder();
      const handled = new Set<string>();
      const record = (key: string, sequence: number) => {
        order.record(key, sequence);
        handled.add(`${key}/${sequence}`);
      };
      for (const line of crashing.lines.filter((l) => l.startsWith('handled'))) {
        const [, key, value] = line.split(' ');
        record(key, (JSON.parse(value) as { sequence: number }).sequence);
      }
      const handledByChild = handled.size;
      expect(handledByChild).toBeLessThan(400);
      await bus.subscribe({
        groupId,
        topics: [topic],
        handler: (message) => {
          record(message.key, sequenceOf(message));
          return Promise.resolve();
        },
      });

      await eventually('all 400 messages', () => handled.size === 400, 30_000);
      expect(order.violations).toEqual([]);
    }, 60_000);

    it('splits partitions between two members and loses nothing when one leaves mid-stream', async () => {
      const topic = uniqueName('rebalance');
      const groupId = uniqueName('group');
      await bus.ensureTopics([{ topic, partitions: 4 }]);
      const order = new PerKeyOrder();
      const handled = new Set<string>();
      let handledByB = 0;
      const member = (onHandled: () => void) =>
        bus.subscribe({
          groupId,
          topics: [topic],
          handler: async (message) => {
            await new Promise((resolve) => setTimeout(resolve, 1));
            order.record(message.key, sequenceOf(message));
            handled.add(`${message.key}/${sequenceOf(message)}`);
            onHandled();
          },
        });
      const a: KafkaBusConsumer = await member(() => undefined);
      const b: BusConsumer & KafkaBusConsumer = await member(() => handledByB++);
      const partitionsOf = (consumer: KafkaBusConsumer) => consumer.assignment()[topic] ?? [];
      await eventually(
        'both members to share the 4 partitions',
        () =>
          partitionsOf(a).length > 0 &&
          partitionsOf(b).length > 0 &&
          partitionsOf(a).length + partitionsOf(b).length === 4,
      );

      await bus.publish(topic, messagesOf(800));
      await eventually('member B to be busy', () => handledByB >= 50);
      await b.stop();

      await eventually('all 800 messages', () => handled.size === 800, 30_000);
      expect(order.violations).toEqual([]);
      expect(partitionsOf(a)).toHaveLength(4);
    }, 60_000);
  });
}
