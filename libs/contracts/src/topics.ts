import { publishedContexts, type BoundedContext, type PublishedContext } from './event-definition';
import { ContractViolationError } from './errors';

/** The version in the name changes only for a breaking change of the topic's envelope or keying. */
export type TalentloopTopic = `talentloop.${BoundedContext}.events.v1`;

export const topicFor = (context: BoundedContext): TalentloopTopic =>
  `talentloop.${context}.events.v1`;

/** The topics on the bus: one per published context (an unpublished context has none). */
export const talentloopTopics: Readonly<Record<PublishedContext, TalentloopTopic>> =
  Object.fromEntries(publishedContexts.map((context) => [context, topicFor(context)])) as Record<
    PublishedContext,
    TalentloopTopic
  >;

const kafkaTopicNamePattern = /^[A-Za-z0-9._-]{1,249}$/;

/**
 * One dead-letter topic per source topic and consumer group: a message that fails in one
 * consumer is replayed to that consumer only, not to every group reading the source topic.
 */
export const deadLetterTopicFor = (sourceTopic: string, consumerGroup: string): string => {
  const topic = `${sourceTopic}.dlt.${consumerGroup}`;
  if (!kafkaTopicNamePattern.test(topic))
    throw new ContractViolationError('dead-letter topic', [
      { field: 'consumerGroup', message: `makes "${topic}" an invalid Kafka topic name` },
    ]);
  return topic;
};
