import { eventRegistry, streamName, type TalentloopEvent } from '@talentloop/contracts';
import { ServiceTestApp, ServiceTestHarness, type Caller } from '@talentloop/testing';
import { randomUUID } from 'node:crypto';
import { AnalyticsModule, service } from '../src/app.module';
import { FactsView } from '../src/projections/facts-view';

export type { Caller } from '@talentloop/testing';

export const TENANT = 'acme';

type EventType = TalentloopEvent['type'];

/** The analytics service on real SQLite files in a temp folder, fed through its event store. */
export class AnalyticsTestApp extends ServiceTestHarness {
  private lastPosition = 0n;

  /** `folder` reuses a previous run's files (stop it with `stop(false)` first). */
  static async start(
    env: NodeJS.ProcessEnv = {},
    now = '2026-06-30T12:00:00.000Z',
    folder?: string,
  ): Promise<AnalyticsTestApp> {
    const running = await ServiceTestApp.start({
      service,
      module: (moduleEnv, clock) => AnalyticsModule.register({ env: moduleEnv, clock }),
      env: { ANALYTICS_PROJECTION_POLL_MS: '10', ...env },
      startAt: now,
      ...(folder === undefined ? {} : { folder }),
      label: 'analytics',
      defaultTenant: TENANT,
      defaultRoles: 'employee',
    });
    const started = new AnalyticsTestApp(running);
    try {
      await started.view.ready;
    } catch (error) {
      await started.stop(folder === undefined);
      throw error;
    }
    return started;
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
    const response = await this.request('GET', path, caller);
    return {
      status: response.status,
      body: (await response.json()) as Body,
      contentType: response.headers.get('content-type'),
    };
  }
}
