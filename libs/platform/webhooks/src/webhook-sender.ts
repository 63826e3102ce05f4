import type { LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  guardTarget,
  parseWebhookUrl,
  type WebhookAllowlist,
  type WebhookHeaders,
} from '@talentloop/notifications-domain';
import { addressesOf, bareHost, systemLookup, type HostLookup } from './webhook-target-check';
import {
  connectionFailureOf,
  detailOf,
  failedAttempt,
  refusedAttempt,
  type WebhookAttempt,
  type WebhookFailureReason,
} from './webhook-attempt';

export const WEBHOOK_USER_AGENT = 'Talentloop-Webhooks/1';
/** How much of a response body the delivery log keeps. */
export const RESPONSE_EXCERPT_BYTES = 1_024;

export interface WebhookSenderOptions {
  /** Hosts and ranges that may be called although they are not public (`parseAllowlist`). */
  readonly allowlist: WebhookAllowlist;
  /** For the whole attempt: name resolution, connect, request and response. Default 10 s. */
  readonly timeoutMs?: number;
  /** Keep-alive sockets per origin (scheme, host and port). Default 16. */
  readonly maxSocketsPerOrigin?: number;
  /** A longer response body is cut there (and its socket closed). Default 64 KiB. */
  readonly maxResponseBytes?: number;
  /** Resolves host names; tests put a resolver of their own here. */
  readonly lookup?: HostLookup;
}

export interface WebhookRequest {
  readonly url: string;
  /** The Standard Webhooks headers (`signDelivery`) and any others; names are case-insensitive. */
  readonly headers: WebhookHeaders | Readonly<Record<string, string>>;
  /** Exactly the bytes that were signed. */
  readonly body: string;
}

/** Settles with `work`, or rejects when `signal` aborts first. */
const unlessAborted = <T>(work: Promise<T>, signal: AbortSignal): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    void work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });

/**
 * The resolver the socket uses: it answers the addresses the SSRF guard checked and never asks
 * DNS again, so an answer that changes between check and connect (DNS rebinding) cannot take
 * the request to an address that was not checked.
 */
const pinnedLookup =
  (addresses: readonly LookupAddress[]): LookupFunction =>
  (_hostname, options, callback) => {
    if (options.all) callback(null, [...addresses]);
    else callback(null, addresses[0].address, addresses[0].family);
  };

const positive = (name: string, value: number, { whole = false } = {}): number => {
  if (!(value > 0 && Number.isFinite(value)) || (whole && !Number.isInteger(value)))
    throw new RangeError(`${name} must be a positive ${whole ? 'whole ' : ''}number, not ${value}`);
  return value;
};

/**
 * The HTTP side of a webhook delivery: one POST per attempt, to public addresses only (or the
 * allowlisted ones), over keep-alive sockets shared by every delivery to the same origin.
 * Redirects are not followed: a 3xx is the attempt's response. A kept-alive socket was opened
 * to an address checked then; whether an address may be called does not change during a
 * sender's life (the allowlist is fixed), so reusing it skips no check.
 */
export class WebhookSender {
  private readonly allowlist: WebhookAllowlist;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  private readonly lookup: HostLookup;
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;
  private closed = false;

  constructor({
    allowlist,
    timeoutMs = 10_000,
    maxSocketsPerOrigin = 16,
    maxResponseBytes = 64 * 1024,
    lookup = systemLookup,
  }: WebhookSenderOptions) {
    this.allowlist = allowlist;
    this.timeoutMs = positive('timeoutMs', timeoutMs);
    this.maxResponseBytes = positive('maxResponseBytes', maxResponseBytes, { whole: true });
    this.lookup = lookup;
    const agentOptions = {
      keepAlive: true,
      maxSockets: positive('maxSocketsPerOrigin', maxSocketsPerOrigin, { whole: true }),
    };
    this.httpAgent = new http.Agent(agentOptions);
    this.httpsAgent = new https.Agent(agentOptions);
  }

