#!/usr/bin/env node
// Compiles the services and libraries once, to dist/ (same tree, .js beside a .js.map), so a
// service starts by loading JavaScript instead of compiling TypeScript in every process at every
// start (`-r @swc-node/register` spent about 1.8 s of CPU and 200 MiB per start doing that).
//
// The compiler is the one `-r @swc-node/register` uses, with the options it derives from
// tsconfig.json (decorator metadata for NestJS, `@talentloop/*` rewritten to relative paths), so
// the output is what the register hook ran before. Incremental: a file is compiled again only
// when it changed (size or mtime) or the options did; outputs whose source is gone are removed.
// Writes are atomic (temporary file, then rename): builds started at once by several processes
// (e2e suites in parallel) cannot leave a half-written file. `npm start`, the e2e suites and the
// benches build before they spawn; the container image builds at image build time.
//
// Then each service is bundled into one file (dist/services/<name>/src/main.bundle.js, what a
// service process runs; see bundle below): a start then reads one file instead of resolving and
// reading some 2,300 modules one by one, about a fifth less CPU to ready.
const fs = require('node:fs');
const path = require('node:path');
const { createHash } = require('node:crypto');

const root = path.resolve(__dirname, '..');
const distDir = path.join(root, 'dist');
const manifestFile = path.join(distDir, '.build-manifest.json');
/** Folders whose TypeScript the services load at run time. */
const sourceRoots = ['libs', 'services'];
/** The console's web app: built for the browser by build-console.js (Vite), never loaded here. */
const browserOnly = path.join(root, 'services', 'console', 'web');

/** Every .ts file a service may load: no specs, no declarations, no test fixtures' data. */
const sourcesOf = (dir, found = []) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && full !== browserOnly) sourcesOf(full, found);
    } else if (
      entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.d.ts') &&
      !entry.name.endsWith('.spec.ts')
    ) {
      found.push(full);
    }
  }
  return found;
};

const readManifest = () => {
  try {
    return JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  } catch {
    return { options: null, files: {} };
  }
};

const writeAtomically = (file, content) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
};

/** The output of `source` (absolute): dist/<same path>.js */
const outputOf = (source) =>
  path.join(distDir, path.relative(root, source)).replace(/\.ts$/, '.js');

/** The compiler and its options, loaded only when something has to be compiled. */
const compiler = () => {
  const {
    readDefaultTsConfig,
    tsCompilerOptionsToSwcConfig,
  } = require('@swc-node/register/read-default-tsconfig');
  const { transformSync } = require('@swc-node/core');
  const ts = require('typescript');
  const options = { ...readDefaultTsConfig(path.join(root, 'tsconfig.json')) };
  options.module = ts.ModuleKind.CommonJS;
  return (source) => {
    const config = tsCompilerOptionsToSwcConfig(options, source);
    const { code, map } = transformSync(fs.readFileSync(source, 'utf8'), source, {
      ...config,
      sourcemap: true,
    });
    const output = outputOf(source);
    const sourceMap = JSON.parse(map);
    // Relative to the output, without the sources' text: the map points back at the tree.
    sourceMap.sources = [path.relative(path.dirname(output), source)];
    delete sourceMap.sourcesContent;
    writeAtomically(`${output}.map`, JSON.stringify(sourceMap));
    writeAtomically(output, `${code}\n//# sourceMappingURL=${path.basename(output)}.map\n`);
  };
};

/** What decides the output besides each file: the compiler's version and the tsconfig files. */
const optionsFingerprint = () => {
  const hash = createHash('sha256');
  for (const file of ['tsconfig.json', 'tsconfig.base.json'])
    hash.update(fs.readFileSync(path.join(root, file)));
  hash.update(require('@swc/core/package.json').version);
  hash.update(fs.readFileSync(__filename));
  return hash.digest('hex');
};

/**
 * Brings dist/ up to date with libs/ and services/, then the services' bundles; returns how
 * many files it compiled and removed, and whether it bundled. Quick when nothing changed (one
 * stat per source).
 */
const build = () => {
  const manifest = readManifest();
  const options = optionsFingerprint();
  const fresh = manifest.options === options;
  const files = {};
  let compile;
  let compiled = 0;
  for (const source of sourceRoots.flatMap((dir) => sourcesOf(path.join(root, dir)))) {
    const relative = path.relative(root, source);
    const { size, mtimeMs } = fs.statSync(source);
    const stamp = `${size}:${mtimeMs}`;
    files[relative] = stamp;
    if (fresh && manifest.files[relative] === stamp && fs.existsSync(outputOf(source))) continue;
    compile ??= compiler();
    compile(source);
    compiled += 1;
  }
  let removed = 0;
  for (const relative of Object.keys(manifest.files))
    if (!(relative in files)) {
      const output = outputOf(path.join(root, relative));
      for (const file of [output, `${output}.map`]) fs.rmSync(file, { force: true });
      removed += 1;
    }
  const services = serviceNames();
  const bundles = bundleFingerprint(options, files);
  const bundled =
    manifest.bundles !== bundles ||
    !services.every((service) => fs.existsSync(path.join(root, entryOf(service))));
  if (bundled) bundle(services);
  if (compiled > 0 || removed > 0 || !fresh || bundled)
    writeAtomically(manifestFile, JSON.stringify({ options, files, bundles }));
  return { compiled, removed, bundled };
};

