import { type INestApplication, Module } from '@nestjs/common';
import { EmployeeSynced, GoalSubmitted, type TalentloopEvent } from '@talentloop/contracts';
import type { EventStore } from '@talentloop/event-store';
import { createServiceApp, EVENT_STORE, MESSAGE_BUS } from '@talentloop/http';
import { TestClock } from '@talentloop/testing';
import { publishEvents, type MessageBus } from '@talentloop/messaging';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApprovalModule, service } from '../app.module';
import { approvalRequestStream } from '../approval-request.stream';

export interface Caller {
  readonly tenantId?: string;
  readonly userId: string;
  readonly roles?: string;
}

export interface PublishedEvent {
  readonly id: string;
  readonly type: TalentloopEvent['type'];
  readonly data: unknown;
  readonly metadata: { tenantId: string; actorId: string; occurredAt: string; schemaVersion: 1 };
}

export const TENANT = 'acme';

/** The approval service on real SQLite files in a temp folder, driven over HTTP and the bus. */
export class ApprovalTestApp {
  private constructor(
    readonly app: INestApplication,
    readonly base: string,
    readonly clock: TestClock,
    private readonly folder: string,
  ) {}

  static async start(env: NodeJS.ProcessEnv = {}, startAt = '2026-02-02T10:00:00.000Z') {
    const folder = mkdtempSync(join(tmpdir(), 'talentloop-approval-'));
    const clock = new TestClock(new Date(startAt));
    @Module({
      imports: [
        ApprovalModule.register({
          env: {
            EVENT_STORE_SQLITE_PATH: join(folder, 'store.sqlite'),
            EVENT_STORE_SQLITE_SYNCHRONOUS: 'normal',
            BUS_SQLITE_PATH: join(folder, 'bus.sqlite'),
            RELAY_CHECKPOINT_PATH: join(folder, 'relay.sqlite'),
            APPROVAL_OVERDUE_CHECK_INTERVAL_SECONDS: '0',
            ...env,
          },
          clock,
        }),
      ],
    })
    class TestModule {}
    const app = await createServiceApp(TestModule, service, { logger: false });
    await app.listen(0, '127.0.0.1');
    return new ApprovalTestApp(app, await app.getUrl(), clock, folder);
  }

  async stop(): Promise<void> {
    await this.app.close();
    rmSync(this.folder, { recursive: true, force: true });
  }

  get store(): EventStore {
    return this.app.get(EVENT_STORE);
  }

  /** What the other services would have published, as CloudEvents on the bus. */
  async publish(...events: readonly PublishedEvent[]): Promise<void> {
    await publishEvents(this.app.get<MessageBus>(MESSAGE_BUS), events);
  }

  event(type: PublishedEvent['type'], data: unknown, tenantId = TENANT): PublishedEvent {
    return {
      id: randomUUID(),
      type,
      data,
      metadata: {
        tenantId,
        actorId: 'integrator-1',
        occurredAt: this.clock.now().toISOString(),
        schemaVersion: 1,
      },
    };
  }

  request(method: 'GET' | 'POST', path: string, caller: Caller, body?: unknown) {
    return fetch(`${this.base}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        'x-tenant-id': caller.tenantId ?? TENANT,
        'x-user-id': caller.userId,
        'x-roles': caller.roles ?? 'manager',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  async eventTypesOf(requestId: string, tenantId = TENANT): Promise<string[]> {
    const events = await this.store.readStream(approvalRequestStream(tenantId, requestId));
    return events.map((event) => event.type);
  }
}

export const employeeSynced = (employeeId: string, managerId: string | null) => ({
  ...EmployeeSynced.example,
  employeeId,
  externalId: `HR-${employeeId}`,
  managerId,
});

export const goalSubmitted = (
  goalId: string,
  employeeId: string,
  submissionNumber: number,
  managerId?: string,
) => {
  const example = GoalSubmitted.example;
  return {
    goalId,
    planId: example.planId,
    smartChecks: example.smartChecks,
    employeeId,
    submissionNumber,
    ...(managerId === undefined ? {} : { managerId }),
    goal: { ...example.goal, title: `Goal ${goalId} version ${submissionNumber}` },
  };
};

/** Polls until the check passes: the read side follows the store and the bus asynchronously. */
export const eventually = async (check: () => Promise<void>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
};
