import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join, resolve } from 'node:path';

/** BENCH_PROFILE_DIR, when set: each measured phase is CPU-profiled into <dir>/<label>.cpuprofile. */
const profileDir = process.env['BENCH_PROFILE_DIR']
  ? resolve(process.env['BENCH_PROFILE_DIR'])
  : undefined;

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
  };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** The frames with the most self time, as `share  function  file:line`. */
export const topFrames = (profile: CpuProfile, count = 10): string[] => {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const node = byNode.get(id);
    const delta = profile.timeDeltas[index] ?? 0;
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.replace(/^.*\/(node_modules|libs|bench)\//, '$1/');
    const key = `${functionName || '(anonymous)'}  ${where}${where ? `:${lineNumber + 1}` : ''}`;
    selfMicros.set(key, (selfMicros.get(key) ?? 0) + delta);
    total += delta;
  });
  return [...selfMicros]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, micros]) => `${((100 * micros) / total).toFixed(1).padStart(5)} %  ${key}`);
};

/** Runs `task`, CPU-profiling it when BENCH_PROFILE_DIR is set; prints the top frames. */
export const profiled = async <T>(label: string, task: () => Promise<T>): Promise<T> => {
  if (!profileDir) return task();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await task();
  } finally {
    const { profile } = (await session.post('Profiler.stop')) as unknown as {
      profile: CpuProfile;
    };
    session.disconnect();
    const file = join(profileDir, `${label}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`\nProfile of ${label} (${file}), self time:\n${topFrames(profile).join('\n')}\n`);
  }
};
