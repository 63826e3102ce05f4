import { Injectable } from '@nestjs/common';
import {
  EmployeeNotFound,
  RoleProfileMissing,
  type AssessedEmployee,
  type EmployeeEvent,
  type Reference,
} from '@talentloop/assessment-domain';
import type { Actor } from '@talentloop/http';
import { employeeAssessmentProjection } from '../projections/employee-assessment/employee-assessment.projection';
import { AssessmentStore } from './assessment-store';
import { requireSelfManagerOrHr } from './request-context';

/**
 * The query side: an employee's assessment document is built by folding their stream
 * through the employee-assessment projection. The read-models library had no runner yet
 * when this was written; a gap report reads one stream, which the bench shows is fast.
 */
@Injectable()
export class EmployeeReader {
  constructor(private readonly store: AssessmentStore) {}

  /** The employee as the caller may see them: themself, their current manager, or HR. */
  async visibleTo(actor: Actor, employeeId: string): Promise<AssessedEmployee> {
    const events = await this.store.eventsOf<EmployeeEvent>('employee', actor.tenantId, employeeId);
    const employee = events.reduce<AssessedEmployee | undefined>(
      employeeAssessmentProjection.evolve,
      undefined,
    );
    if (!employee) {
      requireSelfManagerOrHr(actor, employeeId, undefined);
      throw new EmployeeNotFound(employeeId);
    }
    requireSelfManagerOrHr(actor, employeeId, employee.record.managerId);
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
