import { listOf, oneOf, stringOr } from '@talentloop/config';
import { assertNever } from '@talentloop/domain-kernel';
import { EmbeddedMessageBus } from './embedded/embedded-message-bus';
import { KafkaMessageBus } from './kafka/kafka-message-bus';
import { kafkaSecurityFromEnv, type KafkaSecurity } from './kafka/kafka-security';
import type { MessageBus } from './message-bus.port';

export type MessageBusConfig =
  | { readonly kind: 'embedded'; readonly path: string }
  | {
      readonly kind: 'kafka';
      readonly brokers: readonly string[];
      readonly clientId: string;
      readonly security: KafkaSecurity;
    };

export const DEFAULT_BUS_PATH = 'data/bus.sqlite';

/**
 * Reads the bus settings:
 * BUS = embedded (default) | kafka;
 * BUS_SQLITE_PATH (default data/bus.sqlite), one file shared by every service process;
 * KAFKA_BROKERS (required for kafka), e.g. kafka-1:9092,kafka-2:9092; KAFKA_SECURITY_PROTOCOL
 * and the SASL settings of kafkaSecurityFromEnv.
 */
export const messageBusConfigFromEnv = (
  clientId: string,
  env: NodeJS.ProcessEnv = process.env,
): MessageBusConfig => {
  const kind = oneOf(env, 'BUS', ['embedded', 'kafka'], 'embedded');
  return kind === 'embedded'
    ? { kind, path: stringOr(env, 'BUS_SQLITE_PATH', DEFAULT_BUS_PATH) }
    : {
        kind,
        brokers: listOf(env, 'KAFKA_BROKERS', 'when BUS=kafka'),
        clientId,
        security: kafkaSecurityFromEnv(env),
      };
};

export const createMessageBus = (config: MessageBusConfig): MessageBus => {
  switch (config.kind) {
    case 'embedded':
      return new EmbeddedMessageBus({ path: config.path });
    case 'kafka':
      return new KafkaMessageBus({
        brokers: [...config.brokers],
        clientId: config.clientId,
        security: config.security,
      });
    default:
      return assertNever(config);
  }
};
