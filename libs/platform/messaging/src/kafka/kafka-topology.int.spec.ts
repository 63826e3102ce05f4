import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { deadLetterTopicFor } from '@talentloop/contracts';
import { uniqueName } from '@talentloop/testing';
import { ConfigResourceTypes, Kafka, logLevel, type Admin } from 'kafkajs';
import { kafkaBrokers, kafkaSkipReason } from '../testing/kafka-test-settings';
import { topologyOf, type Topology } from '../topology/topology';
import { KafkaMessageBus } from './kafka-message-bus';

describe('npm run kafka:topics with a broker out of reach', () => {
  it('exits non-zero, saying which brokers it could not reach', () => {
    // given brokers that refuse connections
    const env = { ...process.env, KAFKA_BROKERS: '127.0.0.1:1' };

    // when the script runs
    const run = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, '../cli/kafka-topics.ts')],
      { env, encoding: 'utf8', timeout: 60_000 },
    );

    // then it fails with one clear line
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('kafka:topics: could not declare the topics on 127.0.0.1:1');
  }, 70_000);
});

if (kafkaSkipReason !== undefined) {
  console.warn(`Kafka suite SKIPPED: ${kafkaSkipReason}`);
  describe('a topology on Kafka', () => {
    it.skip(`is skipped: ${kafkaSkipReason}`, () => undefined);
  });
} else {
  describe('a topology on Kafka', () => {
    let bus: KafkaMessageBus;
    let admin: Admin;
    beforeEach(async () => {
      bus = new KafkaMessageBus({ brokers: kafkaBrokers });
      admin = new Kafka({ brokers: [...kafkaBrokers], logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
    });
    afterEach(async () => {
      await admin.disconnect();
      await bus.close();
    });

    /** Two event topics and one group reading both, as the services' topology has. */
    const testTopology = (names: Names, events: { partitions: number; retentionMs: string }) =>
      topologyOf({
        sources: [names.events, names.large].map((topic) => ({
          topic,
          partitions: events.partitions,
          replicationFactor: 1,
          configs: {
            'retention.ms': events.retentionMs,
            ...(topic === names.large ? { 'max.message.bytes': '2097152' } : {}),
          },
        })),
        groups: [{ groupId: names.group, topics: [names.events, names.large] }],
        deadLetters: { replicationFactor: 1, configs: { 'retention.ms': '-1' } },
      });

    type Names = ReturnType<typeof namesOf>;
    const namesOf = () => ({
      events: uniqueName('topology-events'),
      large: uniqueName('topology-large'),
      group: uniqueName('topology-group'),
    });

    /** What the broker says: partitions and the configs set on the topic itself. */
    const onBroker = async (topology: Topology) => {
      const topics = topology.topics.map(({ topic }) => topic);
      const [{ topics: metadata }, { resources }] = await Promise.all([
        admin.fetchTopicMetadata({ topics }),
        admin.describeConfigs({
          includeSynonyms: false,
          resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name })),
        }),
      ]);
      const configOf = (topic: string, name: string) =>
        resources
          .find((resource) => resource.resourceName === topic)
          ?.configEntries.find((entry) => entry.configName === name)?.configValue;
      return Object.fromEntries(
        topics.map((topic) => [
          topic,
          {
            partitions: metadata.find((found) => found.name === topic)?.partitions.length,
            retentionMs: configOf(topic, 'retention.ms'),
            maxMessageBytes: configOf(topic, 'max.message.bytes'),
            segmentMs: configOf(topic, 'segment.ms'),
          },
        ]),
      );
    };

    it('creates every topic with its partitions and configs, then leaves it as it is', async () => {
      // given a topology of new topics
      const names = namesOf();
      const topology = testTopology(names, { partitions: 3, retentionMs: '-1' });

      // when it is declared twice
      const first = await bus.declareTopology(topology);
      const second = await bus.declareTopology(topology);

      // then the broker has the topics as declared, created once
      expect(first.topics.map(({ action }) => action)).toEqual([
        'created',
        'created',
        'created',
        'created',
      ]);
      expect(second.topics.map(({ action }) => action)).toEqual([
        'unchanged',
        'unchanged',
        'unchanged',
        'unchanged',
      ]);
      const deadLetters = deadLetterTopicFor(names.events, names.group);
      const broker = await onBroker(topology);
      expect(broker[names.events]).toMatchObject({ partitions: 3, retentionMs: '-1' });
      expect(broker[names.large]).toMatchObject({
        partitions: 3,
        retentionMs: '-1',
        maxMessageBytes: '2097152',
      });
      expect(broker[deadLetters]).toMatchObject({ partitions: 1, retentionMs: '-1' });
    }, 60_000);

    it('alters a setting that changed, keeps configs set outside the topology, and adds partitions', async () => {
      // given a declared topology, and an operator who set segment.ms on one topic by hand
      const names = namesOf();
      await bus.declareTopology(testTopology(names, { partitions: 3, retentionMs: '-1' }));
      await admin.alterConfigs({
        validateOnly: false,
        resources: [
          {
            type: ConfigResourceTypes.TOPIC,
            name: names.events,
            configEntries: [
              { name: 'retention.ms', value: '-1' },
              { name: 'segment.ms', value: '3600000' },
            ],
          },
        ],
      });

      // when it is declared again with a day of retention and 5 partitions
      const changed = testTopology(names, { partitions: 5, retentionMs: '86400000' });
      const report = await bus.declareTopology(changed);

      // then the event topics are altered, the dead-letter topics left
      const altered = {
        action: 'altered',
        configs: [{ name: 'retention.ms', from: '-1', to: '86400000' }],
        partitions: { from: 3, to: 5 },
      };
      expect(report.topics).toEqual([
        { topic: names.events, ...altered },
        { topic: names.large, ...altered },
        { topic: deadLetterTopicFor(names.events, names.group), action: 'unchanged' },
        { topic: deadLetterTopicFor(names.large, names.group), action: 'unchanged' },
      ]);
      // and the broker has them so, the hand-set config and the undeclared-but-kept one intact
      const broker = await onBroker(changed);
      expect(broker[names.events]).toMatchObject({
        partitions: 5,
        retentionMs: '86400000',
        segmentMs: '3600000',
      });
      expect(broker[names.large]).toMatchObject({
        partitions: 5,
        retentionMs: '86400000',
        maxMessageBytes: '2097152',
      });
      // and the partitions added are led: the bus reads where they end
      expect(await bus.partitionEnds([names.events])).toHaveLength(5);
    }, 60_000);
  });
}
