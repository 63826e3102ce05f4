import { type DynamicModule, type INestApplication, Module } from '@nestjs/common';
import { eventRegistry, type TalentloopEvent } from '@talentloop/contracts';
import type { EventStore } from '@talentloop/event-store';
import {
  createServiceApp,
  devSigningKey,
  EVENT_STORE,
  MESSAGE_BUS,
  mintToken,
  type ServiceDescription,
} from '@talentloop/service-kit';
import { publishEvents, type MessageBus } from '@talentloop/messaging';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestClock } from '../test-clock';

/** Who calls a service in a test: the claims of the bearer token the request carries. */
export interface Caller {
  readonly tenantId?: string;
  readonly userId: string;
  /** Comma-separated, e.g. `employee,manager`. */
  readonly roles?: string;
}

/** An event as another service would have published it, CloudEvent-shaped for the bus. */
export interface PublishedEvent {
  readonly id: string;
  readonly type: TalentloopEvent['type'];
  readonly data: unknown;
  readonly metadata: {
    tenantId: string;
    actorId: string;
    occurredAt: string;
    schemaVersion: number;
    traceparent?: string;
  };
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ServiceTestAppOptions {
  readonly service: ServiceDescription;
  /** The service's module for this env and clock, e.g. `(env, clock) => PlanningModule.register({ env, clock })`. */
  readonly module: (env: NodeJS.ProcessEnv, clock: TestClock) => DynamicModule;
  /** Added to (and overriding) the default env, which puts every SQLite file in the folder. */
  readonly env?: NodeJS.ProcessEnv;
  /** When the test clock starts; an ISO timestamp. */
  readonly startAt?: string;
  /** An existing folder to run in (a restart reuses the previous run's files); else a new temp one. */
  readonly folder?: string;
  /** Names the temp folder: `talentloop-<label>-…`. */
  readonly label: string;
  /** The tenant when a caller names none. */
  readonly defaultTenant?: string;
  /** The roles when a caller names none. */
  readonly defaultRoles?: string;
}

export const DEFAULT_TEST_START = '2026-02-02T10:00:00.000Z';

/**
 * Rate limits out of the way (ten million a minute): suites, demos and benchmarks drive a
 * service as a few callers, one of them (HR) seeding thousands of drafts within seconds, which
 * is what the limits exist to stop. The limits' own tests set them low where they need them.
 */
export const unthrottledEnv = (): NodeJS.ProcessEnv => ({
  HTTP_RATE_LIMIT_PER_MINUTE: '10000000',
  PLANNING_DRAFT_RATE_LIMIT_PER_MINUTE: '10000000',
});

/**
 * Every SQLite file a service may open, in the folder; the store writes with synchronous=normal;
 * no rate limit in the way.
 */
export const serviceTestEnv = (folder: string): NodeJS.ProcessEnv => ({
  EVENT_STORE_SQLITE_PATH: join(folder, 'store.sqlite'),
  EVENT_STORE_SQLITE_SYNCHRONOUS: 'normal',
  BUS_SQLITE_PATH: join(folder, 'bus.sqlite'),
  READ_MODELS_SQLITE_PATH: join(folder, 'read-models.sqlite'),
  ...unthrottledEnv(),
});

/** A new development secret (AUTH_MODE=development): HS256 tokens signed with it are accepted. */
export const randomDevSecret = (): string => randomBytes(32).toString('base64url');

/**
 * A service on real SQLite files in a temp folder, listening on a free port, driven over HTTP
 * with development bearer tokens (HS256, a random secret per app).
 */
export class ServiceTestApp {
  private constructor(
    readonly app: INestApplication,
    readonly base: string,
    readonly clock: TestClock,
    readonly folder: string,
    private readonly defaults: { readonly tenantId: string; readonly roles: string },
    private readonly devSecret: string,
  ) {}

