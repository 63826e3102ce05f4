import { randomUUID } from 'node:crypto';
import {
  deadLetterTopicFor,
  eventRegistry,
  fromKafkaRecord,
  toCloudEvent,
  toKafkaRecord,
} from '@talentloop/contracts';
import {
  deadLetterHeaders,
  type BusConsumer,
  type DeliveredMessage,
  type MessageBus,
  type MessageHandler,
} from '@talentloop/messaging';
import { readLags } from '@talentloop/observability';
import {
  declareTestTopics,
  eventually,
  PerKeyOrder,
  PermanentFailure,
  quickRetry,
  RetriableFailure,
  sequencedMessage,
  sequenceOf,
  uniqueName,
  type MessageBusUnderTest,
} from './bus-test-kit';
import { describeLifecycleContract } from './message-bus-lifecycle.contract';
import { describeReadContract } from './message-bus-read.contract';

export * from './bus-test-kit';

/**
 * The promises of the MessageBus port, run against one adapter: what the CloudEvents
 * binding puts on the wire comes back, order per key, commit only after success, retries,
 * dead-lettering, and independent consumer groups; then topology, group instances, the ends
 * of partitions and the end of a consumer (message-bus-lifecycle.contract.ts), and reading a
 * topic without a group (message-bus-read.contract.ts).
 */
