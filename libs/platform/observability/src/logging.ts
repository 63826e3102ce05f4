import pino, { type DestinationStream, type Logger } from 'pino';
import { oneOf } from '@talentloop/config';
import { currentTraceIds } from './telemetry';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** LOG_LEVEL = fatal | error | warn | info (default) | debug | trace | silent. */
export const loggingConfigFromEnv = (env: NodeJS.ProcessEnv): { level: LogLevel } => ({
  level: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
});

/**
 * The service's structured log: one JSON object per line with the time, level name,
 * service, and the trace and span ids of the current request or consumed event; stdout
 * unless another destination is given.
 */
export const createLogger = (
  service: string,
  config: { level: LogLevel },
  destination?: DestinationStream,
): Logger =>
  pino(
    {
      level: config.level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => currentTraceIds() ?? {},
    },
    // Asynchronous writes to stdout: a line per request must not cost a blocking write each.
    destination ?? pino.destination({ dest: 1, sync: false }),
  );

export type { Logger };
