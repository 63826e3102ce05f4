import type { ParameterObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { IDEMPOTENCY_KEY_PATTERN } from './idempotency';

/** The `Idempotency-Key` request header, for the OpenAPI document of every POST. */
export const idempotencyKeyParameter: ParameterObject = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: IDEMPOTENCY_KEY_PATTERN.source },
  description:
    'Makes the POST safe to retry: a new key per request (e.g. a UUID; 1–255 printable ASCII ' +
    'characters, else 400 `IDEMPOTENCY_KEY_INVALID`), the same key on every retry of it. The ' +
    'same key with the same body gets the first response again ' +
    '(`Idempotent-Replayed: true`) and changes nothing; with another body 422 ' +
    '`IDEMPOTENCY_KEY_REUSED`; while the first is still running 409 `IDEMPOTENCY_KEY_IN_USE` ' +
    'with `Retry-After`. Keys are per caller and path and are kept for 24 hours; only ' +
    'successes are kept, so a retry after an error runs again.',
};
