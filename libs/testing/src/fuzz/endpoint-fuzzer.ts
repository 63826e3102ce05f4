import type { INestApplication } from '@nestjs/common';
import { headPosition, type EventStore } from '@talentloop/event-store';
import fc, { type Arbitrary } from 'fast-check';
import { invalidBody, type FuzzBody } from './fuzz-bodies';
import { oddRequestHeaders, unauthenticatedHeaders } from './fuzz-headers';
import { junkQuery, malformedIdSegment, unknownId } from './fuzz-urls';
import type { Caller, ServiceTestHarness } from '../service/service-test-app';
import {
  documentedOperation,
  routesOf,
  undocumentedByRouter,
  type OpenApiDocument,
  type ServiceRoute,
} from './service-routes';

/** A running service to fuzz, and how to say who is calling. */
export interface FuzzTarget<TCaller> {
  readonly app: INestApplication;
  readonly store: Pick<EventStore, 'readAll'>;
  /** The headers that authenticate the caller (a bearer token, or identity headers). */
  readonly identify: (caller: TCaller) => Promise<Record<string, string>>;
}

/** A service started by its test harness; callers carry the harness's bearer tokens. */
export const harnessFuzzTarget = (harness: ServiceTestHarness): FuzzTarget<Caller> => ({
  app: harness.app,
  store: harness.store,
  identify: async (caller) => ({ authorization: `Bearer ${await harness.token(caller)}` }),
});

export interface EndpointFuzzOptions<TCaller> {
  /** Callers with roles that can reach the endpoints; each case picks one. */
  readonly callers: readonly TCaller[];
  /** Ids that exist, by path parameter name, so fuzzing reaches the domain and not only 404s. */
  readonly knownIds?: Readonly<Record<string, readonly string[]>>;
  /** Cases per route as an authenticated caller; `FUZZ_RUNS` overrides. */
  readonly runsPerRoute?: number;
  /** Cases per route with headers that authenticate no one. */
  readonly unauthenticatedRunsPerRoute?: number;
}

/** One request as it goes on the wire, and what was fuzzed, for the failure message. */
interface FuzzCase {
  readonly path: string;
  readonly body: FuzzBody;
  readonly chunked: boolean;
}

export interface FuzzReport {
  /** `METHOD /path` of every route, with how many cases the route itself answered. */
  readonly answeredByRoute: Readonly<Record<string, number>>;
  readonly requests: number;
  /** How many responses had each status: shows how far past authentication the cases got. */
  readonly byStatus: Readonly<Record<number, number>>;
}

