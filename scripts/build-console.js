#!/usr/bin/env node
// Builds the console's web app (services/console/web) with Vite into dist/console/web/<hash>/,
// the hash taken over its sources, the lockfile and this script: incremental (an unchanged app
// is not built again), and atomic under builds started at once by several processes (each
// builds into a folder of its own and renames it into place; the first rename wins). `consoleWebDir()` names the folder the console serves.
const fs = require('node:fs');
const path = require('node:path');
const { createHash } = require('node:crypto');

const root = path.resolve(__dirname, '..');
const webRoot = path.join(root, 'services', 'console', 'web');
const outRoot = path.join(root, 'dist', 'console', 'web');
/** The published events' contract: the event browser shows each type's schema from it. */
const asyncApiFile = path.join(root, 'libs', 'contracts', 'asyncapi.json');

/** Builds kept, the current one included. */
const KEPT_BUILDS = 8;

const filesOf = (dir, found = []) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) filesOf(full, found);
    else if (!entry.name.endsWith('.spec.ts')) found.push(full);
  }
  return found;
};

/** What decides the built app. */
const fingerprint = () => {
  const hash = createHash('sha256');
  for (const file of filesOf(webRoot).sort())
    hash.update(path.relative(root, file)).update(fs.readFileSync(file));
  hash.update(fs.readFileSync(path.join(root, 'package-lock.json')));
  hash.update(fs.readFileSync(asyncApiFile));
  hash.update(fs.readFileSync(__filename));
  return hash.digest('hex').slice(0, 16);
};

/**
 * Every published event type from the AsyncAPI document: its name, CloudEvents type, summary
 * and the JSON Schema of its data, ordered by name (served as /event-types.json).
 */
const eventTypes = () => {
  const { components } = JSON.parse(fs.readFileSync(asyncApiFile, 'utf8'));
  return Object.values(components.messages)
    .map((message) => ({
      name: message.name,
      type: message.headers?.properties?.ce_type?.const ?? message.name,
      summary: message.summary ?? '',
      schema: message.payload,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
};

/** The folder of the current build (whether or not it exists yet). */
const consoleWebDir = () => path.join(outRoot, fingerprint());

/** Builds the app unless its current build exists; resolves to the folder to serve. */
const buildConsole = async ({ quiet = true } = {}) => {
  const target = consoleWebDir();
  if (fs.existsSync(path.join(target, 'index.html'))) return target;
  const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const { build } = await import('vite');
  await build({
    root: webRoot,
    configFile: false,
    logLevel: quiet ? 'warn' : 'info',
    base: '/',
    // Whatever NODE_ENV the caller runs with (Jest's is "test"): the production build of React.
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    oxc: { jsx: { runtime: 'automatic', importSource: 'react', development: false } },
    build: {
      outDir: temporary,
      emptyOutDir: true,
      sourcemap: true,
      target: 'es2022',
      reportCompressedSize: false,
      chunkSizeWarningLimit: 1024,
    },
  });
  fs.writeFileSync(path.join(temporary, 'event-types.json'), JSON.stringify(eventTypes()));
  try {
    fs.renameSync(temporary, target);
  } catch (error) {
    // Another process put the same build there first.
    fs.rmSync(temporary, { recursive: true, force: true });
    if (!fs.existsSync(path.join(target, 'index.html'))) throw error;
  }
  // A console still running serves the build it started with: keep a few.
  const builds = fs
    .readdirSync(outRoot)
    .filter((entry) => entry !== path.basename(target) && !entry.endsWith('.tmp'))
    .map((entry) => ({ entry, time: fs.statSync(path.join(outRoot, entry)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { entry } of builds.slice(KEPT_BUILDS - 1))
    fs.rmSync(path.join(outRoot, entry), { recursive: true, force: true });
  return target;
};

module.exports = { buildConsole, consoleWebDir };

if (require.main === module)
  buildConsole({ quiet: false }).then(
    (dir) => console.log(`console web app in ${path.relative(root, dir)}`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
