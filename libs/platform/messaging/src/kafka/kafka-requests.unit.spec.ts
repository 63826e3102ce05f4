import { createRequire } from 'node:module';
import { KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { needsNewProducer } from './kafka-requests';

/** kafkajs's own protocol errors, as the broker's error codes make them. */
const { createErrorFromCode } = createRequire(require.resolve('kafkajs'))(
  './src/protocol/error',
) as { createErrorFromCode: (code: number) => Error };
const protocolError = (code: number) => new KafkaJSProtocolError(createErrorFromCode(code));

describe('when an idempotent producer must be replaced', () => {
  it('is after the broker refuses its sequence numbers (the broker lost the tail of its log)', () =>
    // given the broker's OUT_OF_ORDER_SEQUENCE_NUMBER (45), then: a new producer
    expect(needsNewProducer(protocolError(45))).toBe(true));

  it('is after its producer id or epoch is no longer known', () => {
    expect(needsNewProducer(protocolError(59))).toBe(true); // UNKNOWN_PRODUCER_ID
    expect(needsNewProducer(protocolError(47))).toBe(true); // INVALID_PRODUCER_EPOCH
  });

  it('is also when kafkajs wraps that error after spending its retries', () =>
    expect(
      needsNewProducer(
        new KafkaJSNumberOfRetriesExceeded(protocolError(45), { retryCount: 5, retryTime: 100 }),
      ),
    ).toBe(true));

  it('is not after an error the same producer can retry (a leader moving, a timeout)', () => {
    expect(needsNewProducer(protocolError(6))).toBe(false); // NOT_LEADER_FOR_PARTITION
    expect(needsNewProducer(protocolError(7))).toBe(false); // REQUEST_TIMED_OUT
    expect(needsNewProducer(new Error('connect ECONNREFUSED'))).toBe(false);
  });
});
