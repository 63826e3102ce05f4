export * from './message-bus.port';
export * from './errors';
export {
  backoffMs,
  deadLetterMessageOf,
  defaultRetryPolicy,
  retryPolicyOf,
} from './delivery-policy';
export * from './kafka/kafka-message-bus';
export * from './kafka/kafka-security';
export * from './embedded/embedded-message-bus';
export * from './events/event-messaging';
export { DEFAULT_MAX_BATCH_BYTES } from './events/byte-bounded-batches';
export * from './topology';
export * from './relay/checkpoint-store';
export * from './relay/relay';
export * from './idempotency/processed-event-log';
export * from './create-message-bus';
