import {
  createParamDecorator,
  type ExecutionContext,
  ForbiddenException,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request } from 'express';
import { ID_PATTERN, TENANT_ID_PATTERN } from '@talentloop/contracts';
import { problem } from './problem-details';

export const roles = ['employee', 'manager', 'hr', 'admin', 'integrator'] as const;
export type Role = (typeof roles)[number];

/** Who is calling, for which tenant: every command and query carries it. */
export interface Actor {
  readonly tenantId: string;
  readonly userId: string;
  readonly roles: readonly Role[];
}

const unauthorized = (detail: string) =>
  new UnauthorizedException(problem(401, 'UNAUTHENTICATED', detail));

/**
 * Reads the caller from the request. Until bearer tokens arrive (the identity issue), the
 * caller is given by the headers `x-tenant-id`, `x-user-id` and `x-roles` (comma-separated);
 * this function is the one place that changes when tokens replace them.
 */
export const actorOf = (request: Request): Actor => {
  const tenantId = request.header('x-tenant-id')?.trim() ?? '';
  const userId = request.header('x-user-id')?.trim() ?? '';
  if (!TENANT_ID_PATTERN.test(tenantId) || !ID_PATTERN.test(userId))
    throw unauthorized('the request does not say who is calling for which tenant');
  const given = (request.header('x-roles') ?? 'employee')
    .split(',')
    .map((role) => role.trim())
    .filter(Boolean);
  const known = given.filter((role): role is Role => (roles as readonly string[]).includes(role));
  if (known.length !== given.length || known.length === 0)
    throw unauthorized('the request names a role that does not exist');
  return { tenantId, userId, roles: known };
};

/** Controller parameter: `@CurrentActor() actor: Actor`. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  actorOf(context.switchToHttp().getRequest<Request>()),
);

/** Refuses the caller (403, nothing done) unless they hold one of the roles. */
export const requireRole = (actor: Actor, ...allowed: readonly Role[]): void => {
  if (!actor.roles.some((role) => allowed.includes(role)))
    throw new ForbiddenException(
      problem(403, 'FORBIDDEN', `this needs one of the roles: ${allowed.join(', ')}`),
    );
};
