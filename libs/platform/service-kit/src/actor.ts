import {
  createParamDecorator,
  type ExecutionContext,
  ForbiddenException,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request } from 'express';
import { text } from '@talentloop/i18n';
import type { Role } from './auth/roles';
import { problem } from './problem-details';

export { roles, type Role } from './auth/roles';

/** Who is calling, for which tenant: every command and query carries it. */
export interface Actor {
  readonly tenantId: string;
  readonly userId: string;
  readonly roles: readonly Role[];
}

/** The one answer to every request that is not authenticated: it never says why. */
export const UNAUTHENTICATED = problem(401, 'UNAUTHENTICATED', text('problem.unauthenticated'));

/** The actor of each authenticated request, set by the AuthenticationGuard. */
const actors = new WeakMap<Request, Actor>();

/** Keeps the actor of a verified bearer token on its request (the authentication guard's job). */
export const authenticated = (request: Request, actor: Actor): void => {
  actors.set(request, actor);
};

/** Whether the request's bearer token was verified already (before its body was read). */
export const isAuthenticated = (request: Request): boolean => actors.has(request);

/** The verified actor of the request, or undefined before (or without) authentication. */
export const authenticatedActor = (request: Request): Actor | undefined => actors.get(request);

/**
 * The caller of the request, as the AuthenticationGuard verified it from the bearer token:
 * for controllers, and for guards that run after it (authorisation). A request that was not
 * authenticated is refused with the same 401 as a bad token.
 */
export const actorOf = (request: Request): Actor => {
  const actor = actors.get(request);
  if (actor === undefined) throw new UnauthorizedException(UNAUTHENTICATED);
  return actor;
};

/** Controller parameter: `@CurrentActor() actor: Actor`. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  actorOf(context.switchToHttp().getRequest<Request>()),
);

/** Refuses the caller (403, nothing done) unless they hold one of the roles. */
export const requireRole = (actor: Actor, ...allowed: readonly Role[]): void => {
  if (!actor.roles.some((role) => allowed.includes(role)))
    throw new ForbiddenException(
      problem(403, 'FORBIDDEN', text('problem.forbiddenRoles', { roles: allowed.join(', ') })),
    );
};
