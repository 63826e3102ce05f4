import { Injectable } from '@nestjs/common';
import {
  EmployeeNotFound,
  RoleProfileMissing,
  type AssessedEmployee,
  type EmployeeEvent,
  type Reference,
} from '@talentloop/assessment-domain';
import type { Actor, SubjectDirectory } from '@talentloop/http';
import { employeeAssessmentProjection } from '../projections/employee-assessment/employee-assessment.projection';
import { AssessmentStore } from './assessment-store';

/**
 * The query side: an employee's assessment document is built by folding their stream
 * through the employee-assessment projection. The read-models library had no runner yet
 * when this was written; a gap report reads one stream, which the bench shows is fast.
 */
@Injectable()
export class EmployeeReader implements SubjectDirectory {
  constructor(private readonly store: AssessmentStore) {}

  private async employee(tenantId: string, employeeId: string) {
    const events = await this.store.eventsOf<EmployeeEvent>('employee', tenantId, employeeId);
    return events.reduce<AssessedEmployee | undefined>(
      employeeAssessmentProjection.evolve,
      undefined,
    );
  }

  /** For access decisions: the employee's current manager as the last HRIS sync said. */
  async managerOf(tenantId: string, employeeId: string): Promise<string | null | undefined> {
    return (await this.employee(tenantId, employeeId))?.record.managerId;
  }

  /** The employee in the caller's tenant (who may see them is the access guard's decision). */
  async visibleTo(actor: Actor, employeeId: string): Promise<AssessedEmployee> {
    const employee = await this.employee(actor.tenantId, employeeId);
    if (!employee) throw new EmployeeNotFound(employeeId);
    return employee;
  }

  async withReference(
    actor: Actor,
    employeeId: string,
  ): Promise<{ employee: AssessedEmployee; reference: Reference }> {
    const employee = await this.visibleTo(actor, employeeId);
    const reference = await this.store.referenceOf(actor.tenantId, employee);
    if (!reference) throw new RoleProfileMissing(employee.record.roleId);
    return { employee, reference };
  }
}
