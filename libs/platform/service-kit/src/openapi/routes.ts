import { type INestApplication, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { PUBLIC_ROUTE } from '../auth/authentication.guard';

/** A route as the OpenAPI document names it, with what only Nest's metadata knows. */
export interface RouteFacts {
  /** Lower case, as the document's path items key it: `get`, `post`, … */
  readonly method: string;
  /** OpenAPI template: `/goals/{goalId}/submit`. */
  readonly path: string;
  /** The status of a success (`@HttpCode`, else Nest's default: 201 for POST, 200 otherwise). */
  readonly successStatus: number;
  /** Reachable without a token (health, metrics). */
  readonly public: boolean;
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
      const controllerPublic = Reflect.getMetadata(PUBLIC_ROUTE, controller) === true;
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
        const isPublic = controllerPublic || Reflect.getMetadata(PUBLIC_ROUTE, handler) === true;
        for (const base of asList(Reflect.getMetadata(PATH_METADATA, controller)))
          for (const own of asList(handlerPaths))
            routes.push({
              method,
              path: openApiPath(base, own),
              successStatus: status,
              public: isPublic,
            });
      }
    }
  }
  return routes;
};
