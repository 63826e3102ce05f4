import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { services } from './service-process';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script of ours
const { build, entryOf, latin1Source } = require('./build') as {
  build: () => { compiled: number; removed: number; bundled: boolean };
  entryOf: (service: string) => string;
  latin1Source: (text: string) => string;
};

const root = join(__dirname, '..');

/** Driver packages of the production topology (Kafka, MongoDB, EventStoreDB, OpenAI). */
const DRIVERS = /node_modules\/(kafkajs|mongoose|mongodb|@eventstore\/db-client|@grpc|openai)\//;

describe('the build of the services (dist/)', () => {
  beforeAll(() => {
    build();
  });

  it('is incremental: a second build with nothing changed compiles nothing', () => {
    // given dist/ brought up to date
    // when it is built again
    const again = build();

    // then no file is compiled or removed, nothing is bundled again, and every service has its
    // entry point
    expect(again).toEqual({ compiled: 0, removed: 0, bundled: false });
    for (const { name } of services) expect(existsSync(join(root, entryOf(name)))).toBe(true);
  });

  it.each(services.map(({ name }) => name))(
    'gives %s a module graph without the drivers of the production topology',
    (name) => {
      // given the service's compiled module and everything it imports
      const loaded = execFileSync(
        process.execPath,
        [
          '-e',
          `require(${JSON.stringify(join(root, 'dist', 'services', name, 'src', 'app.module.js'))});` +
            'process.stdout.write(JSON.stringify(Object.keys(require.cache)));',
        ],
        { cwd: root, encoding: 'utf8' },
      );

      // then no driver was loaded: the embedded default does not pay for them at start
      const modules = JSON.parse(loaded) as string[];
      expect(modules.length).toBeGreaterThan(100);
      expect(modules.filter((file) => DRIVERS.test(file))).toEqual([]);
    },
  );

  it.each(services.map(({ name }) => name))(
    'bundles %s without native code, drivers or what OpenTelemetry instruments: they load from node_modules',
    (name) => {
      // given the service's bundle (esbuild heads every module it carries with its path)
      const bundle = readFileSync(join(root, entryOf(name)), 'utf8');
      const carried = [...bundle.matchAll(/^\/\/ (node_modules\/\S+)$/gm)].map((match) => match[1]);

      // then it carries the framework and the libraries (most of what a start used to resolve
      // file by file) ...
      expect(carried.length).toBeGreaterThan(1000);
      expect(carried.some((file) => file.startsWith('node_modules/@nestjs/core/'))).toBe(true);
      // ... but no native module, driver or instrumented package: those stay plain requires
      const kept =
        /^node_modules\/(better-sqlite3|express|kafkajs|mongoose|mongodb|@eventstore|@grpc|openai|pino|swagger-ui-dist|@opentelemetry\/(instrumentation|exporter))/;
      expect(carried.filter((file) => kept.test(file))).toEqual([]);
      for (const external of ['better-sqlite3', 'express', 'swagger-ui-dist/absolute-path.js'])
        expect(bundle).toContain(`require("${external}")`);
    },
  );

  it.each(services.map(({ name }) => name))(
    'writes the bundle of %s in Latin-1 characters only, so V8 keeps its source one byte a character',
    (name) => {
      // given the service's bundle, then no character in it is above U+00FF
      const bundle = readFileSync(join(root, entryOf(name)), 'utf8');
      expect(bundle.match(/[\u0100-\uffff]/g) ?? []).toEqual([]);
    },
  );

  it('escapes what esbuild leaves above U+00FF without changing what the code means', () => {
    // given code with a Cyrillic alphabet, a CJK range and a character beyond the BMP in
    // regular-expression literals, and a comment
    const source = [
      '// Привет',
      '({',
      '  ru: /^[А-ЯЁ]+$/i,',
      '  ja: /^[ぁ-ん一-龠]+$/,',
      '  emoji: /^\u{1F600}|😀$/u,',
      '  latin: "Ünïcödé",',
      '})',
    ].join('\n');

    // when it is escaped
    const escaped = latin1Source(source);

    // then it is Latin-1, and its regular expressions match what they matched before
    expect(escaped.match(/[\u0100-\uffff]/g) ?? []).toEqual([]);
    const evaluate = (code: string) =>
      runInNewContext(`(${code})`) as Record<string, RegExp | string>;
    const [before, after] = [evaluate(source), evaluate(escaped)];
    for (const input of ['ПРИВЕТ', 'ёж', 'ひらがな', '漢字', '😀', 'abc', '\u{1F601}']) {
      for (const key of ['ru', 'ja', 'emoji'])
        expect((after[key] as RegExp).test(input)).toBe((before[key] as RegExp).test(input));
    }
    expect(after.latin).toBe('Ünïcödé');
    expect((after.ru as RegExp).test('ПРИВЕТ')).toBe(true);
    expect((after.emoji as RegExp).test('😀')).toBe(true);
  });
});
