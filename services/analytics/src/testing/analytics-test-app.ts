import { type INestApplication, Module } from '@nestjs/common';
import { eventRegistry, streamName, type TalentloopEvent } from '@talentloop/contracts';
import type { EventStore } from '@talentloop/event-store';
import { createServiceApp, EVENT_STORE } from '@talentloop/http';
import { TestClock } from '@talentloop/testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalyticsModule, service } from '../app.module';
import { FactsView } from '../projections/facts-view';

export interface Caller {
  readonly tenantId?: string;
  readonly userId: string;
  readonly roles?: string;
}

export const TENANT = 'acme';

type EventType = TalentloopEvent['type'];

/** The analytics service on real SQLite files in a temp folder, fed through its event store. */
export class AnalyticsTestApp {
  private lastPosition = 0n;

  private constructor(
    readonly app: INestApplication,
    readonly base: string,
    readonly clock: TestClock,
    readonly folder: string,
  ) {}

  static async start(
    env: NodeJS.ProcessEnv = {},
    now = '2026-06-30T12:00:00.000Z',
    folder = mkdtempSync(join(tmpdir(), 'talentloop-analytics-')),
  ): Promise<AnalyticsTestApp> {
    const clock = new TestClock(new Date(now));
    @Module({
      imports: [
        AnalyticsModule.register({
          env: {
            EVENT_STORE_SQLITE_PATH: join(folder, 'store.sqlite'),
            EVENT_STORE_SQLITE_SYNCHRONOUS: 'normal',
            READ_MODELS_SQLITE_PATH: join(folder, 'read-models.sqlite'),
            RELAY_CHECKPOINT_PATH: join(folder, 'relay.sqlite'),
            BUS_SQLITE_PATH: join(folder, 'bus.sqlite'),
            ANALYTICS_PROJECTION_POLL_MS: '10',
            ...env,
          },
          clock,
        }),
      ],
    })
    class TestModule {}
    const app = await createServiceApp(TestModule, service, { logger: false });
    await app.listen(0, '127.0.0.1');
    const started = new AnalyticsTestApp(app, await app.getUrl(), clock, folder);
    await started.view.ready;
    return started;
  }

  /** Closes the app; the folder stays unless `remove` (a restart reuses it). */
  async stop(remove = true): Promise<void> {
    await this.app.close();
    if (remove) rmSync(this.folder, { recursive: true, force: true });
  }

  get store(): EventStore {
    return this.app.get(EVENT_STORE);
  }

  get view(): FactsView {
    return this.app.get(FactsView);
  }

  /**
   * Appends what the other services would have recorded, one stream per event, with the
   * published example as the base of every event's data.
   */
  async record(
    type: EventType,
    data: Record<string, unknown>,
    options: { tenantId?: string; at?: string } = {},
  ): Promise<void> {
    const definition = eventRegistry.current(type);
    if (!definition) throw new Error(`unknown event type ${type}`);
    const tenantId = options.tenantId ?? TENANT;
    const { lastGlobalPosition } = await this.store.appendToStream(
      streamName({ context: definition.context, aggregate: 'fixture', tenantId, id: randomUUID() }),
      [
        {
          id: randomUUID(),
          type,
          data: { ...(definition.example as object), ...data },
          metadata: {
            tenantId,
            actorId: 'fixture',
            occurredAt: options.at ?? this.clock.now().toISOString(),
            schemaVersion: definition.version,
          },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    this.lastPosition = lastGlobalPosition;
  }

  /** Waits until the view includes everything recorded so far. */
  async caughtUp(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    await this.view.ready;
    while (BigInt(this.view.asOf) < this.lastPosition) {
      if (Date.now() > deadline) throw new Error(`analytics did not reach ${this.lastPosition}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async get<Body = Record<string, unknown>>(
    path: string,
    caller: Caller,
  ): Promise<{ status: number; body: Body; contentType: string | null }> {
    const response = await fetch(`${this.base}${path}`, {
      headers: {
        'x-tenant-id': caller.tenantId ?? TENANT,
        'x-user-id': caller.userId,
        'x-roles': caller.roles ?? 'employee',
      },
    });
    return {
      status: response.status,
      body: (await response.json()) as Body,
      contentType: response.headers.get('content-type'),
    };
  }
}
