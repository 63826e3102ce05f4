import type { KafkaConsumerTuning } from '../kafka/kafka-message-bus';

/** Kafka suites read the broker from KAFKA_BROKERS (deploy/test-infra/up.sh prints it). */
export const kafkaBrokers = (process.env['KAFKA_BROKERS'] ?? '')
  .split(',')
  .map((broker) => broker.trim())
  .filter((broker) => broker.length > 0);

export const kafkaSkipReason =
  kafkaBrokers.length === 0 ? 'KAFKA_BROKERS is not set (run deploy/test-infra/up.sh)' : undefined;

/**
 * Fast group membership for tests: 6 s is the broker's smallest session timeout, and a
 * short heartbeat makes members notice a rebalance quickly.
 */
export const testTuning: Partial<KafkaConsumerTuning> = {
  sessionTimeoutMs: 6_000,
  rebalanceTimeoutMs: 8_000,
  heartbeatIntervalMs: 300,
  maxWaitTimeInMs: 100,
};

/**
 * The test broker's SASL_SSL listener (deploy/test-infra/up.sh): its address, the CA of its
 * certificate and the passwords of its users (admin and one per service).
 */
export const kafkaSasl = (() => {
  const brokers = process.env['KAFKA_SASL_BROKERS']?.trim();
  const caFile = process.env['KAFKA_SSL_CA_FILE']?.trim();
  const credentialsFile = process.env['TALENTLOOP_KAFKA_CREDENTIALS_FILE']?.trim();
  if (!brokers || !caFile || !credentialsFile)
    return {
      skipReason:
        'KAFKA_SASL_BROKERS, KAFKA_SSL_CA_FILE or TALENTLOOP_KAFKA_CREDENTIALS_FILE is not set (run deploy/test-infra/up.sh)',
    } as const;
  return { brokers: brokers.split(','), caFile, credentialsFile, skipReason: undefined } as const;
})();
