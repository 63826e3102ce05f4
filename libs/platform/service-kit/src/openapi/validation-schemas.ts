import { ApiProperty } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { MetadataStorage as TransformerStorage } from 'class-transformer/types/MetadataStorage';
// class-transformer keeps @Type metadata in this module-level store; its typings sit elsewhere.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: TransformerStorage;
};
import { getMetadataStorage, IS_ISO8601, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { defaultConverters } from 'class-validator-jsonschema/build/defaultConverters';
import { targetConstructorToSchema } from 'class-validator-jsonschema';

/**
 * The request shapes of the OpenAPI documents come from what the server validates: the
 * class-validator metadata of every DTO, turned into JSON Schema by class-validator-jsonschema,
 * is written over the Swagger property metadata before a document is built (ADR 0009). A
 * `@ApiProperty` then only adds what validation cannot say (descriptions, examples, the item
 * type of a nested list); a constraint written in both places cannot disagree, because the
 * validation's wins.
 */

/** The JSON Schema keywords a validation decorator can produce and OpenAPI 3.0 accepts. */
const CONSTRAINT_KEYWORDS = [
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'enum',
  'format',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'anyOf',
] as const;

/**
 * Decorators with no JSON Schema counterpart, each with why leaving it out of the document
 * is right. Any other constraint a DTO uses must convert, or the document is refused
 * (`assertConvertible`): a new rule cannot silently go undocumented.
 */
export const VALIDATIONS_WITHOUT_SCHEMA: Readonly<Record<string, string>> = {
  [ValidationTypes.CONDITIONAL_VALIDATION]:
    'IsOptional / ValidateIf: expressed by `required`, not by a keyword',
  [ValidationTypes.NESTED_VALIDATION]: 'ValidateNested: expressed by the nested schema ($ref)',
  [ValidationTypes.WHITELIST]: 'Allow: the property is listed, nothing more to say',
  [ValidationTypes.IS_DEFINED]: 'IsDefined: expressed by `required`',
};

type ValidatedClass = abstract new (...args: never[]) => unknown;

/** Every class that carries validation metadata (class-validator keeps them in one map). */
const validatedClasses = (): ValidatedClass[] => {
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<unknown, unknown>;
  };
  return [...storage.validationMetadatas.keys()].filter(
    (target): target is ValidatedClass => typeof target === 'function',
  );
};

const SCHEMA_OPTIONS = {
  classTransformerMetadataStorage: defaultMetadataStorage,
  refPointerPrefix: '#/components/schemas/',
  additionalConverters: {
    // The library says oneOf; a date-time is never a date, but a linter cannot know that.
    [IS_ISO8601]: {
      type: 'string',
      // The type inside each branch: Swagger drops a sibling `type` beside `anyOf`.
      anyOf: [
        { type: 'string', format: 'date' },
        { type: 'string', format: 'date-time' },
      ],
    },
  } as Record<string, SchemaObject>,
};

const schemaOf = (target: ValidatedClass): SchemaObject =>
  targetConstructorToSchema(target as never, SCHEMA_OPTIONS as never) as SchemaObject;

/**
 * The constraint keywords of a converted schema, in OpenAPI 3.0's dialect: JSON Schema's
 * numeric `exclusiveMinimum: 0` (IsPositive) is `minimum: 0, exclusiveMinimum: true` there.
 */
const pick = (schema: SchemaObject): Partial<SchemaObject> => {
  const picked: Record<string, unknown> = Object.fromEntries(
    CONSTRAINT_KEYWORDS.filter((keyword) => schema[keyword] !== undefined).map((keyword) => [
      keyword,
      schema[keyword],
    ]),
  );
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    const value: unknown = picked[exclusive];
    if (typeof value === 'number') {
      picked[bound] = value;
      picked[exclusive] = true;
    }
  }
  return picked;
};

const SWAGGER_PROPERTY = 'swagger/apiModelProperties';

const PRIMITIVES = new Map<unknown, string>([
  [String, 'string'],
  [Number, 'number'],
  [Boolean, 'boolean'],
  [Object, 'object'],
]);

