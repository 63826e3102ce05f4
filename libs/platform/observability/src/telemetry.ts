import {
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { TracerProvider } from '@opentelemetry/sdk-trace';
import {
  NO_TELEMETRY_EXPORT,
  telemetryConfigFromEnv,
  type TelemetryConfig,
} from './telemetry-config';
import type * as TelemetryExportModule from './telemetry-export';
import type { TelemetryExport } from './telemetry-export';

export { SpanKind };

const TRACER = 'talentloop';
let started = false;
let tracerProvider: TracerProvider | undefined;
let exported: TelemetryExport | undefined;

/** Loaded only when something is exported (see telemetry-export.ts). */
const loadExport = () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./telemetry-export') as typeof TelemetryExportModule;

/**
 * Registers OpenTelemetry once per process: W3C trace context, an AsyncLocalStorage context
 * manager (so the span of a request or a consumed event is current wherever its work goes)
 * and a tracer provider. Spans are always created, so every event appended carries a
 * `traceparent` of its own span within the caller's trace. With an exporter configured, spans
 * go out in batches and metrics periodically, and the HTTP server, Express, kafkajs and the
 * MongoDB driver are instrumented: call this before those modules are loaded (each service's
 * `telemetry.ts`, the first import of its `main.ts`), or their calls are not seen.
 */
export const startTelemetry = (
  config: TelemetryConfig = NO_TELEMETRY_EXPORT,
  serviceName = 'talentloop',
) => {
  if (started) return;
  started = true;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const exporting = config.traces !== 'none' || config.metrics !== 'none';
  const module = exporting ? loadExport() : undefined;
  exported = module?.telemetryExport(config, serviceName);
  tracerProvider = new TracerProvider(
    exported ? { resource: exported.resource, spanProcessors: exported.spanProcessors } : {},
  );
  trace.setGlobalTracerProvider(tracerProvider);
  if (module && exported) module.instrumentLibraries(tracerProvider, exported);
};

/**
 * The variables as the service reads them at its first line; a bad value starts nothing here
 * (the service's own configuration check then stops it with a message naming the variable).
 */
export const startTelemetryFromEnv = (serviceName: string, env: NodeJS.ProcessEnv) => {
  let config: TelemetryConfig;
  try {
    config = telemetryConfigFromEnv(env);
  } catch {
    return;
  }
  startTelemetry(config, serviceName);
};

/** Whether spans leave the process (an exporter is configured). */
export const tracesExported = (): boolean => (exported?.spanProcessors.length ?? 0) > 0;

/** Exports what is still buffered (spans, metrics): at shutdown, before the process exits. */
export const flushTelemetry = async (): Promise<void> => {
  await Promise.all([tracerProvider?.forceFlush(), exported?.meterProvider?.forceFlush()]);
};

/** The W3C `traceparent` of the current span, if there is one. */
export const currentTraceparent = (): string | undefined => {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'];
};

/** The trace id inside a `traceparent` (`00-<trace id>-<span id>-<flags>`). */
export const traceIdOf = (traceparent: string | undefined): string | undefined =>
  /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/.exec(traceparent ?? '')?.[1];

/** The trace and span id of the current span, for log lines. */
export const currentTraceIds = (): { trace_id: string; span_id: string } | undefined => {
  const span = trace.getSpan(context.active());
  if (!span) return undefined;
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
};

export interface SpanOptions {
  readonly kind: SpanKind;
  /** Continue this trace (a request's or an event's `traceparent`); else the current one. */
  readonly parent?: string;
  readonly attributes?: Attributes;
}

const parentContext = (parent: string | undefined) =>
  parent === undefined
    ? context.active()
    : propagation.extract(ROOT_CONTEXT, { traceparent: parent });

/** Starts a span that the caller ends; `run` executes with it current. */
export const openSpan = (name: string, options: SpanOptions) => {
  const parent = parentContext(options.parent);
  const span = trace
    .getTracer(TRACER)
    .startSpan(name, { kind: options.kind, attributes: options.attributes }, parent);
  const active = trace.setSpan(parent, span);
  return {
    span,
    run: <T>(work: () => T): T => context.with(active, work),
  };
};

/**
 * The span of an incoming request: the HTTP server instrumentation's when it runs (it opened
 * one around the request, continuing the caller's `traceparent`; `end` leaves it to it),
 * else one of our own that `end` ends.
 */
export const requestSpan = (name: string, options: SpanOptions) => {
  const current = trace.getActiveSpan();
  if (current?.isRecording()) {
    if (options.attributes) current.setAttributes(options.attributes);
    return { span: current, run: <T>(work: () => T): T => work(), end: () => undefined };
  }
  const { span, run } = openSpan(name, options);
  return { span, run, end: () => span.end() };
};

const fail = (span: Span, error: unknown) => {
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
};

/** Runs `work` in a span of its own, ended (and marked failed on a throw) when it settles. */
export const inSpan = async <T>(
  name: string,
  options: SpanOptions,
  work: () => Promise<T>,
): Promise<T> => {
  const { span, run } = openSpan(name, options);
  try {
    return await run(work);
  } catch (error) {
    fail(span, error);
    throw error;
  } finally {
    span.end();
  }
};

/** Work done for a page of events makes a span in at most this many of their traces. */
const MAX_EVENT_SPANS = 100;

/**
 * Runs work done for a page of stored events (a projection writing its documents) in a span
 * within the trace of each event that carries a `traceparent` (up to 100 a page), so a trace
 * reaches the read model its event ended in; the libraries' spans of the work (the MongoDB
 * driver's) go under the first. Only when spans are exported: a rebuild costs nothing more.
 */
export const inEventSpans = async <T>(
  name: string,
  traceparents: readonly (string | undefined)[],
  attributes: Attributes,
  work: () => Promise<T>,
): Promise<T> => {
  if (!tracesExported()) return work();
  const parents = [...new Set(traceparents.filter((parent) => parent !== undefined))].slice(
    0,
    MAX_EVENT_SPANS,
  );
  if (parents.length === 0) return work();
  const spans = parents.map((parent) =>
    openSpan(name, { kind: SpanKind.INTERNAL, parent, attributes }),
  );
  try {
    return await spans[0].run(work);
  } catch (error) {
    for (const { span } of spans) fail(span, error);
    throw error;
  } finally {
    for (const { span } of spans) span.end();
  }
};
