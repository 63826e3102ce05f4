import { Inject, Injectable } from '@nestjs/common';
import {
  EmployeeNotFound,
  RoleProfileMissing,
  type AssessedEmployee,
  type Reference,
} from '@talentloop/assessment-domain';
import {
  PERSONAL_DATA_CIPHER,
  ServiceLoops,
  type Actor,
  type AccessFacts,
} from '@talentloop/service-kit';
import type { PersonalDataCipher } from '@talentloop/privacy';
import type { ReadSide } from '@talentloop/read-models';
import {
  assessedEmployeeOrigins,
  employeeAssessmentId,
  employeeAssessmentProjection,
} from '../projections/employee-assessment/employee-assessment.projection';
import { AssessmentStore } from './assessment-store';

/**
 * The query side: each employee's assessment document, durable in the read-model store and
 * fed from the employee streams (ADR 0008). A query waits until the document includes every
 * assessment event stored before it, so an answer right after a write shows that write.
 */
@Injectable()
export class EmployeeReader implements AccessFacts {
  readonly readSide: ReadSide;

  constructor(
    private readonly store: AssessmentStore,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: PersonalDataCipher,
    loops: ServiceLoops,
  ) {
    this.readSide = loops.readSide({ name: 'assessment', own: [employeeAssessmentProjection] });
  }

  /** The stored document, personal fields sealed. */
  private async document(tenantId: string, employeeId: string) {
    await this.readSide.freshWithStore();
    return this.readSide.reader.get<AssessedEmployee>(
      employeeAssessmentProjection.name,
      employeeAssessmentId(tenantId, employeeId),
    );
  }

  /** For access decisions: the employee's current manager as the last HRIS sync said. */
  async managerOf(tenantId: string, employeeId: string): Promise<string | null | undefined> {
    return (await this.document(tenantId, employeeId))?.record.managerId;
  }

  /** The employee in the caller's tenant (who may see them is the access guard's decision). */
  async visibleTo(actor: Actor, employeeId: string): Promise<AssessedEmployee> {
    const employee = await this.document(actor.tenantId, employeeId);
    if (!employee) throw new EmployeeNotFound(employeeId);
    return this.cipher.openFields(
      { tenantId: actor.tenantId, subjectId: employeeId },
      employee,
      assessedEmployeeOrigins,
    );
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
