import { integerIn, oneOf } from '@talentloop/config';
import type { TopologySettings } from './topology';

export interface TopologyConfig extends TopologySettings {
  /** Whether a service declares the topology when it starts (else only `npm run kafka:topics`). */
  readonly declareAtStart: boolean;
}

/** Every variable topologyConfigFromEnv reads, for the README and the deployment manifests. */
export const topologyEnvironmentVariables = [
  'KAFKA_TOPIC_PARTITIONS',
  'KAFKA_TOPIC_REPLICATION_FACTOR',
  'KAFKA_EVENTS_RETENTION_MS',
  'KAFKA_DEAD_LETTER_RETENTION_MS',
  'KAFKA_TOPICS_AT_START',
] as const;

const retentionRange = { min: -1, max: Number.MAX_SAFE_INTEGER };

/**
 * Reads the topology settings:
 * KAFKA_TOPIC_PARTITIONS (3) — partitions of each context topic;
 * KAFKA_TOPIC_REPLICATION_FACTOR (1);
 * KAFKA_EVENTS_RETENTION_MS (-1: history kept) — retention.ms of the context topics;
 * KAFKA_DEAD_LETTER_RETENTION_MS (-1) — retention.ms of the dead-letter topics;
 * KAFKA_TOPICS_AT_START (true) — whether a service declares the topology when it starts.
 */
export const topologyConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): TopologyConfig => ({
  partitions: integerIn(env, 'KAFKA_TOPIC_PARTITIONS', { min: 1, max: 1_000 }, 3),
  replicationFactor: integerIn(env, 'KAFKA_TOPIC_REPLICATION_FACTOR', { min: 1, max: 32 }, 1),
  eventsRetentionMs: integerIn(env, 'KAFKA_EVENTS_RETENTION_MS', retentionRange, -1),
  deadLetterRetentionMs: integerIn(env, 'KAFKA_DEAD_LETTER_RETENTION_MS', retentionRange, -1),
  declareAtStart: oneOf(env, 'KAFKA_TOPICS_AT_START', ['true', 'false'], 'true') === 'true',
});
