import { Body, Controller, type INestApplication, Module, Post } from '@nestjs/common';
import { DomainError } from '@talentloop/domain-kernel';
import { WrongExpectedRevisionError } from '@talentloop/event-store';
import { IsInt, IsString, Max, Min, MinLength } from 'class-validator';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventRegistry, streamName, type ReceivedEvent } from '@talentloop/contracts';
import type { EventStore } from '@talentloop/event-store';
import { subscribeToEvents, type MessageBus } from '@talentloop/messaging';
import { randomUUID } from 'node:crypto';
import { type Actor, CurrentActor } from './actor';
import { createServiceApp } from './bootstrap';
import { EVENT_STORE, MESSAGE_BUS, PlatformModule } from './platform.module';
import { PROBLEM_JSON } from './problem-details';

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

  @Post('crash')
  crash() {
    throw new Error('secret connection string leaked in a message');
  }
}

describe('the HTTP platform every service shares', () => {
  let app: INestApplication;
  let base: string;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'talentloop-http-'));
    @Module({
      imports: [
        PlatformModule.forService('probe', {
          publishes: 'planning',
          env: {
            EVENT_STORE_SQLITE_PATH: join(folder, 'store.sqlite'),
            BUS_SQLITE_PATH: join(folder, 'bus.sqlite'),
            RELAY_CHECKPOINT_PATH: join(folder, 'relay.sqlite'),
          },
        }),
      ],
      controllers: [ProbeController],
    })
    class ProbeModule {}
    app = await createServiceApp(
      ProbeModule,
      { name: 'probe', title: 'Probe', defaultPort: 0 },
      { logger: false },
    );
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
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
      headers: { 'content-type': 'application/json' },
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

  it('tells who is calling for which tenant', async () => {
    const response = await fetch(`${base}/probe/whoami`, {
      method: 'POST',
      headers: { 'x-tenant-id': 'acme', 'x-user-id': 'u-7', 'x-roles': 'manager, hr' },
    });
    expect(await response.json()).toEqual({
      tenantId: 'acme',
      userId: 'u-7',
      roles: ['manager', 'hr'],
    });
  });

  it('refuses a caller without tenant or with an unknown role', async () => {
    const anonymous = await post('/probe/whoami', {});
    expect(anonymous.status).toBe(401);
    const badRole = await fetch(`${base}/probe/whoami`, {
      method: 'POST',
      headers: { 'x-tenant-id': 'acme', 'x-user-id': 'u-7', 'x-roles': 'root' },
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

  it('reports ready when the event store answers', async () => {
    const response = await fetch(`${base}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ checks: { eventStore: 'up' } });
  });

  it("relays the service's own events from its store to its context topic", async () => {
    const store = app.get<EventStore>(EVENT_STORE);
    const bus = app.get<MessageBus>(MESSAGE_BUS);
    const received: ReceivedEvent[] = [];
    const consumer = await subscribeToEvents(bus, {
      groupId: 'probe-test',
      contexts: ['planning'],
      handler: (event) => {
        received.push(event);
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
          data: definition.example,
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
    const response = await fetch(`${base}/docs/openapi.json`);
    const document = (await response.json()) as { openapi: string; paths: object };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/health/ready', '/probe/rate']),
    );
  });
});
