import { createHash } from 'node:crypto';
import { assertNever } from '@talentloop/domain-kernel';

/**
 * The pure part of safe retries (draft-ietf-httpapi-idempotency-key-header): what a key may
 * be, which request it names, what counts as the same request, and what to do with a request
 * given the record its key left. The interceptor and the records adapter only carry it out.
 */

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/** 1–255 printable ASCII characters (space to tilde). */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;

export const isValidIdempotencyKey = (key: string): boolean => IDEMPOTENCY_KEY_PATTERN.test(key);

/** Whose key it is and where it was sent: a key means nothing outside its scope. */
export interface IdempotencyScope {
  readonly tenantId: string;
  readonly userId: string;
  readonly method: string;
  /** The request's path (not the route template): one key on two goals names two requests. */
  readonly path: string;
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

const scopedKey = (scope: IdempotencyScope, key: string): string =>
  JSON.stringify([scope.tenantId, scope.userId, scope.method.toUpperCase(), scope.path, key]);

/** The id of the key's record: a digest, so the key itself is never stored. */
export const idempotencyRecordIdOf = (scope: IdempotencyScope, key: string): string =>
  sha256(`record:${scopedKey(scope, key)}`).toString('hex');

/**
 * The command id of a request sent with a key, in UUID layout (version 8: custom): the same for
 * every retry, so the event store treats a retry as the command it already has, even after a
 * crash between the append and the record. The ids of what the command creates follow from it.
 */
export const idempotentCommandIdOf = (scope: IdempotencyScope, key: string): string => {
  const hash = sha256(`command:${scopedKey(scope, key)}`);
  hash[6] = (hash[6] & 0x0f) | 0x80;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** A literal piece of output on the canonicalJson work stack, as opposed to a value. */
class Literal {
  constructor(readonly text: string) {}
}

/**
 * JSON with every object's keys sorted, so two bodies that differ only in key order are the
 * same request. Iterative: a body nested thousands deep (the parser accepts it) must not
 * overflow the stack.
 */
export const canonicalJson = (value: unknown): string => {
  const output: string[] = [];
  const work: unknown[] = [value];
  while (work.length > 0) {
    const next = work.pop();
    if (next instanceof Literal) {
      output.push(next.text);
    } else if (Array.isArray(next)) {
      const items: unknown[] = next;
      work.push(new Literal(']'));
      for (let index = items.length - 1; index >= 0; index--) {
        work.push(items[index]);
        if (index > 0) work.push(new Literal(','));
      }
      work.push(new Literal('['));
    } else if (typeof next === 'object' && next !== null) {
      const record = next as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort();
      work.push(new Literal('}'));
      for (let index = keys.length - 1; index >= 0; index--) {
        work.push(record[keys[index]]);
        work.push(new Literal(`${index > 0 ? ',' : ''}${JSON.stringify(keys[index])}:`));
      }
      work.push(new Literal('{'));
    } else {
      output.push(JSON.stringify(next) ?? 'null');
    }
  }
  return output.join('');
};

/** What a request sent, as far as the fingerprint can tell. */
export type RequestContent =
  | { readonly parsed: true; readonly body: unknown; readonly query: unknown }
  | {
      readonly parsed: false;
      readonly contentType: string | undefined;
      readonly contentLength: string | undefined;
      readonly query: unknown;
    };

/** SHA-256 of the request's content: the same key with another fingerprint is a misuse. */
export const fingerprintOf = (content: RequestContent): string =>
  sha256(canonicalJson(content)).toString('hex');

export interface IdempotencyLimits {
  /**
   * How long a request may stay in flight before its record is taken for a crashed process's
   * and taken over: longer than any request should take (the AI drafter gives up after 120 s
   * at most). Taking over a request still running is safe too, only wasteful: both run the
   * same command ids, and the store appends them once.
   */
  readonly inFlightMs: number;
  /** How long a record is kept; an expired one counts as absent. */
  readonly retentionMs: number;
}

export const IDEMPOTENCY_LIMITS: IdempotencyLimits = {
  inFlightMs: 120_000,
  retentionMs: 24 * 60 * 60 * 1000,
};

/** How soon a client whose key is in use should ask again: requests take milliseconds. */
export const RETRY_IN_USE_AFTER_SECONDS = 1;

/** What the read-model store keeps under a key's record id. Times are epoch milliseconds. */
export type IdempotencyRecord =
  | {
      readonly state: 'in-flight';
      readonly fingerprint: string;
      readonly startedAt: number;
      readonly expiresAt: number;
    }
  | {
      readonly state: 'completed';
      readonly fingerprint: string;
      readonly status: number;
      readonly expiresAt: number;
    };

export const inFlightRecord = (
  fingerprint: string,
  now: number,
  limits: IdempotencyLimits = IDEMPOTENCY_LIMITS,
): IdempotencyRecord => ({
  state: 'in-flight',
  fingerprint,
  startedAt: now,
  expiresAt: now + limits.retentionMs,
});

export const completedRecord = (
  fingerprint: string,
  status: number,
  now: number,
  limits: IdempotencyLimits = IDEMPOTENCY_LIMITS,
): IdempotencyRecord => ({
  state: 'completed',
  fingerprint,
  status,
  expiresAt: now + limits.retentionMs,
});

/**
 * Only a success is kept for replay, and never its body (it may hold personal data an erasure
 * must reach): a replay runs the handler again under the key's command id, and the event store
 * hands back the first run's events. After an error the record goes, so the retry runs again:
 * safe, because a command sent with a key has the key's command id whatever happened before.
 */
export const isReplayable = (status: number): boolean => status >= 200 && status < 300;

export type IdempotencyDecision =
  /** Nobody used the key (or its record expired): claim it and run. */
  | { readonly kind: 'run' }
  /** In flight for longer than any request takes: its process is gone; claim it and run. */
  | { readonly kind: 'take-over' }
  /** Done already: answer as the first time (the handler runs again and changes nothing). */
  | { readonly kind: 'replay'; readonly status: number }
  /** The key was used for another request: 422. */
  | { readonly kind: 'reused' }
  /** The first request is still running: 409, ask again shortly. */
  | { readonly kind: 'in-use'; readonly retryAfterSeconds: number };

/** What to do with a request, given its key's record (if any), its fingerprint and the time. */
export const decideIdempotency = (
  existing: IdempotencyRecord | undefined,
  fingerprint: string,
  now: number,
  limits: IdempotencyLimits = IDEMPOTENCY_LIMITS,
): IdempotencyDecision => {
  if (existing === undefined || existing.expiresAt <= now) return { kind: 'run' };
  if (existing.fingerprint !== fingerprint) return { kind: 'reused' };
  switch (existing.state) {
    case 'completed':
      return { kind: 'replay', status: existing.status };
    case 'in-flight':
      return existing.startedAt + limits.inFlightMs <= now
        ? { kind: 'take-over' }
        : { kind: 'in-use', retryAfterSeconds: RETRY_IN_USE_AFTER_SECONDS };
    default:
      return assertNever(existing);
  }
};
