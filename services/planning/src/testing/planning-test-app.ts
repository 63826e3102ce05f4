import { type INestApplication, Module } from '@nestjs/common';
import {
  CompetencyFrameworkPublished,
  EmployeeSynced,
  GapIdentified,
  GoalApproved,
  GoalRejected,
  Remeasured,
  type TalentloopEvent,
} from '@talentloop/contracts';
import type { EventStore } from '@talentloop/event-store';
import { createServiceApp, EVENT_STORE, MESSAGE_BUS } from '@talentloop/http';
import { TestClock } from '@talentloop/testing';
import { publishEvents, type MessageBus } from '@talentloop/messaging';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlanningModule, service } from '../app.module';

import { PlanningDirectory } from '../projections/planning-directory';

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

/** The planning service on real SQLite files in a temp folder, driven over HTTP and the bus. */
export class PlanningTestApp {
  private constructor(
    readonly app: INestApplication,
    readonly base: string,
    readonly clock: TestClock,
    private readonly folder: string,
  ) {}

  static async start(env: NodeJS.ProcessEnv = {}, startAt = '2026-02-02T10:00:00.000Z') {
    const folder = mkdtempSync(join(tmpdir(), 'talentloop-planning-'));
    const clock = new TestClock(new Date(startAt));
    @Module({
      imports: [
        PlanningModule.register({
          env: {
            EVENT_STORE_SQLITE_PATH: join(folder, 'store.sqlite'),
            EVENT_STORE_SQLITE_SYNCHRONOUS: 'normal',
            BUS_SQLITE_PATH: join(folder, 'bus.sqlite'),
            RELAY_CHECKPOINT_PATH: join(folder, 'relay.sqlite'),
            ...env,
          },
          clock,
        }),
      ],
    })
    class TestModule {}
    const app = await createServiceApp(TestModule, service, { logger: false });
    await app.listen(0, '127.0.0.1');
    return new PlanningTestApp(app, await app.getUrl(), clock, folder);
  }

  async stop(): Promise<void> {
    await this.app.close();
    rmSync(this.folder, { recursive: true, force: true });
  }

  get store(): EventStore {
    return this.app.get(EVENT_STORE);
  }

  get directory(): PlanningDirectory {
    return this.app.get(PlanningDirectory);
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

  request(method: 'GET' | 'POST' | 'PATCH', path: string, caller: Caller, body?: unknown) {
    return fetch(`${this.base}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        'x-tenant-id': caller.tenantId ?? TENANT,
        'x-user-id': caller.userId,
        'x-roles': caller.roles ?? 'employee',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  /** Every event in the store, planning's and any other: what a refused request must not add. */
  async storedEventCount(): Promise<number> {
    return (await this.store.readAll()).length;
  }

  /**
   * What assessment publishes before an employee drafts: the framework, the employee (with
   * their manager) and a gap on Collaboration with active listening as the weak spot.
   */
  async publishAssessmentOf(employeeId: string, managerId: string, gapId: string): Promise<void> {
    await this.publish(
      this.event('CompetencyFrameworkPublished', CompetencyFrameworkPublished.example),
      this.event('EmployeeSynced', { ...EmployeeSynced.example, employeeId, managerId }),
      this.event('GapIdentified', { ...GapIdentified.example, gapId, employeeId }),
    );
  }
}

/** What approval's decisions on a submission share; mgr-1 decides. */
const decisionOn = (goalId: string, employeeId: string, submissionNumber: number) => ({
  requestId: `apr-${goalId}`,
  goalId,
  employeeId,
  submissionNumber,
  decidedBy: 'mgr-1',
});

export const goalApproved = (goalId: string, employeeId: string, submissionNumber: number) => ({
  ...GoalApproved.example,
  ...decisionOn(goalId, employeeId, submissionNumber),
});

export const goalRejected = (goalId: string, employeeId: string, submissionNumber: number) => ({
  ...GoalRejected.example,
  ...decisionOn(goalId, employeeId, submissionNumber),
});

export const remeasured = (employeeId: string) => ({ ...Remeasured.example, employeeId });
