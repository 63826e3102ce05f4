import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { actorOf } from '../actor';
import { problem } from '../problem-details';
import {
  IDEMPOTENCY_KEY_HEADER,
  idempotentCommandIdOf,
  isValidIdempotencyKey,
  type IdempotencyScope,
} from './idempotency';
import { text } from '@talentloop/i18n';

/** The request's Idempotency-Key, if it sends one; a malformed one is refused (400). */
export const idempotencyKeyOf = (request: Request): string | undefined => {
  const key = request.headers[IDEMPOTENCY_KEY_HEADER];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !isValidIdempotencyKey(key))
    throw new BadRequestException(
      problem(400, 'IDEMPOTENCY_KEY_INVALID', text('http.idempotencyKeyInvalid')),
    );
  return key;
};

/** The scope of the request's key: its caller (as authenticated), method and path. */
export const idempotencyScopeOf = (request: Request): IdempotencyScope => {
  const actor = actorOf(request);
  return {
    tenantId: actor.tenantId,
    userId: actor.userId,
    method: request.method,
    path: request.path,
  };
};

/**
 * The command id of a request: derived from its Idempotency-Key when it sends one, so every
 * retry runs the same command (and creates the same goal, check-in or decision), else random.
 * For POSTs the interceptor replays answers on top; for a PUT, idempotent by nature, the key
 * only fixes the command id.
 */
export const commandIdOf = (request: Request): string => {
  const key = idempotencyKeyOf(request);
  return key === undefined ? randomUUID() : idempotentCommandIdOf(idempotencyScopeOf(request), key);
};

/** Controller parameter: `@RequestCommandId() commandId: string` (see `commandIdOf`). */
export const RequestCommandId = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  commandIdOf(context.switchToHttp().getRequest<Request>()),
);
