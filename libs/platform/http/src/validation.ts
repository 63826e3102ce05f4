import { UnprocessableEntityException, ValidationPipe, type ValidationError } from '@nestjs/common';
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

/**
 * class-validator on every body and query: unknown fields are refused, and every bad field
 * is listed in one 422 problem response.
 */
export const createValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const list = flatten(errors);
      return new UnprocessableEntityException(
        problem(422, 'VALIDATION_FAILED', `${list.length} field(s) are invalid`, { errors: list }),
      );
    },
  });
