import {
  type INestApplication,
  Logger,
  type NestApplicationOptions,
  type Type,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ProblemDetailsFilter } from './problem-details.filter';
import { createValidationPipe } from './validation';

export interface ServiceDescription {
  readonly name: string;
  readonly title: string;
  readonly defaultPort: number;
}

/** Reads PORT; a bad value stops the service with a message naming the variable. */
export const portFromEnv = (env: NodeJS.ProcessEnv, defaultPort: number): number => {
  const raw = env['PORT'];
  if (raw === undefined || raw === '') return defaultPort;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be an integer from 0 to 65535, got "${raw}"`);
  return port;
};

/** Everything an HTTP test and `main.ts` share: validation, problem details, OpenAPI. */
export const configureApp = (app: INestApplication, service: ServiceDescription): void => {
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  const openApi = new DocumentBuilder()
    .setTitle(`Talentloop ${service.title}`)
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'docs/openapi.json',
  });
};

export const createServiceApp = async (
  module: Type,
  service: ServiceDescription,
  options: NestApplicationOptions = {},
): Promise<INestApplication> => {
  const app = await NestFactory.create(module, options);
  configureApp(app, service);
  return app;
};

/** Starts a service and prints where it listens. */
export const bootstrapService = async (
  module: Type,
  service: ServiceDescription,
): Promise<INestApplication> => {
  const port = portFromEnv(process.env, service.defaultPort);
  const app = await createServiceApp(module, service);
  await app.listen(port, process.env['HOST'] ?? '127.0.0.1');
  new Logger(service.name).log(`${service.title} listening on ${await app.getUrl()}`);
  return app;
};

/** The modules every service imports. */
export const serviceImports = [CqrsModule.forRoot()];
