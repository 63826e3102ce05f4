import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An attribute as OTLP/JSON carries it. */
interface KeyValue {
  readonly key: string;
  readonly value: {
    readonly stringValue?: string;
    readonly intValue?: string | number;
    readonly boolValue?: boolean;
    readonly arrayValue?: { readonly values?: readonly KeyValue['value'][] };
  };
}

interface OtlpSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind: number;
  readonly attributes?: readonly KeyValue[];
}

interface OtlpTraces {
  readonly resourceSpans?: readonly {
    readonly resource?: { readonly attributes?: readonly KeyValue[] };
    readonly scopeSpans?: readonly {
      readonly scope?: { readonly name?: string };
      readonly spans?: readonly OtlpSpan[];
    }[];
  }[];
}

interface OtlpMetrics {
  readonly resourceMetrics?: readonly {
    readonly resource?: { readonly attributes?: readonly KeyValue[] };
    readonly scopeMetrics?: readonly { readonly metrics?: readonly { readonly name: string }[] }[];
  }[];
}

/** A span as received, flattened: who sent it (service.name) and which library made it. */
export interface ReceivedSpan {
  readonly service: string;
  readonly scope: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | undefined;
  readonly name: string;
  /** OTLP's SpanKind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  readonly kind: number;
  readonly attributes: Readonly<Record<string, string | number | boolean | undefined>>;
}

const scalarOf = (value: KeyValue['value']) =>
  value.stringValue ?? (value.intValue === undefined ? value.boolValue : Number(value.intValue));

/** A scalar as it is; an array as its items joined by commas. */
const valueOf = ({ value }: KeyValue) =>
  value.arrayValue ? (value.arrayValue.values ?? []).map(scalarOf).join(',') : scalarOf(value);

const attributesOf = (attributes: readonly KeyValue[] = []) =>
  Object.fromEntries(attributes.map((attribute) => [attribute.key, valueOf(attribute)]));

const serviceOf = (resource: { readonly attributes?: readonly KeyValue[] } | undefined) =>
  String(attributesOf(resource?.attributes)['service.name']);

const bodyOf = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/**
 * An OTLP/HTTP endpoint with JSON encoding (OTEL_EXPORTER_OTLP_PROTOCOL=http/json), as a
 * collector would be: it keeps every span and metric name it is sent, by service.
 */
export class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];
  /** Metric names by service.name. */
  readonly metrics = new Map<string, Set<string>>();
  /** Requests that were not OTLP/JSON traces or metrics, as `METHOD path content-type`. */
  readonly refused: string[] = [];
  private readonly server: Server = createServer((request, response) => {
    void this.receive(request).then(
      (accepted) => {
        response.writeHead(accepted ? 200 : 415, { 'content-type': 'application/json' });
        response.end('{}');
      },
      () => {
        response.writeHead(400);
        response.end();
      },
    );
  });

  async start(): Promise<void> {
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((done) => this.server.close(() => done()));
  }

  private async receive(request: IncomingMessage): Promise<boolean> {
    const body = await bodyOf(request);
    const json = request.headers['content-type']?.startsWith('application/json') ?? false;
    if (request.method === 'POST' && json && request.url === '/v1/traces') {
      this.keepSpans(JSON.parse(body) as OtlpTraces);
      return true;
    }
    if (request.method === 'POST' && json && request.url === '/v1/metrics') {
      this.keepMetrics(JSON.parse(body) as OtlpMetrics);
      return true;
    }
    this.refused.push(`${request.method} ${request.url} ${request.headers['content-type']}`);
    return false;
  }

  private keepSpans(traces: OtlpTraces): void {
    for (const { resource, scopeSpans = [] } of traces.resourceSpans ?? [])
      for (const { scope, spans = [] } of scopeSpans)
        for (const span of spans)
          this.spans.push({
            service: serviceOf(resource),
            scope: scope?.name ?? '',
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: span.parentSpanId || undefined,
            name: span.name,
            kind: span.kind,
            attributes: attributesOf(span.attributes),
          });
  }

  private keepMetrics(metrics: OtlpMetrics): void {
    for (const { resource, scopeMetrics = [] } of metrics.resourceMetrics ?? []) {
      const names = this.metrics.get(serviceOf(resource)) ?? new Set<string>();
      for (const { metrics: list = [] } of scopeMetrics)
        for (const metric of list) names.add(metric.name);
      this.metrics.set(serviceOf(resource), names);
    }
  }

  /** The span, then its parent, and so on up to the root of its trace (as far as received). */
  ancestry(span: ReceivedSpan): ReceivedSpan[] {
    const byId = new Map(this.spans.map((each) => [each.spanId, each]));
    const chain = [span];
    for (let parent = span.parentSpanId; parent !== undefined; ) {
      const next = byId.get(parent);
      if (!next || chain.includes(next)) break;
      chain.push(next);
      parent = next.parentSpanId;
    }
    return chain;
  }
}
