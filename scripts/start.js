#!/usr/bin/env node
// Starts the four services as separate processes on the embedded default (one SQLite event
// store shared by all) and stops them all on Ctrl-C or when one of them dies.
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const services = [
  { name: 'assessment', port: 3001 },
  { name: 'planning', port: 3002 },
  { name: 'approval', port: 3003 },
  { name: 'analytics', port: 3004 },
];
const basePort = Number(process.env.TALENTLOOP_BASE_PORT ?? 0);
// Every file of the embedded default in one folder: read models and relay checkpoints only
// make sense beside the event store they were built from.
const dataDir = path.resolve(process.env.TALENTLOOP_DATA_DIR ?? path.join(root, 'data'));
const inData = (variable, file) => process.env[variable] ?? path.join(dataDir, file);

const children = services.map(({ name, port }, index) => {
  const env = {
    ...process.env,
    PORT: String(basePort ? basePort + index : port),
    EVENT_STORE_SQLITE_PATH: inData('EVENT_STORE_SQLITE_PATH', 'talentloop.sqlite'),
    BUS_SQLITE_PATH: inData('BUS_SQLITE_PATH', 'bus.sqlite'),
    RELAY_CHECKPOINT_PATH: inData('RELAY_CHECKPOINT_PATH', 'relay-checkpoints.sqlite'),
    READ_MODELS_SQLITE_PATH: inData('READ_MODELS_SQLITE_PATH', 'read-models.sqlite'),
  };
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', path.join('services', name, 'src', 'main.ts')],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const prefix = `[${name}] `;
  for (const stream of [child.stdout, child.stderr])
    stream.on('data', (chunk) =>
      process.stdout.write(
        chunk
          .toString()
          .split('\n')
          .filter(Boolean)
          .map((line) => prefix + line + '\n')
          .join(''),
      ),
    );
  return { name, child };
});

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
