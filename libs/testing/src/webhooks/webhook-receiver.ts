import { createServer, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request the receiver took, as it came, and whether its signature held. */
export interface ReceivedDelivery {
  /** The `webhook-id` header ('' when missing). */
  readonly id: string;
  /** The `webhook-timestamp` header ('' when missing). */
  readonly timestamp: string;
  /** The `webhook-signature` header ('' when missing). */
  readonly signature: string;
  /** The body parsed as JSON; the text itself when it is no JSON. */
  readonly body: unknown;
  /** The body as it came: what a signature covers. */
  readonly text: string;
  /** Some secret of the receiver verifies the signature (Standard Webhooks, with its tolerance). */
  readonly verified: boolean;
  readonly receivedAt: Date;
  readonly headers: IncomingHttpHeaders;
}

/** A status, or a status sent after a delay, with headers and a body when wanted. */
export type ReceiverAnswer =
  | number
  | {
      readonly status: number;
      readonly delayMs?: number;
      readonly headers?: Readonly<Record<string, string>>;
      readonly body?: string;
    };

/** Decides the answer to a delivery; `n` counts the deliveries taken so far, this one included. */
export type ReceiverResponder = (delivery: ReceivedDelivery, n: number) => ReceiverAnswer;

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  /** Every delivery taken, in arrival order. */
  readonly deliveries: readonly ReceivedDelivery[];
  /** Answers from now on as `responder` says (204 until called). */
  respondWith(responder: ReceiverResponder): void;
  /** Verifies deliveries taken from now on with this secret too (one a subscription just drew). */
  trust(secret: string): void;
  /** The deliveries once `predicate` holds for them; rejects after `timeoutMs` (default 5 s). */
  waitFor(
    predicate: (deliveries: readonly ReceivedDelivery[]) => boolean,
    timeoutMs?: number,
  ): Promise<readonly ReceivedDelivery[]>;
  close(): Promise<void>;
}

export interface WebhookReceiverOptions {
  /** The secrets a delivery is verified against; one that any of them verifies is `verified`. */
  readonly secrets?: readonly string[];
}

interface Waiter {
  readonly predicate: (deliveries: readonly ReceivedDelivery[]) => boolean;
  readonly resolve: (deliveries: readonly ReceivedDelivery[]) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

const headerOf = (headers: IncomingHttpHeaders, name: string): string => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
};

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const textOf = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/**
 * A real webhook endpoint for tests and benchmarks: an HTTP server on 127.0.0.1 and a free
 * port that verifies every request with the `standardwebhooks` package, records it and answers
 * 204 (or what `respondWith` says). Nothing is logged per request: it keeps up with a bench.
 */
export const startWebhookReceiver = async ({
  secrets = [],
}: WebhookReceiverOptions = {}): Promise<WebhookReceiver> => {
  const verifiers = secrets.map((secret) => new Webhook(secret));
  const deliveries: ReceivedDelivery[] = [];
  let waiters: Waiter[] = [];
  let respond: ReceiverResponder = () => 204;
  const delayed = new Set<NodeJS.Timeout>();

  const verifies = (body: string, headers: Record<string, string>): boolean =>
    // An unsigned request fails every verifier: no need to pay for their exceptions.
    headers['webhook-signature'] !== '' &&
    verifiers.some((verifier) => {
      try {
        verifier.verify(body, headers, { jsonParse: false });
        return true;
      } catch {
        return false;
      }
    });

  const wake = () => {
    waiters = waiters.filter((waiter) => {
      if (!waiter.predicate(deliveries)) return true;
      clearTimeout(waiter.timer);
      waiter.resolve(deliveries);
      return false;
    });
  };

  const server = createServer((request, response) => {
    void textOf(request).then((text) => {
      const signed = {
        'webhook-id': headerOf(request.headers, 'webhook-id'),
        'webhook-timestamp': headerOf(request.headers, 'webhook-timestamp'),
        'webhook-signature': headerOf(request.headers, 'webhook-signature'),
      };
      const delivery: ReceivedDelivery = {
        id: signed['webhook-id'],
        timestamp: signed['webhook-timestamp'],
        signature: signed['webhook-signature'],
        body: parsed(text),
        text,
        verified: verifies(text, signed),
        receivedAt: new Date(),
        headers: request.headers,
      };
      deliveries.push(delivery);
      let answer: ReceiverAnswer;
      try {
        answer = respond(delivery, deliveries.length);
      } catch (error) {
        answer = { status: 500, body: String(error) };
      }
      const {
        status,
        delayMs = 0,
        headers = {},
        body = '',
      } = typeof answer === 'number' ? { status: answer } : answer;
      const send = () => response.writeHead(status, headers).end(body);
      if (delayMs <= 0) send();
      else {
        const timer = setTimeout(() => {
          delayed.delete(timer);
          send();
        }, delayMs);
        delayed.add(timer);
      }
      if (waiters.length > 0) wake();
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    deliveries,
    respondWith: (responder) => {
      respond = responder;
    },
    trust: (secret) => {
      verifiers.push(new Webhook(secret));
    },
    waitFor: (predicate, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        if (predicate(deliveries)) return resolve(deliveries);
        const timer = setTimeout(() => {
          waiters = waiters.filter((waiter) => waiter.timer !== timer);
          reject(
            new Error(
              `the webhook receiver's deliveries did not match within ${timeoutMs} ms (${deliveries.length} taken)`,
            ),
          );
        }, timeoutMs);
        waiters.push({ predicate, resolve, reject, timer });
      }),
    close: async () => {
      for (const timer of delayed) clearTimeout(timer);
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error('the webhook receiver was closed'));
      }
      waiters = [];
      server.closeAllConnections();
      await new Promise<void>((closed) => server.close(() => closed()));
    },
  };
};
