/**
 * `npm run kafka:topics`: makes the Kafka broker match the declared topology (context topics,
 * dead-letter topics of the services' consumer groups) and prints what it did, one line per
 * topic. Reads KAFKA_BROKERS, the operator's KAFKA_SECURITY_PROTOCOL and KAFKA_SASL_* (a
 * principal allowed to create and alter topics) and the KAFKA_TOPIC… settings of
 * topologyConfigFromEnv.
 */
import { describeOutcome, talentloopTopology } from '../topology/topology';
import { topologyConfigFromEnv } from '../topology/topology-config';
import { runKafkaCli } from './kafka-cli';

runKafkaCli(
  'kafka:topics',
  'declare the topics',
  (env) => talentloopTopology(topologyConfigFromEnv(env)),
  async (bus, topology) => {
    const report = await bus.declareTopology(topology);
    for (const outcome of report.topics) console.log(describeOutcome(outcome));
  },
);
