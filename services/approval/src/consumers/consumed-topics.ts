import { topicFor, type BoundedContext } from '@talentloop/contracts';
import type { MessageBus } from '@talentloop/messaging';

export const consumedContexts: readonly BoundedContext[] = ['planning', 'assessment'];

/** The relay's default partition count; declaring a topic with another count is refused. */
const RELAY_TOPIC_PARTITIONS = 3;

/**
 * Subscribing needs the topics to exist, and the publishing services may not have started
 * yet: declaring them here (idempotently, as their relays do) lets approval start first.
 */
export const ensureConsumedTopics = (bus: MessageBus): Promise<void> =>
  bus.ensureTopics(
    consumedContexts.map((context) => ({
      topic: topicFor(context),
      partitions: RELAY_TOPIC_PARTITIONS,
    })),
  );
