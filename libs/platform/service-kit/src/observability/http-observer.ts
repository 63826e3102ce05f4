import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { httpRequestDuration, type Logger, requestSpan, SpanKind } from '@talentloop/observability';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Probes and scrapes are not worth a log line each. */
const quiet = (request: Request) =>
  request.url === '/metrics' || request.url.startsWith('/health/');

/** The route template (`/goals/:goalId/submit`), never the path: ids would explode the series. */
const routeOf = (request: Request): string => {
  const { route } = request as { route?: { path?: unknown } };
  const path = route?.path;
  return typeof path === 'string' ? request.baseUrl + path : 'unmatched';
};

/**
 * Runs every request inside a server span (the HTTP instrumentation's when telemetry is
 * exported, else one of its own; either continues the caller's `traceparent`), gives it
 * a request id (the caller's `x-request-id`, or a new one) echoed in the response with the
 * trace id, times it into talentloop_http_request_duration_seconds and, given a logger,
 * writes one JSON log line per request with both ids.
 */
export const observeHttp = (logger?: Logger): RequestHandler => {
  return (request: Request, response: Response, next: NextFunction) => {
    const given = request.header('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    const { span, run, end } = requestSpan(`${request.method} ${request.path}`, {
      kind: SpanKind.SERVER,
      parent: request.header('traceparent'),
      attributes: { 'http.request.method': request.method, 'url.path': request.path },
    });
    response.setHeader('x-request-id', requestId);
    response.setHeader('x-trace-id', span.spanContext().traceId);
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(request);
      const status = response.statusCode;
      httpRequestDuration.observe(
        { method: request.method, route, status_code: String(status) },
        seconds,
      );
      span.updateName(`${request.method} ${route}`);
      span.setAttribute('http.response.status_code', status);
      if (logger && !quiet(request))
        run(() =>
          logger[status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info'](
            {
              req_id: requestId,
              method: request.method,
              url: request.originalUrl,
              route,
              status,
              ms: Math.round(seconds * 1e4) / 10,
            },
            'request completed',
          ),
        );
      end();
    });
    run(next);
  };
};
