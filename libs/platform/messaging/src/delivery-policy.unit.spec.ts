import { backoffMs, deliver, retryPolicyOf, type DeliveryContext } from './delivery-policy';
import { partitionOf } from './embedded/partitioner';
import { InvalidMessagingOptionError } from './errors';
import type { BusMessage, DeliveredMessage } from './message-bus.port';

const message: DeliveredMessage = {
  topic: 'talentloop.planning.events.v1',
  partition: 2,
  offset: '17',
  key: 'emp-1',
  headers: { ce_id: 'evt-1' },
  value: '{}',
};

const contextWith = (handler: () => Promise<void>, pauses: boolean[] = []) => {
  const deadLetters: { topic: string; message: BusMessage }[] = [];
  const waits: number[] = [];
  const context: DeliveryContext = {
    groupId: 'analytics',
    handler,
    policy: retryPolicyOf({ maxAttempts: 4, initialBackoffMs: 100, maxBackoffMs: 250 }),
    deadLetter: (topic, deadLetter) => {
      deadLetters.push({ topic, message: deadLetter });
      return Promise.resolve();
    },
    pause: (ms) => {
      waits.push(ms);
      return Promise.resolve(pauses.shift() ?? true);
    },
  };
  return { context, deadLetters, waits };
};

const failing = (error: Error) => () => Promise.reject(error);

describe('delivering a message', () => {
  it('doubles the backoff after each failure, up to the maximum', () => {
    const policy = retryPolicyOf({ initialBackoffMs: 100, maxBackoffMs: 250 });
    expect([1, 2, 3, 4].map((failed) => backoffMs(policy, failed))).toEqual([100, 200, 250, 250]);
  });

  it('refuses a policy without a first attempt', () => {
    expect(() => retryPolicyOf({ maxAttempts: 0 })).toThrow(InvalidMessagingOptionError);
  });

  it('dead-letters after maxAttempts, with why and where from', async () => {
    const { context, deadLetters, waits } = contextWith(failing(new TypeError('boom')));

    await expect(deliver(message, context)).resolves.toBe('dead-lettered');

    expect(waits).toEqual([100, 200, 250]);
    expect(deadLetters).toEqual([
      {
        topic: 'talentloop.planning.events.v1.dlt.analytics',
        message: {
          key: 'emp-1',
          value: '{}',
          headers: {
            ce_id: 'evt-1',
            dlt_error: 'boom',
            dlt_error_name: 'TypeError',
            dlt_attempts: '4',
            dlt_original_topic: 'talentloop.planning.events.v1',
            dlt_original_partition: '2',
            dlt_original_offset: '17',
            dlt_consumer_group: 'analytics',
            dlt_failed_at: expect.any(String),
          },
        },
      },
    ]);
  });

  it('dead-letters at once an error that says it is not retriable', async () => {
    const permanent = Object.assign(new Error('bad data'), { retriable: false });
    const { context, deadLetters, waits } = contextWith(failing(permanent));

    await expect(deliver(message, context)).resolves.toBe('dead-lettered');

    expect(waits).toEqual([]);
    expect(deadLetters[0]?.message.headers['dlt_attempts']).toBe('1');
  });

  it('gives up without dead-lettering when the consumer stops during a backoff', async () => {
    const { context, deadLetters } = contextWith(failing(new Error('down')), [false]);

    await expect(deliver(message, context)).resolves.toBe('interrupted');

    expect(deadLetters).toEqual([]);
  });
});

describe('the embedded partitioner', () => {
  it('places a key on one partition, every time, and spreads keys', () => {
    expect(partitionOf('emp-1001', 6)).toBe(partitionOf('emp-1001', 6));
    const used = new Set(Array.from({ length: 100 }, (_, i) => partitionOf(`emp-${i}`, 6)));
    expect(used.size).toBe(6);
  });
});
