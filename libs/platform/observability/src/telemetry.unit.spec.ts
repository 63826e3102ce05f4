import { ConfigError } from '@talentloop/config';
import { NO_TELEMETRY_EXPORT, telemetryConfigFromEnv } from './telemetry-config';

describe('telemetry settings, read from the standard OTEL_* variables', () => {
  it('given none set, exports nothing: spans only carry trace context into the events', () => {
    expect(telemetryConfigFromEnv({})).toEqual(NO_TELEMETRY_EXPORT);
    expect(NO_TELEMETRY_EXPORT).toMatchObject({
      traces: 'none',
      metrics: 'none',
      protocol: 'http/protobuf',
    });
  });

  it('given OTLP for both, exports traces and metrics over the protocol and intervals given', () => {
    expect(
      telemetryConfigFromEnv({
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_METRICS_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '200',
        OTEL_METRIC_EXPORT_INTERVAL: '1000',
      }),
    ).toEqual({
      traces: 'otlp',
      metrics: 'otlp',
      protocol: 'http/json',
      spanExportDelayMs: 200,
      metricExportIntervalMs: 1000,
    });
  });

  it('refuses an exporter or protocol it does not have, naming the variable', () => {
    expect(() => telemetryConfigFromEnv({ OTEL_TRACES_EXPORTER: 'jaeger' })).toThrow(
      new ConfigError('OTEL_TRACES_EXPORTER', "must be one of none, console, otlp; got 'jaeger'"),
    );
    expect(() => telemetryConfigFromEnv({ OTEL_METRICS_EXPORTER: 'prometheus' })).toThrow(
      /OTEL_METRICS_EXPORTER must be one of none, otlp/,
    );
    expect(() => telemetryConfigFromEnv({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(
      /OTEL_EXPORTER_OTLP_PROTOCOL must be one of http\/protobuf, http\/json/,
    );
  });

  it('refuses an export interval that is not a whole number of milliseconds in range', () => {
    expect(() => telemetryConfigFromEnv({ OTEL_BSP_SCHEDULE_DELAY: '0' })).toThrow(
      /OTEL_BSP_SCHEDULE_DELAY must be a whole number from 1/,
    );
    expect(() => telemetryConfigFromEnv({ OTEL_METRIC_EXPORT_INTERVAL: '1.5' })).toThrow(
      ConfigError,
    );
  });
});
