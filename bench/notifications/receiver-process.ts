/**
 * The bench's webhook receiver in a process of its own, so that it and the sender each have a
 * core. Tells its URL first; answers 'count' with what it took and verified, `{ receipts: from }`
 * with each delivery taken from that index on (when and what), `{ secret }` with the URL of a
 * new receiver verifying with that secret (the old one closed: a subscription's secret is only
 * known once it exists, and it needs a URL first); exits on 'stop'.
 */
import { startWebhookReceiver, type WebhookReceiver } from '@talentloop/testing';

/** One delivery as the receiver took it: enough to count, verify, order and time it. */
export interface Receipt {
  /** The `webhook-id` header. */
  readonly id: string;
  /** The CloudEvents `id` of the body: the stored event's id. */
  readonly eventId: string;
  readonly subject: string;
  readonly verified: boolean;
  /** Epoch ms (this machine's clock) when the body had been read. */
  readonly receivedAt: number;
  readonly bytes: number;
}

export type ReceiverMessage =
  | { readonly url: string }
  | { readonly taken: number; readonly verified: number; readonly rssMiB: number }
  | { readonly receipts: readonly Receipt[] };

export type ReceiverRequest =
  | 'count'
  | 'stop'
  | { readonly secret: string }
  | { readonly receipts: number };

const send = (message: ReceiverMessage) => process.send?.(message);

const receiptOf = ({
  id,
  body,
  verified,
  receivedAt,
  headers,
}: WebhookReceiver['deliveries'][number]): Receipt => {
  const event = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return {
    id,
    eventId: typeof event['id'] === 'string' ? event['id'] : '',
    subject: typeof event['subject'] === 'string' ? event['subject'] : '',
    verified,
    receivedAt: receivedAt.getTime(),
    bytes: Number(headers['content-length'] ?? 0),
  };
};

const main = async () => {
  const secret = process.env['BENCH_WEBHOOK_SECRET'];
  let receiver = await startWebhookReceiver({ secrets: secret ? [secret] : [] });
  process.on('message', (message: ReceiverRequest) => {
    if (message === 'count')
      send({
        taken: receiver.deliveries.length,
        verified: receiver.deliveries.filter(({ verified }) => verified).length,
        rssMiB: Math.round(process.memoryUsage.rss() / 2 ** 20),
      });
    else if (message === 'stop') void receiver.close().then(() => process.exit(0));
    else if ('secret' in message)
      void startWebhookReceiver({ secrets: [message.secret] }).then(async (next) => {
        const previous = receiver;
        receiver = next;
        await previous.close();
        send({ url: next.url });
      });
    else send({ receipts: receiver.deliveries.slice(message.receipts).map(receiptOf) });
  });
  // Gone with the bench, however it ended.
  process.once('disconnect', () => process.exit(0));
  send({ url: receiver.url });
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
