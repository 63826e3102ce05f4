import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';

/** A message on a topic, by the CloudEvents headers the relay writes (binary mode). */
export interface TopicMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** `ce_id`: the stored event's id. */
  readonly id: string;
  readonly type: string;
}

export interface TenantMessagesOptions {
  readonly brokers: readonly string[];
  readonly topics: readonly string[];
  /** `ce_tenantid` of the messages to keep. */
  readonly tenantId: string;
  /** Epoch ms before the tenant's first message was published: reading starts there. */
  readonly since: number;
  /** Whether what was read so far is all that is expected (the relays may still be at work). */
  readonly complete: (messages: readonly TopicMessage[]) => boolean;
  readonly timeoutMs?: number;
}

const header = (value: Buffer | string | (Buffer | string)[] | undefined): string | undefined =>
  value === undefined ? undefined : String(Array.isArray(value) ? value[0] : value);

/**
 * Every message of one tenant on the topics, read with a group of its own from the offsets of
 * `since` up to the partitions' ends once `complete` holds: so a message published twice is
 * read twice. The group is deleted afterwards.
 */
export const tenantMessages = async (options: TenantMessagesOptions): Promise<TopicMessage[]> => {
  const { topics, tenantId, since, complete, timeoutMs = 60_000 } = options;
  const kafka = new Kafka({
    clientId: 'talentloop-e2e-topic-count',
    brokers: [...options.brokers],
    logLevel: logLevel.NOTHING,
  });
  const groupId = `talentloop-e2e-topic-count-${randomBytes(4).toString('hex')}`;
  const admin = kafka.admin();
  const consumer = kafka.consumer({ groupId });
  const messages: TopicMessage[] = [];
  const next = new Map<string, bigint>();
  const deadline = Date.now() + timeoutMs;
  const waitUntil = async (what: string, done: () => boolean) => {
    while (!done()) {
      if (Date.now() > deadline)
        throw new Error(`timed out reading ${topics.join(', ')} until ${what}`);
      await sleep(250);
    }
  };
  await admin.connect();
  try {
    const starts = await Promise.all(
      topics.map(async (topic) => ({
        topic,
        partitions: await admin.fetchTopicOffsetsByTimestamp(topic, since),
        ends: await admin.fetchTopicOffsets(topic),
      })),
    );
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: ({ topic, partition, message }) => {
        const key = `${topic}/${partition}`;
        const after = BigInt(message.offset) + 1n;
        if ((next.get(key) ?? -1n) < after) next.set(key, after);
        if (header(message.headers?.['ce_tenantid']) !== tenantId) return Promise.resolve();
        messages.push({
          topic,
          partition,
          offset: message.offset,
          id: header(message.headers?.['ce_id']) ?? '',
          type: header(message.headers?.['ce_type']) ?? '',
        });
        return Promise.resolve();
      },
    });
    for (const { topic, partitions, ends } of starts)
      for (const { partition, offset } of partitions) {
        // No message at or after `since`: nothing to skip, start at the end as it was.
        const end = ends.find((entry) => entry.partition === partition)?.high ?? '0';
        const start = offset === '-1' ? end : offset;
        const key = `${topic}/${partition}`;
        if ((next.get(key) ?? -1n) < BigInt(start)) next.set(key, BigInt(start));
        consumer.seek({ topic, partition, offset: start });
      }
    await waitUntil('the expected messages were read', () => complete(messages));
    // Then up to the ends as they are now, so a second copy published meanwhile is read too.
    const ends = await Promise.all(
      topics.map(async (topic) => ({ topic, partitions: await admin.fetchTopicOffsets(topic) })),
    );
    await waitUntil('the partitions’ ends', () =>
      ends.every(({ topic, partitions }) =>
        partitions.every(
          ({ partition, high }) => (next.get(`${topic}/${partition}`) ?? 0n) >= BigInt(high),
        ),
      ),
    );
    return messages;
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
};
