/**
 * The dead-letters CLI with consumer groups of a test's own (JSON in argv[2], the command
 * after it): tests run it as a child process on topics unique to them, never on the declared
 * talentloop groups. cli/dead-letters.ts is the same call with the declared groups.
 */
import { runDeadLettersCli } from './dead-letters-cli';
import type { GroupReading } from './dead-letter-rules';

runDeadLettersCli(process.argv.slice(3), {
  env: process.env,
  groups: JSON.parse(process.argv[2] ?? '[]') as GroupReading[],
  out: (line) => console.log(line),
  err: (line) => console.error(line),
}).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error('dead-letters failed', error);
    process.exitCode = 1;
  },
);
