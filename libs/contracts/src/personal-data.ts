import { Type, type TSchema, type TString } from '@sinclair/typebox';

/** The JSON Schema keyword that marks a field as personal data, encrypted per data subject. */
export const PERSONAL_KEYWORD = 'x-personal';

/** What every sealed value starts with, whatever its format: `enc:v<n>:…`. */
export const SEALED_PREFIX = 'enc:';
/**
 * The first format, `enc:v1:<base64url of iv, tag and ciphertext>`: bound to the tenant and
 * the subject only, so it could be moved to another field of the same person. Still opened
 * (events are never rewritten); no longer written.
 */
export const SEALED_V1_PREFIX = 'enc:v1:';
/**
 * The format written now, `enc:v2:<data key>:<event type>:<field>:<base64url of iv, tag and
 * ciphertext>`: the number of the subject's data key that sealed it, and the event type and
 * field it was sealed for (the field as personalFieldPaths names it, `*` for any array item),
 * all bound as associated data with the tenant and subject. They are written in the clear so
 * that a value copied into a read model can still be opened, and checked where it is opened.
 */
export const SEALED_V2_PREFIX = 'enc:v2:';

/** What a personal field reads as once its data subject was erased (their key destroyed). */
export const ERASED = '[erased]';

/** After the prefix: the AES-256-GCM IV, the authentication tag, then the ciphertext. */
export const SEALED_IV_BYTES = 12;
export const SEALED_TAG_BYTES = 16;

const KEY_VERSION = '[1-9][0-9]{0,8}';
const EVENT_TYPE = '[A-Za-z][A-Za-z0-9]*';
const FIELD_STEP = '(?:[A-Za-z0-9_]+|\\*)';
const FIELD = `${FIELD_STEP}(?:\\.${FIELD_STEP})*`;
const BODY = '[A-Za-z0-9_-]+';

export const SEALED_PATTERN = `^enc:(?:v1|v2:${KEY_VERSION}:${EVENT_TYPE}:${FIELD}):${BODY}$`;
export const SEALED_MAX_LENGTH = 12_000;

const SEALED_V1 = new RegExp(`^enc:v1:(${BODY})$`);
const SEALED_V2 = new RegExp(`^enc:v2:(${KEY_VERSION}):(${EVENT_TYPE}):(${FIELD}):(${BODY})$`);

/** Which field of which event type a value was sealed for. */
export interface SealedOrigin {
  readonly type: string;
  /** As personalFieldPaths names it, dotted: `answers.whatIsNext`, `items.*.note`. */
  readonly field: string;
}

/** A sealed value taken apart; `body` is the base64url of the IV, the tag and the ciphertext. */
export type SealedEnvelope =
  | { readonly version: 1; readonly body: string }
  | {
      readonly version: 2;
      /** Which of the subject's data keys sealed it (1: the first). */
      readonly keyVersion: number;
      readonly origin: SealedOrigin;
      readonly body: string;
    };

/** The parts of a sealed value, or undefined when the string is not one (plaintext, "[erased]"). */
export const sealedEnvelopeOf = (value: string): SealedEnvelope | undefined => {
  if (!value.startsWith(SEALED_PREFIX)) return undefined;
  const v1 = SEALED_V1.exec(value);
  if (v1) return { version: 1, body: v1[1] };
  const v2 = SEALED_V2.exec(value);
  if (!v2) return undefined;
  const [, keyVersion, type, field, body] = v2;
  return { version: 2, keyVersion: Number(keyVersion), origin: { type, field }, body };
};

/** The sealed value of an envelope; throws for parts the format cannot carry. */
export const sealedValueOf = (envelope: SealedEnvelope): string => {
  const value =
    envelope.version === 1
      ? `${SEALED_V1_PREFIX}${envelope.body}`
      : `${SEALED_V2_PREFIX}${envelope.keyVersion.toString()}:${envelope.origin.type}:${envelope.origin.field}:${envelope.body}`;
  if (!sealedEnvelopeOf(value))
    throw new Error(`cannot seal for ${JSON.stringify(envelope)}: the format cannot carry it`);
  return value;
};

