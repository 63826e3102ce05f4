export * from './webhook-attempt';
export { checkWebhookTarget, type HostLookup } from './webhook-target-check';
export * from './webhook-sender';
