export * from './access.rule';
export * from './approval-request.decider';
export * from './approval-request.errors';
export * from './feedback.rule';
export * from './pending-time';
export * from './request-id';
export * from './adjustment-changes';
