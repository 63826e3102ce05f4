import { parseCloudEventType } from '@talentloop/contracts';
import { assertNever } from '@talentloop/domain-kernel';
import { parseWebhookUrl } from './webhook-target';
import { webhookViolation, type WebhookViolation } from './webhook-violation';

export const MAX_EVENT_TYPE_FILTER_ENTRIES = 100;
export const MAX_WEBHOOK_DESCRIPTION_LENGTH = 200;

/** Every event the platform delivers. */
export const ALL_EVENT_TYPES = '*';

/**
 * Every event of one bounded context: `talentloop.<context>.*`, the prefix its CloudEvents
 * types (`talentloop.<context>.<EventName>.v<version>`) share, followed by `*`. It matches
 * every event and every version the context publishes, now and later.
 */
const contextWildcard = /^talentloop\.([a-z][a-z0-9-]*)\.\*$/;

type FilterEntry =
  | { readonly kind: 'all' }
  | { readonly kind: 'context'; readonly prefix: string }
  | { readonly kind: 'type'; readonly type: string }
  | { readonly kind: 'malformed' };

const entryOf = (entry: string): FilterEntry => {
  if (entry === ALL_EVENT_TYPES) return { kind: 'all' };
  if (contextWildcard.test(entry)) return { kind: 'context', prefix: entry.slice(0, -1) };
  return parseCloudEventType(entry) === undefined
    ? { kind: 'malformed' }
    : { kind: 'type', type: entry };
};

const entryMatches = (entry: FilterEntry, type: string): boolean => {
  switch (entry.kind) {
    case 'all':
      return true;
    case 'context':
      return type.startsWith(entry.prefix);
    case 'type':
      return type === entry.type;
    case 'malformed':
      return false;
    default:
      return assertNever(entry);
  }
};

/** Does a subscription with this (valid) filter receive events of this CloudEvents type? */
export const matchesEventTypeFilter = (filter: readonly string[], type: string): boolean =>
  filter.some((entry) => entryMatches(entryOf(entry), type));

/**
 * A subscription's event types: 1 to 100 distinct entries, each an exact CloudEvents type the
 * platform delivers (`knownTypes`), a context wildcard naming a context that delivers one of
 * them (`talentloop.planning.*`) or `*`. Empty when valid; otherwise every broken rule.
 */
export const validateEventTypeFilter = (
  filter: readonly string[],
  knownTypes: readonly string[],
  field = 'eventTypes',
): readonly WebhookViolation[] => {
  if (filter.length === 0)
    return [
      webhookViolation(field, 'WEBHOOK_EVENT_TYPES_EMPTY', 'must name at least one event type'),
    ];
  if (filter.length > MAX_EVENT_TYPE_FILTER_ENTRIES)
    return [
      webhookViolation(
        field,
        'WEBHOOK_EVENT_TYPES_TOO_MANY',
        `names ${filter.length} event types; at most ${MAX_EVENT_TYPE_FILTER_ENTRIES} are allowed`,
      ),
    ];
  return filter.flatMap((written, index): WebhookViolation[] => {
    const at = `${field}[${index}]`;
    if (filter.indexOf(written) < index)
      return [
        webhookViolation(
          at,
          'WEBHOOK_EVENT_TYPE_DUPLICATE',
          `repeats ${written} (${field}[${filter.indexOf(written)}])`,
        ),
      ];
    const entry = entryOf(written);
    if (entry.kind === 'malformed')
      return [
        webhookViolation(
          at,
          'WEBHOOK_EVENT_TYPE_MALFORMED',
          `${JSON.stringify(written)} is neither a CloudEvents type (talentloop.<context>.<EventName>.v<version>), a context wildcard (talentloop.<context>.*) nor *`,
        ),
      ];
    return knownTypes.some((type) => entryMatches(entry, type))
      ? []
      : [
          webhookViolation(
            at,
            'WEBHOOK_EVENT_TYPE_UNKNOWN',
            entry.kind === 'context'
              ? `${written} names a context that delivers no events`
              : `${written} is not an event type the platform delivers`,
          ),
        ];
  });
};

