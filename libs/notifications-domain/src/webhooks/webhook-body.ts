import type { CloudEvent } from '@talentloop/contracts';

/** The CloudEvents HTTP binding's structured mode: the whole event is the body. */
export const WEBHOOK_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';

/**
 * The body of a webhook: the event's CloudEvents document, the same envelope the bus carries,
 * so an integrator reads webhooks and topics with one parser (`fromCloudEvent`). Made once per
 * attempt and sent as is: the signature covers these exact bytes.
 */
export const webhookBody = (cloudEvent: CloudEvent): string => JSON.stringify(cloudEvent);
