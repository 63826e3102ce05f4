import type { INestApplication } from '@nestjs/common';
import type { JsonSchema } from './schema-values';

/** One route of the running app, as its express router matches it: `/goals/:goalId`. */
export interface ServiceRoute {
  readonly method: string;
  readonly path: string;
  readonly params: readonly string[];
}

/** What the OpenAPI document says about one operation. */
export interface DocumentedOperation {
  readonly requestBody?: JsonSchema;
  readonly queryNames: readonly string[];
}

export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, OpenApiOperation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, JsonSchema>> };
}

interface OpenApiOperation {
  readonly parameters?: readonly { readonly in: string; readonly name: string }[];
  readonly requestBody?: {
    readonly content?: Readonly<Record<string, { readonly schema?: JsonSchema }>>;
  };
}

interface RouterLayer {
  readonly route?: { readonly path: string; readonly methods: Readonly<Record<string, boolean>> };
}

/** Every route the app's express router serves: controllers, health, metrics and the docs. */
export const routesOf = (app: INestApplication): ServiceRoute[] => {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } };
  return express.router.stack.flatMap(({ route }) =>
    route
      ? Object.keys(route.methods).map((method) => ({
          method: method.toUpperCase(),
          path: route.path,
          params: [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]),
        }))
      : [],
  );
};

/** `/goals/:goalId` as OpenAPI writes it: `/goals/{goalId}`. */
export const openApiPathOf = (route: ServiceRoute): string => route.path.replace(/:(\w+)/g, '{$1}');

/** The document's operation for the route, if it documents it. */
export const documentedOperation = (
  document: OpenApiDocument,
  route: ServiceRoute,
): DocumentedOperation | undefined => {
  const operation = document.paths[openApiPathOf(route)]?.[route.method.toLowerCase()];
  if (!operation) return undefined;
  const content = operation.requestBody?.content ?? {};
  const schema = (content['application/json'] ?? Object.values(content)[0])?.schema;
  return {
    ...(schema ? { requestBody: schema } : {}),
    queryNames: (operation.parameters ?? [])
      .filter((parameter) => parameter.in === 'query')
      .map((parameter) => parameter.name),
  };
};

/** Documented operations that no router route serves: a sign the route list is incomplete. */
export const undocumentedByRouter = (
  document: OpenApiDocument,
  routes: readonly ServiceRoute[],
): string[] => {
  const served = new Set(routes.map((route) => `${route.method} ${openApiPathOf(route)}`));
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .map((method) => `${method.toUpperCase()} ${path}`)
      .filter((operation) => !served.has(operation)),
  );
};
