import { forgetMemoizedReads, memoizedRead, withReadMemo } from './read-memo';

/** A read that counts how often it ran and answers with that count. */
const countingRead = () => {
  let runs = 0;
  return { read: () => Promise.resolve(++runs), runs: () => runs };
};

describe('memoized reads', () => {
  const reader = {};

  it('reads once per key and reader inside a unit of work', async () => {
    // Given two readers and a counting read
    const other = {};
    const counted = countingRead();

    // When one unit of work asks three times for one key, once for another, once of another reader
    const answers = await withReadMemo(() =>
      Promise.all([
        memoizedRead(reader, 'person/1', counted.read),
        memoizedRead(reader, 'person/1', counted.read),
        memoizedRead(reader, 'person/1', counted.read),
        memoizedRead(reader, 'person/2', counted.read),
        memoizedRead(other, 'person/1', counted.read),
      ]),
    );

    // Then each key of each reader was read once, and the asks of one key shared its answer
    expect(answers).toEqual([1, 1, 1, 2, 3]);
    expect(counted.runs()).toBe(3);
  });

  it('reads every time outside a unit of work, and units of work share nothing', async () => {
    // Given a counting read
    const counted = countingRead();

    // When it is asked for twice outside, then once in each of two units of work
    await memoizedRead(reader, 'person/1', counted.read);
    await memoizedRead(reader, 'person/1', counted.read);
    await withReadMemo(() => memoizedRead(reader, 'person/1', counted.read));
    await withReadMemo(() => memoizedRead(reader, 'person/1', counted.read));

    // Then every ask was a read
    expect(counted.runs()).toBe(4);
  });

  it('reads again after the memo is forgotten, and keeps no failed read', async () => {
    // Given a read that fails once, then succeeds
    let runs = 0;
    const flaky = () => (++runs === 1 ? Promise.reject(new Error('busy')) : Promise.resolve(runs));

    // When one unit of work asks, asks again after the failure, forgets, and asks once more
    const answers = await withReadMemo(async () => {
      const failed = await memoizedRead(reader, 'k', flaky).catch((error: Error) => error.message);
      const retried = await memoizedRead(reader, 'k', flaky);
      const memoized = await memoizedRead(reader, 'k', flaky);
      forgetMemoizedReads();
      const forgotten = await memoizedRead(reader, 'k', flaky);
      return [failed, retried, memoized, forgotten];
    });

    // Then the failure was read again, the success memoized until forgotten
    expect(answers).toEqual(['busy', 2, 2, 3]);
  });
});
