/**
 * `npm run kafka:topics`: makes the Kafka broker match the declared topology (context topics,
 * dead-letter topics of the services' consumer groups) and prints what it did, one line per
 * topic. Reads KAFKA_BROKERS and the KAFKA_TOPIC… settings of topologyConfigFromEnv.
 */
import { ConfigError, listOf } from '@talentloop/config';
import { messageOf } from '../errors';
import { KafkaMessageBus } from '../kafka/kafka-message-bus';
import { describeOutcome, talentloopTopology } from '../topology/topology';
import { topologyConfigFromEnv } from '../topology/topology-config';

const main = async (): Promise<number> => {
  let brokers: string[];
  let topology;
  try {
    brokers = listOf(process.env, 'KAFKA_BROKERS', 'to declare the topics');
    topology = talentloopTopology(topologyConfigFromEnv(process.env));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`kafka:topics: ${error.message}`);
    return 2;
  }
  const bus = new KafkaMessageBus({ brokers, clientId: 'talentloop-kafka-topics' });
  try {
    const report = await bus.declareTopology(topology);
    for (const outcome of report.topics) console.log(describeOutcome(outcome));
    return 0;
  } catch (error) {
    console.error(
      `kafka:topics: could not declare the topics on ${brokers.join(', ')}: ${messageOf(error)}`,
    );
    return 1;
  } finally {
    await bus.close();
  }
};

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error('kafka:topics failed', error);
    process.exitCode = 1;
  },
);
