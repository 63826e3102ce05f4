import { type INestApplication, type NestApplicationOptions, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { json, type NextFunction, type Request, type Response } from 'express';
import { CqrsModule } from '@nestjs/cqrs';
import { SwaggerModule } from '@nestjs/swagger';
import {
  createLogger,
  labelMetricsWithService,
  metricsRegistry,
  type Logger,
  startTelemetry,
} from '@talentloop/observability';
import { Counter } from 'prom-client';
import {
  authenticateBeforeBody,
  requireBearerToken,
  TOKEN_VERIFIER,
} from './auth/authentication.guard';
import type { TokenVerifier } from './auth/token-verifier';
import type { HttpConfig } from './http.config';
import { securityHeaders } from './security/security-headers';
import { HTTP_CONFIG } from './tokens';
import { observeHttp } from './observability/http-observer';
import { PinoNestLogger } from './observability/nest-logger';
import { idempotencyKeyParameter } from './idempotency/idempotency.openapi';
import { createOpenApiDocument, methodNotAllowed } from './openapi/openapi-document';
import { routeMatcher, routesOf } from './openapi/routes';
import type { PlatformConfig } from './platform.config';
import { compactWhenIdle } from './heap';
import { ProblemDetailsFilter } from './problem-details.filter';
import { createValidationPipe } from './validation';

const heapCompactions = new Counter({
  name: 'talentloop_heap_compactions_total',
  help: 'Times the process compacted its heap when idle after a burst of allocation (HEAP_COMPACT_IDLE_MS)',
  registers: [metricsRegistry],
});

export interface ServiceDescription {
  readonly name: string;
  readonly title: string;
  readonly defaultPort: number;
  /**
   * JSON bodies larger than the default 100 kB, by route path (Express syntax), sized from the
   * route's contract (e.g. 5,000 people per sync call): every other route keeps 100 kB.
   */
  readonly jsonBodyLimits?: Readonly<Record<string, string>>;
}

/**
 * Headers a browser may read from a cross-origin answer, besides the CORS-safelisted ones:
 * what a client needs to retry, correlate and follow up.
 */
const EXPOSED_HEADERS = [
  'Retry-After',
  'WWW-Authenticate',
  'Location',
  'Idempotent-Replayed',
  'x-request-id',
  'x-trace-id',
];

/**
 * CORS only for the configured origins (HTTP_CORS_ORIGINS), exactly: without any, no answer
 * carries Access-Control-Allow-Origin, so no browser page of another origin reads one. Bearer
 * tokens, not cookies: no credentials mode. Ahead of authentication, which a preflight (no
 * Authorization header) would not pass.
 */
const allowConfiguredOrigins = (app: INestApplication, { corsOrigins }: HttpConfig): void => {
  if (corsOrigins.length === 0) return;
  app.enableCors({
    origin: [...corsOrigins],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    exposedHeaders: EXPOSED_HEADERS,
    credentials: false,
    maxAge: 600,
  });
};

/**
 * Everything an HTTP test and `main.ts` share: tracing, metrics and (given a logger) request
 * logs, security headers and CORS, validation, problem details, OpenAPI (served by Express,
 * not a Nest route, so it gets the bearer-token check as middleware; the guard of the
 * PlatformModule covers the routes, and rate-limits them).
 */
export const configureApp = (
  app: INestApplication,
  service: ServiceDescription,
  logger?: Logger,
): void => {
  startTelemetry();
  labelMetricsWithService(service.name);
  app.use(observeHttp(logger));
  // What the routes declare (@Public(), @HtmlPage()), for the middleware that runs before Nest
  // picks a route: the controllers are known once the app is created.
  const routes = routesOf(app);
  // First, so every answer carries them: a 401, a 404 of no route, a 429 as much as a 200.
  app.use(securityHeaders(routeMatcher(routes.filter((route) => route.page))));
  allowConfiguredOrigins(app, app.get<HttpConfig>(HTTP_CONFIG));
  const verifier = app.get<TokenVerifier>(TOKEN_VERIFIER);
  // Ahead of the body parsers, which Nest registers when the app initialises.
  app.use(authenticateBeforeBody(verifier, routeMatcher(routes.filter((route) => route.public))));
  app.use(methodNotAllowed(app));
  // A route's own JSON limit parses its body first; Nest's parser then leaves it alone. Wrapped:
  // Nest skips its global parser when it finds a middleware named `jsonParser` (express.json's).
  for (const [path, limit] of Object.entries(service.jsonBodyLimits ?? {})) {
    const parse = json({ limit });
    app.use(path, (request: Request, response: Response, next: NextFunction) =>
      parse(request, response, next),
    );
  }
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  // A response names no framework: `X-Powered-By: Express` only helps an attacker (helmet
  // removes the header as well; disabled here it is never set in the first place).
  (app.getHttpAdapter().getInstance() as { disable(setting: string): void }).disable(
    'x-powered-by',
  );
  const authenticate = requireBearerToken(verifier);
  app.use('/docs', authenticate);
  app.use('/docs-yaml', authenticate);
  SwaggerModule.setup(
    'docs',
    app,
    () =>
      createOpenApiDocument(app, {
        title: service.title,
        idempotencyKey: idempotencyKeyParameter,
      }),
    {
      jsonDocumentUrl: 'docs/openapi.json',
    },
  );
};

export const createServiceApp = async (
  module: Type,
  service: ServiceDescription,
  options: NestApplicationOptions = {},
  logger?: Logger,
): Promise<INestApplication> => {
  const app = await NestFactory.create(module, options);
  configureApp(app, service, logger);
  return app;
};

/**
 * Starts a service on its validated configuration: JSON logs (LOG_LEVEL) for Nest and every
 * request, OpenTelemetry (OTEL_TRACES_EXPORTER, OTEL_METRICS_EXPORTER), then listens on HOST:PORT and says where.
 */
export const bootstrapService = async (
  module: Type,
  service: ServiceDescription,
  { port, host, logging, telemetry, heapCompaction }: PlatformConfig,
): Promise<INestApplication> => {
  startTelemetry(telemetry, service.name);
  const logger = createLogger(service.name, logging);
  const app = await createServiceApp(
    module,
    service,
    { logger: new PinoNestLogger(logger) },
    logger,
  );
  await app.listen(port, host);
  const url = await app.getUrl();
  logger.info({ port, url }, `${service.title} listening on ${url}`);
  compactWhenIdle(
    heapCompaction,
    (message) => logger.info(message),
    () => heapCompactions.inc(),
  );
  return app;
};

/** The modules every service imports. */
export const serviceImports = [CqrsModule.forRoot()];

/**
 * A service's `main`: validates its whole configuration first (`readConfig` throws a
 * ConfigError naming the first bad or missing variable), then starts it; any failure is
 * printed as one line and exits 1.
 */
export const runService = (
  module: Type,
  service: ServiceDescription,
  readConfig: (env: NodeJS.ProcessEnv) => PlatformConfig,
): void => {
  const fail = (what: string, error: unknown) => {
    console.error(
      `${service.name}: ${what}: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  };
  let config: PlatformConfig;
  try {
    config = readConfig(process.env);
  } catch (error) {
    return fail('bad configuration', error);
  }
  bootstrapService(module, service, config).catch((error: unknown) =>
    fail('could not start', error),
  );
};