  static async start(options: ServiceTestAppOptions): Promise<ServiceTestApp> {
    const folder = options.folder ?? mkdtempSync(join(tmpdir(), `talentloop-${options.label}-`));
    const clock = new TestClock(new Date(options.startAt ?? DEFAULT_TEST_START));
    const devSecret = randomDevSecret();
    const env = {
      ...serviceTestEnv(folder),
      AUTH_MODE: 'development',
      AUTH_DEV_SECRET: devSecret,
      ...options.env,
    };
    @Module({ imports: [options.module(env, clock)] })
    class TestModule {}
    let app: INestApplication | undefined;
    try {
      app = await createServiceApp(TestModule, options.service, { logger: false });
      await app.listen(0, '127.0.0.1');
      return new ServiceTestApp(
        app,
        await app.getUrl(),
        clock,
        folder,
        {
          tenantId: options.defaultTenant ?? 'acme',
          roles: options.defaultRoles ?? 'employee',
        },
        devSecret,
      );
    } catch (error) {
      await app?.close();
      if (options.folder === undefined) rmSync(folder, { recursive: true, force: true });
      throw error;
    }
  }

  get store(): EventStore {
    return this.app.get(EVENT_STORE);
  }

  /** A bearer token the app accepts for the caller (default tenant and roles where it names none). */
  token(caller: Caller): Promise<string> {
    return mintToken(
      {
        tenantId: caller.tenantId ?? this.defaults.tenantId,
        userId: caller.userId,
        roles: (caller.roles ?? this.defaults.roles).split(',').map((role) => role.trim()),
      },
      devSigningKey(this.devSecret),
    );
  }

  /**
   * A JSON request as the caller, with its bearer token, from a client that reads English
   * (without Accept-Language the answer would be in the caller's own language).
   */
  async request(
    method: HttpMethod,
    path: string,
    caller: Caller,
    body?: unknown,
  ): Promise<Response> {
    return this.requestWithHeaders(
      method,
      path,
      { authorization: `Bearer ${await this.token(caller)}`, 'accept-language': 'en' },
      body,
    );
  }

  /** A JSON request with exactly these headers (and no token unless they carry one). */
  requestWithHeaders(
    method: HttpMethod,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ): Promise<Response> {
    return fetch(`${this.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  /** An event another service would have published now, for `publish`. */
  event(
    type: PublishedEvent['type'],
    data: unknown,
    tenantId = this.defaults.tenantId,
  ): PublishedEvent {
    return {
      id: randomUUID(),
      type,
      data,
      metadata: {
        tenantId,
        actorId: 'integrator-1',
        occurredAt: this.clock.now().toISOString(),
        // The version a producer writes today: data shaped as the current schema.
        schemaVersion: eventRegistry.current(type)?.version ?? 1,
      },
    };
  }

  /** What the other services would have published, as CloudEvents on the service's bus. */
  async publish(...events: readonly PublishedEvent[]): Promise<void> {
    await publishEvents(this.app.get<MessageBus>(MESSAGE_BUS), events);
  }

  /** Closes the app; the folder goes too unless `remove` is false (a restart reuses it). */
  async stop(remove = true): Promise<void> {
    await this.app.close();
    if (remove) rmSync(this.folder, { recursive: true, force: true });
  }
}

/**
 * The base of a service's own test harness: it offers what every service shares by forwarding to
 * the started app, and adds that service's helpers and its own static `start`.
 */
export abstract class ServiceTestHarness {
  protected constructor(protected readonly running: ServiceTestApp) {}

  get app(): INestApplication {
    return this.running.app;
  }

  get base(): string {
    return this.running.base;
  }

  get clock(): TestClock {
    return this.running.clock;
  }

  get folder(): string {
    return this.running.folder;
  }

  get store(): EventStore {
    return this.running.store;
  }

  request(method: HttpMethod, path: string, caller: Caller, body?: unknown): Promise<Response> {
    return this.running.request(method, path, caller, body);
  }

  /** A JSON request with exactly these headers (and no token unless they carry one). */
  requestWithHeaders(
    ...request: Parameters<ServiceTestApp['requestWithHeaders']>
  ): Promise<Response> {
    return this.running.requestWithHeaders(...request);
  }

  /** A bearer token the app accepts for the caller. */
  token(caller: Caller): Promise<string> {
    return this.running.token(caller);
  }

  /** An event another service would have published now, for `publish`. */
  event(type: PublishedEvent['type'], data: unknown, tenantId?: string): PublishedEvent {
    return this.running.event(type, data, tenantId);
  }

  /** What the other services would have published, as CloudEvents on the service's bus. */
  publish(...events: readonly PublishedEvent[]): Promise<void> {
    return this.running.publish(...events);
  }

  /** Closes the app; the folder goes too unless `remove` is false (a restart reuses it). */
  stop(remove = true): Promise<void> {
    return this.running.stop(remove);
  }
}