const SealedValue = Type.String({
  pattern: SEALED_PATTERN,
  maxLength: SEALED_MAX_LENGTH,
  description:
    'The value sealed with the data subject’s key (AES-256-GCM), bound to the event type and field',
});

/**
 * A field holding personal data (a name, an e-mail, free text by or about a person). Stored
 * and published sealed with the key of the event's subject; read back as the plaintext, or as
 * "[erased]" once that key is destroyed. The plaintext is validated before sealing.
 */
export const Personal = (schema: TString) =>
  Type.Union([schema, SealedValue, Type.Literal(ERASED)], {
    [PERSONAL_KEYWORD]: true,
    description: `${schema.description ?? 'Personal data'} (personal data: sealed on the bus and in the store as "enc:v2:…" or, in older events, "enc:v1:…"; "[erased]" once the person is erased)`,
  });

/** One step of a path to a personal field: a property name, or `*` for every array item. */
export type PersonalFieldPath = readonly string[];

/** The name a sealed value records of its field: the path dotted (`items.*.note`). */
export const fieldNameOf = (path: PersonalFieldPath): string => path.join('.');

const isArrayIndex = (step: string) => /^(?:0|[1-9][0-9]*)$/.test(step);

/**
 * The personal field at a location in data (property names and array indices, as
 * mapPersonalField reports them: `['items', '2', 'note']`), named as its path
 * (`items.*.note`); undefined when no personal field is there. The array position is not part
 * of the name: items are reordered, inserted and copied elsewhere, the field they hold is not.
 */
export const personalFieldAt = (
  paths: readonly PersonalFieldPath[],
  location: readonly string[],
): string | undefined => {
  const path = paths.find(
    (candidate) =>
      candidate.length === location.length &&
      candidate.every(
        (step, index) =>
          step === location[index] || (step === '*' && isArrayIndex(location[index])),
      ),
  );
  return path && fieldNameOf(path);
};

/** Where a schema holds personal fields, inside nested objects and arrays. */
export const personalFieldPaths = (schema: TSchema): PersonalFieldPath[] => {
  if ((schema as Record<string, unknown>)[PERSONAL_KEYWORD] === true) return [[]];
  const nested: [string, TSchema][] = [
    ...Object.entries((schema['properties'] ?? {}) as Record<string, TSchema>),
    ...(schema['items'] ? [['*', schema['items'] as TSchema] as [string, TSchema]] : []),
    ...((schema['anyOf'] ?? []) as TSchema[]).map((option): [string, TSchema] => ['', option]),
  ];
  return nested.flatMap(([step, child]) =>
    personalFieldPaths(child).map((path) => (step === '' ? path : [step, ...path])),
  );
};

/**
 * A copy of `data` with the string at `path` replaced (`*` steps into every item; absent
 * fields stay absent). `replace` gets the field's dotted location too (`items.0.note`). The
 * one walk over personal fields: the cipher seals and opens with it, the AsyncAPI examples
 * seal with it.
 */
export const mapPersonalField = (
  data: unknown,
  path: PersonalFieldPath,
  replace: (value: string, field: string) => string,
  location: readonly string[] = [],
): unknown => {
  const [step, ...rest] = path;
  if (step === undefined)
    return typeof data === 'string' ? replace(data, location.join('.')) : data;
  if (step === '*')
    return Array.isArray(data)
      ? data.map((item, index) =>
          mapPersonalField(item, rest, replace, [...location, String(index)]),
        )
      : data;
  if (typeof data !== 'object' || data === null || !(step in data)) return data;
  const record = data as Readonly<Record<string, unknown>>;
  return { ...record, [step]: mapPersonalField(record[step], rest, replace, [...location, step]) };
};
