import {
  deadLetterTopicFor,
  topicFor,
  type PublishedContext,
  publishedContexts,
} from '@talentloop/contracts';
import { assertNever } from '@talentloop/domain-kernel';

/**
 * Every topic the system uses, declared once: the operator's `npm run kafka:topics`, or a
 * service at start when KAFKA_TOPICS_AT_START allows it, makes the broker match it. Nothing
 * else creates topics, so partitions, replication and retention are decided here and
 * nowhere else.
 */
export interface TopicDeclaration {
  readonly topic: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  /** Topic-level Kafka configs (`retention.ms`, `max.message.bytes`…), as Kafka spells them. */
  readonly configs: Readonly<Record<string, string>>;
}

export interface Topology {
  readonly topics: readonly TopicDeclaration[];
}

/** A consumer group of the system and the contexts whose topics it reads. */
export interface ConsumerGroupDeclaration {
  readonly groupId: string;
  readonly contexts: readonly PublishedContext[];
}

/**
 * The consumer groups of the services. Their dead-letter topics are part of the topology, so
 * a group not listed here has nowhere to put a message that keeps failing.
 */
export const consumerGroups = {
  planning: { groupId: 'planning', contexts: ['assessment', 'approval'] },
  planningReadSide: {
    groupId: 'planning.read-side',
    contexts: ['assessment', 'approval', 'identity'],
  },
  approval: { groupId: 'approval', contexts: ['planning', 'assessment'] },
  approvalReadSide: {
    groupId: 'approval.read-side',
    contexts: ['planning', 'assessment', 'identity'],
  },
} as const satisfies Readonly<Record<string, ConsumerGroupDeclaration>>;

export interface TopologySettings {
  /** Partitions of each context topic; 3 by default. */
  readonly partitions: number;
  readonly replicationFactor: number;
  /** `retention.ms` of the context topics; -1 (history kept forever) by default. */
  readonly eventsRetentionMs: number;
  /** `retention.ms` of the dead-letter topics; -1 by default: a dead letter is never lost silently. */
  readonly deadLetterRetentionMs: number;
}

export const defaultTopologySettings: TopologySettings = {
  partitions: 3,
  replicationFactor: 1,
  eventsRetentionMs: -1,
  deadLetterRetentionMs: -1,
};

/**
 * Source topics with the groups that read them: each source topic once, and one dead-letter
 * topic (one partition, in the order things failed) per source topic and group.
 */
export const topologyOf = (declaration: {
  readonly sources: readonly TopicDeclaration[];
  readonly groups: readonly { readonly groupId: string; readonly topics: readonly string[] }[];
  readonly deadLetters: Pick<TopicDeclaration, 'replicationFactor' | 'configs'>;
}): Topology => {
  const deadLetters = declaration.groups.flatMap(({ groupId, topics }) =>
    topics.map(
      (topic): TopicDeclaration => ({
        topic: deadLetterTopicFor(topic, groupId),
        partitions: 1,
        ...declaration.deadLetters,
      }),
    ),
  );
  const byName = new Map<string, TopicDeclaration>();
  for (const topic of [...declaration.sources, ...deadLetters]) byName.set(topic.topic, topic);
  return { topics: [...byName.values()] };
};

/**
 * The topics of the published contexts and the dead-letter topics of `groups` (the services'
 * by default). A context whose events stay in the store has no topic.
 */
export const talentloopTopology = (
  settings: TopologySettings = defaultTopologySettings,
  groups: readonly ConsumerGroupDeclaration[] = Object.values(consumerGroups),
): Topology =>
  topologyOf({
    sources: publishedContexts.map((context) => ({
      topic: topicFor(context),
      partitions: settings.partitions,
      replicationFactor: settings.replicationFactor,
      configs: { 'retention.ms': String(settings.eventsRetentionMs) },
    })),
    groups: groups.map(({ groupId, contexts }) => ({ groupId, topics: contexts.map(topicFor) })),
    deadLetters: {
      replicationFactor: settings.replicationFactor,
      configs: { 'retention.ms': String(settings.deadLetterRetentionMs) },
    },
  });

/** What declaring a topology did to one topic. */
export type TopicOutcome =
  | { readonly topic: string; readonly action: 'created'; readonly partitions: number }
  | {
      readonly topic: string;
      readonly action: 'altered';
      readonly configs: readonly ConfigChange[];
      /** Set when partitions were added. */
      readonly partitions?: { readonly from: number; readonly to: number };
    }
  | { readonly topic: string; readonly action: 'unchanged' };

export interface ConfigChange {
  readonly name: string;
  /** Undefined when the topic had no value of its own (the broker's default applied). */
  readonly from: string | undefined;
  readonly to: string;
}

export interface TopologyReport {
  readonly topics: readonly TopicOutcome[];
}

/** One line per topic, for the operator: what was created, altered (which configs) or left. */
export const describeOutcome = (outcome: TopicOutcome): string => {
  switch (outcome.action) {
    case 'created':
      return `created   ${outcome.topic} (${outcome.partitions} partitions)`;
    case 'altered': {
      const changes = outcome.configs.map(
        ({ name, from, to }) => `${name} ${from ?? '(default)'} → ${to}`,
      );
      if (outcome.partitions)
        changes.push(`partitions ${outcome.partitions.from} → ${outcome.partitions.to}`);
      return `altered   ${outcome.topic}: ${changes.join(', ')}`;
    }
    case 'unchanged':
      return `unchanged ${outcome.topic}`;
    default:
      return assertNever(outcome);
  }
};
