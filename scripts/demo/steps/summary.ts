import { bold, dim, elapsed } from '../print';
import { timings } from '../run';

/** The closing table: one row per part of the cycle, then every asynchronous wait. */
export const printSummary = (rows: readonly (readonly [string, string])[]) => {
  const ruler = '─'.repeat(78);
  console.log(`\n${ruler}\n${bold('Summary')}  ${dim(`total ${elapsed()}`)}`);
  for (const [key, value] of rows) console.log(`  ${key.padEnd(13)} ${value}`);
  console.log(
    `  ${'async waits'.padEnd(13)} ${timings.map((timing) => `${timing.ms} ms`).join(', ')}`,
  );
  for (const timing of timings)
    console.log(dim(`                ${String(timing.ms).padStart(5)} ms  ${timing.what}`));
  console.log(ruler);
};
