import type { WebhookViolation } from '@talentloop/notifications-domain';

/** Why an attempt got no HTTP response. */
export type WebhookFailureReason =
  /** No response within the sender's timeout (name resolution, connect and response together). */
  | 'timeout'
  /** The host name did not resolve. */
  | 'dns'
  /** Refused, reset or unreachable, or the sender was closed. */
  | 'connection'
  /** The TLS handshake failed, e.g. a certificate that is not valid for the host name. */
  | 'tls'
  /** The endpoint answered something that is not HTTP. */
  | 'protocol';

/**
 * What one delivery attempt came to: a value, never a throw. `refused` is the SSRF guard's no
 * (or a URL that is not a webhook URL): nothing was sent, and it is a failed attempt like the
 * others, with the reason for the delivery log.
 */
export type WebhookAttempt =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly durationMs: number;
      /** The first bytes (at most 1 KiB) of the response body as text, for the delivery log. */
      readonly responseExcerpt: string;
    }
  | {
      readonly kind: 'refused';
      readonly reason: string;
      readonly violations: readonly WebhookViolation[];
    }
  | {
      readonly kind: 'failed';
      readonly reason: WebhookFailureReason;
      /** The error as Node reported it, e.g. `connect ECONNREFUSED 127.0.0.1:443`. */
      readonly detail: string;
      readonly durationMs: number;
    };

export const refusedAttempt = (violations: readonly WebhookViolation[]): WebhookAttempt => ({
  kind: 'refused',
  reason: violations.map(({ message }) => message).join('; '),
  violations,
});

export const failedAttempt = (
  reason: WebhookFailureReason,
  detail: string,
  durationMs: number,
): WebhookAttempt => ({ kind: 'failed', reason, detail, durationMs });

/** OpenSSL's certificate verification codes and Node's own TLS errors. */
const tlsCode =
  /^(ERR_TLS_|ERR_SSL_|CERT_|CRL_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|INVALID_CA|INVALID_PURPOSE|PATH_LENGTH_EXCEEDED|ERROR_IN_CERT_)/;

/** The reason for an error raised while connecting, sending or reading the response. */
export const connectionFailureOf = (error: unknown): WebhookFailureReason => {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return 'connection';
  if (code.startsWith('HPE_')) return 'protocol';
  return tlsCode.test(code) ? 'tls' : 'connection';
};

export const detailOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
