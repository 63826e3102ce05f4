import { type INestApplication, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { Request } from 'express';
import { PUBLIC_ROUTE } from '../auth/authentication.guard';
import { HTML_PAGE } from '../security/security-headers';

/** A route as the OpenAPI document names it, with what only Nest's metadata knows. */
export interface RouteFacts {
  /** Lower case, as the document's path items key it: `get`, `post`, … */
  readonly method: string;
  /** OpenAPI template: `/goals/{goalId}/submit`. */
  readonly path: string;
  /** The status of a success (`@HttpCode`, else Nest's default: 201 for POST, 200 otherwise). */
  readonly successStatus: number;
  /** Reachable without a token (`@Public()`: health, metrics, an e-mail's unsubscribe link). */
  readonly public: boolean;
  /** Answers an HTML page (`@HtmlPage()`), under the page's policy instead of the API's. */
  readonly page: boolean;
}

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : [typeof value === 'string' ? value : ''];

/** `goals/:goalId` → `/goals/{goalId}`; joined segments, one slash each. */
export const openApiPath = (...segments: readonly string[]): string =>
  `/${segments
    .flatMap((segment) => segment.split('/'))
    .filter((part) => part !== '')
    .map((part) => (part.startsWith(':') ? `{${part.slice(1)}}` : part))
    .join('/')}`;

/** Every controller route of the application, from the metadata Nest routes by. */
export const routesOf = (app: INestApplication): RouteFacts[] => {
  const routes: RouteFacts[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!controller) continue;
      const marked = (key: string, handler: object) =>
        Reflect.getMetadata(key, controller) === true || Reflect.getMetadata(key, handler) === true;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as
          | RequestMethod
          | undefined;
        const handlerPaths = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
        if (requestMethod === undefined || handlerPaths === undefined) continue;
        const method = RequestMethod[requestMethod].toLowerCase();
        const status =
          (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ??
          (method === 'post' ? 201 : 200);
        for (const base of asList(Reflect.getMetadata(PATH_METADATA, controller)))
          for (const own of asList(handlerPaths))
            routes.push({
              method,
              path: openApiPath(base, own),
              successStatus: status,
              public: marked(PUBLIC_ROUTE, handler),
              page: marked(HTML_PAGE, handler),
            });
      }
    }
  }
  return routes;
};

/** The request paths a route template takes: a parameter is one segment; a trailing slash or none. */
export const templateMatcher = (path: string): RegExp =>
  new RegExp(
    `^${path
      .split('/')
      .map((part) =>
        /^\{.+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('/')}/?$`,
  );

/** The request methods a route answers: Express answers HEAD with the GET route. */
export const requestMethodsOf = (route: RouteFacts): string[] => {
  const method = route.method.toUpperCase();
  return method === 'GET' ? ['GET', 'HEAD'] : [method];
};

/**
 * Whether a request is for one of the routes: its method and its path (the query string is not
 * part of it), with or without a trailing slash.
 */
export const routeMatcher = (routes: readonly RouteFacts[]) => {
  const entries = routes.map((route) => ({
    methods: new Set(requestMethodsOf(route)),
    matcher: templateMatcher(route.path),
  }));
  return ({ method, path }: Pick<Request, 'method' | 'path'>): boolean =>
    entries.some((entry) => entry.methods.has(method) && entry.matcher.test(path));
};
