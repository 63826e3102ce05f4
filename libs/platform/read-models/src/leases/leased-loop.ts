import type { Loop } from '@talentloop/supervision';
import type { Lease } from './lease';

const sleep = (ms: number, wake: Promise<void>) =>
  Promise.race([new Promise<void>((resolve) => setTimeout(resolve, ms)), wake]);

/**
 * Runs `start`'s loop only while this instance holds the lease: it waits (as a standby) until
 * it can take the lease, starts the loop, renews the lease every third of its lifetime, and
 * stops the loop as soon as a renewal fails. `finished` rejects when the inner loop fails (the
 * supervisor then starts the whole thing again), and resolves on stop, releasing the lease.
 */
export const leasedLoop = (lease: Lease, ttlMs: number, start: () => Loop): Loop => {
  let stopping = false;
  let wake: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (wake = resolve));
  const renewEveryMs = Math.max(50, Math.floor(ttlMs / 3));

  const run = async (): Promise<void> => {
    while (!stopping) {
      if (!(await lease.tryTake())) {
        await sleep(renewEveryMs, stopped);
        continue;
      }
      const loop = start();
      let failed: Error | undefined;
      let ended = false;
      const outcome = loop.finished.then(
        () => (ended = true),
        (error: unknown) => {
          ended = true;
          failed = error instanceof Error ? error : new Error(String(error));
        },
      );
      // Renew while it runs; a lost lease (or a store that cannot say) stops it.
      while (!stopping && !ended) {
        await Promise.race([sleep(renewEveryMs, stopped), outcome]);
        if (stopping || ended) break;
        const held = await lease.tryTake().catch(() => false);
        if (!held) break;
      }
      if (!ended) await loop.stop();
      await outcome;
      if (failed !== undefined) throw failed;
    }
    await lease.release().catch(() => undefined);
  };

  const finished = run();
  return {
    finished,
    stop: async () => {
      stopping = true;
      wake();
      await finished.catch(() => undefined);
    },
  };
};
