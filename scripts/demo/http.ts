// HTTP plumbing for the demo: base URLs, callers, requests that fail loudly, polling.
import { bearerTokens, rolesOf } from '../tokens';

export type ServiceName = 'assessment' | 'planning' | 'approval' | 'analytics' | 'notifications';

const serviceOrder: readonly ServiceName[] = [
  'assessment',
  'planning',
  'approval',
  'analytics',
  'notifications',
];

/** Base URL per service: DEMO_BASE_URL_<SERVICE>, else TALENTLOOP_BASE_PORT + index, else 3001–3005. */
export const baseUrls = (): Record<ServiceName, string> => {
  const basePort = Number(process.env.TALENTLOOP_BASE_PORT ?? 3001) || 3001;
  const entries = serviceOrder.map((name, index) => {
    const override = process.env[`DEMO_BASE_URL_${name.toUpperCase()}`];
    const url = override ?? `http://127.0.0.1:${basePort + index}`;
    return [name, url.replace(/\/+$/, '')] as const;
  });
  return Object.fromEntries(entries) as Record<ServiceName, string>;
};

export interface Caller {
  readonly userId: string;
  readonly roles: string;
}

/** A step that failed: the demo prints it and exits 1. */
export class DemoFailure extends Error {
  constructor(
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

export interface Client {
  readonly tenantId: string;
  readonly urls: Record<ServiceName, string>;
  /** Sends the request; any status other than `expect` is a DemoFailure with the problem body. */
  call<T>(
    service: ServiceName,
    method: string,
    path: string,
    caller: Caller,
    options?: { body?: unknown; expect?: number; language?: string },
  ): Promise<T>;
  /** The raw response, for NDJSON and for polls that accept 404 while waiting. */
  raw(service: ServiceName, method: string, path: string, caller: Caller): Promise<Response>;
  /** The caller's `Authorization` header (`Bearer <token>`). */
  authorization(caller: Caller): Promise<string>;
}

/**
 * A client of one tenant; each caller's requests carry a bearer token signed as
 * scripts/tokens.ts says (the development secret of `npm start`'s data folder by default).
 */
export const createClient = (tenantId: string): Client => {
  const urls = baseUrls();
  const bearer = bearerTokens();
  const authorization = (caller: Caller) =>
    bearer({ tenantId, userId: caller.userId, roles: rolesOf(caller.roles) });
  const send = async (
    service: ServiceName,
    method: string,
    path: string,
    caller: Caller,
    body?: unknown,
    language?: string,
  ) => {
    const url = `${urls[service]}${path}`;
    try {
      return await fetch(url, {
        method,
        headers: {
          authorization: await authorization(caller),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(language === undefined ? {} : { 'accept-language': language }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new DemoFailure(
        `${method} ${url}: no answer (${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : String(error)}) — is \`npm start\` running?`,
      );
    }
  };
  return {
    tenantId,
    urls,
    authorization,
    raw: (service, method, path, caller) => send(service, method, path, caller),
    async call<T>(
      service: ServiceName,
      method: string,
      path: string,
      caller: Caller,
      options: { body?: unknown; expect?: number; language?: string } = {},
    ): Promise<T> {
      const response = await send(service, method, path, caller, options.body, options.language);
      const text = await response.text();
      const expected = options.expect ?? (method === 'POST' ? 201 : 200);
      const ok = options.expect === undefined ? response.ok : response.status === expected;
      if (!ok)
        throw new DemoFailure(
          `${method} ${service}${path} as ${caller.userId} (${caller.roles}) → HTTP ${response.status} ${response.statusText}`,
          `${response.headers.get('content-type') ?? ''}\n${prettyJson(text)}`,
        );
      return (text === '' ? undefined : JSON.parse(text)) as T;
    },
  };
};

const prettyJson = (text: string) => {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
};

/** How long a poll waits by default: DEMO_POLL_TIMEOUT_MS, else 15 s. */
const defaultPollTimeoutMs = Number(process.env.DEMO_POLL_TIMEOUT_MS ?? 15_000) || 15_000;

/**
 * Calls `probe` every `intervalMs` until it returns a value other than undefined, or fails
 * after `timeoutMs`; a service that does not answer meanwhile (restarting) is waited for too.
 * Returns the value and how long it took.
 */
export const poll = async <T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { intervalMs = 100, timeoutMs = defaultPollTimeoutMs } = {},
): Promise<{ value: T; ms: number }> => {
  const started = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return { value, ms: Date.now() - started };
    } catch (error) {
      if (!(error instanceof DemoFailure)) throw error;
      last = error;
    }
    if (Date.now() - started > timeoutMs)
      throw new DemoFailure(
        `timed out after ${timeoutMs} ms waiting for: ${what}`,
        last instanceof DemoFailure ? `${last.message}\n${last.detail ?? ''}` : undefined,
      );
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
};
