import { useTemporaryFolder } from '@talentloop/testing';
import type { Loop } from '@talentloop/supervision';
import { join } from 'node:path';
import { EmbeddedReadModelStore } from '../sqlite/embedded-read-model-store';
import { Lease } from './lease';
import { leasedLoop } from './leased-loop';

const TTL_MS = 300;

/** A loop that records whether it runs, and can be made to fail. */
const recordingLoop = (running: Set<string>, name: string) => {
  let fail: (error: Error) => void = () => {};
  let end: () => void = () => {};
  const start = (): Loop => {
    running.add(name);
    const finished = new Promise<void>((resolve, reject) => {
      end = resolve;
      fail = reject;
    }).finally(() => running.delete(name));
    return { finished, stop: () => (end(), finished) };
  };
  return { start, fail: (error: Error) => fail(error) };
};

const eventually = async (what: string, condition: () => boolean, timeoutMs = 5_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('a loop run under a lease by two instances', () => {
  const folder = useTemporaryFolder('lease');
  const stops: (() => Promise<void>)[] = [];
  let store: EmbeddedReadModelStore;

  beforeEach(() => {
    store = new EmbeddedReadModelStore({ path: join(folder(), 'read-models.sqlite') });
  });

  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    await store.close();
  });

  const instance = (holder: string, running: Set<string>) => {
    const loop = recordingLoop(running, holder);
    const lease = new Lease({ store, name: 'relay:test', holder, ttlMs: TTL_MS });
    const leased = leasedLoop(lease, TTL_MS, loop.start);
    stops.push(() => leased.stop());
    return { leased, fail: loop.fail };
  };

  it('runs in one instance at a time, and moves to the other when the holder stops', async () => {
    const running = new Set<string>();
    const first = instance('first', running);
    await eventually('the first to run', () => running.has('first'));
    instance('second', running);

    await new Promise((resolve) => setTimeout(resolve, TTL_MS * 3));
    expect([...running]).toEqual(['first']);

    await first.leased.stop();
    await eventually('the second to take over', () => running.has('second'));
    expect([...running]).toEqual(['second']);
  });

  it('moves to the other instance once a holder that stopped renewing lets the lease expire', async () => {
    const running = new Set<string>();
    // A holder that took the lease and died: nobody renews it.
    await new Lease({ store, name: 'relay:test', holder: 'dead', ttlMs: TTL_MS }).tryTake();
    instance('survivor', running);

    await new Promise((resolve) => setTimeout(resolve, TTL_MS / 3));
    expect(running.has('survivor')).toBe(false);
    await eventually('the survivor to take over', () => running.has('survivor'), TTL_MS * 5);
  });

  it('fails when its loop fails, so the supervisor starts it again', async () => {
    const running = new Set<string>();
    const only = instance('only', running);
    await eventually('it to run', () => running.has('only'));

    only.fail(new Error('broker gone'));

    await expect(only.leased.finished).rejects.toThrow('broker gone');
  });
});
