import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

interface Received {
  readonly path: string | undefined;
  readonly contentType: string | undefined;
  readonly body: Buffer;
}

const bodyOf = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/**
 * The exporter as configured by default (OTLP over HTTP with protobuf, the specification's
 * default), against a real HTTP endpoint of the test's own standing in for a collector.
 * The exporting runs in a Node process of its own, as in a service (the exporters load
 * modules dynamically, which Jest's sandbox refuses); the e2e suite decodes the spans.
 */
const exportOnce = `
  const t = require(${JSON.stringify(resolve(__dirname, 'telemetry'))});
  const { telemetryConfigFromEnv } = require(${JSON.stringify(resolve(__dirname, 'telemetry-config'))});
  t.startTelemetry(telemetryConfigFromEnv(process.env), 'telemetry-test');
  if (!t.tracesExported()) throw new Error('traces are not exported');
  const parent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
  (async () => {
    await t.inSpan('submit', { kind: 1 }, async () => undefined);
    await t.inEventSpans('project test.read-side.store', [parent, undefined, parent], {}, async () => undefined);
    await t.flushTelemetry();
  })().catch((error) => { console.error(error); process.exit(1); });
`;
describe('OTLP export with the default protocol', () => {
  const received: Received[] = [];
  const collector = createServer((request, response) => {
    void bodyOf(request).then((body) => {
      received.push({ path: request.url, contentType: request.headers['content-type'], body });
      response.writeHead(200, { 'content-type': 'application/x-protobuf' });
      response.end();
    });
  });

  beforeAll(async () => {
    await new Promise<void>((done) => collector.listen(0, '127.0.0.1', done));
    const { port } = collector.address() as AddressInfo;
    await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', '-e', exportOnce], {
      cwd: resolve(__dirname, '..', '..', '..', '..'),
      env: {
        ...process.env,
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_METRICS_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
      },
    });
  }, 60_000);

  afterAll(async () => {
    collector.closeAllConnections();
    await new Promise<void>((done) => collector.close(() => done()));
  });

  it('sends the spans as protobuf to /v1/traces, with the service name, when flushed', () => {
    const traces = received.filter((each) => each.path === '/v1/traces');
    expect(traces.length).toBeGreaterThan(0);
    expect(traces[0].contentType).toBe('application/x-protobuf');
    const bytes = Buffer.concat(traces.map((each) => each.body));
    // Protobuf keeps strings as they are: the resource's service name and the span names.
    expect(bytes.includes('telemetry-test')).toBe(true);
    expect(bytes.includes('submit')).toBe(true);
    expect(bytes.includes('project test.read-side.store')).toBe(true);
    // The event span continues the event's trace (its id in bytes), once for the two events.
    const traceId = Buffer.from('0af7651916cd43dd8448eb211c80319c', 'hex');
    expect(bytes.indexOf(traceId)).toBeGreaterThanOrEqual(0);
    expect(bytes.indexOf(traceId, bytes.indexOf(traceId) + 1)).toBe(-1);
  });
});
