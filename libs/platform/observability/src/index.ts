export * from './logging';
export * from './metrics';
export * from './telemetry';
export * from './telemetry-config';
