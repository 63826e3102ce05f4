import fc, { type Arbitrary } from 'fast-check';

/** A JSON schema as an OpenAPI document states it: only what the generators read. */
export interface JsonSchema {
  readonly type?: string;
  readonly $ref?: string;
  readonly allOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly items?: JsonSchema;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
}

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

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Text with some non-ASCII, but no `:`: a leak check must not mistake an echo for `Error:`. */
const plainText = (maxLength = 40, minLength = 0) =>
  fc.string({
    unit: fc.constantFrom(...'abcXYZ 019_-.,;!?#&=+[]{}()<>\'"\\/%~é中😀\t'),
    minLength,
    maxLength: Math.max(maxLength, minLength),
  });

/** An id that matches the contracts' id pattern but names nothing. */
export const unknownId = (): Arbitrary<string> =>
  fc
    .string({ unit: fc.constantFrom(...ID_CHARS), minLength: 6, maxLength: 24 })
    .map((tail) => `fuzz-${tail}`);

/**
 * A path segment (already percent-encoded) that no id pattern accepts: too long, unicode,
 * dot segments, encoded slashes and backslashes, control characters, spaces, broken escapes.
 */
export const malformedIdSegment = (): Arbitrary<string> =>
  fc.oneof(
    fc.integer({ min: 129, max: 2000 }).map((length) => 'a'.repeat(length)),
    fc.constantFrom(
      '..',
      '.',
      '%2E%2E',
      '..%2F..%2Fetc%2Fpasswd',
      '%2F',
      'a%2Fb',
      '%5C..%5C',
      '%00',
      'a%00b',
      '%0D%0Aset-cookie%3A%20x',
      '%1B%5B31m',
      '%20',
      '%20%20',
      'a%20b',
      '%25',
      '%ZZ',
      '%',
      '-leading-dash',
      '_leading',
      '%E2%80%AE',
      '%C3%A9',
      '%F0%9F%98%80',
      '%EF%BF%BD',
      '%C0%AF',
      'a;b',
      'a%3Cscript%3E',
      "a'%20OR%20'1'%3D'1",
    ),
    plainText(30)
      .filter((text) => /[^A-Za-z0-9._:@-]/.test(text))
      .map((text) => encodeURIComponent(`x${text}`)),
  );

/** A query string (with its `?`) of garbage: unknown, repeated, nested, huge and broken values. */
export const junkQuery = (knownNames: readonly string[] = []): Arbitrary<string> => {
  const name = fc.oneof(
    ...(knownNames.length > 0 ? [fc.constantFrom(...knownNames)] : []),
    fc.constantFrom('__proto__', 'constructor', 'toString', 'a[b]', 'a[]', 'limit', 'after', 'x'),
  );
  const value = fc.oneof(
    plainText(20).map(encodeURIComponent),
    fc.constantFrom(
      '',
      '-1',
      '0',
      '1e309',
      'NaN',
      '99999999999999999999999',
      '%ZZ',
      '%00',
      '[]',
      '{}',
    ),
    // Numbers and dates just outside what parsers take.
    fc.constantFrom(
      '18446744073709551616',
      '-9223372036854775809',
      '0x10',
      '1.5',
      '%201',
      '1%2C2',
      '2026-13-45',
      '2026-02-30',
      '0000-00-00',
      '9999-12-31T23%3A59%3A60Z',
      '2026-Q9',
      '2026-H3',
      'GoalDrafted%2CNoSuchEvent',
      '%2C%2C',
    ),
    // Long, but the whole request line stays under Node's 16 kB header limit (else a bare 431).
    fc.integer({ min: 1000, max: 3000 }).map((length) => 'q'.repeat(length)),
    fc.date({ noInvalidDate: false }).map((date) => encodeURIComponent(String(date))),
  );
  return fc
    .array(fc.tuple(name, value), { minLength: 1, maxLength: 3 })
    .map((pairs) => `?${pairs.map(([key, text]) => `${key}=${text}`).join('&')}`);
};

/**
 * The JSON type the (resolved) schema demands, if it names one for sure: a nested DTO is an
 * object; a bare `object` (how a nullable string may be documented) is no type at all.
 */
const definiteTypeOf = (schema: JsonSchema): string | undefined => {
  if (schema.properties) return 'object';
  if (schema.type === 'integer') return 'number';
  return ['string', 'number', 'boolean', 'array'].includes(schema.type ?? '')
    ? schema.type
    : undefined;
};

