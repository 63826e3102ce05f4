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
import {
  BasicTracerProvider,
  ConsoleSpanExporter,
  type SpanProcessor,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { oneOf } from '@talentloop/config';

export { SpanKind };

export type TracesExporter = 'none' | 'console';

/** OTEL_TRACES_EXPORTER = none (default: spans only carry context) | console. */
export const telemetryConfigFromEnv = (env: NodeJS.ProcessEnv): { exporter: TracesExporter } => ({
  exporter: oneOf(env, 'OTEL_TRACES_EXPORTER', ['none', 'console'], 'none'),
});

const TRACER = 'talentloop';
let started = false;

/**
 * Registers OpenTelemetry once per process: W3C trace context, an AsyncLocalStorage context
 * manager (so the span of a request or a consumed event is current wherever its work goes)
 * and a tracer provider. Spans are always created, so every event appended carries a
 * `traceparent` of its own span within the caller's trace; exporting them is optional.
 */
export const startTelemetry = (config: { exporter: TracesExporter } = { exporter: 'none' }) => {
  if (started) return;
  started = true;
  const spanProcessors: SpanProcessor[] =
    config.exporter === 'console' ? [new SimpleSpanProcessor(new ConsoleSpanExporter())] : [];
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors }));
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
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
