export * from './subject-key-store.port';
export * from './sqlite/sqlite-subject-key-store';
export * from './mongo/mongo-subject-key-store';
export * from './personal-data-cipher';
export * from './protected-event-store';
export * from './opening-message-bus';
export * from './create-subject-key-store';
export * from './sealed-value';
