import { Module } from '@nestjs/common';
import { eventRegistry } from '@talentloop/contracts';
import type { EventStore, EventToAppend } from '@talentloop/event-store';
import { PlatformModule, serviceImports } from '@talentloop/service-kit';
import { exampleEvent, ServiceTestApp, ServiceTestHarness } from '@talentloop/testing';
import { ReplayModule } from '../src/replay/replay.module';

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

@Module({})
class ReplayOnlyModule {}

/** The analytics platform with only the replay module, on SQLite files in a temp folder. */
export class ReplayTestApp extends ServiceTestHarness {
  static async start(): Promise<ReplayTestApp> {
    return new ReplayTestApp(
      await ServiceTestApp.start({
        service: { name: 'analytics', title: 'Analytics service', defaultPort: 0 },
        label: 'replay',
        module: (env) => ({
          module: ReplayOnlyModule,
          imports: [
            ...serviceImports,
            PlatformModule.forService('analytics', { env }),
            ReplayModule,
          ],
        }),
      }),
    );
  }

  async replay(
    query: string,
    caller: { tenantId: string; roles?: string },
    headers: Record<string, string> = {},
    signal?: AbortSignal,
  ): Promise<Response> {
    const token = await this.token({
      tenantId: caller.tenantId,
      userId: 'integrator-1',
      roles: caller.roles ?? 'integrator',
    });
    return fetch(`${this.base}/replay/events${query}`, {
      headers: { authorization: `Bearer ${token}`, ...headers },
      ...(signal ? { signal } : {}),
    });
  }
}