/** The services bundled, by folder under services/. */
const serviceNames = () =>
  fs
    .readdirSync(path.join(root, 'services'), { withFileTypes: true })
    .filter((entry) => fs.existsSync(path.join(root, 'services', entry.name, 'src', 'main.ts')))
    .map((entry) => entry.name)
    .sort();

/** A service's compiled module tree entry (dist/services/<name>/src/main.js), from the root. */
const compiledEntryOf = (service) => path.join('dist', 'services', service, 'src', 'main.js');

/** What a service process runs: its bundle, relative to the repository root. */
const entryOf = (service) => path.join('dist', 'services', service, 'src', 'main.bundle.js');

/**
 * Packages a bundle loads from node_modules at run time instead of carrying them:
 * - native code: better-sqlite3;
 * - what OpenTelemetry instruments by hooking `require` (express, kafkajs, the MongoDB driver),
 *   so that its instrumentations patch the very modules in use, and the instrumentations and
 *   exporters themselves (loaded only when telemetry is exported; OpenTelemetry's API keeps
 *   its state process-wide, shared by the bundled copy and theirs);
 * - the drivers of the production topology, loaded only when configured (the embedded default
 *   does not pay for them), and packages that read files beside their own code (@grpc's and
 *   EventStoreDB's protos, swagger-ui-dist's assets, pino's worker threads).
 * Optional peer dependencies that are not installed (Nest's microservices, terminus's ORMs)
 * stay plain requires too: the code that needs them never runs here.
 */
const EXTERNAL_PACKAGES = [
  'better-sqlite3',
  'express',
  'kafkajs',
  'mongodb',
  'mongoose',
  '@eventstore/db-client',
  '@grpc/*',
  'openai',
  'pino',
  'swagger-ui-dist',
  '@opentelemetry/instrumentation*',
  '@opentelemetry/exporter-*',
];

/** The package an error could not resolve (a bare import), else undefined. */
const unresolvedPackage = (error) => {
  const name = /^Could not resolve "([^"]+)"$/.exec(error.text)?.[1];
  return name === undefined || name.startsWith('.') || path.isAbsolute(name) ? undefined : name;
};

/**
 * Bundles every service's compiled entry with esbuild (CommonJS, names kept for NestJS, a
 * source map that composes the compiled files' maps, so stack traces under
 * --enable-source-maps still name the TypeScript). A first pass finds the optional packages
 * that are not installed; the second leaves them as plain requires.
 */
const bundle = (services) => {
  const esbuild = require('esbuild');
  const options = (external) => ({
    absWorkingDir: root,
    entryPoints: services.map((service) => path.join(root, compiledEntryOf(service))),
    outdir: path.join(distDir, 'services'),
    outbase: path.join(distDir, 'services'),
    entryNames: '[dir]/[name].bundle',
    bundle: true,
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    format: 'cjs',
    keepNames: true,
    sourcemap: 'linked',
    external,
    write: false,
    logLevel: 'silent',
  });
  let external = EXTERNAL_PACKAGES;
  let result;
  for (let pass = 0; pass < 2 && result === undefined; pass += 1) {
    try {
      result = esbuild.buildSync(options(external));
    } catch (error) {
      const missing = (error.errors ?? []).map(unresolvedPackage);
      if (pass > 0 || missing.length === 0 || missing.includes(undefined)) throw error;
      external = [...EXTERNAL_PACKAGES, ...new Set(missing)];
    }
  }
  for (const file of result.outputFiles)
    writeAtomically(file.path, file.path.endsWith('.js') ? latin1Source(file.text) : file.contents);
};

/**
 * The bundle with every character above U+00FF written as a \\uXXXX escape, so that V8 keeps
 * its source (which it holds for the life of the process, to compile functions lazily) as a
 * one-byte string: a single Cyrillic or CJK character makes the whole 6.6 MB text two bytes a
 * character, about 6 MiB more per process. esbuild's ASCII output already escapes strings,
 * templates and identifiers; what it leaves are regular-expression literals (validator's
 * alphabets) and comments, where an escape means the same character (a surrogate pair, for
 * characters beyond the BMP, means one code point in a `u` regex too). Columns after such a
 * character on its line move in the source map: those lines are validator's alphabet tables.
 */
const latin1Source = (text) =>
  text.replace(
    /[\u0100-\uffff]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/**
 * What decides the bundles: the compiled files, the installed packages (the lockfile, and the
 * patches npm ci applies to them), esbuild, and this script (its options and post-steps).
 */
const bundleFingerprint = (options, files) => {
  const hash = createHash('sha256');
  hash.update(options);
  hash.update(JSON.stringify(files));
  hash.update(fs.readFileSync(path.join(root, 'package-lock.json')));
  const patches = path.join(root, 'patches');
  if (fs.existsSync(patches))
    for (const patch of fs.readdirSync(patches).sort())
      hash.update(patch).update(fs.readFileSync(path.join(patches, patch)));
  hash.update(require('esbuild/package.json').version);
  hash.update(fs.readFileSync(__filename));
  return hash.digest('hex');
};

module.exports = { build, entryOf, distDir, latin1Source };

if (require.main === module) {
  const started = performance.now();
  const { compiled, removed, bundled } = build();
  const ms = Math.round(performance.now() - started);
  console.log(
    `build: ${compiled} files compiled, ${removed} removed, into dist/${bundled ? ', services bundled,' : ''} in ${ms} ms`,
  );
}
