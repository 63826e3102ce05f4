export * from './topology';
export * from './topology-config';
export * from './acls';
