import {
  type ExecutionContext,
  HttpException,
  Injectable,
  SetMetadata,
  type DynamicModule,
} from '@nestjs/common';
import {
  ThrottlerGuard,
  ThrottlerModule,
  type ThrottlerLimitDetail,
  type ThrottlerOptions,
} from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { authenticatedActor } from '../actor';
import { PUBLIC_ROUTE } from '../auth/authentication.guard';
import { problem } from '../problem-details';
import { FixedWindowStorage } from './fixed-window';
import { text } from '@talentloop/i18n';

const MINUTE_MS = 60_000;
/** The limit every throttled route shares, per caller: HTTP_RATE_LIMIT_PER_MINUTE. */
export const CALLER_LIMIT = 'caller';
const ROUTE_LIMIT = 'talentloop:rate-limit';

/**
 * A stricter limit on a route, on top of the caller's shared one, named as the service's
 * configuration names it (`PlatformModule.forService(…, { rateLimits: { [name]: perMinute } })`),
 * e.g. `@RateLimit('ai-drafting')` on the route that calls a paid model.
 */
export const RateLimit = (name: string) => SetMetadata(ROUTE_LIMIT, name);

const routeLimitOf = (context: ExecutionContext): unknown =>
  Reflect.getMetadata(ROUTE_LIMIT, context.getHandler());

/**
 * Who a request counts against: the authenticated actor (tenant and user of the verified
 * token), so callers behind one proxy do not share a budget and one caller cannot spread over
 * addresses; the client address only where no token was verified.
 */
export const trackerOf = (request: Request): string => {
  const actor = authenticatedActor(request);
  return actor === undefined
    ? `ip ${request.ip ?? request.socket.remoteAddress ?? 'unknown'}`
    : `user ${actor.tenantId} ${actor.userId}`;
};

/**
 * The throttler's guard with the platform's choices: health and metrics (the @Public()
 * routes) are never limited; a caller's count is one per limit across all routes (the stock
 * key counts per route and hashes it, per request); over a limit the answer is the usual
 * problem+json, 429 RATE_LIMITED with Retry-After. Runs after authentication (it needs the
 * actor) and before authorisation, so a refused request does no further work.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    return Promise.resolve(
      this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, [
        context.getHandler(),
        context.getClass(),
      ]) === true,
    );
  }

  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    return Promise.resolve(trackerOf(request as unknown as Request));
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, name: string) {
    return `${name} ${tracker}`;
  }

  protected override throwThrottlingException(
    context: ExecutionContext,
    limit: ThrottlerLimitDetail,
  ): Promise<void> {
    context
      .switchToHttp()
      .getResponse<Response>()
      .setHeader('Retry-After', String(limit.timeToBlockExpire));
    throw new HttpException(
      problem(
        429,
        'RATE_LIMITED',
        text('http.rateLimited', { limit: limit.limit, seconds: limit.timeToBlockExpire }),
      ),
      429,
    );
  }
}

/**
 * The throttler of a service: the caller's shared limit on every route, and each named route
 * limit only on the routes marked with it. Counts live in this process (FixedWindowStorage).
 */
export const rateLimitModule = (
  perCallerPerMinute: number,
  routeLimits: Readonly<Record<string, number>> = {},
): DynamicModule => {
  const throttlers: ThrottlerOptions[] = [
    { name: CALLER_LIMIT, ttl: MINUTE_MS, limit: perCallerPerMinute },
    ...Object.entries(routeLimits).map(([name, perMinute]) => ({
      name,
      ttl: MINUTE_MS,
      limit: perMinute,
      skipIf: (context: ExecutionContext) => routeLimitOf(context) !== name,
    })),
  ];
  // No X-RateLimit-* headers on every answer: three more headers per throttler per request on
  // the hot path, for clients that are not expected to pace themselves by them.
  return ThrottlerModule.forRoot({
    throttlers,
    storage: new FixedWindowStorage(),
    setHeaders: false,
  });
};
