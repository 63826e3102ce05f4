import { ConfigError, listOf } from '@talentloop/config';
import { messageOf } from '../errors';
import { KafkaMessageBus } from '../kafka/kafka-message-bus';
import { kafkaSecurityFromEnv } from '../kafka/kafka-security';

/**
 * The frame of an operator's Kafka command (`kafka:topics`, `kafka:acls`): reads
 * KAFKA_BROKERS and the operator's KAFKA_SECURITY_PROTOCOL and KAFKA_SASL_*, plus the
 * command's own settings (`settings`), then runs `work` on a bus of its own and closes it.
 * Exit codes: 0 done, 1 the broker refused or failed, 2 a bad setting (named).
 */
export const runKafkaCli = <Settings>(
  name: string,
  what: string,
  settings: (env: NodeJS.ProcessEnv) => Settings,
  work: (bus: KafkaMessageBus, settings: Settings) => Promise<void>,
): void => {
  const main = async (): Promise<number> => {
    let brokers: string[];
    let given: Settings;
    let bus: KafkaMessageBus;
    try {
      brokers = listOf(process.env, 'KAFKA_BROKERS', `to ${what}`);
      given = settings(process.env);
      bus = new KafkaMessageBus({
        brokers,
        clientId: `talentloop-${name.replace(':', '-')}`,
        security: kafkaSecurityFromEnv(process.env),
      });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      console.error(`${name}: ${error.message}`);
      return 2;
    }
    try {
      await work(bus, given);
      return 0;
    } catch (error) {
      console.error(`${name}: could not ${what} on ${brokers.join(', ')}: ${messageOf(error)}`);
      return 1;
    } finally {
      await bus.close();
    }
  };
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`${name} failed`, error);
      process.exitCode = 1;
    },
  );
};