const STACK_OR_INTERNALS: readonly [string, RegExp][] = [
  ['a stack frame', /\n\s+at \S/],
  ['a source file position', /\.(ts|js|mjs|cjs):\d+/],
  ['node_modules', /node_modules/],
  ['an error class', /\b(Type|Reference|Syntax|Range|Internal)?Error: /],
  ['SQL', /\bSQLITE_[A-Z]|\bSELECT\b[^"]*\bFROM\b|\bINSERT INTO\b/],
  ['a server path', /\/(work|home|usr|tmp)\/[\w.-]+\//],
];

/** How the router answers a path it has no route for: such a case did not reach the route. */
const isRouteMiss = (status: number, text: string) =>
  status === 404 && /"detail":"Cannot [A-Z]+ /.test(text);

/** Why the response breaks the rules for refused input, if it does. */
const ruleBroken = (response: Response, text: string): string | undefined => {
  if (response.status >= 500) return `status ${response.status}`;
  const contentType = response.headers.get('content-type') ?? '';
  if (response.status >= 400 && !contentType.startsWith('application/problem+json'))
    return `a ${response.status} as ${contentType || 'no content type'}`;
  if (response.headers.has('x-powered-by')) return 'an x-powered-by header';
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  for (const [what, pattern] of STACK_OR_INTERNALS) {
    if (pattern.test(text)) return `${what} in the body`;
    if (pattern.test(headers)) return `${what} in the headers`;
  }
  return undefined;
};

const fuzzSeed = () => (process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : undefined);
const fuzzRuns = (fallback: number) =>
  process.env['FUZZ_RUNS'] ? Number(process.env['FUZZ_RUNS']) : fallback;

const excerpt = (text: string, length = 300) =>
  text.length > length ? `${text.slice(0, length)}… (${text.length} chars)` : text;

/**
 * The path with its parameters filled in. `mustBreak`: at least one segment is malformed, so
 * the request is refused whatever its body.
 */
const pathOf = (
  route: ServiceRoute,
  knownIds: Readonly<Record<string, readonly string[]>>,
  mayUseKnown: boolean,
  mustBreak: boolean,
): Arbitrary<string> => {
  if (route.params.length === 0) return fc.constant(route.path);
  const segment = (name: string) => {
    const known = mayUseKnown ? (knownIds[name] ?? []) : [];
    return fc.oneof(
      ...(known.length > 0 ? [{ arbitrary: fc.constantFrom(...known), weight: 3 }] : []),
      { arbitrary: unknownId(), weight: 1 },
      { arbitrary: malformedIdSegment(), weight: 2 },
    );
  };
  return fc
    .tuple(
      fc.tuple(...route.params.map(segment)),
      mustBreak ? fc.nat(route.params.length - 1) : fc.constant(-1),
      malformedIdSegment(),
    )
    .map(([segments, broken, malformed]) =>
      route.params.reduce(
        (path, name, index) =>
          path.replace(`:${name}`, index === broken ? malformed : segments[index]),
        route.path,
      ),
    );
};

/**
 * The cases of one route. A command is never sent a valid request: a body that is not refused
 * by itself goes to a malformed or unknown id, and on a route without ids it is swapped for one
 * the parser refuses.
 */
const casesOf = (
  route: ServiceRoute,
  document: OpenApiDocument,
  knownIds: Readonly<Record<string, readonly string[]>>,
): Arbitrary<FuzzCase> => {
  const operation = documentedOperation(document, route);
  const components = document.components?.schemas ?? {};
  const readOnly = route.method === 'GET' || route.method === 'HEAD';
  const bodies = invalidBody(operation?.requestBody, components);
  const query = fc.option(junkQuery(operation?.queryNames ?? []), { freq: 2 });
  const parserRefused: FuzzBody = {
    label: 'malformed JSON',
    contentType: 'application/json',
    payload: '{"a":',
    refusedAlone: true,
  };
  return fc
    .tuple(bodies, query, fc.boolean(), fc.boolean())
    .chain(([generated, junk, chunked, breakAnId]) => {
      const hasIds = route.params.length > 0;
      const body = readOnly || generated.refusedAlone || hasIds ? generated : parserRefused;
      // A body that is not refused by itself never meets a known id.
      const refused = readOnly || body.refusedAlone;
      return pathOf(route, knownIds, refused, !refused && breakAnId && hasIds).map((path) => ({
        path: `${path}${junk ?? ''}`,
        body: readOnly ? { label: 'no body', refusedAlone: true } : body,
        chunked: chunked && body.payload !== undefined,
      }));
    });
};

const send = async (
  base: string,
  method: string,
  fuzzCase: FuzzCase,
  headers: Record<string, string>,
): Promise<Response> => {
  const { payload, contentType } = fuzzCase.body;
  const all = {
    ...(contentType === undefined ? {} : { 'content-type': contentType }),
    ...fuzzCase.body.headers,
    ...headers,
  };
  if (payload === undefined || method === 'GET' || method === 'HEAD')
    return fetch(`${base}${fuzzCase.path}`, { method, headers: all });
  const bytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
  // A streamed body goes chunked, with no content-length.
  const body = fuzzCase.chunked
    ? new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes);
          controller.close();
        },
      })
    : bytes;
  return fetch(`${base}${fuzzCase.path}`, {
    method,
    headers: all,
    body,
    ...(fuzzCase.chunked ? { duplex: 'half' } : {}),
  } as RequestInit);
};

/** The head once nothing has been appended for a while: consumers of the seed are done. */
const settledHead = async (store: Pick<EventStore, 'readAll'>, quietMs = 300): Promise<bigint> => {
  for (let head = await headPosition(store); ; ) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = await headPosition(store);
    if (now === head) return head;
    head = now;
  }
};

/**
 * Fuzzes every route of the running app (its express router lists them, so none is missed):
 * invalid bodies, ids and query strings as each of the callers, then garbage headers that
 * authenticate no one. Every response must be below 500, every 4xx problem+json, none may show
 * a stack trace or internals, and no request may write an event. Fails on the first case that
 * breaks a rule (fast-check prints the seed; `FUZZ_SEED` replays it, `FUZZ_RUNS` sets the cases
 * per route).
 */
