#!/usr/bin/env node
// Starts the five services as separate processes on the embedded default (one SQLite event
// store shared by all) and stops them all on Ctrl-C or when one of them dies. They accept
// development bearer tokens signed with <data dir>/dev-jwt-secret (`npm run token` mints one).
const { services, spawnService } = require('./service-process');

const children = services.map(({ name }) => ({
  name,
  child: spawnService(name, process.env, (text) => process.stdout.write(text)),
}));

let stopping = false;
const stopAll = (code) => {
  if (stopping) return;
  stopping = true;
  for (const { child } of children) if (child.exitCode === null) child.kill('SIGTERM');
  const force = setTimeout(() => {
    for (const { child } of children) if (child.exitCode === null) child.kill('SIGKILL');
  }, 10_000);
  force.unref();
  Promise.all(
    children.map(({ child }) =>
      child.exitCode === null ? new Promise((resolve) => child.on('exit', resolve)) : null,
    ),
  ).then(() => process.exit(code));
};

for (const { name, child } of children)
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} exited (${signal ?? code}); stopping the others`);
    stopAll(1);
  });
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
