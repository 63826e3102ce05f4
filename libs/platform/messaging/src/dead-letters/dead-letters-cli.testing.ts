import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { GroupReading } from './dead-letter-rules';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const runNode = (script: string, args: readonly string[], env: NodeJS.ProcessEnv) =>
  new Promise<CliRun>((resolve, reject) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', script, ...args],
      { env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : error.code;
        if (typeof code !== 'number') reject(error ?? new Error('no exit code'));
        else resolve({ code, stdout, stderr });
      },
    );
  });

/** The CLI in a child process, with the test's own groups (dead-letters-cli.fixture.ts). */
export const runDeadLettersFor = (
  groups: readonly GroupReading[],
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<CliRun> =>
  runNode(join(__dirname, 'dead-letters-cli.fixture.ts'), [JSON.stringify(groups), ...args], env);

/** `npm run dead-letters -- …` itself: the script with the declared talentloop groups. */
export const runDeadLettersScript = (
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<CliRun> => runNode(join(__dirname, '..', 'cli', 'dead-letters.ts'), args, env);
