import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  EmployeeNotFound,
  RoleProfileMissing,
  type AssessedEmployee,
  type Reference,
} from '@talentloop/assessment-domain';
import type { EventStore } from '@talentloop/event-store';
import {
  EVENT_STORE,
  MESSAGE_BUS,
  PERSONAL_DATA_CIPHER,
  READ_MODEL_STORE,
  SUPERVISOR,
  type Supervisor,
  type Actor,
  type SubjectDirectory,
} from '@talentloop/http';
import type { MessageBus } from '@talentloop/messaging';
import { sealedBusOf, sealedStoreOf, type PersonalDataCipher } from '@talentloop/privacy';
import { ReadSide, superviseReadSide, type ReadModelStore } from '@talentloop/read-models';
import {
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
export class EmployeeReader implements OnApplicationBootstrap, SubjectDirectory {
  readonly readSide: ReadSide;

  constructor(
    private readonly store: AssessmentStore,
    @Inject(EVENT_STORE) eventStore: EventStore,
    @Inject(MESSAGE_BUS) bus: MessageBus,
    @Inject(READ_MODEL_STORE) readModels: ReadModelStore,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: PersonalDataCipher,
    @Inject(SUPERVISOR) private readonly supervisor: Supervisor,
  ) {
    this.readSide = new ReadSide({
      name: 'assessment',
      eventStore: sealedStoreOf(eventStore),
      bus: sealedBusOf(bus),
      readModels,
      own: [employeeAssessmentProjection],
    });
  }

  onApplicationBootstrap(): void {
    superviseReadSide(this.supervisor, this.readSide);
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
    return this.cipher.openFields({ tenantId: actor.tenantId, subjectId: employeeId }, employee);
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
