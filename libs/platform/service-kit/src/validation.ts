import {
  type ArgumentMetadata,
  UnprocessableEntityException,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { render, text, type MessageKey, type Text } from '@talentloop/i18n';
import { getMetadataStorage, type ValidationArguments } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { ruleName } from './openapi/validation-schemas';
import { problem } from './problem-details';

/** The catalogue key a custom validation message was made from (see `catalogueMessage`). */
const CATALOGUE_KEY = Symbol('catalogueKey');
type CatalogueMessage = ((args: ValidationArguments) => string) & {
  readonly [CATALOGUE_KEY]: MessageKey;
};

/**
 * A validation decorator's own message from the catalogue (`{{property}}` names the field):
 * English where class-validator renders it, in the request's language in a 422.
 */
export const catalogueMessage = (key: MessageKey): CatalogueMessage =>
  Object.assign(
    (args: ValidationArguments) => render('en', text(key, { property: args.property })),
    { [CATALOGUE_KEY]: key },
  );

const catalogueKeyOf = (message: unknown): MessageKey | undefined =>
  typeof message === 'function' ? (message as Partial<CatalogueMessage>)[CATALOGUE_KEY] : undefined;

/** class-validator's rules by name, each with the catalogue text of its default message. */
const ruleTexts: Readonly<Record<string, MessageKey>> = {
  isString: 'validation.isString',
  isIn: 'validation.isIn',
  matches: 'validation.matches',
  min: 'validation.min',
  max: 'validation.max',
  isInt: 'validation.isInt',
  minLength: 'validation.tooShort',
  maxLength: 'validation.tooLong',
  isNumber: 'validation.isNumber',
  isArray: 'validation.isArray',
  arrayMaxSize: 'validation.arrayMaxSize',
  arrayMinSize: 'validation.arrayMinSize',
  arrayUnique: 'validation.arrayUnique',
  isPositive: 'validation.isPositive',
  isEmail: 'validation.isEmail',
  isObject: 'validation.isObject',
  isIso8601: 'validation.isIso8601',
  isBoolean: 'validation.isBoolean',
};
/** Rules that name nothing but the field, so need no metadata to be said. */
const fieldOnlyTexts: Readonly<Record<string, MessageKey>> = {
  nestedValidation: 'validation.nestedValidation',
  whitelistValidation: 'validation.whitelistValidation',
};

/** As class-validator writes a rule's argument into its message. */
const argumentText = (argument: unknown): string =>
  Array.isArray(argument) ? argument.join(', ') : String(argument);

/** The rule of the field that produced the constraint, when its class is known. */
const ruleOf = (error: ValidationError, constraint: string): ValidationMetadata | undefined => {
  const target = error.target as object | undefined;
  if (typeof target !== 'object' || Array.isArray(target)) return undefined;
  return getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((rule) => rule.propertyName === error.property && ruleName(rule) === constraint);
};

/** isLength says `too short` or `too long` depending on the value, as class-validator does. */
const lengthText = (rule: ValidationMetadata, value: unknown): [MessageKey, unknown] => {
  const [min, max] = rule.constraints as [number | null | undefined, number | null | undefined];
  const length = typeof value === 'string' ? value.length : 0;
  return min !== null && min !== undefined && (!value || length < min)
    ? ['validation.tooShort', min]
    : ['validation.tooLong', max];
};

/**
 * What a person reads about a broken rule, as a catalogue text (the request's language comes
 * later, at the filter); a rule without one keeps class-validator's English message.
 */
const fieldMessage = (
  error: ValidationError,
  constraint: string,
  english: string,
): Text | string => {
  const fieldOnly = fieldOnlyTexts[constraint];
  if (fieldOnly) return text(fieldOnly, { property: error.property });
  const rule = ruleOf(error, constraint);
  if (!rule) return english;
  const custom = catalogueKeyOf(rule.message);
  if (custom) return text(custom, { property: error.property });
  if (rule.message !== undefined) return english;
  const [key, firstArgument] =
    constraint === 'isLength'
      ? lengthText(rule, error.value)
      : [ruleTexts[constraint], (rule.constraints as unknown[] | undefined)?.[0]];
  if (!key) return english;
  const property = rule.each
    ? text('validation.eachValueIn', { property: error.property })
    : error.property;
  return text(key, {
    property,
    ...(firstArgument !== undefined && { constraint1: argumentText(firstArgument) }),
  });
};

const flatten = (
  errors: readonly ValidationError[],
  parent = '',
): { field: string; message: Text | string }[] =>
  errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, english]) => ({
      field,
      message: fieldMessage(error, constraint, english),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });

/** Deeper than any of our bodies nests (a framework's levels sit 4 deep). */
export const MAX_BODY_DEPTH = 32;

/** Keys of Object.prototype (`constructor`, `toString`, …): the class-validator whitelist lets them through. */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

type FieldProblem = { readonly field: string; readonly message: Text | string };

/**
 * What no DTO may receive, found before class-transformer runs: nesting deeper than
 * MAX_BODY_DEPTH (it recurses once per level, so thousands of nested arrays overflow the
 * stack, a 500), and prototype keys (`{"constructor": …}` passed the whitelist and reached
 * the command). Iterative, so any depth is safe to walk.
 */
const shapeProblem = (value: unknown): FieldProblem | undefined => {
  const pending: [unknown, number, string][] = [[value, 0, '']];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, depth, path] = next;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= MAX_BODY_DEPTH)
      return { field: path, message: text('validation.tooDeep', { max: MAX_BODY_DEPTH }) };
    for (const [key, child] of Object.entries(node)) {
      const field = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key))
        return { field, message: text('validation.whitelistValidation', { property: key }) };
      pending.push([child, depth + 1, field]);
    }
  }
  return undefined;
};

class ShapeCheckingValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const found =
      metadata.type === 'body' || metadata.type === 'query' ? shapeProblem(value) : undefined;
    if (found)
      throw new UnprocessableEntityException(
        problem(422, 'VALIDATION_FAILED', text('problem.partInvalid', { part: metadata.type }), {
          errors: [found],
        }),
      );
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/**
 * class-validator on every body and query: unknown fields are refused, and every bad field
 * is listed in one 422 problem response.
 */
export const createValidationPipe = (): ValidationPipe =>
  new ShapeCheckingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const list = flatten(errors);
      return new UnprocessableEntityException(
        problem(422, 'VALIDATION_FAILED', text('problem.fieldsInvalid', { fields: list.length }), {
          errors: list,
        }),
      );
    },
  });
