import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deadLetterTopicFor, talentloopTopics } from '@talentloop/contracts';
import {
  declareTestTopics,
  eventually,
  PermanentFailure,
  quickRetry,
  uniqueName,
} from '@talentloop/testing';
import { deadLetterMessageOf } from '../delivery-policy';
import { EmbeddedMessageBus } from '../embedded/embedded-message-bus';
import { KafkaMessageBus } from '../kafka/kafka-message-bus';
import {
  redriveForHeader,
  type BusConsumer,
  type BusMessage,
  type DeliveredMessage,
  type MessageBus,
} from '../message-bus.port';
import { kafkaBrokers, kafkaSkipReason, testTuning } from '../testing/kafka-test-settings';
import { talentloopTopology } from '../topology/topology';
import { runDeadLettersFor, runDeadLettersScript } from './dead-letters-cli.testing';

interface BusFixture {
  readonly bus: MessageBus;
  /** What the CLI in a child process needs to reach the same bus. */
  readonly env: NodeJS.ProcessEnv;
  cleanup(): Promise<void>;
}

const embedded = (): BusFixture => {
  const folder = mkdtempSync(join(tmpdir(), 'talentloop-dead-letters-'));
  const path = join(folder, 'bus.sqlite');
  const bus = new EmbeddedMessageBus({ path });
  return {
    bus,
    env: { BUS: 'embedded', BUS_SQLITE_PATH: path },
    cleanup: async () => {
      await bus.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
};

const kafka = (): BusFixture => {
  const bus = new KafkaMessageBus({ brokers: kafkaBrokers, consumer: testTuning });
  return {
    bus,
    env: { BUS: 'kafka', KAFKA_BROKERS: kafkaBrokers.join(',') },
    cleanup: () => bus.close(),
  };
};

const event = (id: string, value: string): BusMessage => ({
  key: 'emp-1',
  headers: { ce_id: id, ce_type: 'test.Happened.v1', 'x-origin': 'test' },
  value,
});

const adapters = [
  { name: 'embedded log', fixture: embedded, skip: undefined },
  { name: 'Kafka broker', fixture: kafka, skip: kafkaSkipReason },
];

describe.each(adapters)('dead letters on the $name', ({ fixture, skip }) => {
  if (skip !== undefined) {
    it.skip(`is skipped: ${skip}`, () => undefined);
    return;
  }
  let underTest: BusFixture;
  let consumers: BusConsumer[];
  beforeEach(() => {
    underTest = fixture();
    consumers = [];
  });
  afterEach(async () => {
    await Promise.all(consumers.map((consumer) => consumer.stop()));
    await underTest.cleanup();
  });

  /** Handles each message by calling `handle`; records every call, by ce_id. */
  const subscribe = async (
    groupId: string,
    topic: string,
    handle: (m: DeliveredMessage) => void,
  ) => {
    const calls: string[] = [];
    consumers.push(
      await underTest.bus.subscribe({
        groupId,
        topics: [topic],
        retry: quickRetry,
        handler: (message) => {
          handle(message);
          calls.push(message.headers['ce_id'] ?? '');
          return Promise.resolve();
        },
      }),
    );
    return calls;
  };

  const times = (calls: readonly string[], id: string) => calls.filter((c) => c === id).length;

  it('lists and shows a poison message, then redrives it to the group that failed on it alone', async () => {
    // given group A refusing a malformed message that group B handles, both reading one topic
    const { bus, env } = underTest;
    const topic = uniqueName('orders');
    const groupA = uniqueName('planner');
    const groupB = uniqueName('auditor');
    const groups = [groupA, groupB].map((groupId) => ({ groupId, topics: [topic] }));
    await declareTestTopics(bus, [{ topic, partitions: 2 }], groups);
    let fixed = false;
    const effectsOfA = new Set<string>();
    const callsOfA = await subscribe(groupA, topic, (message) => {
      if (!fixed && message.value === 'malformed') throw new PermanentFailure('cannot parse');
      // As our consumers do: the effect happens once per event id (command id from ce_id).
      effectsOfA.add(message.headers['ce_id'] ?? '');
    });
    const callsOfB = await subscribe(groupB, topic, () => undefined);
    await bus.publish(topic, [
      event('evt-1', 'ok'),
      event('evt-2', 'malformed'),
      event('evt-3', 'ok'),
    ]);
    await eventually(
      'both groups past the poison',
      () => callsOfA.includes('evt-3') && callsOfB.includes('evt-3'),
    );
    const deadLetters = deadLetterTopicFor(topic, groupA);

    // when an operator lists the dead letters and shows group A's
    const listed = await runDeadLettersFor(groups, ['list'], env);
    const shown = await runDeadLettersFor(groups, ['show', deadLetters], env);

    // then A's dead-letter topic holds the one message, and its headers say why and whence
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    expect(listed.stdout).toMatch(
      new RegExp(`^${deadLetters}\\s+1\\s+\\d{4}-\\d\\d-\\d\\dT\\S+Z$`, 'm'),
    );
    expect(listed.stdout).toMatch(
      new RegExp(`^${deadLetterTopicFor(topic, groupB)}\\s+0\\s+-$`, 'm'),
    );
    expect(shown.code).toBe(0);
    for (const line of [
      /^offset 0 \(partition 0\)$/,
      /^ {2}key\s+emp-1$/,
      /^ {2}ce_id\s+evt-2$/,
      /^ {2}ce_type\s+test\.Happened\.v1$/,
      /^ {2}dlt_error\s+cannot parse$/,
      /^ {2}dlt_error_name\s+PermanentFailure$/,
      /^ {2}dlt_attempts\s+1$/,
      new RegExp(`^ {2}dlt_original_topic\\s+${topic}$`),
      /^ {2}dlt_original_offset\s+1$/,
      new RegExp(`^ {2}dlt_consumer_group\\s+${groupA}$`),
      /^ {2}dlt_failed_at\s+\d{4}-\d\d-\d\dT\S+Z$/,
      /^ {2}value\s+malformed$/,
    ])
      expect(shown.stdout).toMatch(new RegExp(line.source, 'm'));

    // when the cause is fixed and the operator redrives it
    fixed = true;
    const redriven = await runDeadLettersFor(
      groups,
      ['redrive', deadLetters, '--offset', '0'],
      env,
    );
    await bus.publish(topic, [event('evt-4', 'ok')]);
    await eventually(
      'both groups past the redriven message',
      () => callsOfA.includes('evt-4') && callsOfB.includes('evt-4'),
    );

    // then A handles it once, B not again, and it went back as published, marked for A
    expect(redriven).toMatchObject({ code: 0, stderr: '' });
    expect(redriven.stdout).toContain(
      `redriven offset 0 → ${topic} key emp-1 ce_id evt-2 for ${groupA}`,
    );
    expect(times(callsOfA, 'evt-2')).toBe(1);
    expect(effectsOfA.has('evt-2')).toBe(true);
    expect(times(callsOfB, 'evt-2')).toBe(1);
    const onTopic = (await bus.readTopic(topic, { limit: 100 })).filter(
      (message) => message.headers['ce_id'] === 'evt-2',
    );
    expect(onTopic.map(({ key, value, headers }) => ({ key, value, headers }))).toEqual([
      event('evt-2', 'malformed'),
      {
        ...event('evt-2', 'malformed'),
        headers: { ...event('evt-2', 'malformed').headers, [redriveForHeader]: groupA },
      },
    ]);

    // when it is redriven a second time (at-least-once: an operator may run it again)
    const again = await runDeadLettersFor(groups, ['redrive', deadLetters, '--all'], env);
    await bus.publish(topic, [event('evt-5', 'ok')]);
    await eventually(
      'both groups past the second redrive',
      () => callsOfA.includes('evt-5') && callsOfB.includes('evt-5'),
    );

    // then A gets it again and dedupes it by its id, and B still does not
    expect(again.code).toBe(0);
    expect(times(callsOfA, 'evt-2')).toBe(2);
    expect([...effectsOfA]).toEqual(['evt-1', 'evt-3', 'evt-2', 'evt-4', 'evt-5']);
    expect(times(callsOfB, 'evt-2')).toBe(1);
  }, 120_000);

  it('refuses to redrive to a read side, and publishes nothing', async () => {
    // given a dead letter of a read-side group
    const { bus, env } = underTest;
    const topic = uniqueName('orders');
    const readSide = `${uniqueName('service')}.read-side`;
    const groups = [{ groupId: readSide, topics: [topic] }];
    await declareTestTopics(bus, [{ topic, partitions: 1 }], groups);
    const deadLetters = deadLetterTopicFor(topic, readSide);
    const original = { ...event('evt-1', 'x'), topic, partition: 0, offset: '0' };
    await bus.publish(deadLetters, [
      deadLetterMessageOf(original, {
        error: new Error('boom'),
        attempts: 5,
        groupId: readSide,
        failedAt: new Date(),
      }),
    ]);

    // when the operator tries to redrive it, one or all
    const one = await runDeadLettersFor(groups, ['redrive', deadLetters, '--offset', '0'], env);
    const all = await runDeadLettersFor(groups, ['redrive', deadLetters, '--all'], env);

    // then both are refused with the way out, and the source topic stays empty
    for (const run of [one, all]) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`refusing to redrive to ${readSide}`);
      expect(run.stderr).toContain('drop its read-model store');
    }
    expect(await bus.partitionEnds([topic])).toEqual([{ topic, partition: 0, end: 0n }]);
  }, 60_000);

  it('refuses what it cannot do with exit code 2: a missing choice, an unknown group, no such offset', async () => {
    const { bus, env } = underTest;
    const topic = uniqueName('orders');
    const groups = [{ groupId: uniqueName('planner'), topics: [topic] }];
    await declareTestTopics(bus, [{ topic, partitions: 1 }], groups);
    const deadLetters = deadLetterTopicFor(topic, groups[0].groupId);

    const [noChoice, unknownGroup, noOffset] = await Promise.all([
      runDeadLettersFor(groups, ['redrive', deadLetters], env),
      runDeadLettersFor(groups, ['list', '--group', 'nobody'], env),
      runDeadLettersFor(groups, ['redrive', deadLetters, '--offset', '7'], env),
    ]);

    expect(noChoice).toMatchObject({ code: 2, stdout: '' });
    expect(noChoice.stderr).toContain('redrive takes either --offset N or --all');
    expect(noChoice.stderr).toContain('usage: npm run dead-letters');
    expect(unknownGroup.code).toBe(2);
    expect(unknownGroup.stderr).toContain(`no declared group nobody; groups: ${groups[0].groupId}`);
    expect(noOffset.code).toBe(2);
    expect(noOffset.stderr).toContain(`${deadLetters} holds no message at offset 7`);
  }, 60_000);
});

describe('npm run dead-letters on an embedded log', () => {
  it('lists every dead-letter topic of the declared groups, and filters by group', async () => {
    // given a fresh log file with the talentloop topology declared
    const underTest = embedded();
    try {
      await underTest.bus.declareTopology(talentloopTopology());

      // when the script lists all, then one group's
      const all = await runDeadLettersScript(['list'], underTest.env);
      const approval = await runDeadLettersScript(['list', '--group', 'approval'], underTest.env);

      // then each declared dead-letter topic is there, empty
      expect(all.code).toBe(0);
      const planningFromApproval = deadLetterTopicFor(talentloopTopics.planning, 'approval');
      expect(all.stdout).toMatch(new RegExp(`^${planningFromApproval}\\s+0\\s+-$`, 'm'));
      expect(all.stdout.trim().split('\n')).toHaveLength(1 + 10);
      expect(approval.stdout.trim().split('\n')).toHaveLength(1 + 2);
    } finally {
      await underTest.cleanup();
    }
  }, 60_000);
});
