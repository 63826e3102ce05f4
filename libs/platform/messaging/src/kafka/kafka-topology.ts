import type { Admin } from 'kafkajs';
import { stepFor, outcomeOf, type ExistingTopic, type TopicStep } from '../topology/topology-plan';
import type { Topology, TopologyReport } from '../topology/topology';
import { kafkaJs } from './kafka-driver';
import { untilLeadersElected } from './kafka-requests';

/**
 * Makes the broker match the topology: creates the missing topics with their configs, alters
 * the configs that differ, adds partitions where fewer than declared, then waits until every
 * partition has a leader (a consumer subscribing before would be told the broker does not host
 * it). Running it twice changes nothing the second time.
 */
export const declareKafkaTopology = async (
  admin: Admin,
  topology: Topology,
): Promise<TopologyReport> => {
  const names = topology.topics.map(({ topic }) => topic);
  if (names.length === 0) return { topics: [] };
  const existing = await existingTopics(admin, names);
  const steps = topology.topics.map((declaration) =>
    stepFor(declaration, existing.get(declaration.topic)),
  );
  const creates = steps.filter((step) => step.kind === 'create');
  const alters = steps.filter((step) => step.kind === 'alter');
  // Another process declaring at the same time may create some first: kafkajs then answers
  // false instead of failing, and the configs are the same topology's.
  if (creates.length > 0)
    await admin.createTopics({
      waitForLeaders: true,
      topics: creates.map(({ declaration }) => ({
        topic: declaration.topic,
        numPartitions: declaration.partitions,
        replicationFactor: declaration.replicationFactor,
        configEntries: Object.entries(declaration.configs).map(([name, value]) => ({
          name,
          value,
        })),
      })),
    });
  const reconfigured = alters.filter((step) => step.configs.length > 0);
  if (reconfigured.length > 0)
    await admin.alterConfigs({
      validateOnly: false,
      resources: reconfigured.map((step) => ({
        type: kafkaJs().ConfigResourceTypes.TOPIC,
        name: step.declaration.topic,
        configEntries: Object.entries(step.resultingConfigs).map(([name, value]) => ({
          name,
          value,
        })),
      })),
    });
  const grown = alters.filter(
    (step): step is Extract<TopicStep, { kind: 'alter' }> & { partitions: { to: number } } =>
      step.partitions !== undefined,
  );
  if (grown.length > 0)
    await admin.createPartitions({
      topicPartitions: grown.map((step) => ({
        topic: step.declaration.topic,
        count: step.partitions.to,
      })),
    });
  await untilLeadersElected(admin, names);
  return { topics: steps.map(outcomeOf) };
};

/** Partitions and topic-level configs of those of `names` that exist. */
const existingTopics = async (
  admin: Admin,
  names: readonly string[],
): Promise<Map<string, ExistingTopic>> => {
  const listed = new Set(await admin.listTopics());
  const present = names.filter((name) => listed.has(name));
  const found = new Map<string, ExistingTopic>();
  if (present.length === 0) return found;
  const { ConfigResourceTypes, ConfigSource } = kafkaJs();
  const [{ topics }, { resources }] = await Promise.all([
    admin.fetchTopicMetadata({ topics: present }),
    admin.describeConfigs({
      includeSynonyms: false,
      resources: present.map((name) => ({ type: ConfigResourceTypes.TOPIC, name })),
    }),
  ]);
  for (const { name, partitions } of topics) {
    const entries =
      resources.find((resource) => resource.resourceName === name)?.configEntries ?? [];
    const configs = Object.fromEntries(
      entries
        .filter(({ configSource }) => configSource === ConfigSource.TOPIC_CONFIG)
        .map(({ configName, configValue }) => [configName, configValue]),
    );
    found.set(name, { partitions: partitions.length, configs });
  }
  return found;
};
