import { applyDecorators, type INestApplication } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiExtension,
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
} from '@nestjs/swagger';
import type {
  ParameterObject,
  ReferenceObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { NextFunction, Request, Response } from 'express';
import { PROBLEM_JSON, problem } from '../problem-details';
import { completeDocument, CONTENT_EXTENSION } from './complete-document';
import { requestMethodsOf, routesOf, templateMatcher, type RouteFacts } from './routes';
import { applyValidationToApiProperties } from './validation-schemas';

export interface OpenApiDescription {
  readonly title: string;
  readonly description?: string;
  /** Documented on every POST (see the idempotency interceptor). */
  readonly idempotencyKey?: ParameterObject;
}

/**
 * A service's OpenAPI document, built from the running application: request shapes from the
 * validation metadata, standard answers from the route facts (ADR 0009).
 */
export const createOpenApiDocument = (
  app: INestApplication,
  { title, description, idempotencyKey }: OpenApiDescription,
): OpenAPIObject => {
  const validated = applyValidationToApiProperties();
  const config = new DocumentBuilder()
    .setTitle(`Talentloop ${title}`)
    .setDescription(
      description ??
        `The ${title} of Talentloop. Every operation but the health probes needs a bearer token; errors are RFC 9457 problem+json.`,
    )
    .setVersion('1')
    .setLicense('Proprietary: licensed to Talentloop customers under their agreement', '/license')
    .addServer('/', 'This service, where this document is served')
    .addBearerAuth()
    .addSecurityRequirements('bearer')
    .build();
  return completeDocument(SwaggerModule.createDocument(app, config), {
    routes: routesOf(app),
    validated,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
};

/**
 * 405 with `Allow` for a method a known path does not take (RFC 9110 §15.5.6), instead of
 * Express's 404: the path exists, the method does not. Built from the routes on first use,
 * once Nest has registered them.
 */
export const methodNotAllowed = (app: INestApplication) => {
  let table: { matcher: RegExp; methods: Set<string>; literals: number }[] | undefined;
  const build = (routes: readonly RouteFacts[]) => {
    const byPath = new Map<string, Set<string>>();
    for (const route of routes) {
      const methods = byPath.get(route.path) ?? new Set<string>();
      for (const method of requestMethodsOf(route)) methods.add(method);
      byPath.set(route.path, methods);
    }
    return [...byPath].map(([path, methods]) => ({
      matcher: templateMatcher(path),
      methods,
      literals: path.split('/').filter((part) => part !== '' && !part.startsWith('{')).length,
    }));
  };
  return (request: Request, response: Response, next: NextFunction): void => {
    table ??= build(routesOf(app));
    const path = request.path;
    // Every request passes here: test only the paths that take its method; the rest is for a miss.
    if (table.some((entry) => entry.methods.has(request.method) && entry.matcher.test(path)))
      return next();
    const candidates = table.filter((entry) => entry.matcher.test(path));
    // `/approval-requests/overdue-check` is that path, not `/approval-requests/{requestId}`.
    const closest = Math.max(...candidates.map((entry) => entry.literals));
    const matching = candidates.filter((entry) => entry.literals === closest);
    if (matching.length === 0) return next();
    const allow = [...new Set(matching.flatMap((entry) => [...entry.methods]))].sort().join(', ');
    response
      .status(405)
      .set('Allow', allow)
      .type(PROBLEM_JSON)
      .json({
        ...problem(
          405,
          'METHOD_NOT_ALLOWED',
          `${request.method} is not allowed here; use ${allow}`,
        ),
        instance: request.originalUrl.split('?')[0],
      });
  };
};

/** A request body whose schema depends on its media type (JSON or CSV, say). */
export const ApiBodyByMediaType = (
  description: string,
  content: Readonly<Record<string, SchemaObject | ReferenceObject>>,
) =>
  applyDecorators(
    ApiConsumes(...Object.keys(content)),
    ApiBody({ description, schema: {} }),
    ApiExtension(CONTENT_EXTENSION, content),
  );
