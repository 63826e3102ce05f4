// One service of `npm start` as a child process: its port, its environment and its output.
// Shared by scripts/start.js and the e2e suites' RunningSystem, so both start the same thing.
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { build, entryOf, distDir } = require('./build');

const root = path.resolve(__dirname, '..');
const services = [
  { name: 'assessment', port: 3001 },
  { name: 'planning', port: 3002 },
  { name: 'approval', port: 3003 },
  { name: 'analytics', port: 3004 },
  { name: 'notifications', port: 3005 },
];

/** TALENTLOOP_DATA_DIR, else data/: the folder of every file of the embedded default. */
const dataDirOf = (env = process.env) =>
  path.resolve(env.TALENTLOOP_DATA_DIR ?? path.join(root, 'data'));

/**
 * The secret of development tokens in the data folder (`dev-jwt-secret`, readable by its owner
 * only), created on first use: the services verify with it, `npm run token` signs with it.
 */
const devJwtSecret = (env = process.env) => {
  const file = path.join(dataDirOf(env), 'dev-jwt-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // Another service of the same start created it first: use theirs.
    if (error.code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim();
    throw error;
  }
};

/**
 * Development tokens unless `env` chooses AUTH_MODE (production needs AUTH_* of its own, and
 * is the only mode the services accept on Kafka, EventStoreDB or MongoDB).
 */
const authEnv = (env) =>
  (env.AUTH_MODE ?? 'development') === 'development'
    ? { AUTH_MODE: 'development', AUTH_DEV_SECRET: env.AUTH_DEV_SECRET ?? devJwtSecret(env) }
    : {};

/**
 * The port of one instance of a service: instance 1 on the service's own port (3001–3005, or
 * TALENTLOOP_BASE_PORT + 0…4), instance n one block of five ports further per extra instance.
 */
const portOf = (name, env = process.env, instance = 1) => {
  const index = services.findIndex((service) => service.name === name);
  if (index < 0) throw new Error(`unknown service ${name}`);
  if (!Number.isInteger(instance) || instance < 1)
    throw new Error(`instance must be a whole number ≥ 1, not ${instance}`);
  const basePort = Number(env.TALENTLOOP_BASE_PORT ?? 0);
  return (basePort ? basePort + index : services[index].port) + (instance - 1) * services.length;
};

/**
 * The environment of one instance of a service (1 unless told): `env` (process.env by default)
 * with its port (see portOf), development tokens (see authEnv) and, unless `env` names them,
 * every file of the embedded default in TALENTLOOP_DATA_DIR (else data/): read models and relay
 * checkpoints only make sense beside the event store they were built from. Every instance of a
 * service shares them: instances differ by port only.
 */
/**
 * On a broker with SASL_SSL (the test brokers of deploy/test-infra), each service signs in as
 * its own SCRAM user: TALENTLOOP_KAFKA_CREDENTIALS_FILE names the JSON file of the users'
 * passwords the test broker made; a KAFKA_SASL_USERNAME given outright wins.
 */
const kafkaUserEnv = (name, env) => {
  const file = env.TALENTLOOP_KAFKA_CREDENTIALS_FILE;
  if (!file || env.KAFKA_SASL_USERNAME) return {};
  const passwords = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (typeof passwords[name] !== 'string') throw new Error(`${file} has no Kafka user ${name}`);
  return { KAFKA_SASL_USERNAME: name, KAFKA_SASL_PASSWORD: passwords[name] };
};

const serviceEnv = (name, env = process.env, instance = 1) => {
  const port = portOf(name, env, instance);
  const dataDir = dataDirOf(env);
  const inData = (variable, file) => env[variable] ?? path.join(dataDir, file);
  return {
    ...env,
    ...authEnv(env),
    ...kafkaUserEnv(name, env),
    PORT: String(port),
    EVENT_STORE_SQLITE_PATH: inData('EVENT_STORE_SQLITE_PATH', 'talentloop.sqlite'),
    BUS_SQLITE_PATH: inData('BUS_SQLITE_PATH', 'bus.sqlite'),
    READ_MODELS_SQLITE_PATH: inData('READ_MODELS_SQLITE_PATH', 'read-models.sqlite'),
  };
};

/**
 * Node 24's V8 sizes the young generation from the heap limit: up to 64 MiB per semi-space on
 * this kind of machine (Node 20: 16 MiB). A burst of allocation (analytics loading its facts,
 * a load peak) leaves it committed for good: ~70-90 MiB more RSS at rest per service.
 * 16 MiB is what the services ran and were measured with on Node 20; bench:system on Node 24
 * with it carried more check-ins than Node 20 did without (see ADR 0004).
 * --expose-gc lets a service compact its heap when idle after a burst of allocation, such as
 * analytics loading its facts at start (compactWhenIdle in libs/platform/service-kit/src/heap.ts):
 * V8 would keep the heap that burst grew committed for minutes, ~60 MiB of RSS at 1M events.
 */
const SERVICE_V8_FLAGS = ['--max-semi-space-size=16', '--expose-gc'];

/**
 * What every service process (and the console) runs with besides its settings: V8's compiled
 * code kept in dist/.compile-cache between starts (NODE_COMPILE_CACHE, honoured since Node
 * 22.1; the cache has a folder per Node version), so a start does not compile its bundle again.
 */
const SERVICE_RUNTIME_ENV = Object.freeze({
  NODE_COMPILE_CACHE: path.join(distDir, '.compile-cache'),
});

/** Every line a child writes (stdout and stderr) to `write`, prefixed with `[label] `. */
const passLines = (child, label, write) => {
  for (const stream of [child.stdout, child.stderr])
    stream.on('data', (chunk) =>
      write(
        chunk
          .toString()
          .split('\n')
          .filter(Boolean)
          .map((line) => `[${label}] ${line}\n`)
          .join(''),
      ),
    );
};

/**
 * Starts one instance of a service (1 unless told) from its compiled JavaScript (dist/, brought
 * up to date first: see build.js); every line it writes (stdout and stderr) goes to `write`
 * prefixed with `[name] ` (`[name#n] ` for instance n > 1). Stack traces name dist/*.js lines;
 * NODE_OPTIONS=--enable-source-maps maps them to the TypeScript (~15 % more CPU at start).
 * The services keep V8's compiled code between starts (SERVICE_RUNTIME_ENV). V8's young
 * generation is capped as Node 20 sized it (SERVICE_V8_FLAGS; the image's CMD passes the same).
 */
const spawnService = (name, env, write, instance = 1) => {
  build();
  const child = spawn(process.execPath, [...SERVICE_V8_FLAGS, entryOf(name)], {
    cwd: root,
    env: { ...SERVICE_RUNTIME_ENV, ...serviceEnv(name, env, instance) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  passLines(child, instance === 1 ? name : `${name}#${instance}`, write);
  return child;
};

/**
 * The console's port: TALENTLOOP_CONSOLE_PORT, else one below the first service's
 * (TALENTLOOP_BASE_PORT − 1, else 3000), clear of every service instance's block.
 */
const consolePortOf = (env = process.env) => {
  if (env.TALENTLOOP_CONSOLE_PORT) return Number(env.TALENTLOOP_CONSOLE_PORT);
  const basePort = Number(env.TALENTLOOP_BASE_PORT ?? 0);
  return basePort ? basePort - 1 : 3000;
};

/**
 * The console's environment: its port, instance 1 of each service as its APIs, and the services'
 * sign-in (development tokens by the same secret; in production the identity provider's OIDC_*
 * settings, which `env` must give). Undefined when production sign-in is not configured: the
 * console is then not started (the services run without it), and its web app is not built.
 */
const consoleEnv = (env) => {
  const auth = authEnv(env);
  const mode = env.AUTH_MODE ?? 'development';
  if (mode !== 'development' && !(env.OIDC_ISSUER && env.OIDC_CLIENT_ID)) return undefined;
  return {
    ...env,
    ...auth,
    PORT: String(consolePortOf(env)),
    ...Object.fromEntries(
      services.map(({ name }) => [
        `CONSOLE_${name.toUpperCase()}_URL`,
        env[`CONSOLE_${name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${portOf(name, env)}`,
      ]),
    ),
  };
};

/**
 * Starts the console (see consoleEnv) after bringing its server bundle and web app up to date;
 * resolves to its process, or undefined when production sign-in is not configured (then nothing
 * is built). Lines go to `write` as `[console] …`.
 */
const spawnConsole = async (env, write) => {
  const environment = consoleEnv(env);
  if (environment === undefined) return undefined;
  const { buildConsole } = require('./build-console');
  const webDir = await buildConsole();
  build();
  const child = spawn(process.execPath, [...SERVICE_V8_FLAGS, entryOf('console')], {
    cwd: root,
    env: { ...SERVICE_RUNTIME_ENV, ...environment, CONSOLE_WEB_DIR: webDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  passLines(child, 'console', write);
  return child;
};

/** The file a service process runs (its bundle, see scripts/build.js), absolute. */
const serviceEntry = (name) => path.join(root, entryOf(name));

module.exports = {
  services,
  consolePortOf,
  consoleEnv,
  spawnConsole,
  serviceEntry,
  portOf,
  serviceEnv,
  spawnService,
  dataDirOf,
  devJwtSecret,
  SERVICE_V8_FLAGS,
  SERVICE_RUNTIME_ENV,
};
