// The first import of main.ts: instrumenting a library works only for loads after this line.
import { startTelemetryFromEnv } from '@talentloop/observability';

startTelemetryFromEnv('notifications', process.env);
