import { OffsetCommits, type TopicOffsets } from './offset-commits';

/** Commits as they would reach the group coordinator, in order, and whence. */
const recorder = () => {
  const commits: { via: string; topics: TopicOffsets[] }[] = [];
  const via = (name: string) => (topics: TopicOffsets[]) => {
    commits.push({ via: name, topics });
    return Promise.resolve();
  };
  return { commits, via };
};

const A_MINUTE = 60_000;

describe('committing what a consumer handled', () => {
  it('commits the first chunk after a quiet spell at once, in the batch', async () => {
    // given a consumer that has committed nothing yet
    const { commits, via } = recorder();
    const offsets = new OffsetCommits(A_MINUTE, via('later'));

    // when it has handled a partition up to offset 10
    await offsets.handled('planning', 0, 10n, via('batch'));

    // then that is committed at once, from the batch
    expect(commits).toEqual([
      {
        via: 'batch',
        topics: [{ topic: 'planning', partitions: [{ partition: 0, offset: '10' }] }],
      },
    ]);
    offsets.forget();
  });

  it('leaves what comes within the interval for one later commit, the furthest offset per partition', async () => {
    // given a consumer that has just committed
    const { commits, via } = recorder();
    const offsets = new OffsetCommits(A_MINUTE, via('later'));
    await offsets.handled('planning', 0, 10n, via('batch'));

    // when it handles more of two partitions within the interval
    await offsets.handled('planning', 0, 12n, via('batch'));
    await offsets.handled('planning', 1, 3n, via('batch'));
    await offsets.handled('planning', 0, 15n, via('batch'));

    // then nothing more is committed yet; stop()'s flush commits each partition's furthest
    expect(commits).toHaveLength(1);
    await offsets.flush();
    expect(commits[1]).toEqual({
      via: 'later',
      topics: [
        {
          topic: 'planning',
          partitions: [
            { partition: 0, offset: '15' },
            { partition: 1, offset: '3' },
          ],
        },
      ],
    });
  });

  it('commits every chunk at once after a flush, for the batch in hand at stop()', async () => {
    // given a consumer being stopped
    const { commits, via } = recorder();
    const offsets = new OffsetCommits(A_MINUTE, via('later'));
    await offsets.handled('planning', 0, 10n, via('batch'));
    await offsets.flush();

    // when the batch in hand handles two more chunks
    await offsets.handled('planning', 0, 20n, via('batch'));
    await offsets.handled('planning', 0, 30n, via('batch'));

    // then each is committed at once
    expect(commits.map(({ topics }) => topics[0].partitions[0].offset)).toEqual(['10', '20', '30']);
  });

  it('forgets what is pending when the group rebalances', async () => {
    // given handled offsets waiting for the interval
    const { commits, via } = recorder();
    const offsets = new OffsetCommits(A_MINUTE, via('later'));
    await offsets.handled('planning', 0, 10n, via('batch'));
    await offsets.handled('planning', 0, 20n, via('batch'));

    // when the group rebalances, then the consumer stops
    offsets.forget();
    await offsets.flush();

    // then only what was committed before stays committed: the rest is delivered again
    expect(commits.map(({ topics }) => topics[0].partitions[0].offset)).toEqual(['10']);
  });

  it('commits after every chunk when the interval is 0', async () => {
    const { commits, via } = recorder();
    const offsets = new OffsetCommits(0, via('later'));

    await offsets.handled('planning', 0, 10n, via('batch'));
    await offsets.handled('planning', 0, 20n, via('batch'));

    expect(commits.map(({ via: whence }) => whence)).toEqual(['batch', 'batch']);
  });

  it('commits what is pending at once when a rebalance cuts a batch short', async () => {
    // given handled offsets waiting for the interval
    const { commits, via } = recorder();
    const offsets = new OffsetCommits(A_MINUTE, via('later'));
    await offsets.handled('planning', 0, 10n, via('batch'));
    await offsets.handled('planning', 0, 20n, via('batch'));

    // when the batch learns of a rebalance
    await offsets.commitPending(via('batch'));

    // then they are committed from the batch, and nothing is left for later
    await offsets.flush();
    expect(
      commits.map(({ via: whence, topics }) => [whence, topics[0].partitions[0].offset]),
    ).toEqual([
      ['batch', '10'],
      ['batch', '20'],
    ]);
  });
});