  /**
   * One attempt: resolves the host, runs the SSRF guard over every address and connects only
   * to those it checked. Never throws; the outcome, whatever it is, is the value.
   */
  async send({ url, headers, body }: WebhookRequest): Promise<WebhookAttempt> {
    const started = performance.now();
    const elapsedMs = () => Math.round(performance.now() - started);
    const failed = (reason: WebhookFailureReason, detail: string): WebhookAttempt =>
      failedAttempt(reason, detail, elapsedMs());
    if (this.closed) return failed('connection', 'the webhook sender is closed');
    const parsed = parseWebhookUrl(url);
    if (!parsed.ok) return refusedAttempt(parsed.violations);
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.timeoutMs);
    try {
      let addresses: readonly LookupAddress[];
      try {
        addresses = await unlessAborted(
          addressesOf(parsed.url.hostname, this.lookup),
          deadline.signal,
        );
      } catch (error) {
        return deadline.signal.aborted
          ? failed('timeout', `resolving ${parsed.url.hostname} took over ${this.timeoutMs} ms`)
          : failed('dns', detailOf(error));
      }
      if (addresses.length === 0)
        return failed('dns', `${parsed.url.hostname} resolves to no address`);
      const violations = guardTarget({
        host: parsed.url.hostname,
        addresses: addresses.map(({ address }) => address),
        allowlist: this.allowlist,
      });
      if (violations.length > 0) return refusedAttempt(violations);
      return await this.exchange(parsed.url, addresses, headers, body, deadline.signal, elapsedMs);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes the kept-alive sockets; attempts still under way fail, later ones fail at once. */
  close(): void {
    this.closed = true;
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private exchange(
    url: URL,
    addresses: readonly LookupAddress[],
    headers: WebhookRequest['headers'],
    body: string,
    signal: AbortSignal,
    elapsedMs: () => number,
  ): Promise<WebhookAttempt> {
    const secure = url.protocol === 'https:';
    const host = bareHost(url.hostname);
    const outgoing: Record<string, string> = { 'content-type': 'application/json' };
    // WebhookHeaders is an interface (no index signature), yet all its values are strings too.
    for (const [name, value] of Object.entries(headers as Readonly<Record<string, string>>))
      outgoing[name.toLowerCase()] = value;
    outgoing['user-agent'] = WEBHOOK_USER_AGENT;
    outgoing['content-length'] = String(Buffer.byteLength(body));
    const options: https.RequestOptions = {
      method: 'POST',
      hostname: host,
      port: url.port === '' ? (secure ? 443 : 80) : Number(url.port),
      path: `${url.pathname}${url.search}`,
      headers: outgoing,
      agent: secure ? this.httpsAgent : this.httpAgent,
      lookup: pinnedLookup(addresses),
      signal,
      // SNI and the certificate check go by the host name, whatever address was connected to.
      ...(secure && isIP(host) === 0 ? { servername: host } : {}),
    };
    return new Promise<WebhookAttempt>((settle) => {
      let settled = false;
      const finish = (attempt: WebhookAttempt) => {
        if (settled) return;
        settled = true;
        settle(attempt);
      };
      const onError = (error: unknown) =>
        finish(
          signal.aborted
            ? failedAttempt(
                'timeout',
                `no complete response within ${this.timeoutMs} ms`,
                elapsedMs(),
              )
            : failedAttempt(connectionFailureOf(error), detailOf(error), elapsedMs()),
        );
      const request = (secure ? https : http).request(options, (response) => {
        const excerpt: Buffer[] = [];
        let excerptBytes = 0;
        let read = 0;
        const answered = () =>
          finish({
            kind: 'response',
            status: response.statusCode ?? 0,
            durationMs: elapsedMs(),
            // A character cut at the excerpt's end is left out, not garbled.
            responseExcerpt: new TextDecoder().decode(Buffer.concat(excerpt), { stream: true }),
          });
        response.on('data', (chunk: Buffer) => {
          if (excerptBytes < RESPONSE_EXCERPT_BYTES) {
            const kept = chunk.subarray(0, RESPONSE_EXCERPT_BYTES - excerptBytes);
            excerpt.push(kept);
            excerptBytes += kept.length;
          }
          read += chunk.length;
          if (read > this.maxResponseBytes) {
            // The rest is not read: the answer is known, and the socket is not worth draining.
            answered();
            request.destroy();
          }
        });
        response.on('end', answered);
        response.on('error', onError);
      });
      request.on('error', onError);
      request.end(body);
    });
  }
}
