import { binaryModeHeader, deadLetterTopicFor } from '@talentloop/contracts';
import {
  deadLetterHeaders,
  redriveForHeader,
  type BusMessage,
  type DeliveredMessage,
} from '../message-bus.port';
import {
  NotADeadLetterError,
  NotADeadLetterTopicError,
  ReadSideRedriveRefusedError,
} from './dead-letter-errors';

/** A consumer group and the source topics it reads, as the topology declares it. */
export interface GroupReading {
  readonly groupId: string;
  readonly topics: readonly string[];
}

export interface DeadLetterTopic {
  readonly topic: string;
  readonly sourceTopic: string;
  readonly groupId: string;
}

/** Every dead-letter topic of the groups, in the order declared. */
export const deadLetterTopicsOf = (groups: readonly GroupReading[]): DeadLetterTopic[] =>
  groups.flatMap(({ groupId, topics }) =>
    topics.map((sourceTopic) => ({
      topic: deadLetterTopicFor(sourceTopic, groupId),
      sourceTopic,
      groupId,
    })),
  );

const DEAD_LETTER_INFIX = '.dlt.';

/**
 * The group of `<topic>.dlt.<group>`. The last infix counts: group ids have dots of their own
 * (`planning.read-side`), source topics too, but neither has `.dlt.`.
 */
export const groupOfDeadLetterTopic = (topic: string): string => {
  const at = topic.lastIndexOf(DEAD_LETTER_INFIX);
  const group = at > 0 ? topic.slice(at + DEAD_LETTER_INFIX.length) : '';
  if (group === '') throw new NotADeadLetterTopicError(topic);
  return group;
};

/** Read sides are named `<service>.read-side` (consumerGroups; ADR 0008). */
export const isReadSideGroup = (groupId: string): boolean => groupId.endsWith('.read-side');

/** Throws when redriving to the group could overwrite newer state. */
export const assertRedrivable = (groupId: string): void => {
  if (isReadSideGroup(groupId)) throw new ReadSideRedriveRefusedError(groupId);
};

export interface Redrive {
  readonly topic: string;
  readonly groupId: string;
  readonly message: BusMessage;
}

const isDeadLetterHeader = (name: string) => name.startsWith('dlt_');

/**
 * The message as it was first published (key, value, headers without the `dlt_` ones), back to
 * its original topic, marked for the group that failed on it: the others skip it there.
 */
export const redriveOf = (deadLetter: DeliveredMessage): Redrive => {
  const header = (name: string) => {
    const value = deadLetter.headers[name];
    if (value === undefined || value === '')
      throw new NotADeadLetterError(deadLetter.topic, deadLetter.offset, name);
    return value;
  };
  const topic = header(deadLetterHeaders.originalTopic);
  const groupId = header(deadLetterHeaders.consumerGroup);
  assertRedrivable(groupId);
  const headers = Object.fromEntries(
    Object.entries(deadLetter.headers).filter(([name]) => !isDeadLetterHeader(name)),
  );
  return {
    topic,
    groupId,
    message: {
      key: deadLetter.key,
      value: deadLetter.value,
      headers: { ...headers, [redriveForHeader]: groupId },
    },
  };
};

/** The headers `show` prints, in this order; a CloudEvent's id and type first. */
const shownHeaders = [
  binaryModeHeader('id'),
  binaryModeHeader('type'),
  deadLetterHeaders.error,
  deadLetterHeaders.errorName,
  deadLetterHeaders.attempts,
  deadLetterHeaders.originalTopic,
  deadLetterHeaders.originalPartition,
  deadLetterHeaders.originalOffset,
  deadLetterHeaders.consumerGroup,
  deadLetterHeaders.failedAt,
  redriveForHeader,
];

/** One dead letter for an operator: where it is, why it failed, and its value as stored. */
export const describeDeadLetter = (deadLetter: DeliveredMessage): string[] => {
  const width = Math.max(...shownHeaders.map((name) => name.length));
  const line = (name: string, value: string) => `  ${name.padEnd(width)}  ${value}`;
  return [
    `offset ${deadLetter.offset} (partition ${deadLetter.partition})`,
    line('key', deadLetter.key),
    ...shownHeaders
      .filter((name) => name !== redriveForHeader || deadLetter.headers[name] !== undefined)
      .map((name) => line(name, deadLetter.headers[name] ?? '-')),
    line('value', deadLetter.value),
  ];
};