export const fuzzEndpoints = async <TCaller>(
  target: FuzzTarget<TCaller>,
  options: EndpointFuzzOptions<TCaller>,
): Promise<FuzzReport> => {
  const base = await target.app.getUrl();
  const identities = await Promise.all(options.callers.map((caller) => target.identify(caller)));
  const documentResponse = await fetch(`${base}/docs/openapi.json`, { headers: identities[0] });
  if (!documentResponse.ok)
    throw new Error(`GET /docs/openapi.json answered ${documentResponse.status}`);
  const document = (await documentResponse.json()) as OpenApiDocument;
  const routes = routesOf(target.app);
  const missing = undocumentedByRouter(document, routes);
  if (missing.length > 0)
    throw new Error(`the router does not list these documented operations: ${missing.join(', ')}`);
  let head = await settledHead(target.store);
  const answeredByRoute: Record<string, number> = {};
  let requests = 0;
  const byStatus: Record<number, number> = {};

  const check = async (
    route: ServiceRoute,
    fuzzCase: FuzzCase,
    headers: Record<string, string>,
  ) => {
    const response = await send(base, route.method, fuzzCase, headers);
    const text = await response.text();
    requests += 1;
    byStatus[response.status] = (byStatus[response.status] ?? 0) + 1;
    const key = `${route.method} ${route.path}`;
    if (!isRouteMiss(response.status, text)) answeredByRoute[key] = (answeredByRoute[key] ?? 0) + 1;
    const broken = ruleBroken(response, text);
    const [written] = await target.store.readAll({ after: head, maxCount: 1 });
    // Later cases are judged by what they write themselves, so shrinking blames the right one.
    if (written) head = await headPosition(target.store);
    if (broken || written)
      throw new Error(
        [
          `${route.method} ${excerpt(fuzzCase.path, 200)} with ${fuzzCase.body.label}` +
            `${fuzzCase.chunked ? ' (chunked)' : ''} ` +
            `(${fuzzCase.body.contentType ?? 'no content type'}): ${excerpt(String(fuzzCase.body.payload ?? ''), 200)}`,
          broken
            ? `broke a rule: ${broken}`
            : `wrote the event ${written?.type} to ${written?.streamName}`,
          `answered ${response.status}: ${excerpt(text)}`,
        ].join('\n'),
      );
  };

  const knownIds = options.knownIds ?? {};
  const seed = fuzzSeed();
  for (const route of routes) {
    const cases = casesOf(route, document, knownIds);
    await fc.assert(
      fc.asyncProperty(
        cases,
        fc.constantFrom(...identities),
        oddRequestHeaders(),
        (fuzzCase, identity, odd) => check(route, fuzzCase, { ...odd, ...identity }),
      ),
      { numRuns: fuzzRuns(options.runsPerRoute ?? 50), ...(seed === undefined ? {} : { seed }) },
    );
    await fc.assert(
      fc.asyncProperty(cases, unauthenticatedHeaders(), (fuzzCase, headers) =>
        check(route, { ...fuzzCase, body: { ...fuzzCase.body, contentType: undefined } }, headers),
      ),
      {
        numRuns: options.unauthenticatedRunsPerRoute ?? 8,
        ...(seed === undefined ? {} : { seed }),
      },
    );
  }
  const unanswered = routes
    .map((route) => `${route.method} ${route.path}`)
    .filter((key) => !answeredByRoute[key]);
  if (unanswered.length > 0)
    throw new Error(`no fuzz case reached these routes: ${unanswered.join(', ')}`);
  return { answeredByRoute, requests, byStatus };
};

/**
 * A case the fuzzer once found, kept as a fixed example: the response has this status, is
 * problem details without an `x-powered-by` header, and the store gained no event.
 */
export const expectRefusedWithoutEvent = async (
  store: Pick<EventStore, 'readAll'>,
  request: () => Promise<Response>,
  status: number,
): Promise<void> => {
  const head = await headPosition(store);
  const response = await request();
  const text = await response.text();
  expect({
    status: response.status,
    contentType: response.headers.get('content-type'),
    poweredBy: response.headers.get('x-powered-by'),
    broken: ruleBroken(response, text),
  }).toEqual({
    status,
    contentType: expect.stringContaining('application/problem+json') as unknown,
    poweredBy: null,
    broken: undefined,
  });
  expect(await headPosition(store)).toBe(head);
};
