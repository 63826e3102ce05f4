import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Request } from 'express';
import { ID_PATTERN } from '@talentloop/contracts';
import { actorOf, type Actor } from '../actor';
import { problem } from '../problem-details';
import {
  accessPolicy,
  decideAccess,
  describeReach,
  endpointKey,
  isPublicEndpoint,
  needsManager,
  type AccessRule,
  type EndpointKey,
  type FoundSubject,
  type PublicEndpoint,
  type Subject,
  type SubjectLocator,
} from './access-policy';
import { text } from '@talentloop/i18n';

/**
 * The facts the access guard decides on, about the subjects of a service's requests in one
 * tenant (whose manager, whose goal, plan or request): each service
 * answers from its own read side (reporting lines from the people events, goal owners from
 * its goals). A kind of resource the service does not serve need not be answered.
 */
export interface AccessFacts {
  /** A person's current manager: null when they have none, undefined when not known here. */
  managerOf(tenantId: string, employeeId: string): Awaitable<string | null | undefined>;
  /** Whose goal, plan or approval request it is; undefined when the tenant has none by that id. */
  ownerOf?(
    kind: 'goal' | 'plan' | 'approval-request',
    tenantId: string,
    id: string,
  ): Awaitable<Subject | undefined>;
}

type Awaitable<T> = T | Promise<T>;

export const ACCESS_FACTS = Symbol('ACCESS_FACTS');

/**
 * The policy the guard enforces: `accessPolicy` unless a module provides another (an app
 * that serves other routes than the four services, like the platform's own tests).
 */
export const ACCESS_POLICY = Symbol('ACCESS_POLICY');

type Policy = Readonly<Record<EndpointKey, AccessRule | PublicEndpoint>>;

const forbidden = (rule?: AccessRule) =>
  new ForbiddenException(
    problem(
      403,
      'FORBIDDEN',
      rule === undefined
        ? text('http.openToNoOne')
        : text('http.forWhom', { whom: describeReach(rule) }),
    ),
  );
const notFound = () =>
  new NotFoundException(problem(404, 'NOT_FOUND', text('http.noSuchResource')));

const valueIn = (request: Request, where: 'param' | 'body' | 'query', name: string): unknown => {
  if (where === 'param') return request.params[name];
  if (where === 'query') return request.query[name];
  const body: unknown = request.body;
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : '';
};

/**
 * The one authorisation of every service: every request's route has an entry in the access
 * policy (none: refused), the caller's roles and the subject decide (`decideAccess`).
 * Runs after authentication, before validation: a refused request changes nothing and is
 * not even validated.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly found = new Map<symbol, unknown>();

  constructor(private readonly modules: ModuleRef) {}

  /** What some module of the app provides under the token, or undefined; looked up once. */
  private provided<T>(token: symbol): T | undefined {
    if (!this.found.has(token)) {
      try {
        this.found.set(token, this.modules.get<T>(token, { strict: false }));
      } catch {
        this.found.set(token, undefined);
      }
    }
    return this.found.get(token) as T | undefined;
  }

  /** The service's AccessFacts (none: nobody's manager is known). */
  private get facts(): AccessFacts | undefined {
    return this.provided<AccessFacts>(ACCESS_FACTS);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const route = (request.route as { path?: string } | undefined)?.path ?? request.path;
    const policy = this.provided<Policy>(ACCESS_POLICY) ?? accessPolicy;
    const entry = policy[endpointKey(request.method, route)];
    if (isPublicEndpoint(entry)) return true;
    const actor = actorOf(request);
    if (entry === undefined) throw forbidden();
    const decision = decideAccess(entry, actor, await this.subjectOf(entry, request, actor));
    if (decision === 'not-found') throw notFound();
    if (decision === 'forbidden') throw forbidden(entry);
    return true;
  }

  private async subjectOf(rule: AccessRule, request: Request, actor: Actor): Promise<FoundSubject> {
    const locator: SubjectLocator = rule.subject;
    switch (locator.of) {
      case 'tenant':
        return 'tenant';
      case 'caller':
        return { employeeId: actor.userId, managerId: undefined };
      case 'person': {
        const value = valueIn(request, locator.in, locator.name);
        // An absent query parameter means the caller; an absent or malformed body field is
        // left to validation when the caller reaches anyone at all.
        if (value === undefined && locator.in === 'query')
          return { employeeId: actor.userId, managerId: undefined };
        if (typeof value !== 'string' || !ID_PATTERN.test(value))
          return locator.in === 'body' ? 'unnamed' : undefined;
        return {
          employeeId: value,
          managerId: needsManager(rule, actor, value)
            ? await this.facts?.managerOf(actor.tenantId, value)
            : undefined,
        };
      }
      case 'goal':
      case 'plan':
      case 'approval-request': {
        const id = request.params[locator.param];
        if (typeof id !== 'string' || !ID_PATTERN.test(id)) return undefined;
        return this.facts?.ownerOf?.(locator.of, actor.tenantId, id);
      }
    }
  }
}
