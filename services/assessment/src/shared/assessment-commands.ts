import { Injectable } from '@nestjs/common';
import {
  employeeDecider,
  frameworkDecider,
  latestVersion,
  roleProfileDecider,
  type DefineRoleProfile,
  type EmployeeCommand,
  type EmployeeState,
  type FrameworkVersion,
  type PublishFramework,
  type Reference,
  type RoleProfileState,
} from '@talentloop/assessment-domain';
import type { CommandContext } from '@talentloop/event-store';
import {
  callerOf,
  DeciderCommand,
  type Actor,
  type DomainCommandOf,
} from '@talentloop/service-kit';
import { AssessmentStore, assessmentStream } from './assessment-store';

/*
 * Decider commands on assessment's streams, for the CommandBus: the platform's one handler reads
 * the stream, folds, decides and appends, at the service clock's time. `commandId` is the
 * request's (`@RequestCommandId()`) or one derived from content, so a retry is the same command;
 * fresh when absent, for commands whose unchanged repeat the decider turns into no event.
 */

/** The next version of a framework. */
export const onFramework = (
  actor: Actor,
  frameworkId: string,
  command: PublishFramework,
  commandId?: string,
) =>
  new DeciderCommand(
    frameworkDecider,
    assessmentStream('framework', actor.tenantId, frameworkId),
    command,
    callerOf(actor, commandId),
  );

/** A command on the employee's stream that carries all it needs (a sync's record, an import's row). */
export const employeeCommand = (
  actor: Actor,
  employeeId: string,
  command: DomainCommandOf<EmployeeCommand, EmployeeState>,
  commandId?: string,
) =>
  new DeciderCommand(
    employeeDecider,
    assessmentStream('employee', actor.tenantId, employeeId),
    command,
    callerOf(actor, commandId),
  );

/** Commands that rest on what other streams say, read while the command runs. */
@Injectable()
export class AssessmentCommands {
  constructor(private readonly store: AssessmentStore) {}

  /** On the role profile's stream, built against the latest published version of the framework. */
  onRoleProfile(
    actor: Actor,
    roleId: string,
    frameworkId: string,
    build: (
      state: RoleProfileState,
      framework: FrameworkVersion | undefined,
      context: CommandContext,
    ) => DefineRoleProfile,
    commandId?: string,
  ) {
    return new DeciderCommand(
      roleProfileDecider,
      assessmentStream('roleProfile', actor.tenantId, roleId),
      async (state: RoleProfileState, context) =>
        build(
          state,
          latestVersion(await this.store.framework(actor.tenantId, frameworkId)),
          context,
        ),
      callerOf(actor, commandId),
    );
  }

  /**
   * On the employee's stream, built with the reference the folded employee resolves to (their
   * role profile and the framework version it was defined against).
   */
  onEmployee(
    actor: Actor,
    employeeId: string,
    build: (
      state: EmployeeState,
      reference: Reference | undefined,
      context: CommandContext,
    ) => EmployeeCommand,
    commandId?: string,
  ) {
    return employeeCommand(
      actor,
      employeeId,
      async (state, context) =>
        build(state, await this.store.referenceOf(actor.tenantId, state), context),
      commandId,
    );
  }
}
