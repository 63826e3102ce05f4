export * from './webhook-subscription.decider';
export * from './webhook-subscription.errors';
