import { randomBytes } from 'node:crypto';
import {
  declareTestTopics,
  describeMessageBusContract,
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
        declareTestTopics(unreachable, [{ topic: 'anything', partitions: 1 }]).catch(
          (e: unknown) => e,
        ),
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
    it.skip(`is skipped: ${kafkaSkipReason}`, () => undefined);
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
        // when this bus declares it and subscribes at once
        await declareTestTopics(bus, [{ topic, partitions: 6 }]);
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

    it('rejects finished when kafkajs leaves the consumer stopped, and a new subscription loses nothing', async () => {
      // given a dead-letter topic whose broker refuses messages over 1 kB, and a message of
      // 2 kB (random: batches are compressed) that its handler refuses for good
      const topic = uniqueName('refused');
      const value = randomBytes(1_536).toString('base64');
      const groupId = uniqueName('refused-group');
      const deadLetters = deadLetterTopicFor(topic, groupId);
      const admin = await connectedAdmin();
      // kafkajs logs the crash at ERROR; the test looks at `finished` instead.
      const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      const refuse = () => Promise.reject(Object.assign(new Error('poison'), { retriable: false }));
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
        await bus.publish(topic, [{ key: 'emp-1', headers: {}, value }]);
        // when the consumer crashes on the refused dead letter
        const consumer = await bus.subscribe({ groupId, topics: [topic], handler: refuse });
        const failure = await consumer.finished.then(
          () => 'resolved',
          (error: unknown) => error,
        );
        // then finished says the consumer stopped by itself, and why
        expect(failure).toMatchObject({ code: 'CONSUMER_STOPPED', retriable: true });
        expect(String(failure)).toContain(`publishing to ${deadLetters} failed`);
        // and once the broker takes bigger messages, the group subscribed again (as its
        // supervisor would) dead-letters the message: nothing is lost
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
        const again = await bus.subscribe({ groupId, topics: [topic], handler: refuse });
        const dead: string[] = [];
        const reader = await bus.subscribe({
          groupId: uniqueName('dead-letter-reader'),
          topics: [deadLetters],
          handler: (message) => Promise.resolve(void dead.push(message.value)),
        });
        await eventually('the dead letter to arrive', () => dead.length > 0, 30_000);
        await Promise.all([reader.stop(), again.stop()]);
        expect(dead).toEqual([value]);
      } finally {
        logged.mockRestore();
        await admin.disconnect();
      }
    }, 90_000);

    it('commits the offsets of a group instance under its own group on the broker', async () => {
      // given a group instance that has read a topic
      const topic = uniqueName('instance-topic');
      const groupId = uniqueName('read-side');
      await declareTestTopics(bus, [{ topic, partitions: 2 }], [{ groupId, topics: [topic] }]);
      await bus.publish(topic, messagesOf(8));
      let handled = 0;
      const instance = await bus.subscribe({
        groupId,
        groupInstance: 'node-1',
        topics: [topic],
        handler: () => Promise.resolve(void handled++),
      });
      await eventually('the instance to read the topic', () => handled === 8, 30_000);

      // when it stops
      await instance.stop();

      // then its group on the broker, `${groupId}.node-1`, keeps offsets past every message
      const admin = await connectedAdmin();
      try {
        const [offsets] = await admin.fetchOffsets({
          groupId: `${groupId}.node-1`,
          topics: [topic],
        });
        const ends = await bus.partitionEnds([topic]);
        expect(offsets.partitions.map(({ offset }) => BigInt(offset)).sort()).toEqual(
          ends.map(({ end }) => end).sort(),
        );
      } finally {
        await admin.disconnect();
      }
    }, 60_000);

    it('loses nothing when a consumer is killed mid-batch', async () => {
      const topic = uniqueName('kill');
      const groupId = uniqueName('group');
      await declareTestTopics(bus, [{ topic, partitions: 2 }]);
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
      await declareTestTopics(bus, [{ topic, partitions: 4 }]);
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

    it('reads a topic through a group used once that commits nothing', async () => {
      // given a bus of its own client id and a topic of 2 partitions with 6 messages
      const clientId = uniqueName('reader');
      const reader = new KafkaMessageBus({ brokers: kafkaBrokers, clientId, consumer: testTuning });
      const topic = uniqueName('read');
      await declareTestTopics(bus, [{ topic, partitions: 2 }]);
      await bus.publish(topic, messagesOf(6));
      const admin = await connectedAdmin();
      try {
        // when it reads the topic twice
        const first = await reader.readTopic(topic, { limit: 10 });
        const second = await reader.readTopic(topic, { limit: 10 });

        // then each read used a group of its own, and none holds an offset of the topic
        expect(second).toEqual(first);
        expect(first).toHaveLength(6);
        const readGroups = (await admin.listGroups()).groups
          .map(({ groupId }) => groupId)
          .filter((groupId) => groupId.startsWith(`${clientId}.read-topic.`));
        expect(readGroups).toHaveLength(2);
        for (const groupId of readGroups) {
          const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
          expect(offsets?.partitions.map(({ offset }) => offset)).toEqual(['-1', '-1']);
        }
      } finally {
        await admin.disconnect();
        await reader.close();
      }
    });
  });
}
