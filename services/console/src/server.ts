// The console's own HTTP server: the built web app, the sign-in settings the app reads, and
// /api/<service>/… passed through to that service's public API unchanged (the caller's own
// bearer token; the console adds no authority of its own). One origin for the browser: no CORS,
// and a content security policy that lets the page talk to itself only.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type ConsoleConfig } from './console.config';
import { devTokenResponse } from './dev-token';
import { problem, readJsonBody, securityHeaders } from './http';
import { ApiProxy } from './proxy';
import { StaticFiles } from './static-files';

export interface RunningConsole {
  readonly port: number;
  close(): Promise<void>;
}

/** What the web app needs to sign in: the mode and, in production, the OIDC client. */
export const authSettingsOf = ({ auth }: ConsoleConfig) =>
  auth.mode === 'development'
    ? { mode: auth.mode }
    : {
        mode: auth.mode,
        issuer: auth.issuer,
        clientId: auth.clientId,
        scope: auth.scope,
        ...(auth.audience === undefined ? {} : { audience: auth.audience }),
      };

export const startConsoleServer = async (config: ConsoleConfig): Promise<RunningConsole> => {
  const files = new StaticFiles(config.webDir);
  const proxy = new ApiProxy(config.apis);
  const headers = securityHeaders(config);
  const settings = JSON.stringify(authSettingsOf(config));

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://console');
    if (url.pathname.startsWith('/api/')) return proxy.pass(request, response, url);
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    if (url.pathname === '/health/live' || url.pathname === '/health/ready') {
      const ready = url.pathname === '/health/live' || files.ready();
      response.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: ready ? 'ok' : 'web app not built' }));
      return;
    }
    if (url.pathname === '/auth/config') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(settings);
      return;
    }
    if (url.pathname === '/auth/dev-token' && config.auth.mode === 'development') {
      if (request.method !== 'POST')
        return problem(response, 405, 'Method Not Allowed', 'POST a subject to get a token');
      const body = await readJsonBody(request, response);
      if (body === undefined) return;
      const answer = await devTokenResponse(body, config.auth.devSecret);
      if ('invalid' in answer) return problem(response, 400, 'Bad Request', answer.invalid);
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify(answer));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return problem(response, 405, 'Method Not Allowed', 'the console serves GET and HEAD');
    await files.serve(url.pathname, request, response);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('console: request failed', error);
      if (!response.headersSent) problem(response, 500, 'Internal Server Error', 'unexpected');
      else response.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(config.port, '0.0.0.0');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
        proxy.close();
      }),
  };
};