/** A DTO class (not a primitive wrapper): its schema is a $ref that @ApiProperty gives. */
const isModel = (type: unknown): boolean => typeof type === 'function' && !PRIMITIVES.has(type);

/** The property's schema as validation says it, to merge over what @ApiProperty said. */
export const propertyFromValidation = (
  validated: SchemaObject & { $ref?: string },
  declared: Record<string, unknown> | undefined,
  required: boolean,
): Record<string, unknown> => {
  const property: Record<string, unknown> = { required, ...pick(validated) };
  // A nested DTO or list of DTOs keeps the type @ApiProperty / design:type gave it.
  if (validated.$ref !== undefined || isModel(declared?.type)) return property;
  if (validated.type === 'array') {
    const items = (validated.items ?? {}) as SchemaObject & { $ref?: string };
    if (items.$ref !== undefined) return property;
    const declaredItem =
      declared?.isArray === true ? (PRIMITIVES.get(declared.type) ?? declared.type) : undefined;
    return {
      ...property,
      type: 'array',
      isArray: false,
      items: {
        ...(typeof declaredItem === 'string' ? { type: declaredItem } : {}),
        ...pick(items),
        ...(items.type !== undefined ? { type: items.type } : {}),
      },
    };
  }
  // Validation knows the type better than TypeScript's reflection (`string | null` is Object,
  // an @IsInt number is an integer).
  if (validated.type !== undefined) property.type = validated.type;
  return property;
};

/** The rule's name as class-validator-jsonschema looks it up (`isString`, `matches`, …). */
export const ruleName = (rule: ValidationMetadata): string => {
  if (!rule.constraintCls) return rule.type;
  const [constraint] = getMetadataStorage().getTargetValidatorConstraints(rule.constraintCls);
  return constraint?.name ?? rule.type;
};

/** Fails on a validation decorator this module does not know how to document. */
export const assertConvertible = (target: ValidatedClass): void => {
  const rules = getMetadataStorage().getTargetValidationMetadatas(target as never, '', true, false);
  for (const rule of rules) {
    const name = ruleName(rule);
    if (name in VALIDATIONS_WITHOUT_SCHEMA) continue;
    const converter = (
      { ...defaultConverters, ...SCHEMA_OPTIONS.additionalConverters } as Record<string, unknown>
    )[name];
    const converted: unknown =
      typeof converter === 'function'
        ? (converter as (meta: ValidationMetadata, options: object) => unknown)(
            { ...rule, type: name },
            SCHEMA_OPTIONS,
          )
        : converter;
    if (typeof converted !== 'object' || converted === null || Object.keys(converted).length === 0)
      throw new Error(
        `${target.name}.${rule.propertyName}: the validation "${name}" has no OpenAPI form; ` +
          'add it to validation-schemas.ts',
      );
  }
};

const applied = new WeakSet<ValidatedClass>();

/** What a class's schema says beyond its properties (an `anyOf` from `@JSONSchema`, …). */
const classLevel = ({ properties, required, type, ...rest }: SchemaObject): SchemaObject => {
  void properties;
  void required;
  void type;
  return rest;
};

/**
 * Writes every validated class's constraints into its Swagger property metadata. Idempotent;
 * called before each document is built, so classes loaded later are covered too.
 * Returns the validated classes by name, with what their schemas say at class level: their
 * component schemas refuse unknown properties and carry it.
 */
export const applyValidationToApiProperties = (): ReadonlyMap<string, SchemaObject> => {
  const classes = new Map<string, SchemaObject>();
  for (const target of validatedClasses()) {
    const schema = schemaOf(target);
    classes.set(target.name, classLevel(schema));
    if (applied.has(target)) continue;
    assertConvertible(target);
    const prototype = target.prototype as object;
    const required = new Set(schema.required ?? []);
    for (const [key, validated] of Object.entries(schema.properties ?? {})) {
      const declared = Reflect.getMetadata(SWAGGER_PROPERTY, prototype, key) as
        | Record<string, unknown>
        | undefined;
      const property = propertyFromValidation(validated, declared, required.has(key));
      ApiProperty(property)(prototype, key);
    }
    applied.add(target);
  }
  return classes;
};
