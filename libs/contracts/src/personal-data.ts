import { Type, type TSchema, type TString } from '@sinclair/typebox';

/** The JSON Schema keyword that marks a field as personal data, encrypted per data subject. */
export const PERSONAL_KEYWORD = 'x-personal';

/** What a sealed field starts with: `enc:v1:<base64url of iv, tag and ciphertext>`. */
export const SEALED_PREFIX = 'enc:v1:';

/** What a personal field reads as once its data subject was erased (their key destroyed). */
export const ERASED = '[erased]';

/** After the prefix: the AES-256-GCM IV, the authentication tag, then the ciphertext. */
export const SEALED_IV_BYTES = 12;
export const SEALED_TAG_BYTES = 16;

export const SEALED_PATTERN = '^enc:v1:[A-Za-z0-9_-]+$';
export const SEALED_MAX_LENGTH = 12_000;

const SealedValue = Type.String({
  pattern: SEALED_PATTERN,
  maxLength: SEALED_MAX_LENGTH,
  description: 'The value sealed with the data subject’s key (AES-256-GCM)',
});

/**
 * A field holding personal data (a name, an e-mail, free text by or about a person). Stored
 * and published sealed with the key of the event's subject; read back as the plaintext, or as
 * "[erased]" once that key is destroyed. The plaintext is validated before sealing.
 */
export const Personal = (schema: TString) =>
  Type.Union([schema, SealedValue, Type.Literal(ERASED)], {
    [PERSONAL_KEYWORD]: true,
    description: `${schema.description ?? 'Personal data'} (personal data: sealed on the bus and in the store as "enc:v1:…", "[erased]" once the person is erased)`,
  });

/** One step of a path to a personal field: a property name, or `*` for every array item. */
export type PersonalFieldPath = readonly string[];

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
