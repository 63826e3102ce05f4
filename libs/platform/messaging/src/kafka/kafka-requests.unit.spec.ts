import { createRequire } from 'node:module';
import { KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { lazyConnection, needsNewProducer } from './kafka-requests';

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

describe('a connection made on first use', () => {
  it('given a connect that fails, is used (to be closed) yet tries again on the next use', async () => {
    let attempts = 0;
    const connection = lazyConnection(() =>
      ++attempts === 1 ? Promise.reject(new Error('refused')) : Promise.resolve(),
    );
    expect(connection.used()).toBe(false);
    await expect(connection.open()).rejects.toThrow('refused');
    // the client may hold sockets after a failed connect: close must still disconnect it
    expect(connection.used()).toBe(true);
    await connection.open();
    await connection.open();
    expect(attempts).toBe(2);
  });
});
