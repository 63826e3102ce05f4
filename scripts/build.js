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
const fs = require('node:fs');
const path = require('node:path');
const { createHash } = require('node:crypto');

const root = path.resolve(__dirname, '..');
const distDir = path.join(root, 'dist');
const manifestFile = path.join(distDir, '.build-manifest.json');
/** Folders whose TypeScript the services load at run time. */
const sourceRoots = ['libs', 'services'];

/** Every .ts file a service may load: no specs, no declarations, no test fixtures' data. */
const sourcesOf = (dir, found = []) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') sourcesOf(full, found);
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
 * Brings dist/ up to date with libs/ and services/; returns how many files it compiled and
 * removed. Quick when nothing changed (one stat per source).
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
  if (compiled > 0 || removed > 0 || !fresh)
    writeAtomically(manifestFile, JSON.stringify({ options, files }));
  return { compiled, removed };
};

/** The compiled entry point of a service, relative to the repository root. */
const entryOf = (service) => path.join('dist', 'services', service, 'src', 'main.js');

module.exports = { build, entryOf, distDir };

if (require.main === module) {
  const started = performance.now();
  const { compiled, removed } = build();
  const ms = Math.round(performance.now() - started);
  console.log(`build: ${compiled} files compiled, ${removed} removed, into dist/ in ${ms} ms`);
}
