export * from './logging';
export * from './metrics';
export * from './telemetry';
