import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type ConsoleConfig } from './console.config';

/** An RFC 9457 problem, as the services answer theirs. */
export const problem = (
  response: ServerResponse,
  status: number,
  title: string,
  detail: string,
): void => {
  response.writeHead(status, { 'content-type': 'application/problem+json' });
  response.end(JSON.stringify({ type: 'about:blank', title, status, detail }));
};

const MAX_BODY_BYTES = 4096;

/** A small JSON body, or undefined after answering 400/413/415 for a bad one. */
export const readJsonBody = async (
  request: IncomingMessage,
  response: ServerResponse,
): Promise<unknown> => {
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    problem(response, 415, 'Unsupported Media Type', 'send application/json');
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      problem(response, 413, 'Content Too Large', `at most ${MAX_BODY_BYTES} bytes`);
      return undefined;
    }
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    problem(response, 400, 'Bad Request', 'the body is not JSON');
    return undefined;
  }
};

/**
 * The headers of every page and asset: the page runs its own scripts and styles only, talks to
 * its own origin (and in production to the identity provider), and is never framed.
 */
export const securityHeaders = ({ auth }: ConsoleConfig): Record<string, string> => {
  const connect = auth.mode === 'production' ? `'self' ${new URL(auth.issuer).origin}` : "'self'";
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data: blob:",
      `connect-src ${connect}`,
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  };
};
