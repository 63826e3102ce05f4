import { Inject, Injectable } from '@nestjs/common';
import {
  employeeDecider,
  frameworkDecider,
  roleProfileDecider,
  type EmployeeState,
  type FrameworkState,
  type Reference,
  type RoleProfileState,
} from '@talentloop/assessment-domain';
import { streamName, type EventMetadata } from '@talentloop/contracts';
import { fold, type Decider, type DomainEvent } from '@talentloop/domain-kernel';
import type { EventStore } from '@talentloop/event-store';
import { EVENT_STORE } from '@talentloop/service-kit';

type Aggregate = 'framework' | 'roleProfile' | 'employee';

export const assessmentStream = (aggregate: Aggregate, tenantId: string, id: string): string =>
  streamName({ context: 'assessment', aggregate, tenantId, id });

/**
 * The assessment streams of one tenant: one per framework, role profile and employee.
 * Everything about one employee (sync, measurements, rounds, motivation, gaps, comparisons)
 * sits on the employee's stream, so a gap analysis reads one stream plus two small ones.
 * Read here; written by decider commands (assessment-commands.ts) on the CommandBus.
 */
@Injectable()
export class AssessmentStore {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** A stream's events as the domain and projections see them (upcast by the store). */
  async eventsOf<Event extends DomainEvent>(
    aggregate: Aggregate,
    tenantId: string,
    id: string,
  ): Promise<(Event & { readonly metadata: EventMetadata })[]> {
    const recorded = await this.store.readStream(assessmentStream(aggregate, tenantId, id));
    return recorded.map(
      ({ type, data, metadata }) =>
        ({ type, data, metadata }) as Event & { metadata: EventMetadata },
    );
  }

  private async stateOf<Command, Event extends DomainEvent, State>(
    decider: Decider<Command, Event, State>,
    aggregate: Aggregate,
    tenantId: string,
    id: string,
  ): Promise<State> {
    return fold(decider, await this.eventsOf<Event>(aggregate, tenantId, id));
  }

  framework(tenantId: string, frameworkId: string): Promise<FrameworkState> {
    return this.stateOf(frameworkDecider, 'framework', tenantId, frameworkId);
  }

  roleProfile(tenantId: string, roleId: string): Promise<RoleProfileState> {
    return this.stateOf(roleProfileDecider, 'roleProfile', tenantId, roleId);
  }

  employee(tenantId: string, employeeId: string): Promise<EmployeeState> {
    return this.stateOf(employeeDecider, 'employee', tenantId, employeeId);
  }

  /** The employee's role profile and the framework version it was defined against. */
  async referenceOf(tenantId: string, employee: EmployeeState): Promise<Reference | undefined> {
    if (employee.status === 'unknown') return undefined;
    const role = await this.roleProfile(tenantId, employee.record.roleId);
    if (role.status === 'undefined') return undefined;
    const framework = await this.framework(tenantId, role.profile.frameworkId);
    const version =
      framework.status === 'published'
        ? framework.versions.find((v) => v.frameworkVersion === role.profile.frameworkVersion)
        : undefined;
    return version && { role: role.profile, framework: version };
  }
}
