#!/usr/bin/env node
// Starts the five services as separate processes on the embedded default (one SQLite event
// store shared by all), and the console (the web app, on TALENTLOOP_BASE_PORT − 1, else 3000),
// and stops them all on Ctrl-C or when one of them dies. They accept development bearer tokens
// signed with <data dir>/dev-jwt-secret (`npm run token` mints one; the console's sign-in
// page too).
const { services, spawnService, spawnConsole } = require('./service-process');

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

const watch = ({ name, child }) =>
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} exited (${signal ?? code}); stopping the others`);
    stopAll(1);
  });
children.forEach(watch);

spawnConsole(process.env, (text) => process.stdout.write(text)).then(
  (child) => {
    if (child === undefined) {
      console.log('[console] not started: production sign-in needs OIDC_ISSUER and OIDC_CLIENT_ID');
      return;
    }
    const entry = { name: 'console', child };
    children.push(entry);
    if (stopping) child.kill('SIGTERM');
    else watch(entry);
  },
  (error) => {
    console.error('console could not be built:', error);
    stopAll(1);
  },
);
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
