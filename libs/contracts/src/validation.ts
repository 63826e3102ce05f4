import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Violation } from './registry';

/** Strict mode catches schema mistakes (unknown keywords, loose types) when a schema compiles. */
export const createAjv = (): Ajv => {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
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

/** The errors of the last call of `validate`, with dotted field paths under `prefix`. */
export const violationsOf = (prefix: string, validate: ValidateFunction): Violation[] =>
  (validate.errors ?? []).map((error) => ({
    field: fieldOf(prefix, error),
    message: messageOf(error),
  }));
