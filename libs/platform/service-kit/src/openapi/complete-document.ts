import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PROBLEM_JSON } from '../problem-details';
import type { RouteFacts } from './routes';

/**
 * What every operation of every service can answer besides its own outcomes, added to the
 * document from the facts of the route (ADR 0009): the platform answers these, so the
 * controllers do not repeat them. An operation's own description of a status wins.
 */

export const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'RFC 9457 problem details, the body of every error response',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', description: 'urn:talentloop:problem:<code>' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    code: { type: 'string', description: 'Stable machine-readable code, e.g. VALIDATION_FAILED' },
    instance: { type: 'string', description: 'The request path' },
    errors: {
      type: 'array',
      description: 'Every bad field, not just the first',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const problemResponse = (description: string, extra: Partial<ResponseObject> = {}) =>
  ({
    description,
    content: { [PROBLEM_JSON]: { schema: { $ref: '#/components/schemas/Problem' } } },
    ...extra,
  }) satisfies ResponseObject;

const STANDARD: Readonly<Record<string, ResponseObject>> = {
  '400': problemResponse('The body is not well-formed JSON, or a header is malformed'),
  '401': problemResponse('No valid bearer token', {
    headers: { 'WWW-Authenticate': { schema: { type: 'string', example: 'Bearer' } } },
  }),
  '403': problemResponse('The caller’s roles or reporting line do not reach this subject'),
  '404': problemResponse('No such resource in the caller’s tenant (or a malformed id)'),
  '409': problemResponse(
    'The request conflicts with the current state (or its Idempotency-Key is in use)',
  ),
  '413': problemResponse('The body is larger than this operation accepts'),
  '415': problemResponse('The body is not of a media type this operation accepts'),
  '422': problemResponse('The request is invalid: every bad field is listed in `errors`'),
  '429': problemResponse(
    'The caller sent more requests a minute than allowed (RATE_LIMITED): retry after the header’s seconds',
    { headers: { 'Retry-After': { schema: { type: 'integer', minimum: 1 } } } },
  ),
  '503': problemResponse('The identity provider’s keys cannot be fetched now: retry', {
    headers: { 'Retry-After': { schema: { type: 'integer' } } },
  }),
};

/**
 * Where an operation takes more than one media type with a schema of its own each (Swagger's
 * @ApiBody gives every media type the same one): `@ApiBodyByMediaType` puts them here.
 */
export const CONTENT_EXTENSION = 'x-talentloop-content';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

export interface CompletionFacts {
  readonly routes: readonly RouteFacts[];
  /**
   * The component schemas of validated DTOs, by name, with what validation says at class
   * level: unknown properties are refused (the validation pipe forbids them).
   */
  readonly validated: ReadonlyMap<string, SchemaObject>;
  /** Documented on every POST and PUT: the header that makes a retry safe. */
  readonly idempotencyKey?: ParameterObject;
}

const isReference = (value: unknown): value is ReferenceObject =>
  typeof value === 'object' && value !== null && '$ref' in value;

/** The statuses the platform can answer for this operation, from what it takes in. */
export const platformStatuses = (
  method: string,
  operation: OperationObject,
  route: RouteFacts | undefined,
): string[] => {
  const parameters = (operation.parameters ?? []).filter(
    (parameter): parameter is ParameterObject => !isReference(parameter),
  );
  // No token, no limit: a public route answers only for what it is given (a query it checks).
  if (route?.public) return parameters.some((parameter) => parameter.in === 'query') ? ['422'] : [];
  const hasBody = operation.requestBody !== undefined;
  // Every route behind a token is rate-limited per caller.
  const statuses = ['401', '403', '429', '503'];
  // A path id or a query naming a subject can name nothing in the caller's tenant.
  if (parameters.some((parameter) => parameter.in === 'path' || parameter.in === 'query'))
    statuses.push('404');
  if (hasBody) statuses.push('400', '413', '415', '422');
  if (parameters.some((parameter) => parameter.in === 'query')) statuses.push('422');
  // A command meets the state of its stream: a domain conflict or a concurrent write is a 409.
  if (method !== 'get') statuses.push('409');
  if (method === 'post' || method === 'put') statuses.push('400', '422');
  return [...new Set(statuses)].sort();
};

/** The document with standard responses, security, success statuses and closed DTO schemas. */
export const completeDocument = (
  document: OpenAPIObject,
  facts: CompletionFacts,
): OpenAPIObject => {
  const schemas: Record<string, SchemaObject | ReferenceObject> = {
    ...(document.components?.schemas ?? {}),
    Problem: PROBLEM_SCHEMA,
  };
  for (const name of Object.keys(schemas)) {
    const schema = schemas[name];
    const classLevel = facts.validated.get(name);
    if (classLevel && !isReference(schema))
      schemas[name] = { ...schema, ...classLevel, additionalProperties: false };
  }
  const paths: OpenAPIObject['paths'] = {};
  for (const [path, item] of Object.entries(document.paths)) {
    const completed = { ...item };
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const route = facts.routes.find(
        (candidate) => candidate.method === method && candidate.path === path,
      );
      const responses = { ...operation.responses } as Record<
        string,
        ResponseObject | ReferenceObject
      >;
      if (route && !Object.keys(responses).some((status) => status.startsWith('2')))
        responses[String(route.successStatus)] = { description: 'Done' };
      for (const status of platformStatuses(method, operation, route))
        responses[status] ??= STANDARD[status];
      const parameters = [...(operation.parameters ?? [])];
      // On a PUT the key fixes the command id (a PUT is idempotent by itself): same header.
      if ((method === 'post' || method === 'put') && facts.idempotencyKey && !route?.public) {
        const name = facts.idempotencyKey.name.toLowerCase();
        const known = parameters.some(
          (parameter) => !isReference(parameter) && parameter.name.toLowerCase() === name,
        );
        if (!known) parameters.push(facts.idempotencyKey);
      }
      const { [CONTENT_EXTENSION]: content, ...rest } = operation as OperationObject & {
        [CONTENT_EXTENSION]?: Record<string, SchemaObject | ReferenceObject>;
      };
      const requestBody =
        content && operation.requestBody && !isReference(operation.requestBody)
          ? {
              ...operation.requestBody,
              content: Object.fromEntries(
                Object.entries(content).map(([type, schema]) => [type, { schema }]),
              ),
            }
          : operation.requestBody;
      completed[method] = {
        ...rest,
        ...(requestBody ? { requestBody } : {}),
        ...(parameters.length > 0 ? { parameters } : {}),
        responses,
        ...(route?.public ? { security: [] } : {}),
      };
    }
    paths[path] = completed;
  }
  return { ...document, paths, components: { ...document.components, schemas } };
};
