import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  Logger,
  ServiceUnavailableException,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { authenticated, isAuthenticated, type Actor, UNAUTHENTICATED } from '../actor';
import { problem, PROBLEM_JSON } from '../problem-details';
import { KeysUnavailableError, type TokenVerifier } from './token-verifier';
import { text } from '@talentloop/i18n';

/** The service's TokenVerifier, provided by the PlatformModule. */
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

export const PUBLIC_ROUTE = 'talentloop:public-route';

/**
 * A controller or handler anyone may call without a token: health, metrics, and a link that is
 * its own credential (an e-mail's signed unsubscribe link).
 */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

const CHALLENGE = 'Bearer';

const logger = new Logger('auth');

/** No token can be checked now (the JWKS endpoint is down): retry, it is not the token. */
const KEYS_UNAVAILABLE = problem(
  503,
  'AUTHENTICATION_UNAVAILABLE',
  text('http.authenticationUnavailable'),
);

const bearerTokenOf = (request: Request): string | undefined =>
  /^Bearer +(\S+)$/i.exec(request.header('authorization')?.trim() ?? '')?.[1];

/** The actor of the request's bearer token, or undefined (the reason logged at debug level). */
const verifiedActor = async (
  verify: TokenVerifier,
  request: Request,
): Promise<Actor | undefined> => {
  const token = bearerTokenOf(request);
  if (token === undefined) {
    logger.debug(`${request.method} ${request.path} refused: no bearer token`);
    return undefined;
  }
  try {
    return await verify(token);
  } catch (error) {
    if (error instanceof KeysUnavailableError) {
      logger.warn(`the identity provider's keys are unavailable: ${error.message}`);
      throw new ServiceUnavailableException(KEYS_UNAVAILABLE);
    }
    logger.debug(
      `${request.method} ${request.path} refused: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
};

/**
 * Authenticates every route not marked @Public(): the actor of a valid bearer token is kept
 * on the request for `actorOf` and `@CurrentActor()`; anything else is the same 401.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verify: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (
      this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, [
        context.getHandler(),
        context.getClass(),
      ])
    )
      return true;
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    // Already verified before its body was read (authenticateBeforeBody).
    if (isAuthenticated(request)) return true;
    const actor = await verifiedActor(this.verify, request);
    if (actor === undefined) {
      http.getResponse<Response>().setHeader('WWW-Authenticate', CHALLENGE);
      throw new UnauthorizedException(UNAUTHENTICATED);
    }
    authenticated(request, actor);
    return true;
  }
}

/**
 * The same check as Express middleware, for what is served outside Nest's routing (the
 * OpenAPI document), with the same 401 as the guard's.
 */
export const requireBearerToken =
  (verify: TokenVerifier): RequestHandler =>
  (request: Request, response: Response, next: NextFunction) => {
    verifiedActor(verify, request).then(
      (actor) => {
        if (actor !== undefined) {
          authenticated(request, actor);
          return next();
        }
        response
          .status(401)
          .setHeader('WWW-Authenticate', CHALLENGE)
          .type(PROBLEM_JSON)
          .json({ ...UNAUTHENTICATED, instance: request.originalUrl });
      },
      (error: unknown) => {
        if (!(error instanceof ServiceUnavailableException)) return next(error);
        response
          .status(503)
          .setHeader('Retry-After', '5')
          .type(PROBLEM_JSON)
          .json({ ...KEYS_UNAVAILABLE, instance: request.originalUrl });
      },
    );
  };

/** A request with a body: a length above 0, or a chunked one. */
const hasBody = (request: Request): boolean =>
  request.headers['transfer-encoding'] !== undefined ||
  Number(request.headers['content-length'] ?? 0) > 0;

/**
 * Authenticates a request with a body before the body is read (registered ahead of the body
 * parsers): a caller without a valid token gets the one 401, never a 400 or 413 about a body it
 * had no right to send, and no server work goes into parsing it. The guard then finds the
 * request authenticated; requests without a body are left to the guard as before. A request for
 * a @Public() route (`isPublic`, from the app's routes) needs no token, body or not: the
 * one-click unsubscribe of e-mails (RFC 8058) posts the signed link as it is.
 */
export const authenticateBeforeBody = (
  verify: TokenVerifier,
  isPublic: (request: Request) => boolean,
): RequestHandler => {
  const authenticate = requireBearerToken(verify);
  return (request, response, next) =>
    hasBody(request) && !isPublic(request) ? authenticate(request, response, next) : next();
};
