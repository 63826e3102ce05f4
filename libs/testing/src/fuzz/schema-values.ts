// Values shaped like a JSON schema, and the single changes that make them invalid.
import fc, { type Arbitrary } from 'fast-check';
import { plainText } from './fuzz-text';
import { unknownId } from './fuzz-urls';

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
export const shapedLike = (
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

export type JsonObject = Record<string, unknown>;

/** One change that makes a schema-shaped object invalid on its own. */
export const violations = (
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
