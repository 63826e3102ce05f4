import { isPublishedEventType } from '@talentloop/contracts';
import { text, type Text } from '@talentloop/i18n';

/** The raw query of GET /replay/events, as strings straight off the URL. */
export interface ReplayQueryInput {
  readonly after?: string;
  readonly from?: string;
  readonly types?: string;
  readonly limit?: string;
}

/** Where a replay starts, which events it carries and how many at most. */
export interface ReplayRange {
  /** Exclusive global position; undefined: from the beginning (or from `from`). */
  readonly after: bigint | undefined;
  /** Start at the first event recorded at or after this time. */
  readonly from: Date | undefined;
  /** Only these event types; undefined: all. */
  readonly types: readonly string[] | undefined;
  /** At most this many events; undefined: no limit. */
  readonly limit: number | undefined;
}

export interface RangeViolation {
  readonly field: string;
  /** In no language yet: the API says it in the request's, the CLI in English. */
  readonly message: Text;
}

export type ParsedRange =
  | { readonly ok: true; readonly range: ReplayRange }
  | { readonly ok: false; readonly errors: readonly RangeViolation[] };

/** A global position: 1–20 decimal digits, so it fits an unsigned 64-bit number. */
const POSITION = /^[0-9]{1,20}$/;
const MAX_POSITION = 2n ** 64n - 1n;
/** ISO-8601 date-time with a zone, the form the store records (`recordedAt`). */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const LIMIT = /^[1-9][0-9]{0,8}$/;

const position = (value: string): bigint | undefined => {
  if (!POSITION.test(value)) return undefined;
  const parsed = BigInt(value);
  return parsed <= MAX_POSITION ? parsed : undefined;
};

/**
 * Validates the replay query. `lastEventId` (the SSE `Last-Event-ID` header) is where a
 * reconnecting client stopped: it wins over `after` and `from`, which the browser repeats
 * from the original URL on every reconnect.
 */
export const parseReplayRange = (input: ReplayQueryInput, lastEventId?: string): ParsedRange => {
  const errors: RangeViolation[] = [];
  let after: bigint | undefined;
  let from: Date | undefined;
  let types: string[] | undefined;
  let limit: number | undefined;

  if (input.after !== undefined) {
    after = position(input.after);
    if (after === undefined)
      errors.push({ field: 'after', message: text('analytics.replay.afterNotPosition') });
  }
  if (input.from !== undefined) {
    const time = ISO_TIME.test(input.from) ? new Date(input.from) : undefined;
    if (time === undefined || Number.isNaN(time.getTime()))
      errors.push({ field: 'from', message: text('analytics.replay.fromNotTime') });
    else from = time;
  }
  if (input.after !== undefined && input.from !== undefined)
    errors.push({ field: 'from', message: text('analytics.replay.afterOrFrom') });
  if (input.types !== undefined) {
    types = [...new Set(input.types.split(',').map((type) => type.trim()))];
    const unknown = types.filter((type) => !isPublishedEventType(type));
    if (unknown.length > 0)
      errors.push({
        field: 'types',
        message: text('analytics.replay.unknownTypes', {
          types: unknown.map((type) => type || '(empty)').join(', '),
          count: unknown.length,
        }),
      });
  }
  if (input.limit !== undefined) {
    if (LIMIT.test(input.limit)) limit = Number(input.limit);
    else errors.push({ field: 'limit', message: text('analytics.replay.limit') });
  }
  if (lastEventId !== undefined && lastEventId.trim() !== '') {
    const resumeAt = position(lastEventId.trim());
    if (resumeAt === undefined)
      errors.push({ field: 'Last-Event-ID', message: text('analytics.replay.lastEventId') });
    else {
      after = resumeAt;
      from = undefined;
    }
  }
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, range: { after, from, types, limit } };
};
