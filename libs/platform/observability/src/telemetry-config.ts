import { integerIn, oneOf } from '@talentloop/config';

export type TracesExporter = 'none' | 'console' | 'otlp';
export type MetricsExporter = 'none' | 'otlp';
export type OtlpProtocol = 'http/protobuf' | 'http/json';

export interface TelemetryConfig {
  readonly traces: TracesExporter;
  readonly metrics: MetricsExporter;
  /** How OTLP travels: protobuf (the specification's default) or JSON, both over HTTP. */
  readonly protocol: OtlpProtocol;
  /** How long finished spans wait to be exported in a batch (OTEL_BSP_SCHEDULE_DELAY). */
  readonly spanExportDelayMs: number;
  /** How often metrics are exported (OTEL_METRIC_EXPORT_INTERVAL). */
  readonly metricExportIntervalMs: number;
}

export const NO_TELEMETRY_EXPORT: TelemetryConfig = {
  traces: 'none',
  metrics: 'none',
  protocol: 'http/protobuf',
  spanExportDelayMs: 5_000,
  metricExportIntervalMs: 60_000,
};

/**
 * The standard OpenTelemetry variables this platform reads (the OTLP exporters read the rest
 * themselves: OTEL_EXPORTER_OTLP_ENDPOINT, _HEADERS, _TIMEOUT, _COMPRESSION, certificates):
 * - OTEL_TRACES_EXPORTER: none (default: spans only carry trace context), console, otlp;
 * - OTEL_METRICS_EXPORTER: none (default; /metrics serves Prometheus either way), otlp;
 * - OTEL_EXPORTER_OTLP_PROTOCOL: http/protobuf (default) or http/json (gRPC is not built in);
 * - OTEL_BSP_SCHEDULE_DELAY (ms, default 5000) and OTEL_METRIC_EXPORT_INTERVAL (ms, 60000).
 */
export const telemetryConfigFromEnv = (env: NodeJS.ProcessEnv): TelemetryConfig => ({
  traces: oneOf(env, 'OTEL_TRACES_EXPORTER', ['none', 'console', 'otlp'], 'none'),
  metrics: oneOf(env, 'OTEL_METRICS_EXPORTER', ['none', 'otlp'], 'none'),
  protocol: oneOf(
    env,
    'OTEL_EXPORTER_OTLP_PROTOCOL',
    ['http/protobuf', 'http/json'],
    'http/protobuf',
  ),
  spanExportDelayMs: integerIn(
    env,
    'OTEL_BSP_SCHEDULE_DELAY',
    { min: 1, max: 600_000 },
    NO_TELEMETRY_EXPORT.spanExportDelayMs,
  ),
  metricExportIntervalMs: integerIn(
    env,
    'OTEL_METRIC_EXPORT_INTERVAL',
    { min: 100, max: 3_600_000 },
    NO_TELEMETRY_EXPORT.metricExportIntervalMs,
  ),
});
