import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type INestApplication, Module } from '@nestjs/common';
import { eventRegistry } from '@talentloop/contracts';
import type { EventStore, EventToAppend } from '@talentloop/event-store';
import { createServiceApp, EVENT_STORE, PlatformModule, serviceImports } from '@talentloop/http';
import { exampleEvent } from '@talentloop/testing';
import { ReplayModule } from '../replay.module';

const streamOf = (type: string, tenantId: string, n: number): string => {
  const definition = eventRegistry.current(type);
  return `${definition?.context ?? 'planning'}.replaytest-${tenantId}.s${n % 3}`;
};

/** A mixed history of several tenants, interleaved; returns what was appended, in order. */
export const appendMixedHistory = async (
  store: EventStore,
  tenants: readonly string[],
  rounds: number,
  types: readonly string[] = ['GoalSubmitted', 'CheckInLogged', 'GoalApproved'],
): Promise<EventToAppend[]> => {
  const appended: EventToAppend[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const tenantId of tenants) {
      const type = types[round % types.length];
      const event = exampleEvent(type, tenantId);
      await store.appendToStream(streamOf(type, tenantId, round), [event], {
        expectedRevision: 'any',
      });
      appended.push(event);
    }
  }
  return appended;
};

/** The analytics platform with only the replay module, on SQLite files in a temp folder. */
export class ReplayTestApp {
  private constructor(
    readonly app: INestApplication,
    readonly base: string,
    readonly folder: string,
  ) {}

  static async start(): Promise<ReplayTestApp> {
    const folder = mkdtempSync(join(tmpdir(), 'talentloop-replay-'));
    @Module({
      imports: [
        ...serviceImports,
        PlatformModule.forService('analytics', {
          env: {
            EVENT_STORE_SQLITE_PATH: join(folder, 'store.sqlite'),
            EVENT_STORE_SQLITE_SYNCHRONOUS: 'normal',
            BUS_SQLITE_PATH: join(folder, 'bus.sqlite'),
          },
        }),
        ReplayModule,
      ],
    })
    class TestModule {}
    const app = await createServiceApp(
      TestModule,
      { name: 'analytics', title: 'Analytics service', defaultPort: 0 },
      { logger: false },
    );
    await app.listen(0, '127.0.0.1');
    return new ReplayTestApp(app, await app.getUrl(), folder);
  }

  get store(): EventStore {
    return this.app.get(EVENT_STORE);
  }

  get storePath(): string {
    return join(this.folder, 'store.sqlite');
  }

  async stop(): Promise<void> {
    await this.app.close();
    rmSync(this.folder, { recursive: true, force: true });
  }

  replay(
    query: string,
    caller: { tenantId: string; roles?: string },
    headers: Record<string, string> = {},
    signal?: AbortSignal,
  ): Promise<Response> {
    return fetch(`${this.base}/replay/events${query}`, {
      headers: {
        'x-tenant-id': caller.tenantId,
        'x-user-id': 'integrator-1',
        'x-roles': caller.roles ?? 'integrator',
        ...headers,
      },
      ...(signal ? { signal } : {}),
    });
  }
}
