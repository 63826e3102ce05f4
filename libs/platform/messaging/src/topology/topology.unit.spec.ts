import { ConfigError } from '@talentloop/config';
import { byteBoundedBatches, approximateBytesOf } from '../events/byte-bounded-batches';
import type { BusMessage } from '../message-bus.port';
import { consumerGroups, talentloopTopology, type TopicDeclaration } from './topology';
import { topologyConfigFromEnv } from './topology-config';
import { stepFor } from './topology-plan';

describe("the system's topology", () => {
  it('declares the published context topics, and a dead-letter topic per topic each group reads', () => {
    // given the default settings
    // when the topology is built
    const { topics } = talentloopTopology();

    // then every context topic keeps its history on 3 partitions
    const events = topics.filter(({ topic }) => topic.endsWith('.events.v1'));
    expect(events.map(({ topic }) => topic)).toEqual([
      'talentloop.assessment.events.v1',
      'talentloop.planning.events.v1',
      'talentloop.approval.events.v1',
      'talentloop.identity.events.v1',
      'talentloop.notifications.events.v1',
    ]);
    for (const topic of events)
      expect(topic).toMatchObject({ partitions: 3, configs: { 'retention.ms': '-1' } });
    // and each group has one dead-letter topic of one partition per topic it reads
    const deadLetters = topics.filter(({ topic }) => topic.includes('.dlt.'));
    const expected = Object.values(consumerGroups).reduce((n, g) => n + g.contexts.length, 0);
    expect(deadLetters).toHaveLength(expected);
    expect(deadLetters.map(({ topic }) => topic)).toContain(
      'talentloop.identity.events.v1.dlt.planning.read-side',
    );
    for (const topic of deadLetters)
      expect(topic).toMatchObject({ partitions: 1, configs: { 'retention.ms': '-1' } });
  });

  it('reads its settings from the environment, and refuses a bad value naming the variable', () => {
    expect(topologyConfigFromEnv({})).toEqual({
      partitions: 3,
      replicationFactor: 1,
      eventsRetentionMs: -1,
      deadLetterRetentionMs: -1,
      declareAtStart: true,
    });
    expect(
      topologyConfigFromEnv({
        KAFKA_TOPIC_PARTITIONS: '6',
        KAFKA_TOPIC_REPLICATION_FACTOR: '3',
        KAFKA_EVENTS_RETENTION_MS: '604800000',
        KAFKA_TOPICS_AT_START: 'false',
      }),
    ).toMatchObject({
      partitions: 6,
      replicationFactor: 3,
      eventsRetentionMs: 604_800_000,
      declareAtStart: false,
    });
    expect(() => topologyConfigFromEnv({ KAFKA_TOPIC_PARTITIONS: '0' })).toThrow(ConfigError);
    expect(() => topologyConfigFromEnv({ KAFKA_TOPICS_AT_START: 'yes' })).toThrow(
      "KAFKA_TOPICS_AT_START must be one of true, false; got 'yes'",
    );
  });
});

describe('declaring a topic that exists', () => {
  const declared: TopicDeclaration = {
    topic: 'events',
    partitions: 3,
    replicationFactor: 1,
    configs: { 'retention.ms': '-1' },
  };

  it('creates a topic that does not exist', () => {
    expect(stepFor(declared, undefined)).toEqual({ kind: 'create', declaration: declared });
  });

  it('leaves a topic that matches, whatever else an operator set on it', () => {
    const existing = { partitions: 3, configs: { 'retention.ms': '-1', 'segment.ms': '1000' } };
    expect(stepFor(declared, existing).kind).toBe('keep');
  });

  it('alters a config that differs and keeps the ones set outside the declaration', () => {
    // given a topic with a week of retention and a hand-set segment.ms
    const existing = {
      partitions: 3,
      configs: { 'retention.ms': '604800000', 'segment.ms': '1000' },
    };

    // when the declaration keeps history forever
    const step = stepFor(declared, existing);

    // then retention changes and segment.ms goes along into the (whole-set) alteration
    expect(step).toMatchObject({
      kind: 'alter',
      configs: [{ name: 'retention.ms', from: '604800000', to: '-1' }],
      resultingConfigs: { 'retention.ms': '-1', 'segment.ms': '1000' },
    });
  });

  it('adds partitions, and never removes any', () => {
    const configs = { 'retention.ms': '-1' };
    expect(stepFor(declared, { partitions: 2, configs })).toMatchObject({
      kind: 'alter',
      configs: [],
      partitions: { from: 2, to: 3 },
    });
    expect(stepFor(declared, { partitions: 6, configs }).kind).toBe('keep');
  });
});

describe('cutting a page into batches bounded in bytes', () => {
  const messageOf = (bytes: number, key = 'emp-1'): BusMessage => ({
    key,
    headers: {},
    value: 'x'.repeat(bytes),
  });

  it('keeps the order, fills each batch up to the bound, and sends a heavier message alone', () => {
    // given messages of 400, 400, 300 and 2 000 bytes, and a bound of 1 000
    const messages = [400, 400, 300, 2_000, 100].map((bytes) => messageOf(bytes));

    // when they are cut into batches
    const batches = byteBoundedBatches(messages, 1_000);

    // then no batch passes the bound except one message alone, and nothing moves
    expect(batches.map((batch) => batch.map(({ value }) => value.length))).toEqual([
      [400, 400],
      [300],
      [2_000],
      [100],
    ]);
    expect(batches.flat()).toEqual(messages);
  });

  it('counts key, value and headers in UTF-8 bytes', () => {
    const plain = approximateBytesOf({ key: 'k', headers: {}, value: 'é' });
    expect(approximateBytesOf({ key: 'k', headers: { a: 'bc' }, value: 'é' })).toBeGreaterThan(
      plain + 3,
    );
    expect(plain).toBe(approximateBytesOf({ key: 'k', headers: {}, value: 'ab' }));
  });

  it('never counts fewer bytes than UTF-8 takes, for short and long texts alike', () => {
    // given keys, header values and values with one-, two-, three- and four-byte characters
    const texts = [
      'emp-1',
      'Zoë',
      'José Müller',
      '€ 12',
      '日本語',
      'ok 👍',
      'x'.repeat(100) + 'é€👍',
    ];

    for (const text of texts) {
      // when a message of them is weighed
      const message: BusMessage = { key: text, headers: { ce_subject: text }, value: text };
      const exact =
        2 * Buffer.byteLength(text) + Buffer.byteLength('ce_subject') + Buffer.byteLength(text);

      // then the weight covers the exact UTF-8 bytes
      expect(approximateBytesOf(message)).toBeGreaterThanOrEqual(exact);
    }
  });
});