export function describeMessageBusContract(
  name: string,
  factory: () => Promise<MessageBusUnderTest>,
): void {
  describe(`${name} message bus contract`, () => {
    let underTest: MessageBusUnderTest;
    let bus: MessageBus;
    let consumers: BusConsumer[];

    beforeEach(async () => {
      underTest = await factory();
      bus = underTest.bus;
      consumers = [];
    });

    afterEach(async () => {
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await underTest.cleanup();
    });

    const newTopic = async (partitions = 3): Promise<string> => {
      const topic = uniqueName('contract');
      await declareTestTopics(bus, [{ topic, partitions }]);
      return topic;
    };

    /** Subscribes a group, its dead-letter topic declared first. */
    const consume = async (
      topic: string,
      handler: MessageHandler,
      groupId = uniqueName('group'),
      retry = quickRetry,
    ): Promise<BusConsumer> => {
      await declareTestTopics(bus, [], [{ groupId, topics: [topic] }]);
      const consumer = await bus.subscribe({ groupId, topics: [topic], handler, retry });
      consumers.push(consumer);
      return consumer;
    };

    const collect = async (topic: string, groupId?: string) => {
      const received: DeliveredMessage[] = [];
      await consume(
        topic,
        (message) => {
          received.push(message);
          return Promise.resolve();
        },
        groupId,
      );
      return received;
    };

    it('delivers the CloudEvents record as published: key, ce_ headers and value', async () => {
      const topic = await newTopic();
      const definition = eventRegistry.current('MotivationRecorded');
      if (!definition) throw new Error('the catalog has no MotivationRecorded');
      const event = {
        id: randomUUID(),
        type: definition.name,
        data: { ...definition.example, employeeId: 'emp-contract' },
        metadata: {
          tenantId: 'acme',
          actorId: 'user-1',
          occurredAt: '2026-02-01T10:00:00.000Z',
          schemaVersion: definition.version,
          traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        },
        globalPosition: 42n,
      };
      const record = toKafkaRecord(toCloudEvent(event));
      const received = await collect(topic);

      await bus.publish(topic, [record]);

      await eventually('the record', () => received.length === 1);
      const [delivered] = received;
      expect(delivered).toMatchObject({ topic, key: 'emp-contract', value: record.value });
      expect(delivered.headers).toEqual(record.headers);
      expect(delivered.headers['ce_type']).toBe('talentloop.assessment.MotivationRecorded.v1');
      expect(delivered.offset).toMatch(/^\d+$/);
      expect(fromKafkaRecord(delivered)).toEqual({ ...event, data: event.data });
    });

    it('keeps the order of each key across partitions and publishes', async () => {
      const topic = await newTopic(3);
      const keys = ['emp-a', 'emp-b', 'emp-c', 'emp-d'];
      const order = new PerKeyOrder();
      const received: DeliveredMessage[] = [];
      await consume(topic, (message) => {
        order.record(message.key, sequenceOf(message));
        received.push(message);
        return Promise.resolve();
      });

      for (let round = 0; round < 5; round++) {
        await bus.publish(
          topic,
          keys.flatMap((key) => [0, 1, 2, 3].map((i) => sequencedMessage(key, round * 4 + i))),
        );
      }

      await eventually('80 messages', () => received.length >= 80);
      expect(order.violations).toEqual([]);
      for (const key of keys) expect(order.handledUpTo(key)).toBe(19);
      const partitionsOfKey = (key: string) =>
        new Set(received.filter((message) => message.key === key).map((m) => m.partition));
      for (const key of keys) expect(partitionsOfKey(key).size).toBe(1);
    });

    it('commits only handled messages: a new member resumes at the first unhandled one', async () => {
      const topic = await newTopic(1);
      const groupId = uniqueName('group');
      await bus.publish(
        topic,
        Array.from({ length: 10 }, (_, i) => sequencedMessage('emp-1', i)),
      );
      const firstMember: number[] = [];
      let failing = false;
      const first = await consume(
        topic,
        (message) => {
          const sequence = sequenceOf(message);
          if (sequence === 4) {
            failing = true;
            return Promise.reject(new RetriableFailure('not yet'));
          }
          firstMember.push(sequence);
          return Promise.resolve();
        },
        groupId,
        // Long enough that the member is stopped while waiting to retry message 4.
        { maxAttempts: 5, initialBackoffMs: 60_000, maxBackoffMs: 60_000 },
      );
      await eventually('the first member to reach message 4', () => failing);
      await first.stop();

      const secondMember = await collect(topic, groupId);

      await eventually('messages 4 to 9', () => secondMember.length >= 6);
      expect(firstMember).toEqual([0, 1, 2, 3]);
      expect(secondMember.map(sequenceOf)).toEqual([4, 5, 6, 7, 8, 9]);
    });

    it('stop() drains: the message in hand finishes and is committed; the next member starts right after it', async () => {
      const topic = await newTopic(1);
      const groupId = uniqueName('group');
      await bus.publish(
        topic,
        Array.from({ length: 10 }, (_, i) => sequencedMessage('emp-1', i)),
      );
      const started: number[] = [];
      const finished: number[] = [];
      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      const first = await consume(
        topic,
        async (message) => {
          const sequence = sequenceOf(message);
          started.push(sequence);
          if (sequence === 3) await gate;
          finished.push(sequence);
        },
        groupId,
      );
      await eventually('message 3 in hand', () => started.includes(3));
      const stopping = first.stop();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(finished).toEqual([0, 1, 2]);
      release();
      await stopping;

      expect(finished).toEqual([0, 1, 2, 3]);
      const secondMember = await collect(topic, groupId);
      await eventually('messages 4 to 9', () => secondMember.length >= 6);
      expect(secondMember.map(sequenceOf)).toEqual([4, 5, 6, 7, 8, 9]);
    });

    it("answers ping, and reports a group's lag while it consumes: all uncommitted, then none", async () => {
      await expect(bus.ping()).resolves.toBeUndefined();
      const topic = await newTopic(2);
      await bus.publish(
        topic,
        Array.from({ length: 10 }, (_, i) => sequencedMessage(`emp-${i % 3}`, i)),
      );
      const lagOf = async (groupId: string) =>
        (await readLags('consumer')).find((lag) => lag.name === groupId)?.value;
      const stuckGroup = uniqueName('group');
      let attempts = 0;
      const stuck = await consume(
        topic,
        () => {
          attempts++;
          return Promise.reject(new RetriableFailure('not yet'));
        },
        stuckGroup,
        { maxAttempts: 5, initialBackoffMs: 60_000, maxBackoffMs: 60_000 },
      );
      await eventually('a first attempt', () => attempts > 0);
      expect(await lagOf(stuckGroup)).toBe(10);
      await stuck.stop();
      expect(await lagOf(stuckGroup)).toBeUndefined();

      const doneGroup = uniqueName('group');
      const received = await collect(topic, doneGroup);
      await eventually('all ten', () => received.length === 10);
      await eventually('a lag of 0', async () => (await lagOf(doneGroup)) === 0);
      expect(await lagOf(doneGroup)).toBe(0);
    });

    it("handles different keys side by side, each key's messages in order", async () => {
      const topic = await newTopic(1);
      await bus.publish(topic, [
        sequencedMessage('emp-a', 0),
        sequencedMessage('emp-b', 0),
        sequencedMessage('emp-a', 1),
        sequencedMessage('emp-b', 1),
      ]);
      const handled: string[] = [];
      let bDone = () => {};
      const bFinished = new Promise<void>((resolve) => (bDone = resolve));
      await consume(topic, async (message) => {
        const { key } = message;
        // emp-a's first message waits for all of emp-b: only possible if keys run side by side.
        if (key === 'emp-a' && sequenceOf(message) === 0) await bFinished;
        handled.push(`${key}:${sequenceOf(message)}`);
        if (key === 'emp-b' && sequenceOf(message) === 1) bDone();
      });
      await eventually('all four', () => handled.length === 4);
      expect(handled).toEqual(['emp-b:0', 'emp-b:1', 'emp-a:0', 'emp-a:1']);
    });

    it('with ordering: partition, handles one message at a time in offset order', async () => {
      const topic = await newTopic(1);
      await bus.publish(
        topic,
        Array.from({ length: 8 }, (_, i) => sequencedMessage(`emp-${i % 4}`, i)),
      );
      const handled: number[] = [];
      let inFlight = 0;
      let mostInFlight = 0;
      const groupId = uniqueName('group');
      await declareTestTopics(bus, [], [{ groupId, topics: [topic] }]);
      consumers.push(
        await bus.subscribe({
          groupId,
          topics: [topic],
          ordering: 'partition',
          handler: async (message) => {
            mostInFlight = Math.max(mostInFlight, ++inFlight);
            await new Promise((resolve) => setTimeout(resolve, 5));
            handled.push(sequenceOf(message));
            inFlight--;
          },
        }),
      );
      await eventually('all eight', () => handled.length === 8);
      expect(handled).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(mostInFlight).toBe(1);
    });

    it('retries a failing handler with backoff until it succeeds', async () => {
      const topic = await newTopic(1);
      const attempts: number[] = [];
      const handled: number[] = [];
      await consume(topic, (message) => {
        const sequence = sequenceOf(message);
        attempts.push(sequence);
        if (sequence === 0 && attempts.length < 3)
          return Promise.reject(new RetriableFailure('flaky'));
        handled.push(sequence);
        return Promise.resolve();
      });

      await bus.publish(topic, [sequencedMessage('emp-1', 0), sequencedMessage('emp-1', 1)]);

      await eventually('both messages', () => handled.length === 2);
      expect(attempts).toEqual([0, 0, 0, 1]);
      expect(handled).toEqual([0, 1]);
    });

    it('dead-letters a message that keeps failing, with its headers, and moves on', async () => {
      const topic = await newTopic(1);
      const groupId = uniqueName('group');
      let poisonAttempts = 0;
      const handled: number[] = [];
      await consume(
        topic,
        (message) => {
          if (sequenceOf(message) === 0) {
            poisonAttempts++;
            return Promise.reject(new RetriableFailure('cannot handle this'));
          }
          handled.push(sequenceOf(message));
          return Promise.resolve();
        },
        groupId,
      );
      const poison = sequencedMessage('emp-1', 0);

      await bus.publish(topic, [poison, sequencedMessage('emp-1', 1)]);

      await eventually('the next message', () => handled.length === 1);
      expect(poisonAttempts).toBe(quickRetry.maxAttempts);
      const deadLetters = await collect(deadLetterTopicFor(topic, groupId));
      await eventually('the dead letter', () => deadLetters.length === 1);
      const [deadLetter] = deadLetters;
      expect(deadLetter).toMatchObject({ key: poison.key, value: poison.value });
      expect(deadLetter.headers).toEqual({
        ...poison.headers,
        [deadLetterHeaders.error]: 'cannot handle this',
        [deadLetterHeaders.errorName]: 'RetriableFailure',
        [deadLetterHeaders.attempts]: String(quickRetry.maxAttempts),
        [deadLetterHeaders.originalTopic]: topic,
        [deadLetterHeaders.originalPartition]: '0',
        [deadLetterHeaders.originalOffset]: '0',
        [deadLetterHeaders.consumerGroup]: groupId,
        [deadLetterHeaders.failedAt]: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string,
      });
    });

    it('dead-letters at once on an error that is not retriable', async () => {
      const topic = await newTopic(1);
      const groupId = uniqueName('group');
      let attempts = 0;
      const handled: number[] = [];
      await consume(
        topic,
        (message) => {
          if (sequenceOf(message) === 0) {
            attempts++;
            return Promise.reject(new PermanentFailure('malformed'));
          }
          handled.push(sequenceOf(message));
          return Promise.resolve();
        },
        groupId,
      );

      await bus.publish(topic, [sequencedMessage('emp-1', 0), sequencedMessage('emp-1', 1)]);

      await eventually('the next message', () => handled.length === 1);
      expect(attempts).toBe(1);
      const deadLetters = await collect(deadLetterTopicFor(topic, groupId));
      await eventually('the dead letter', () => deadLetters.length === 1);
      expect(deadLetters[0].headers).toMatchObject({
        [deadLetterHeaders.attempts]: '1',
        [deadLetterHeaders.errorName]: 'PermanentFailure',
      });
    });

    it('gives every message to each of two groups', async () => {
      const topic = await newTopic(3);
      const [first, second] = await Promise.all([collect(topic), collect(topic)]);
      const messages = Array.from({ length: 30 }, (_, i) => sequencedMessage(`emp-${i % 5}`, i));

      await bus.publish(topic, messages);

      await eventually('30 messages in each group', () => first.length + second.length === 60);
      const sequences = (received: DeliveredMessage[]) =>
        received.map(sequenceOf).sort((a, b) => a - b);
      const all = messages.map(sequenceOf);
      expect(sequences(first)).toEqual(all);
      expect(sequences(second)).toEqual(all);
    });

    describeLifecycleContract({
      bus: () => bus,
      keep: (consumer) => {
        consumers.push(consumer);
        return consumer;
      },
    });

    describeReadContract({ bus: () => bus, collect: (topic) => collect(topic) });
  });
}
