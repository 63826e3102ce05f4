import {
  Agent,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import { consoleApis, type ConsoleApi } from './console.config';
import { problem } from './http';

/** Headers that belong to one connection, never passed on (RFC 9110 §7.6.1), and cookies. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'cookie',
]);

/** `headers` without hop-by-hop ones and those the Connection header names. */
export const endToEndHeaders = (
  headers: IncomingMessage['headers'],
): Record<string, string | string[]> => {
  const named = new Set(
    String(headers.connection ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined && !HOP_BY_HOP.has(name) && !named.has(name)) kept[name] = value;
  return kept;
};

/**
 * `/api/<service>/<path>?<query>` → the service's `<base>/<path>?<query>`, the service named by
 * the first segment, or undefined when it names none.
 */
export const targetOf = (apis: Readonly<Record<ConsoleApi, string>>, url: URL): URL | undefined => {
  const match = /^\/api\/([a-z]+)(\/.*)?$/.exec(url.pathname);
  const api = match?.[1] as ConsoleApi | undefined;
  if (api === undefined || !consoleApis.includes(api)) return undefined;
  return new URL(`${apis[api]}${match?.[2] ?? '/'}${url.search}`);
};

/** Passes API calls through to the services, streaming both ways (the live replay is SSE). */
export class ApiProxy {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });
  private readonly secureAgent = new HttpsAgent({ keepAlive: true, maxSockets: 64 });

  constructor(private readonly apis: Readonly<Record<ConsoleApi, string>>) {}

  pass(request: IncomingMessage, response: ServerResponse, url: URL): void {
    const target = targetOf(this.apis, url);
    if (target === undefined)
      return problem(response, 404, 'Not Found', `no API at ${url.pathname}`);
    const secure = target.protocol === 'https:';
    const outgoing = (secure ? httpsRequest : httpRequest)(target, {
      method: request.method,
      agent: secure ? this.secureAgent : this.agent,
      headers: {
        ...endToEndHeaders(request.headers),
        'x-forwarded-for': request.socket.remoteAddress ?? '',
        'x-forwarded-host': request.headers.host ?? '',
      },
    });
    outgoing.on('response', (answer) => {
      response.writeHead(answer.statusCode ?? 502, endToEndHeaders(answer.headers));
      answer.pipe(response);
    });
    outgoing.on('error', (error) => {
      if (response.headersSent) return void response.destroy();
      console.error(`console: ${target.origin} did not answer: ${error.message}`);
      problem(
        response,
        502,
        'Bad Gateway',
        `the ${url.pathname.split('/')[2]} service did not answer`,
      );
    });
    // The browser went away (a closed live stream): stop asking the service.
    response.on('close', () => {
      if (!response.writableFinished) outgoing.destroy();
    });
    request.pipe(outgoing);
  }

  close(): void {
    this.agent.destroy();
    this.secureAgent.destroy();
  }
}
