import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { employeeDecider, type EmployeeRecord } from '@talentloop/assessment-domain';
import type { Actor } from '@talentloop/service-kit';
import { AssessmentStore } from '../shared/assessment-store';
import { commandContext } from '../shared/request-context';
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
  constructor(private readonly store: AssessmentStore) {}

  /** One stream per employee; unchanged records decide no events, so a re-sync is harmless. */
  async execute({ actor, body, commandId }: SyncPeopleCommand): Promise<SyncOutcome> {
    const changed: string[] = [];
    const reportingLinesChanged: string[] = [];
    const now = new Date();
    for (const employee of body.employees) {
      const record = recordOf(employee);
      const { events } = await this.store.run(
        employeeDecider,
        'employee',
        record.employeeId,
        { type: 'SyncEmployee', data: { record, effectiveAt: now.toISOString() } },
        commandContext(actor, commandId, now),
      );
      if (events.length > 0) changed.push(record.employeeId);
      if (events.some((event) => event.type === 'ReportingLineChanged'))
        reportingLinesChanged.push(record.employeeId);
    }
    return { received: body.employees.length, changed, reportingLinesChanged };
  }
}
