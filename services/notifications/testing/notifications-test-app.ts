import { eventRegistry, streamName, type TalentloopEvent } from '@talentloop/contracts';
import { ServiceTestApp, ServiceTestHarness, type Caller } from '@talentloop/testing';
import { randomUUID } from 'node:crypto';
import { NotificationsModule, service } from '../src/app.module';

export type { Caller } from '@talentloop/testing';

export const TENANT = 'acme';

/** An integrator of the default tenant: the role that subscribes a platform. */
export const integrator: Caller = { userId: 'int-hris', roles: 'integrator' };

/**
 * The notifications service on real SQLite files in a temp folder, fed through its event store,
 * allowed to call webhooks on this machine (tests' receivers listen on 127.0.0.1).
 */
export class NotificationsTestApp extends ServiceTestHarness {
  /** `folder` reuses a previous run's files (stop it with `stop(false)` first). */
  static async start(
    env: NodeJS.ProcessEnv = {},
    now = '2026-06-30T12:00:00.000Z',
    folder?: string,
  ): Promise<NotificationsTestApp> {
    const running = await ServiceTestApp.start({
      service,
      module: (moduleEnv, clock) => NotificationsModule.register({ env: moduleEnv, clock }),
      env: {
        NOTIFICATIONS_POLL_MS: '10',
        NOTIFICATIONS_WEBHOOK_ALLOWLIST: '127.0.0.1,localhost',
        NOTIFICATIONS_DELIVERY_TIMEOUT_MS: '2000',
        ...env,
      },
      startAt: now,
      ...(folder === undefined ? {} : { folder }),
      label: 'notifications',
      defaultTenant: TENANT,
      defaultRoles: 'integrator',
    });
    return new NotificationsTestApp(running);
  }

  /**
   * Appends what another service would have recorded, one stream per event, with the
   * published example as the base of the event's data.
   */
  async record(
    type: TalentloopEvent['type'],
    data: Record<string, unknown> = {},
    options: { tenantId?: string } = {},
  ): Promise<{ eventId: string }> {
    const definition = eventRegistry.current(type);
    if (!definition) throw new Error(`unknown event type ${type}`);
    const tenantId = options.tenantId ?? TENANT;
    const eventId = randomUUID();
    await this.store.appendToStream(
      streamName({ context: definition.context, aggregate: 'fixture', tenantId, id: randomUUID() }),
      [
        {
          id: eventId,
          type,
          data: { ...(definition.example as object), ...data },
          metadata: {
            tenantId,
            actorId: 'fixture',
            occurredAt: this.clock.now().toISOString(),
            schemaVersion: definition.version,
          },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    return { eventId };
  }

  async call<Body = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    caller: Caller = integrator,
  ): Promise<{ status: number; body: Body; contentType: string | null }> {
    const response = await this.request(method, path, caller, body);
    const text = await response.text();
    return {
      status: response.status,
      body: (text === '' ? undefined : JSON.parse(text)) as Body,
      contentType: response.headers.get('content-type'),
    };
  }
}
