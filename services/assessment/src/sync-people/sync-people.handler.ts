import { Inject } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EmployeeRecord } from '@talentloop/assessment-domain';
import { CLOCK, type Actor, type Clock } from '@talentloop/service-kit';
import { employeeCommand } from '../shared/assessment-commands';
import type { HrisEmployeeDto, SyncPeopleDto } from './sync-people.dto';

export interface SyncOutcome {
  readonly received: number;
  /** Employees whose record changed (new ones included); the rest were already up to date. */
  readonly changed: readonly string[];
  readonly reportingLinesChanged: readonly string[];
}

export class SyncPeopleCommand extends Command<SyncOutcome> {
  constructor(
    readonly actor: Actor,
    readonly body: SyncPeopleDto,
    /** From the request's Idempotency-Key: a replay reports what the first run changed. */
    readonly commandId: string,
  ) {
    super();
  }
}

/** The HRIS id is the employee id, so a manager can be named before their own record arrives. */
const recordOf = (employee: HrisEmployeeDto): EmployeeRecord => ({
  employeeId: employee.externalId,
  externalId: employee.externalId,
  displayName: employee.displayName,
  email: employee.email,
  roleId: employee.roleId,
  departmentId: employee.departmentId,
  departmentName: employee.departmentName,
  managerId: employee.managerExternalId ?? null,
  preferredLanguage: employee.preferredLanguage,
  employmentStatus: employee.employmentStatus,
});

@CommandHandler(SyncPeopleCommand)
export class SyncPeopleHandler implements ICommandHandler<SyncPeopleCommand> {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * One decider command per employee, on their stream; unchanged records decide no events, so a
   * re-sync is harmless. A sync is one snapshot of the HRIS: every change in it takes effect at
   * the same time.
   */
  async execute({ actor, body, commandId }: SyncPeopleCommand): Promise<SyncOutcome> {
    const changed: string[] = [];
    const reportingLinesChanged: string[] = [];
    const effectiveAt = this.clock.now().toISOString();
    for (const employee of body.employees) {
      const record = recordOf(employee);
      const { events } = await this.commands.execute(
        employeeCommand(
          actor,
          record.employeeId,
          { type: 'SyncEmployee', data: { record, effectiveAt } },
          commandId,
        ),
      );
      if (events.length > 0) changed.push(record.employeeId);
      if (events.some((event) => event.type === 'ReportingLineChanged'))
        reportingLinesChanged.push(record.employeeId);
    }
    return { received: body.employees.length, changed, reportingLinesChanged };
  }
}
