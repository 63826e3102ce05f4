export * from './event-store/event-store.contract';
export * from './decider-specification';
export * from './fixtures/motivation.decider';
export * from './messaging/message-bus.contract';
export * from './test-clock';
export * from './read-models/read-model-store.contract';
export * from './read-models/mongo-test-server';
export * from './read-models/employee-history';
