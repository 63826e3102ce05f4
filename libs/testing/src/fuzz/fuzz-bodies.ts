import fc, { type Arbitrary } from 'fast-check';
import { plainText } from './fuzz-text';
import {
  resolveSchema,
  shapedLike,
  violations,
  type JsonObject,
  type JsonSchema,
} from './schema-values';

/** A request body exactly as it goes on the wire. */
export interface FuzzBody {
  /** What the case is, for the failure message. */
  readonly label: string;
  readonly contentType?: string;
  readonly payload?: string | Uint8Array;
  /** Headers the body needs besides its content type. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * True when the body is refused whatever the path and caller: a request with a body that is
   * not refused on its own must be made invalid some other way (a malformed id).
   */
  readonly refusedAlone: boolean;
}

/** The express json parser's default limit is 100 kB. */
const OVER_BODY_LIMIT = 101 * 1024;

const json = (
  label: string,
  value: unknown,
  refusedAlone: boolean,
  contentType = 'application/json',
): FuzzBody => ({
  label,
  contentType,
  payload: JSON.stringify(value),
  refusedAlone,
});

/** Nested `depth` levels deep: what recursion limits and stack depth are tested with. */
const nested = (depth: number, leaf: 'object' | 'array'): string =>
  leaf === 'object'
    ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    : `${'['.repeat(depth)}${']'.repeat(depth)}`;

/**
 * Bodies that must be refused (or, where `refusedAlone` is false, are at least no valid command
 * by themselves): wrong types per field, missing required fields, extra fields, huge strings,
 * deep nesting, arrays for objects, nulls, numbers out of range, non-JSON bytes, wrong or
 * bogus content types, an empty body. `schema` is the operation's request body, if it has one.
 */
export const invalidBody = (
  schema: JsonSchema | undefined,
  components: Readonly<Record<string, JsonSchema>> = {},
): Arbitrary<FuzzBody> => {
  const resolved = schema ? resolveSchema(schema, components) : undefined;
  const takesObject =
    resolved !== undefined && resolved.type !== 'string' && resolved.type !== 'array';
  const hasRequired = (resolved?.required?.length ?? 0) > 0;
  const parserRefuses: Arbitrary<FuzzBody>[] = [
    fc
      .constantFrom(
        '{',
        '{"a":',
        '{a:1}',
        "{'a':1}",
        '[1,',
        'tru',
        '{"a":1}}',
        '\u0000',
        '{"a":1,}',
        'NaN',
      )
      .map((payload) => ({
        label: 'malformed JSON',
        contentType: 'application/json',
        payload,
        refusedAlone: true,
      })),
    fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => ({
      label: 'random bytes as JSON',
      contentType: 'application/json',
      payload: Uint8Array.from([0xff, 0xfe, ...bytes]),
      refusedAlone: true,
    })),
    fc.constantFrom('null', '"text"', '42', 'true', '-0').map((payload) => ({
      label: 'JSON primitive',
      contentType: 'application/json',
      payload,
      refusedAlone: true,
    })),
    fc.constant({
      label: 'body over the size limit',
      contentType: 'application/json',
      payload: JSON.stringify({ padding: 'x'.repeat(OVER_BODY_LIMIT) }),
      refusedAlone: true,
    }),
    // body-parser decodes only utf-* charsets (utf-7 and utf-16 included): others are a 415.
    fc.constantFrom('bogus', 'x-unknown', 'iso-8859-1', 'ebcdic').map((charset) => ({
      label: 'unsupported charset',
      contentType: `application/json; charset=${charset}`,
      payload: '{"a":1}',
      refusedAlone: true,
    })),
    fc.constantFrom('gzip', 'deflate', 'br', 'bogus').map((encoding) => ({
      label: `content-encoding ${encoding} over plain JSON`,
      contentType: 'application/json',
      headers: { 'content-encoding': encoding },
      payload: '{"a":1}',
      refusedAlone: true,
    })),
  ];
  const neutral: Arbitrary<FuzzBody>[] = [
    fc.constant({
      label: 'empty body',
      contentType: 'application/json',
      payload: '',
      refusedAlone: takesObject && hasRequired,
    }),
    fc.constant({ label: 'no body, no content type', refusedAlone: takesObject && hasRequired }),
    fc
      .tuple(
        fc.constantFrom(
          'text/plain',
          'application/xml',
          'multipart/form-data; boundary=x',
          'application/x-www-form-urlencoded',
          'image/png',
          'application/json-seq',
          '*/*',
          'garbage',
          ';;;',
        ),
        fc.constantFrom('{"a":1}', 'a=1&b[c]=2', '<a/>', '--x\r\n\r\n--x--'),
      )
      .map(([contentType, payload]) => ({
        label: `wrong content type ${contentType}`,
        contentType,
        payload,
        refusedAlone: takesObject && hasRequired,
      })),
    fc.constantFrom(200, 2000).map((depth) => ({
      label: `objects ${depth} deep`,
      contentType: 'application/json',
      payload: nested(depth, 'object'),
      refusedAlone: takesObject,
    })),
    fc.constantFrom(200, 2000).map((depth) => ({
      label: `arrays ${depth} deep`,
      contentType: 'application/json',
      payload: nested(depth, 'array'),
      refusedAlone: takesObject,
    })),
    fc
      .array(fc.oneof(fc.integer(), plainText(5), fc.constant(null)), {
        minLength: 1,
        maxLength: 5,
      })
      .map((items) =>
        json(
          'array where an object is expected',
          items,
          takesObject || resolved?.type === 'string',
        ),
      ),
    fc
      .dictionary(
        plainText(8).filter((key) => key.length > 0),
        fc.oneof(plainText(8), fc.integer(), fc.constant(null)),
        { minKeys: 1, maxKeys: 4 },
      )
      .map((value) =>
        json(
          'object of unknown fields',
          value,
          (takesObject &&
            Object.keys(value).some((key) => !(key in (resolved?.properties ?? {})))) ||
            resolved?.type === 'string',
        ),
      ),
  ];
  if (!resolved || !takesObject) return fc.oneof(...parserRefuses, ...neutral);
  const shaped = shapedLike(resolved, components) as Arbitrary<JsonObject>;
  const mutated = fc
    .tuple(
      shaped,
      fc.array(fc.oneof(...violations(resolved, components)), { minLength: 1, maxLength: 3 }),
    )
    .map(([value, changes]) =>
      json(
        'schema-shaped with a violation',
        changes.reduce(
          (current, change) => change(current),
          typeof value === 'object' && value !== null ? value : {},
        ),
        true,
      ),
    );
  const hugeString = fc
    .constantFrom(...Object.keys(resolved.properties ?? { padding: {} }))
    .map((key) =>
      json(
        `huge string in ${key} plus an unknown field`,
        { [key]: 'x'.repeat(60_000), unknownField: 1 },
        true,
      ),
    );
  return fc.oneof(
    { arbitrary: fc.oneof(...parserRefuses), weight: 2 },
    { arbitrary: fc.oneof(...neutral), weight: 2 },
    { arbitrary: mutated, weight: 5 },
    { arbitrary: hugeString, weight: 1 },
  );
};
