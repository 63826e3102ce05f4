import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

const testInfra = resolve(__dirname, '..', '..', 'deploy', 'test-infra');
const run = promisify(execFile);

/** Where deploy/test-infra/lib.sh keeps pids and logs: TALENTLOOP_TEST_INFRA_DIR, else .run/. */
const runFolder = () => process.env['TALENTLOOP_TEST_INFRA_DIR'] || resolve(testInfra, '.run');
const pidFile = () => resolve(runFolder(), 'kafka.pid');

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
};

const kafkaScript = async (command: 'start' | 'stop'): Promise<void> => {
  // The same variables as the test servers were started with (ports, folder), so the script
  // finds the broker the suites use.
  await run('bash', [resolve(testInfra, 'kafka.sh'), command], {
    env: process.env,
    timeout: 180_000,
  });
};

/**
 * The test broker of deploy/test-infra/kafka.sh, for suites that take it away. Only within the
 * Kafka turn (see kafkaTurn), and a suite that stops or kills it starts it again whatever
 * happened, for the suites after it.
 */
export const kafkaBroker = {
  /** Stops it as an operator would (SIGTERM, a clean shutdown). */
  stop: () => kafkaScript('stop'),
  /** Starts it (a no-op when it runs) and resolves once it accepts produce requests. */
  start: () => kafkaScript('start'),
  /** Kills it with SIGKILL, as a crashed machine would lose it, and waits until it is gone. */
  async kill(): Promise<number> {
    const pid = Number(readFileSync(pidFile(), 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0 || !alive(pid))
      throw new Error(`no Kafka broker runs under the pid in ${pidFile()}`);
    process.kill(pid, 'SIGKILL');
    const deadline = Date.now() + 30_000;
    while (alive(pid))
      if (Date.now() > deadline) throw new Error(`the broker (pid ${pid}) outlived SIGKILL`);
      else await sleep(100);
    return pid;
  },
  /** The last lines the broker logged since its last start, for a failure's message. */
  logTail(lines = 60): string {
    try {
      return readFileSync(resolve(runFolder(), 'logs', 'kafka.log'), 'utf8')
        .split('\n')
        .slice(-lines)
        .join('\n');
    } catch (error) {
      return `(no broker log: ${(error as Error).message})`;
    }
  },
};
