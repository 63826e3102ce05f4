#!/usr/bin/env node
// Commit subjects of at most 72 characters, the detail in the body (issue 17). Checks every
// commit since the one that made it a rule; earlier history is published and stays as it is.
// Outside a git checkout, or in a clone that lacks that commit (shallow), it says so and passes.
const { execFileSync } = require('node:child_process');

const RULE_SINCE = '5a4931a';
const MAX = 72;

const git = (...args) =>
  execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

let subjects;
try {
  git('cat-file', '-e', `${RULE_SINCE}^{commit}`);
  subjects = git('log', '--format=%h %s', `${RULE_SINCE}..HEAD`).split('\n').filter(Boolean);
} catch {
  console.log(`commit subjects: not checked (no git history with ${RULE_SINCE} here)`);
  process.exit(0);
}
const long = subjects.filter((line) => line.length - line.indexOf(' ') - 1 > MAX);
if (long.length > 0) {
  console.error(`commit subjects over ${MAX} characters (put the detail in the body):`);
  for (const line of long) console.error(`  ${line}`);
  process.exit(1);
}
console.log(
  `commit subjects: ${subjects.length} since ${RULE_SINCE}, all at most ${MAX} characters`,
);
