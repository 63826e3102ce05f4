import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deadLetterTopicFor } from '@talentloop/contracts';
import {
  declareTestTopics,
  describeMessageBusContract,
  eventually,
  PerKeyOrder,
  sequencedMessage,
  sequenceOf,
  uniqueName,
} from '@talentloop/testing';
import { spawnBusProcess, type BusProcess } from '../testing/child-process';
import { EmbeddedMessageBus } from './embedded-message-bus';

const temporaryFile = () => {
  const folder = mkdtempSync(join(tmpdir(), 'talentloop-bus-'));
  return {
    path: join(folder, 'bus.sqlite'),
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
};

describeMessageBusContract('embedded (SQLite)', () => {
  const file = temporaryFile();
  const bus = new EmbeddedMessageBus({ path: file.path });
  return Promise.resolve({
    bus,
    cleanup: async () => {
      await bus.close();
      file.remove();
    },
  });
});

describe('embedded message bus', () => {
  let file: ReturnType<typeof temporaryFile>;
  let bus: EmbeddedMessageBus;
  let child: BusProcess | undefined;
  beforeEach(() => {
    file = temporaryFile();
    bus = new EmbeddedMessageBus({ path: file.path, leaseTtlMs: 1_000 });
  });
  afterEach(async () => {
    await child?.crash();
    child = undefined;
    await bus.close();
    file.remove();
  });

  const keys = ['emp-1', 'emp-2', 'emp-3', 'emp-4'];
  const messagesOf = (count: number) =>
    Array.from({ length: count }, (_, i) => sequencedMessage(keys[i % 4], Math.floor(i / 4)));

  const handledLines = (process: BusProcess) =>
    process.lines
      .filter((line) => line.startsWith('handled'))
      .map((line) => {
        const [, key, value] = line.split(' ');
        return { key, sequence: (JSON.parse(value) as { sequence: number }).sequence };
      });

  it('rejects finished when its loop fails, and a new subscription of the group loses nothing', async () => {
    // given a group whose dead-letter topic is not declared, and a message it refuses for good
    const topic = uniqueName('undeliverable');
    const groupId = uniqueName('group');
    await declareTestTopics(bus, [{ topic, partitions: 1 }]);
    await bus.publish(topic, [sequencedMessage('emp-1', 0)]);
    const refuse = () => Promise.reject(Object.assign(new Error('poison'), { retriable: false }));
    const consumer = await bus.subscribe({ groupId, topics: [topic], handler: refuse });

    // when dead-lettering it fails
    const failure = await consumer.finished.then(
      () => 'resolved',
      (error: unknown) => error,
    );

    // then the consumer has stopped by itself and says why
    expect(failure).toMatchObject({
      code: 'CONSUMER_STOPPED',
      cause: { code: 'PUBLISH_FAILED' },
    });
    // and once the dead-letter topic is declared, the group subscribed again dead-letters it
    await declareTestTopics(bus, [], [{ groupId, topics: [topic] }]);
    const again = await bus.subscribe({ groupId, topics: [topic], handler: refuse });
    const dead: string[] = [];
    const reader = await bus.subscribe({
      groupId: uniqueName('reader'),
      topics: [deadLetterTopicFor(topic, groupId)],
      handler: (message) => Promise.resolve(void dead.push(message.value)),
    });
    await eventually('the dead letter', () => dead.length === 1);
    await Promise.all([again.stop(), reader.stop()]);
    expect(dead).toEqual([sequencedMessage('emp-1', 0).value]);
  });

  it('delivers to a consumer in another process what this one publishes', async () => {
    const topic = uniqueName('cross');
    await declareTestTopics(bus, [{ topic, partitions: 3 }]);
    child = spawnBusProcess({
      role: 'consumer',
      bus: { kind: 'embedded', path: file.path },
      topic,
      groupId: uniqueName('group'),
      handlerDelayMs: 0,
    });
    await child.waitForLine((line) => line === 'subscribed');

    for (let i = 0; i < 10; i++) await bus.publish(topic, messagesOf(40).slice(i * 4, i * 4 + 4));

    const consumer = child;
    await eventually(
      '40 messages in the other process',
      () => handledLines(consumer).length === 40,
    );
    const order = new PerKeyOrder();
    for (const { key, sequence } of handledLines(consumer)) order.record(key, sequence);
    expect(order.violations).toEqual([]);
  });

  it('serves a group with one member at a time and hands over when it dies', async () => {
    const topic = uniqueName('lease');
    const groupId = uniqueName('group');
    await declareTestTopics(bus, [{ topic, partitions: 2 }]);
    await bus.publish(topic, messagesOf(200));
    child = spawnBusProcess({
      role: 'consumer',
      bus: { kind: 'embedded', path: file.path, leaseTtlMs: 1_000 },
      topic,
      groupId,
      handlerDelayMs: 10,
    });
    const dying = child;
    await dying.waitForLine((line) => line.startsWith('handled'));
    const handledHere: { key: string; sequence: number }[] = [];
    await bus.subscribe({
      groupId,
      topics: [topic],
      handler: (message) => {
        handledHere.push({ key: message.key, sequence: sequenceOf(message) });
        return Promise.resolve();
      },
    });
    await eventually('20 more handled in the other process', () => handledLines(dying).length > 20);
    expect(handledHere).toEqual([]);

    await dying.crash();
    const handledThere = handledLines(dying);
    await eventually('the rest handled here', () => {
      const handled = new Set(
        [...handledThere, ...handledHere].map((m) => `${m.key}/${m.sequence}`),
      );
      return handled.size === 200;
    });
    const order = new PerKeyOrder();
    for (const { key, sequence } of [...handledThere, ...handledHere]) order.record(key, sequence);
    expect(order.violations).toEqual([]);
  });
});
