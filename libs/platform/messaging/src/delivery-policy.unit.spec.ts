import { messagesConsumed } from '@talentloop/observability';
import {
  backoffMs,
  deliver,
  deliverBatch,
  isRedrivenForAnotherGroup,
  retryPolicyOf,
  type DeliveryContext,
} from './delivery-policy';
import { partitionOf } from './embedded/partitioner';
import { InvalidMessagingOptionError } from './errors';
import type { BusMessage, DeliveredMessage, MessageHandler } from './message-bus.port';

const message: DeliveredMessage = {
  topic: 'talentloop.planning.events.v1',
  partition: 2,
  offset: '17',
  key: 'emp-1',
  headers: { ce_id: 'evt-1' },
  value: '{}',
};

const contextWith = (handler: MessageHandler, pauses: boolean[] = []) => {
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

  it('retries an error that says "not yet" for as long as it lasts, and never dead-letters it', async () => {
    const notYet = Object.assign(new Error('read side catching up'), {
      retriable: true,
      deferred: true,
    });
    let calls = 0;
    const { context, deadLetters, waits } = contextWith(() =>
      ++calls <= 6 ? Promise.reject(notYet) : Promise.resolve(),
    );

    await expect(deliver(message, context)).resolves.toBe('handled');

    expect(calls).toBe(7);
    expect(waits).toEqual([100, 200, 250, 250, 250, 250]);
    expect(deadLetters).toEqual([]);
  });

  it('still dead-letters a real failure after maxAttempts, however long it was deferred before', async () => {
    const notYet = Object.assign(new Error('catching up'), { retriable: true, deferred: true });
    let calls = 0;
    const { context, deadLetters } = contextWith(() =>
      Promise.reject(++calls <= 3 ? notYet : new TypeError('boom')),
    );

    await expect(deliver(message, context)).resolves.toBe('dead-lettered');

    expect(calls).toBe(3 + 4);
    expect(deadLetters).toHaveLength(1);
  });

  it('gives up without dead-lettering when the consumer stops during a backoff', async () => {
    const { context, deadLetters } = contextWith(failing(new Error('down')), [false]);

    await expect(deliver(message, context)).resolves.toBe('interrupted');

    expect(deadLetters).toEqual([]);
  });
});

describe('a message redriven from the dead letters of one group', () => {
  const redriven = { ...message, headers: { ...message.headers, dlt_redrive_for: 'planning' } };
  const skippedCount = async () =>
    (await messagesConsumed.get()).values.find(
      ({ labels }) => labels.group === 'analytics' && labels.outcome === 'skipped',
    )?.value ?? 0;

  it('is acknowledged by another group without calling its handler, and counted as skipped', async () => {
    // given a group (analytics) that handled the message the first time
    const handled: DeliveredMessage[] = [];
    const { context, deadLetters } = contextWith((delivered) => {
      handled.push(delivered);
      return Promise.resolve();
    });
    const skippedBefore = await skippedCount();

    // when the message comes again, redriven for planning
    const outcome = await deliver(redriven, context);

    // then analytics commits it untouched
    expect(outcome).toBe('skipped');
    expect(handled).toEqual([]);
    expect(deadLetters).toEqual([]);
    expect(await skippedCount()).toBe(skippedBefore + 1);
  });

  it('is handled as usual by the group it names', async () => {
    // given the group that failed on it
    const handled: DeliveredMessage[] = [];
    const { context } = contextWith((delivered) => {
      handled.push(delivered);
      return Promise.resolve();
    });

    // when it is redriven for that group
    const outcome = await deliver(redriven, { ...context, groupId: 'planning' });

    // then the handler gets it, header included
    expect(outcome).toBe('handled');
    expect(handled).toEqual([redriven]);
  });

  it('is skipped in a batch without holding back the commit of what follows', async () => {
    // given a batch where a message redriven for planning sits between two others
    const handled: string[] = [];
    const { context } = contextWith(({ offset }) => Promise.resolve(void handled.push(offset)));
    const batch = [
      { ...message, offset: '0' },
      { ...redriven, offset: '1' },
      { ...message, offset: '2' },
    ];

    // when analytics delivers it
    const committable = await deliverBatch(batch, context, () => true);

    // then all three may be committed, and only the other two were handled
    expect(committable).toBe(3);
    expect(handled).toEqual(['0', '2']);
  });

  it('is told apart by its header only', () => {
    expect(isRedrivenForAnotherGroup(redriven, 'analytics')).toBe(true);
    expect(isRedrivenForAnotherGroup(redriven, 'planning')).toBe(false);
    expect(isRedrivenForAnotherGroup(message, 'analytics')).toBe(false);
  });
});

describe('delivering a batch', () => {
  it('gives a failed batch up only once every key has stopped: no key is handled twice at once', async () => {
    // given a batch of two keys: emp-a's dead letter cannot be written, emp-b is slow
    const inFlight = new Set<string>();
    const overlaps: string[] = [];
    const started: string[] = [];
    const handler = async ({ key, offset }: DeliveredMessage) => {
      if (inFlight.has(key)) overlaps.push(key);
      inFlight.add(key);
      started.push(`${key}@${offset}`);
      try {
        if (key === 'emp-a') throw Object.assign(new Error('poison'), { retriable: false });
        await new Promise((resolve) => setTimeout(resolve, 50));
      } finally {
        inFlight.delete(key);
      }
    };
    const context: DeliveryContext = {
      ...contextWith(handler).context,
      deadLetter: () => Promise.reject(new Error('broker refused the dead letter')),
    };
    const batch = [
      { ...message, key: 'emp-b', offset: '0' },
      { ...message, key: 'emp-a', offset: '1' },
      { ...message, key: 'emp-b', offset: '2' },
    ];

    // when it fails and is delivered again at once, as an adapter does after a failure
    await expect(deliverBatch(batch, context, () => true)).rejects.toThrow('broker refused');
    await expect(deliverBatch(batch, context, () => true)).rejects.toThrow('broker refused');

    // then emp-b was never handled beside itself, and took no new message after the failure
    expect(overlaps).toEqual([]);
    expect(started).toEqual(['emp-b@0', 'emp-a@1', 'emp-b@0', 'emp-a@1']);
  });
});

describe('the embedded partitioner', () => {
  it('places a key on one partition, every time, and spreads keys', () => {
    expect(partitionOf('emp-1001', 6)).toBe(partitionOf('emp-1001', 6));
    const used = new Set(Array.from({ length: 100 }, (_, i) => partitionOf(`emp-${i}`, 6)));
    expect(used.size).toBe(6);
  });
});
