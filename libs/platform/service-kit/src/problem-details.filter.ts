import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { languageOf } from './language/request-language';
import {
  inLanguage,
  PROBLEM_JSON,
  problem,
  problemOf,
  type ProblemDetails,
} from './problem-details';

/** A ValidationPipe or controller already shaped the body as problem details. */
const isProblem = (body: unknown): body is ProblemDetails =>
  typeof body === 'object' && body !== null && 'code' in body && 'status' in body;

const fromHttpException = (exception: HttpException): ProblemDetails => {
  const status = exception.getStatus();
  const body = exception.getResponse();
  if (isProblem(body)) return body;
  const message =
    typeof body === 'object' && body !== null && 'message' in body
      ? String((body as { message: unknown }).message)
      : exception.message;
  return problem(status, `HTTP_${status}`, message);
};

/**
 * Every error leaves the service as application/problem+json, without stack traces, its
 * detail in the request's language (the code stays: clients key on it).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const language = languageOf(request);
    const details = inLanguage(
      exception instanceof HttpException
        ? fromHttpException(exception)
        : problemOf(exception, language),
      language,
    );
    // 503 is an answer the service chose (not ready, catching up, a store unavailable): the
    // request line says it; only what went wrong unexpectedly is logged as an error.
    if (details.status >= 500 && details.status !== 503)
      this.logger.error(
        `${request.method} ${request.originalUrl} failed`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    response
      .status(details.status)
      .type(PROBLEM_JSON)
      .json({ ...details, instance: request.originalUrl });
  }
}
