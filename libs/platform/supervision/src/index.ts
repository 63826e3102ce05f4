export * from './backoff';
export * from './loop';
export * from './readiness';
export * from './supervisor';
