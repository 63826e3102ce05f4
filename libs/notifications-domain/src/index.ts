export * from './webhooks/webhook-violation';
export * from './webhooks/webhook-target';
export * from './webhooks/webhook-subscription';
export * from './webhooks/webhook-signing';
export * from './webhooks/webhook-delivery';
export * from './webhooks/webhook-body';
export * from './subscription';
export * from './mail';
