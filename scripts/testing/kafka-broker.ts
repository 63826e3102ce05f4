import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { kafkaClientEnv } from './infrastructures';

const testInfra = resolve(__dirname, '..', '..', 'deploy', 'test-infra');
const run = promisify(execFile);

/** The shared test broker's port when TALENTLOOP_KAFKA_PORT names none (as lib.sh). */
const SHARED_KAFKA_PORT = 19092;
/** How far above the shared broker's ports a suite's own broker listens. */
const OWN_BROKER_PORT_OFFSET = 100;

/** Where deploy/test-infra/lib.sh keeps pids and logs: TALENTLOOP_TEST_INFRA_DIR, else .run/. */
const runFolderOf = (env: NodeJS.ProcessEnv) =>
  env['TALENTLOOP_TEST_INFRA_DIR'] || resolve(testInfra, '.run');

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
};

/** A broker of deploy/test-infra/kafka.sh, run with these variables (folder and ports). */
export interface TestBroker {
  /** Where clients reach it as the super user (KAFKA_BROKERS, PLAINTEXT). */
  readonly address: string;
  /** What a service under test is given to reach it as its own user (SASL_SSL). */
  readonly clientEnv: NodeJS.ProcessEnv;
  /** Stops it as an operator would (SIGTERM, a clean shutdown). */
  stop(): Promise<void>;
  /** Starts it (a no-op when it runs) and resolves once it accepts produce requests. */
  start(): Promise<void>;
  /** Kills it with SIGKILL, as a crashed machine would lose it, and waits until it is gone. */
  kill(): Promise<number>;
  /** The last lines the broker logged since its last start, for a failure's message. */
  logTail(lines?: number): string;
}

const brokerOf = (env: NodeJS.ProcessEnv): TestBroker => {
  const folder = runFolderOf(env);
  const pidFile = resolve(folder, 'kafka.pid');
  const kafkaScript = async (command: 'start' | 'stop'): Promise<void> => {
    await run('bash', [resolve(testInfra, 'kafka.sh'), command], { env, timeout: 180_000 });
  };
  const port = Number(env['TALENTLOOP_KAFKA_PORT'] || SHARED_KAFKA_PORT);
  const saslPort = Number(env['TALENTLOOP_KAFKA_SASL_PORT'] || port + 2);
  return {
    address: `127.0.0.1:${port}`,
    clientEnv: kafkaClientEnv(
      { plaintext: `127.0.0.1:${port}`, sasl: `127.0.0.1:${saslPort}` },
      {
        KAFKA_SSL_CA_FILE: resolve(folder, 'kafka', 'tls', 'ca.pem'),
        TALENTLOOP_KAFKA_CREDENTIALS_FILE: resolve(folder, 'kafka', 'credentials.json'),
      },
    ),
    stop: () => kafkaScript('stop'),
    start: () => kafkaScript('start'),
    async kill(): Promise<number> {
      const pid = Number(readFileSync(pidFile, 'utf8').trim());
      if (!Number.isInteger(pid) || pid <= 0 || !alive(pid))
        throw new Error(`no Kafka broker runs under the pid in ${pidFile}`);
      process.kill(pid, 'SIGKILL');
      const deadline = Date.now() + 30_000;
      while (alive(pid))
        if (Date.now() > deadline) throw new Error(`the broker (pid ${pid}) outlived SIGKILL`);
        else await sleep(100);
      return pid;
    },
    logTail(lines = 60): string {
      try {
        return readFileSync(resolve(folder, 'logs', 'kafka.log'), 'utf8')
          .split('\n')
          .slice(-lines)
          .join('\n');
      } catch (error) {
        return `(no broker log: ${(error as Error).message})`;
      }
    },
  };
};

/**
 * A broker of a suite's own, for suites that take the broker away (stop it, SIGKILL it): the
 * shared one of deploy/test-infra/up.sh stays up for every other suite running meanwhile,
 * integration suites included, which take no turn. Its folder sits beside the shared one's,
 * its ports 100 above (the Kafka jars come from the same Maven repository).
 */
export const ownBroker = (name: string): TestBroker => {
  const port = Number(process.env['TALENTLOOP_KAFKA_PORT'] || SHARED_KAFKA_PORT);
  const controller = Number(process.env['TALENTLOOP_KAFKA_CONTROLLER_PORT'] || port + 1);
  const sasl = Number(process.env['TALENTLOOP_KAFKA_SASL_PORT'] || port + 2);
  return brokerOf({
    ...process.env,
    TALENTLOOP_TEST_INFRA_DIR: resolve(runFolderOf(process.env), name),
    TALENTLOOP_KAFKA_PORT: String(port + OWN_BROKER_PORT_OFFSET),
    TALENTLOOP_KAFKA_CONTROLLER_PORT: String(controller + OWN_BROKER_PORT_OFFSET),
    TALENTLOOP_KAFKA_SASL_PORT: String(sasl + OWN_BROKER_PORT_OFFSET),
  });
};