/** A value of a JSON type other than `own`. */
const wrongTypeFor = (own: string): Arbitrary<unknown> => {
  const all: Record<string, Arbitrary<unknown>> = {
    string: plainText(10),
    number: fc.double({ noNaN: true }),
    boolean: fc.boolean(),
    object: fc.constant({ nested: { deeper: 1 } }),
    array: fc.array(fc.oneof(fc.integer(), plainText(5)), { maxLength: 3 }),
  };
  const others = Object.entries(all)
    .filter(([type]) => type !== own && !(own === 'number' && type === 'string'))
    .map(([, arbitrary]) => arbitrary);
  return fc.oneof(...others);
};

/** Resolves `$ref` and single-entry `allOf` against the document's components. */
export const resolveSchema = (
  schema: JsonSchema,
  components: Readonly<Record<string, JsonSchema>>,
): JsonSchema => {
  if (schema.$ref)
    return resolveSchema(components[schema.$ref.split('/').at(-1) ?? ''] ?? {}, components);
  if (schema.allOf?.length === 1) return resolveSchema(schema.allOf[0], components);
  return schema;
};

/** A value shaped like the schema (not necessarily valid), so mutations land inside real shapes. */
const shapedLike = (
  schema: JsonSchema,
  components: Readonly<Record<string, JsonSchema>>,
  depth = 0,
): Arbitrary<unknown> => {
  const resolved = resolveSchema(schema, components);
  if (resolved.enum?.length) return fc.constantFrom(...resolved.enum);
  switch (resolved.type) {
    case 'integer':
    case 'number': {
      const min = resolved.minimum ?? -1000;
      const max = resolved.maximum ?? 1000;
      return resolved.type === 'integer'
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 3
        ? fc.constant([])
        : fc.array(shapedLike(resolved.items ?? {}, components, depth + 1), {
            minLength: Math.min(resolved.minItems ?? 0, 3),
            maxLength: Math.min(resolved.maxItems ?? 3, 3),
          });
    case 'object':
    case undefined: {
      if (!resolved.properties || depth > 3) return fc.constant({});
      return fc.record(
        Object.fromEntries(
          Object.entries(resolved.properties).map(([key, property]) => [
            key,
            shapedLike(property, components, depth + 1),
          ]),
        ),
      );
    }
    default:
      if (resolved.format === 'date-time') return fc.constant('2026-02-02T10:00:00.000Z');
      if (resolved.format === 'date') return fc.constant('2026-02-02');
      if (resolved.pattern) return unknownId();
      // Long enough for minLength, so a single violation is what the DTO is refused for.
      return plainText(Math.min(resolved.maxLength ?? 20, 20), resolved.minLength ?? 0);
  }
};

type JsonObject = Record<string, unknown>;

/** One change that makes a schema-shaped object invalid on its own. */
const violations = (
  schema: JsonSchema,
  components: Readonly<Record<string, JsonSchema>>,
  depth = 0,
): Arbitrary<(value: JsonObject) => JsonObject>[] => {
  const properties = Object.entries(schema.properties ?? {});
  const required = schema.required ?? [];
  const unknownField = fc
    .tuple(
      fc.constantFrom(
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        'valueOf',
        'isAdmin',
        'tenantId',
        'status',
        'zz',
      ),
      fc.oneof(plainText(10), fc.integer(), fc.constant({ polluted: true })),
    )
    .map(
      ([key, extra]) =>
        (value: JsonObject): JsonObject =>
          JSON.parse(
            `{${JSON.stringify(key)}:${JSON.stringify(extra)},${JSON.stringify(value).slice(1)}`.replace(
              /,}$/,
              '}',
            ),
          ) as JsonObject,
    );
  const list: Arbitrary<(value: JsonObject) => JsonObject>[] = [unknownField];
  if (required.length > 0)
    list.push(
      fc
        .constantFrom(...required)
        .map(
          (key) => (value: JsonObject) =>
            Object.fromEntries(Object.entries(value).filter(([name]) => name !== key)),
        ),
    );
  for (const [key, property] of properties) {
    const resolved = resolveSchema(property, components);
    const own = definiteTypeOf(resolved);
    if (own)
      list.push(
        wrongTypeFor(own).map((wrong) => (value: JsonObject) => ({ ...value, [key]: wrong })),
      );
    const item = resolved.items ? resolveSchema(resolved.items, components) : undefined;
    const itemType = item ? definiteTypeOf(item) : undefined;
    // One level down: an item of a list, or a nested object, broken the same ways.
    const inner = item?.properties ? item : resolved.properties ? resolved : undefined;
    if (inner && depth === 0)
      list.push(
        fc
          .tuple(
            shapedLike(inner, components, 1) as Arbitrary<JsonObject>,
            fc.oneof(...violations(inner, components, depth + 1)),
          )
          .map(([nested, change]) => (value: JsonObject) => {
            const broken = change(typeof nested === 'object' && nested !== null ? nested : {});
            return { ...value, [key]: item ? [broken] : broken };
          }),
      );
    if (itemType)
      list.push(
        wrongTypeFor(itemType).map((wrong) => (value: JsonObject) => ({
          ...value,
          [key]: [wrong],
        })),
      );
    if (required.includes(key))
      list.push(fc.constant((value: JsonObject) => ({ ...value, [key]: null })));
    if (property.maxLength !== undefined)
      list.push(
        fc.constant((value: JsonObject) => ({
          ...value,
          [key]: 'x'.repeat((property.maxLength ?? 0) + 1),
        })),
      );
    if (property.maximum !== undefined)
      list.push(
        fc
          .constantFrom((property.maximum ?? 0) + 1, 1e308, Number.MAX_SAFE_INTEGER + 2)
          .map((big) => (value: JsonObject) => ({ ...value, [key]: big })),
      );
    if (property.minimum !== undefined)
      list.push(
        fc
          .constantFrom((property.minimum ?? 0) - 1, -1e308)
          .map((small) => (value: JsonObject) => ({ ...value, [key]: small })),
      );
  }
  return list;
};

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

