/**
 * The no-op route (noop-route.ts) in a child process, driven by the same load generator as
 * the commands: its capacity (the achieved rate when offered far more than it can take) and
 * its latency at each offered rate the commands run at. What a command's figures compare with.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { runLoad, type LoadResult } from './load';

export interface NoopBaseline {
  /** Achieved requests/s when offered `offeredForCapacity`/s. */
  readonly capacity: LoadResult;
  /** One run per offered rate of the commands. */
  readonly atRates: readonly LoadResult[];
}

const startNoopRoute = async () => {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', resolve(__dirname, 'noop-route.ts')],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout });
  const port = await new Promise<number>((resolvePort, reject) => {
    child.once('exit', (code) => reject(new Error(`the no-op route exited with ${code}`)));
    lines.on('line', (line) => {
      const match = /^listening (\d+)$/.exec(line);
      if (match) resolvePort(Number(match[1]));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolveStop) => {
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
      }),
  };
};

export const measureNoopBaseline = async (options: {
  readonly rates: readonly number[];
  readonly offeredForCapacity: number;
  readonly seconds: number;
  readonly connectionsFor: (rate: number) => number;
  readonly body: string;
}): Promise<NoopBaseline> => {
  const route = await startNoopRoute();
  try {
    const load = (rate: number, seconds = options.seconds) =>
      runLoad({
        url: route.url,
        rate,
        seconds,
        connections: options.connectionsFor(rate),
        next: () => ({
          path: '/noop',
          headers: { 'content-type': 'application/json' },
          body: options.body,
        }),
      });
    // A short warm-up, so the figures do not include the JIT's first seconds.
    await load(1000, 2);
    const atRates: LoadResult[] = [];
    for (const rate of options.rates) atRates.push(await load(rate));
    const capacity = await load(options.offeredForCapacity);
    return { capacity, atRates };
  } finally {
    await route.stop();
  }
};
