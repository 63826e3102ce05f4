import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ERASED, PERSONAL_KEYWORD, SEALED_MAX_LENGTH, SEALED_PATTERN } from './personal-data';
import type { Violation } from './violation';

/** Strict mode catches schema mistakes (unknown keywords, loose types) when a schema compiles. */
export const createAjv = (): Ajv => {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: PERSONAL_KEYWORD, schemaType: 'boolean' });
  return ajv;
};

const fieldOf = (prefix: string, error: ErrorObject): string => {
  const segments = error.instancePath.split('/').filter(Boolean);
  if (error.keyword === 'required') segments.push(String(error.params['missingProperty']));
  if (error.keyword === 'additionalProperties')
    segments.push(String(error.params['additionalProperty']));
  return [prefix, ...segments].filter(Boolean).join('.');
};

const messageOf = (error: ErrorObject): string => {
  if (error.keyword === 'additionalProperties') return 'is not allowed';
  if (error.keyword === 'required') return 'is required';
  if (error.keyword === 'const') return `must be ${JSON.stringify(error.params['allowedValue'])}`;
  return error.message ?? 'is invalid';
};

/** An error of a personal field's sealed or "[erased]" alternative: the plaintext's errors say it all. */
const isSealedAlternativeError = (error: ErrorObject): boolean =>
  /\/anyOf\/[12]\/[a-zA-Z]+$/.test(error.schemaPath) &&
  (error.params['pattern'] === SEALED_PATTERN ||
    error.params['allowedValue'] === ERASED ||
    error.params['limit'] === SEALED_MAX_LENGTH);

/** The errors of the last call of `validate`, with dotted field paths under `prefix`. */
export const violationsOf = (prefix: string, validate: ValidateFunction): Violation[] => {
  const errors = validate.errors ?? [];
  const personal = new Set(errors.filter(isSealedAlternativeError).map((e) => e.instancePath));
  return errors
    .filter(
      (error) =>
        !isSealedAlternativeError(error) &&
        !(error.keyword === 'anyOf' && personal.has(error.instancePath)),
    )
    .map((error) => ({ field: fieldOf(prefix, error), message: messageOf(error) }));
};
