import { Body, Controller, type INestApplication, Inject, Module, Post } from '@nestjs/common';
import { DomainError } from '@talentloop/domain-kernel';
import { handleCommand, WrongExpectedRevisionError } from '@talentloop/event-store';
import { createLogger, currentTraceparent, traceIdOf } from '@talentloop/observability';
import { eventually } from '@talentloop/testing';
import { IsInt, IsString, Max, Min, MinLength } from 'class-validator';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventRegistry, streamName, type ReceivedEvent } from '@talentloop/contracts';
import type { EventStore } from '@talentloop/event-store';
import { subscribeToEvents, type MessageBus } from '@talentloop/messaging';
import { randomUUID } from 'node:crypto';
import { type Actor, CurrentActor } from './actor';
import { devSigningKey, mintToken } from './auth/token-minting';
import { createServiceApp } from './bootstrap';
import { EVENT_STORE, MESSAGE_BUS, PlatformModule } from './platform.module';
import { ACCESS_POLICY } from './access/access.guard';
import { PROBLEM_JSON } from './problem-details';
import { probePolicyWith } from './testing/probe-policy';

const probePolicy = probePolicyWith(
  ['rate', 'conflict', 'race', 'whoami', 'start-plan', 'crash'].map(
    (route) => `POST /probe/${route}` as const,
  ),
);

class RateDto {
  @IsString()
  @MinLength(3)
  competencyId!: string;

  @IsInt()
  @Min(1)
  @Max(5)
  energy!: number;
}

class AlreadyDecided extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'ALREADY_DECIDED';
}

@Controller('probe')
class ProbeController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Post('rate')
  rate(@Body() body: RateDto) {
    return { accepted: body };
  }

  @Post('conflict')
  conflict() {
    throw new AlreadyDecided('the request was already approved', { currentState: 'approved' });
  }

  @Post('race')
  race() {
    throw new WrongExpectedRevisionError('approval.request-acme.r-1', 3n, 4n);
  }

  @Post('whoami')
  whoami(@CurrentActor() actor: Actor) {
    return actor;
  }

  /** A route the access policy does not name. */
  @Post('unlisted')
  unlisted() {
    return { reached: true };
  }

  /** A command of the planning context: one PlanStarted through handleCommand. */
  @Post('start-plan')
  async startPlan() {
    const definition = eventRegistry.current('PlanStarted')!;
    const planId = randomUUID();
    await handleCommand(
      this.store,
      {
        initialState: () => null,
        evolve: () => null,
        decide: () => [
          { type: 'PlanStarted', data: { ...(definition.example as object), planId } },
        ],
      },
      streamName({ context: 'planning', aggregate: 'plan', tenantId: 'acme', id: planId }),
      {},
      { tenantId: 'acme', actorId: 'user-1', commandId: randomUUID(), now: new Date() },
    );
    return { planId };
  }

  @Post('crash')
  crash() {
    throw new Error('secret connection string leaked in a message');
  }
}

