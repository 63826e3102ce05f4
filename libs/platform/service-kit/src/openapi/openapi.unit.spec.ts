import 'reflect-metadata';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayUnique, IsIn, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { idempotencyKeyParameter } from '../idempotency/idempotency.openapi';
import { IsCalendarDate, Optional } from '../validation-decorators';
import { completeDocument, platformStatuses } from './complete-document';
import { openApiPath, routeMatcher, type RouteFacts } from './routes';
import { applyValidationToApiProperties, propertyFromValidation } from './validation-schemas';

@JSONSchema({ minProperties: 1 })
class ExampleChangesDto {
  @ApiProperty({ description: 'Shown as written' })
  @Optional()
  @IsString()
  @Length(3, 80)
  title?: string;

  @IsInt() @Min(1) @Max(240) minutes!: number;

  @IsIn(['nl', 'en']) language!: string;

  @ApiProperty({ type: [String] })
  @ArrayUnique()
  @Matches(/^[a-z]+$/, { each: true })
  tags!: string[];

  @Optional() @IsCalendarDate() dueOn?: string;
}

const swaggerProperty = (name: string): Record<string, unknown> =>
  Reflect.getMetadata('swagger/apiModelProperties', ExampleChangesDto.prototype, name) as Record<
    string,
    unknown
  >;

describe('the request schemas, given a DTO with validation rules', () => {
  const classes = applyValidationToApiProperties();

  it('document each rule as the constraint it is, over what @ApiProperty said', () => {
    expect(swaggerProperty('title')).toMatchObject({
      description: 'Shown as written',
      type: 'string',
      minLength: 3,
      maxLength: 80,
      required: false,
    });
    expect(swaggerProperty('minutes')).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 240,
      required: true,
    });
    expect(swaggerProperty('language')).toMatchObject({ enum: ['nl', 'en'], required: true });
  });

  it('put a rule on every item of a list on the items, and uniqueness on the list', () =>
    expect(swaggerProperty('tags')).toMatchObject({
      type: 'array',
      uniqueItems: true,
      items: { type: 'string', pattern: '^[a-z]+$' },
    }));

  it('state the four-digit year a calendar date needs, as the validator checks it', () =>
    expect(swaggerProperty('dueOn')).toMatchObject({
      pattern: '^[1-9]\\d{3}-\\d{2}-\\d{2}$',
      anyOf: [
        { type: 'string', format: 'date' },
        { type: 'string', format: 'date-time' },
      ],
      required: false,
    }));

  it('carry what the class says as a whole', () =>
    expect(classes.get('ExampleChangesDto')).toEqual({ minProperties: 1 }));
});

describe('a property schema merged from validation', () => {
  it('keeps the type of a nested DTO that @ApiProperty gave', () => {
    class Nested {}
    expect(
      propertyFromValidation(
        { $ref: '#/components/schemas/Nested' } as never,
        { type: Nested },
        true,
      ),
    ).toEqual({ required: true });
  });

  it("says OpenAPI 3.0's exclusive minimum (IsPositive) as a flag on the bound", () =>
    expect(
      propertyFromValidation({ type: 'number', exclusiveMinimum: 0 } as never, {}, true),
    ).toEqual({ required: true, type: 'number', minimum: 0, exclusiveMinimum: true }));
});

const route = (method: string, path: string, extra: Partial<RouteFacts> = {}): RouteFacts => ({
  method,
  path,
  successStatus: method === 'post' ? 201 : 200,
  public: false,
  page: false,
  ...extra,
});