const SECRET_PREFIX = 'whsec_';
export const MIN_WEBHOOK_SECRET_BYTES = 24;
export const MAX_WEBHOOK_SECRET_BYTES = 64;
/** What `newWebhookSecret` takes: 256 bits. */
export const NEW_WEBHOOK_SECRET_BYTES = 32;

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;
const longestEncodedSecret = 4 * Math.ceil(MAX_WEBHOOK_SECRET_BYTES / 3);

/** Standard padded base64 that decodes and encodes back to itself (no stray bits or padding). */
const isCanonicalBase64 = (text: string): boolean =>
  text.length % 4 === 0 &&
  base64Pattern.test(text) &&
  Buffer.from(text, 'base64').toString('base64') === text;

/**
 * A signing secret in the Standard Webhooks format: `whsec_` and the base64 of 24 to 64 random
 * bytes. An oversized secret is refused before it is decoded. Messages never repeat the secret.
 */
export const validateWebhookSecret = (
  text: string,
  field = 'secret',
): readonly WebhookViolation[] => {
  const encoded = text.startsWith(SECRET_PREFIX) ? text.slice(SECRET_PREFIX.length) : undefined;
  const size = webhookViolation(
    field,
    'WEBHOOK_SECRET_SIZE',
    `must hold ${MIN_WEBHOOK_SECRET_BYTES} to ${MAX_WEBHOOK_SECRET_BYTES} bytes`,
  );
  if (encoded !== undefined && encoded.length > longestEncodedSecret) return [size];
  if (encoded === undefined || !isCanonicalBase64(encoded))
    return [
      webhookViolation(
        field,
        'WEBHOOK_SECRET_MALFORMED',
        `must be ${SECRET_PREFIX} followed by standard padded base64`,
      ),
    ];
  const bytes = Buffer.from(encoded, 'base64').length;
  return bytes < MIN_WEBHOOK_SECRET_BYTES || bytes > MAX_WEBHOOK_SECRET_BYTES ? [size] : [];
};

/** A new secret from 32 random bytes the caller drew (`crypto.randomBytes(32)`). */
export const newWebhookSecret = (randomBytes: Uint8Array): string => {
  if (randomBytes.length !== NEW_WEBHOOK_SECRET_BYTES)
    throw new RangeError(
      `a webhook secret is made of ${NEW_WEBHOOK_SECRET_BYTES} random bytes, not ${randomBytes.length}`,
    );
  return `${SECRET_PREFIX}${Buffer.from(randomBytes).toString('base64')}`;
};

export interface WebhookSubscriptionInput {
  readonly url: string;
  readonly eventTypes: readonly string[];
  /** Absent when the platform generates it. */
  readonly secret?: string;
  readonly description?: string;
}

/**
 * Every rule a new or changed subscription breaks (empty when none). The target's addresses
 * are checked apart, by `guardTarget`, once the caller resolved the host.
 */
export const validateSubscription = (
  { url, eventTypes, secret, description }: WebhookSubscriptionInput,
  knownTypes: readonly string[],
): readonly WebhookViolation[] => {
  const parsedUrl = parseWebhookUrl(url);
  const descriptionLength = description === undefined ? 0 : [...description].length;
  return [
    ...(parsedUrl.ok ? [] : parsedUrl.violations),
    ...validateEventTypeFilter(eventTypes, knownTypes),
    ...(secret === undefined ? [] : validateWebhookSecret(secret)),
    ...(descriptionLength > MAX_WEBHOOK_DESCRIPTION_LENGTH
      ? [
          webhookViolation(
            'description',
            'WEBHOOK_DESCRIPTION_TOO_LONG',
            `is ${descriptionLength} characters long; at most ${MAX_WEBHOOK_DESCRIPTION_LENGTH} are allowed`,
          ),
        ]
      : []),
  ];
};