describe('the HTTP platform every service shares', () => {
  let app: INestApplication;
  let base: string;
  let folder: string;
  let authorization: string;
  const devSecret = randomUUID() + randomUUID();
  /** The service's JSON log lines. */
  const logLines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'talentloop-http-'));
    @Module({
      imports: [
        PlatformModule.forService('probe', {
          publishes: 'planning',
          env: {
            EVENT_STORE_SQLITE_PATH: join(folder, 'store.sqlite'),
            BUS_SQLITE_PATH: join(folder, 'bus.sqlite'),
            // The relay's checkpoint and lease: this test's own, not data/ of the working folder.
            READ_MODELS_SQLITE_PATH: join(folder, 'read-models.sqlite'),
            AUTH_MODE: 'development',
            AUTH_DEV_SECRET: devSecret,
          },
        }),
      ],
      controllers: [ProbeController],
      // The probe's routes, open to every role of the caller's tenant.
      providers: [{ provide: ACCESS_POLICY, useValue: probePolicy }],
    })
    class ProbeModule {}
    app = await createServiceApp(
      ProbeModule,
      { name: 'probe', title: 'Probe', defaultPort: 0 },
      { logger: false },
      createLogger(
        'probe',
        { level: 'info' },
        { write: (line: string) => logLines.push(JSON.parse(line) as Record<string, unknown>) },
      ),
    );
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    authorization = `Bearer ${await mintToken(
      { tenantId: 'acme', userId: 'u-7', roles: ['manager', 'hr'] },
      devSigningKey(devSecret),
    )}`;
  });

  afterAll(async () => {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify(body),
    });

  it('accepts a valid body', async () => {
    const response = await post('/probe/rate', { competencyId: 'collaboration', energy: 4 });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      accepted: { competencyId: 'collaboration', energy: 4 },
    });
  });

  it('lists every bad field of a body in one 422 problem', async () => {
    const response = await post('/probe/rate', { competencyId: 'x', energy: 9, extra: true });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain(PROBLEM_JSON);
    const body = (await response.json()) as { code: string; errors: { field: string }[] };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors.map((error) => error.field).sort()).toEqual([
      'competencyId',
      'energy',
      'extra',
    ]);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const response = await fetch(`${base}/probe/rate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: '{"competencyId": ',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain(PROBLEM_JSON);
  });

  it('maps a domain conflict to 409 with its code and the current state', async () => {
    const response = await post('/probe/conflict', {});
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      code: 'ALREADY_DECIDED',
      currentState: 'approved',
      instance: '/probe/conflict',
    });
  });

  it('maps a lost race on a stream to 409', async () => {
    const response = await post('/probe/race', {});
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      code: 'WRONG_EXPECTED_REVISION',
      expectedRevision: '3',
      actualRevision: '4',
    });
  });

  it("tells who is calling for which tenant, from the bearer token's claims", async () => {
    const response = await post('/probe/whoami', {});
    expect(await response.json()).toEqual({
      tenantId: 'acme',
      userId: 'u-7',
      roles: ['manager', 'hr'],
    });
  });

  it('refuses a route the access policy does not name to everyone, before it runs', async () => {
    const response = await post('/probe/unlisted', {});
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      code: 'FORBIDDEN',
      detail: 'this endpoint is open to no one',
    });
  });

  it('refuses a caller without a token, or whose token names an unknown role', async () => {
    const anonymous = await fetch(`${base}/probe/whoami`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
    const badRole = await fetch(`${base}/probe/whoami`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await mintToken(
          { tenantId: 'acme', userId: 'u-7', roles: ['root'] },
          devSigningKey(devSecret),
        )}`,
      },
    });
    expect(badRole.status).toBe(401);
    expect(await badRole.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('answers an unexpected failure with a 500 that reveals nothing', async () => {
    const response = await post('/probe/crash', {});
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('secret');
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('reports ready when the event store and the bus answer, with its lags', async () => {
    const response = await fetch(`${base}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      service: 'probe',
      info: {
        eventStore: { status: 'up' },
        bus: { status: 'up' },
        lag: { status: 'up', relay: { 'probe.planning': expect.any(Number) } },
      },
    });
  });

  it('answers liveness without a caller', async () => {
    const response = await fetch(`${base}/health/live`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', service: 'probe' });
  });

  it("carries the caller's trace from the request into the event, over the bus into the consumer, and into the log", async () => {
    const traceId = randomUUID().replaceAll('-', '');
    const traceparent = `00-${traceId}-00f067aa0ba902b7-01`;
    const bus = app.get<MessageBus>(MESSAGE_BUS);
    const seen: { event: ReceivedEvent; traceparent: string | undefined }[] = [];
    const consumer = await subscribeToEvents(bus, {
      groupId: `trace-${traceId}`,
      contexts: ['planning'],
      handler: (event) => {
        seen.push({ event, traceparent: currentTraceparent() });
        return Promise.resolve();
      },
    });
    const response = await fetch(`${base}/probe/start-plan`, {
      method: 'POST',
      headers: { traceparent, 'x-request-id': `req-${traceId}`, authorization },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-trace-id')).toBe(traceId);
    expect(response.headers.get('x-request-id')).toBe(`req-${traceId}`);
    const { planId } = (await response.json()) as { planId: string };

    const mine = () =>
      seen.find(({ event }) => (event.data as { planId: string }).planId === planId);
    await eventually('the consumer to receive the plan', () => mine() !== undefined, 10_000);
    await consumer.stop();
    const received = mine();
    // The event was appended in a span of the request's trace (not the caller's own span).
    expect(traceIdOf(received?.event.metadata.traceparent)).toBe(traceId);
    expect(received?.event.metadata.traceparent).not.toBe(traceparent);
    // The consumer works in a span of the same trace.
    expect(traceIdOf(received?.traceparent)).toBe(traceId);
    expect(received?.traceparent).not.toBe(received?.event.metadata.traceparent);
    expect(logLines).toContainEqual(
      expect.objectContaining({
        req_id: `req-${traceId}`,
        trace_id: traceId,
        route: '/probe/start-plan',
        status: 201,
        level: 'info',
      }),
    );
  });

  it('starts a new trace for a request that brings none, and ignores a malformed traceparent', async () => {
    const response = await fetch(`${base}/probe/start-plan`, {
      method: 'POST',
      headers: { traceparent: 'not-a-trace', authorization },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-trace-id')).toMatch(/^[\da-f]{32}$/);
    expect(response.headers.get('x-request-id')).toMatch(/^[\da-f-]{36}$/);
  });

  it('serves Prometheus metrics: request latency by route template, events appended, lags', async () => {
    await fetch(`${base}/probe/start-plan`, { method: 'POST', headers: { authorization } });
    let text = '';
    await eventually(
      'a relay lag of 0',
      async () => {
        text = await (await fetch(`${base}/metrics`)).text();
        return /talentloop_relay_lag_events\{[^}]*relay="probe.planning"[^}]*\} 0\n/.test(text);
      },
      10_000,
    );
    expect(text).toMatch(
      /talentloop_http_request_duration_seconds_count\{[^}]*route="\/probe\/start-plan"[^}]*status_code="201"[^}]*\} [1-9]/,
    );
    expect(text).toMatch(/talentloop_events_appended_total\{[^}]*type="PlanStarted"[^}]*\} [1-9]/);
    expect(text).toContain('service="probe"');
    expect(text).toContain('process_resident_memory_bytes');
    // No path with an id ever becomes a label.
    expect(text).not.toMatch(/route="[^"]*[\da-f]{8}-[\da-f]{4}/);
  });

  it("relays the service's own events from its store to its context topic", async () => {
    const store = app.get<EventStore>(EVENT_STORE);
    const bus = app.get<MessageBus>(MESSAGE_BUS);
    const received: ReceivedEvent[] = [];
    const consumer = await subscribeToEvents(bus, {
      groupId: 'probe-test',
      contexts: ['planning'],
      // Only this test's plan (other tests start plans of their own).
      handler: (event) => {
        if ((event.data as { planId: string }).planId === 'p-1') received.push(event);
        return Promise.resolve();
      },
    });
    const definition = eventRegistry.current('PlanStarted')!;
    await store.appendToStream(
      streamName({ context: 'planning', aggregate: 'plan', tenantId: 'acme', id: 'p-1' }),
      [
        {
          id: randomUUID(),
          type: 'PlanStarted',
          data: { ...(definition.example as object), planId: 'p-1' },
          metadata: {
            tenantId: 'acme',
            actorId: 'user-1',
            occurredAt: '2026-03-02T09:00:00.000Z',
            schemaVersion: definition.version,
          },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    const deadline = Date.now() + 10_000;
    while (received.length === 0 && Date.now() < deadline)
      await new Promise((done) => setTimeout(done, 20));
    await consumer.stop();
    expect(received.map((event) => event.type)).toEqual(['PlanStarted']);
  });

  it('serves its OpenAPI document', async () => {
    const response = await fetch(`${base}/docs/openapi.json`, { headers: { authorization } });
    const document = (await response.json()) as { openapi: string; paths: object };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/health/ready', '/probe/rate']),
    );
  });

  it('documents a body from its validation rules, and the health probes as public', async () => {
    const response = await fetch(`${base}/docs/openapi.json`, { headers: { authorization } });
    const document = (await response.json()) as {
      paths: Record<string, Record<string, { security?: unknown; responses: object }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(document.components.schemas['RateDto']).toEqual({
      type: 'object',
      properties: {
        competencyId: { type: 'string', minLength: 3 },
        energy: { type: 'integer', minimum: 1, maximum: 5 },
      },
      required: ['competencyId', 'energy'],
      additionalProperties: false,
    });
    expect(document.paths['/health/live']?.['get']?.security).toEqual([]);
    expect(Object.keys(document.paths['/probe/rate']?.['post']?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '409', '413', '415', '422']),
    );
  });

  it('answers a method a known path does not take with 405 and what it takes', async () => {
    const response = await fetch(`${base}/probe/rate`, {
      method: 'DELETE',
      headers: { authorization },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(response.headers.get('content-type')).toContain(PROBLEM_JSON);
    expect(await response.json()).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' });
    // An unknown path stays a 404.
    expect(
      (await fetch(`${base}/no-such-path`, { method: 'DELETE', headers: { authorization } }))
        .status,
    ).toBe(404);
  });
});
