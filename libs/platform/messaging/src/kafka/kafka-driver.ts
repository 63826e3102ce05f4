import type * as KafkaJs from 'kafkajs';

let loaded: typeof KafkaJs | undefined;

/**
 * kafkajs, loaded on first use (a KafkaMessageBus being built) rather than imported: a service
 * on the embedded bus never loads it, so never pays for it at start.
 */
export const kafkaJs = (): typeof KafkaJs =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose, see above
  (loaded ??= require('kafkajs') as typeof KafkaJs);
