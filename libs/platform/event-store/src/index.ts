export * from './event-store.port';
export * from './errors';
export { DEFAULT_PAGE_SIZE } from './event-codec';
export * from './stream-all';
export * from './sqlite/sqlite-event-store';
export * from './esdb/esdb-event-store';
export * from './create-event-store';
export * from './handle-command';
export { startWalCheckpointer } from './sqlite/wal-checkpointer';