describe('the standard answers of an operation', () => {
  it('are none for a public probe', () =>
    expect(
      platformStatuses('get', { responses: {} }, route('get', '/health/live', { public: true })),
    ).toEqual([]));

  it('are only the refusal of its query for a public link that checks one', () =>
    expect(
      platformStatuses(
        'post',
        { responses: {}, parameters: [{ name: 'token', in: 'query', required: true }] },
        route('post', '/unsubscribe', { public: true }),
      ),
    ).toEqual(['422']));

  it('are 401, 403, 429 (rate-limited per caller) and 503 for any operation behind a token', () =>
    expect(platformStatuses('get', { responses: {} }, route('get', '/x'))).toEqual([
      '401',
      '403',
      '429',
      '503',
    ]));

  it('add 404 for an id in the path, and 400, 409, 413, 415 and 422 for a POST with a body', () =>
    expect(
      platformStatuses(
        'post',
        {
          responses: {},
          parameters: [{ name: 'goalId', in: 'path', required: true }],
          requestBody: { content: {} },
        },
        route('post', '/goals/{goalId}/submit'),
      ),
    ).toEqual(['400', '401', '403', '404', '409', '413', '415', '422', '429', '503']));
});

describe('a completed document', () => {
  const document: OpenAPIObject = {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/health/live': { get: { responses: { '200': { description: 'up' } } } },
      '/plans': {
        post: {
          responses: { '422': { description: 'own words' } },
          requestBody: { content: { 'application/json': { schema: {} } } },
          'x-talentloop-content': { 'text/csv': { type: 'string' } },
        } as never,
      },
    },
    components: { schemas: { ExampleChangesDto: { type: 'object', properties: {} } } },
  };
  const completed = completeDocument(document, {
    routes: [route('get', '/health/live', { public: true }), route('post', '/plans')],
    validated: new Map([['ExampleChangesDto', { minProperties: 1 }]]),
    idempotencyKey: idempotencyKeyParameter,
  });
  const plans = completed.paths['/plans']?.post;

  it('needs no token for a public probe', () =>
    expect(completed.paths['/health/live']?.get?.security).toEqual([]));

  it('documents the success a route answers when the controller named none', () =>
    expect(plans?.responses['201']).toEqual({ description: 'Done' }));

  it("keeps an operation's own description of a status and adds the platform's", () => {
    expect(plans?.responses['422']).toEqual({ description: 'own words' });
    expect(plans?.responses['401']).toMatchObject({
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });
  });

  it('documents 429 as problem+json with Retry-After', () =>
    expect(plans?.responses['429']).toMatchObject({
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      headers: { 'Retry-After': { schema: { type: 'integer', minimum: 1 } } },
    }));

  it('offers the Idempotency-Key header on a POST', () =>
    expect(plans?.parameters).toEqual([idempotencyKeyParameter]));

  it('gives each media type of a body its own schema', () =>
    expect(plans?.requestBody).toEqual({
      content: { 'text/csv': { schema: { type: 'string' } } },
    }));

  it('closes a validated DTO to unknown properties and adds what it says as a whole', () =>
    expect(completed.components?.schemas?.['ExampleChangesDto']).toEqual({
      type: 'object',
      properties: {},
      minProperties: 1,
      additionalProperties: false,
    }));
});

describe('a route path', () => {
  it('is written as an OpenAPI template, one slash between segments', () =>
    expect(openApiPath('goals/', '/:goalId/check-ins')).toBe('/goals/{goalId}/check-ins'));
});

describe('a request for one of the routes', () => {
  const isFor = routeMatcher([route('get', '/health/live'), route('post', '/links/{linkId}')]);

  it.each([
    ['GET', '/health/live'],
    ['HEAD', '/health/live'],
    ['GET', '/health/live/'],
    ['POST', '/links/l-1'],
    ['POST', '/links/l-1/'],
  ])('is %s %s: the method, any value of a parameter, a trailing slash or none', (method, path) =>
    expect(isFor({ method, path })).toBe(true),
  );

  it.each([
    ['POST', '/health/live'],
    ['GET', '/links/l-1'],
    ['GET', '/health'],
    ['GET', '/health/live/more'],
    ['GET', '/health/liveness'],
    ['POST', '/links/l-1/more'],
    ['POST', '/links/'],
  ])('is not %s %s: another method, a path before or beyond', (method, path) =>
    expect(isFor({ method, path })).toBe(false),
  );
});
