import { OTLPMetricExporter as JsonMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as ProtobufMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { OTLPTraceExporter as JsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtobufTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  type SpanProcessor,
  type TracerProvider,
} from '@opentelemetry/sdk-trace';
import type { TelemetryConfig } from './telemetry-config';

/**
 * What a process exports its telemetry with. Loaded only when something is exported: the
 * exporters and instrumentations cost about 100 ms of start-up that no default run needs.
 */
export interface TelemetryExport {
  readonly resource: ReturnType<typeof resourceFromAttributes>;
  readonly spanProcessors: SpanProcessor[];
  readonly meterProvider?: MeterProvider;
}

/** Probes and scrapes: a span each would bury the traces that matter. */
const isProbe = (url: string | undefined) =>
  url === '/metrics' || (url ?? '').startsWith('/health/');

export const telemetryExport = (config: TelemetryConfig, serviceName: string): TelemetryExport => {
  // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, when set, override the service's own name.
  const resource = resourceFromAttributes({ 'service.name': serviceName }).merge(
    detectResources({ detectors: [envDetector] }),
  );
  const json = config.protocol === 'http/json';
  const spanProcessors: SpanProcessor[] =
    config.traces === 'otlp'
      ? [
          new BatchSpanProcessor({
            exporter: json ? new JsonTraceExporter() : new ProtobufTraceExporter(),
            scheduledDelayMillis: config.spanExportDelayMs,
          }),
        ]
      : config.traces === 'console'
        ? [new SimpleSpanProcessor({ exporter: new ConsoleSpanExporter() })]
        : [];
  const meterProvider =
    config.metrics === 'otlp'
      ? new MeterProvider({
          resource,
          readers: [
            new PeriodicExportingMetricReader({
              exporter: json ? new JsonMetricExporter() : new ProtobufMetricExporter(),
              exportIntervalMillis: config.metricExportIntervalMs,
              exportTimeoutMillis: Math.min(30_000, config.metricExportIntervalMs),
            }),
          ],
        })
      : undefined;
  return { resource, spanProcessors, meterProvider };
};

/**
 * Spans (and the HTTP server's request metrics) from the libraries themselves: the HTTP server
 * and Express (a server span per request, continuing the caller's `traceparent`), kafkajs
 * (producer and consumer spans) and the MongoDB driver (a client span per command, statements
 * without their values, and only inside a trace: no root span for a background poll).
 */
export const instrumentLibraries = (tracerProvider: TracerProvider, exported: TelemetryExport) =>
  registerInstrumentations({
    tracerProvider,
    meterProvider: exported.meterProvider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => isProbe(request.url),
        requireParentforOutgoingSpans: true,
      }),
      new ExpressInstrumentation(),
      new KafkaJsInstrumentation(),
      new MongoDBInstrumentation({ requireParentSpan: true }),
    ],
  });
