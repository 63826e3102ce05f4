import {
  type ArgumentMetadata,
  UnprocessableEntityException,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { text } from '@talentloop/i18n';
import { problem } from './problem-details';

const flatten = (
  errors: readonly ValidationError[],
  parent = '',
): { field: string; message: string }[] =>
  errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });

/** Deeper than any of our bodies nests (a framework's levels sit 4 deep). */
export const MAX_BODY_DEPTH = 32;

/** Keys of Object.prototype (`constructor`, `toString`, …): the class-validator whitelist lets them through. */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

type FieldProblem = { readonly field: string; readonly message: string };

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
      return { field: path, message: `nests deeper than ${MAX_BODY_DEPTH} levels` };
    for (const [key, child] of Object.entries(node)) {
      const field = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) return { field, message: `property ${key} should not exist` };
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