/** Header values fetch can send (no CR, LF or NUL) that no identity check can accept. */
const headerGarbage = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'abcXYZ019 =+/._-,;!~\t'), maxLength: 60 }),
  // Header values are bytes: latin-1 at most.
  fc.constantFrom('', ' ', 'null', 'undefined', '[object Object]', 'é', 'ünïcödé', 'ÿþ'),
);

/** Oversized, yet all headers together stay under Node's 16 kB limit (else a bare 431). */
const oversized = fc.integer({ min: 1000, max: 8000 }).map((length) => 'A'.repeat(length));

/** An id header value that the id pattern refuses, even after trimming. */
const badIdHeader = fc.oneof(
  fc.constantFrom('a b', 'a/b', '../x', 'é', 'a,b', '*', '%00'),
  fc.integer({ min: 129, max: 400 }).map((length) => 'u'.repeat(length)),
  fc.string({ unit: fc.constantFrom(...'abc019 /é,'), maxLength: 20 }).map((text) => `x/${text}`),
);

/**
 * Headers that authenticate no one: garbage or oversized `Authorization` (bearer or not, JWT
 * shaped or not), identity headers that the id pattern refuses, bogus content types.
 */
export const unauthenticatedHeaders = (): Arbitrary<Record<string, string>> =>
  fc.record(
    {
      authorization: fc.oneof(
        headerGarbage,
        oversized,
        oversized.map((garbage) => `Bearer ${garbage}`),
        headerGarbage.map((garbage) => `Bearer ${garbage}`),
        fc.constantFrom(
          'Bearer',
          'Bearer ',
          'Basic YWRtaW46YWRtaW4=',
          'Bearer a.b.c',
          'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.',
        ),
        fc
          .tuple(
            fc.base64String({ maxLength: 40 }),
            fc.base64String({ maxLength: 200 }),
            fc.base64String({ maxLength: 40 }),
          )
          .map((parts) => `Bearer ${parts.join('.')}`),
      ),
      'x-tenant-id': fc.oneof(headerGarbage, fc.constant('acme')),
      'x-user-id': badIdHeader,
      'x-roles': fc.oneof(
        headerGarbage,
        fc.constantFrom('root', 'admin,root', 'hr;admin', ',', ' '),
      ),
      'content-type': fc.oneof(
        headerGarbage,
        fc.constantFrom('application/json', 'application/json; charset=bogus'),
      ),
    },
    { requiredKeys: ['x-user-id'] },
  );

/**
 * Headers an authenticated request may carry besides its token: garbage idempotency keys and
 * replay positions, odd `accept` values (never `text/event-stream`, whose stream stays open).
 */
export const oddRequestHeaders = (): Arbitrary<Record<string, string>> =>
  fc.record(
    {
      'idempotency-key': fc.oneof(headerGarbage, fc.constantFrom('0', '-1', 'x'.repeat(300))),
      'last-event-id': fc.oneof(
        headerGarbage,
        fc.constantFrom('0', '-1', '1.5', '18446744073709551616', '99999999999999999999'),
      ),
      accept: fc.constantFrom('application/x-ndjson', 'application/json', '*/*', 'garbage', ''),
    },
    { requiredKeys: [] },
  );
