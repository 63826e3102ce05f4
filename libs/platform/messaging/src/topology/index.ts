export * from './topology';
export * from './topology-config';
