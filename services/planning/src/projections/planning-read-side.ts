import type { Language } from '@talentloop/i18n';
import { Inject, Injectable } from '@nestjs/common';
import {
  ERASED,
  SEALED_PREFIX,
  type CheckInLogged,
  type CriterionEvidenceRecorded,
  type GapIdentified,
  type GoalDrafted,
  type PlanningEvent,
} from '@talentloop/contracts';
import type { RecordedEvent } from '@talentloop/event-store';
import type { EventStore } from '@talentloop/event-store';
import {
  EVENT_STORE,
  PERSONAL_DATA_CIPHER,
  ServiceLoops,
  type Subject,
  type AccessFacts,
} from '@talentloop/service-kit';
import { consumerGroups } from '@talentloop/messaging';
import {
  changesSinceDraft,
  checkInLengthNote,
  goalDecider,
  planDecider,
  type PlanState,
  unpairedFormalLearning,
  type CheckInLengthNote,
  type GoalStanding,
  type GoalRecord,
  type GoalStatus,
  evaluationReadiness,
  remeasurementDue,
  remeasurementHorizon,
  type RemeasurementDue,
} from '@talentloop/planning-domain';
import type { PersonalDataCipher } from '@talentloop/privacy';
import type { ReadSide } from '@talentloop/read-models';
import { goalStream, planStream } from '../shared/planning.streams';
import {
  competenciesProjection,
  competencyId,
  displayNameOrigin,
  gapId,
  gapsProjection,
  goalsProjection,
  measurementId,
  measurementsProjection,
  motivationNoteOrigin,
  peopleProjection,
  personId,
  plansProjection,
  rejectionFeedbackOrigin,
  rejectionId,
  rejectionsProjection,
  roleProfileId,
  roleProfilesProjection,
  type Competency,
  type GoalDocument,
  type MeasurementDocument,
  type PersonDocument,
  type PlanDocument,
  type RejectionDocument,
  type RoleProfileDocument,
} from './planning-projections';

/** The read side's consumer group: gaps, frameworks, people and decisions of other contexts. */
export const PLANNING_READ_SIDE_GROUP = consumerGroups.planningReadSide.groupId;

/** A direct report of a manager; `displayName` null when not known, or erased. */
export interface TeamMember {
  readonly employeeId: string;
  readonly displayName: string | null;
}

export interface GoalHistoryEntry {
  readonly event: PlanningEvent['type'];
  readonly at: string;
  readonly by: string;
  readonly data: unknown;
  /** On a check-in only: its duration, flagged when outside the expected 15–30 minutes. */
  readonly checkInLength?: CheckInLengthNote;
}

/** A goal as its stream says now, in the caller's tenant. */
export interface GoalView {
  readonly tenantId: string;
  readonly state: GoalRecord & { readonly status: GoalStatus };
}

/** A plan as its stream says now, in the caller's tenant. */
export type PlanView = Exclude<PlanState, { readonly status: 'none' }> & {
  readonly tenantId: string;
  readonly startedAt: string;
};

export interface Rejection {
  readonly submissionNumber: number;
  readonly feedback: string;
  readonly decidedBy: string;
}

const foldGoal = (recorded: readonly RecordedEvent[]) =>
  recorded.reduce(
    (state, event) => goalDecider.evolve(state, event as unknown as PlanningEvent),
    goalDecider.initialState(),
  );

/**
 * Planning's read side, durable in the read-model store (ADR 0008): goals and plans from its
 * own streams; gaps, competencies, people and rejections from the bus. A single goal or plan
 * is read from its stream, so a command or a query on it always sees every write before it;
 * lists and counts come from the documents, and decisions taken from them wait for them to
 * have caught up (`fresh`).
 */
@Injectable()
export class PlanningReadSide implements AccessFacts {
  readonly readSide: ReadSide;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: PersonalDataCipher,
    loops: ServiceLoops,
  ) {
    this.readSide = loops.readSide({
      name: 'planning',
      own: [goalsProjection, plansProjection],
      fromBus: {
        ...consumerGroups.planningReadSide,
        projections: [
          gapsProjection,
          competenciesProjection,
          peopleProjection,
          rejectionsProjection,
          measurementsProjection,
          roleProfilesProjection,
        ],
      },
    });
  }

  /** Waits until the goals and plans include every planning event stored so far. */
  fresh(): Promise<void> {
    return this.readSide.freshWithStore();
  }

  private get reader() {
    return this.readSide.reader;
  }

  gap(tenantId: string, id: string): Promise<GapIdentified['data'] | undefined> {
    return this.reader.get<GapIdentified['data']>(gapsProjection.name, gapId(tenantId, id));
  }

  competency(tenantId: string, id: string): Promise<Competency | undefined> {
    return this.reader.get<Competency>(competenciesProjection.name, competencyId(tenantId, id));
  }

  /** The latest measurement of the employee on the competency, whatever its instrument. */
  async latestMeasurement(
    tenantId: string,
    employeeId: string,
    competency: string,
  ): Promise<MeasurementDocument | undefined> {
    return this.reader.get<MeasurementDocument>(
      measurementsProjection.name,
      measurementId(tenantId, employeeId, competency),
    );
  }

  /** The profile of the employee's current role, if both are known. */
  async currentRoleProfile(
    tenantId: string,
    employeeId: string,
  ): Promise<RoleProfileDocument | undefined> {
    return this.roleProfile(tenantId, (await this.person(tenantId, employeeId))?.roleId);
  }

  /** A role's latest profile; undefined for no role or one not defined yet. */
  async roleProfile(
    tenantId: string,
    roleId: string | null | undefined,
  ): Promise<RoleProfileDocument | undefined> {
    if (!roleId) return undefined;
    return this.reader.get<RoleProfileDocument>(
      roleProfilesProjection.name,
      roleProfileId(tenantId, roleId),
    );
  }

  async person(tenantId: string, employeeId: string): Promise<PersonDocument | undefined> {
    return this.reader.get<PersonDocument>(peopleProjection.name, personId(tenantId, employeeId));
  }

  /** The note the employee recorded with assessment for the competency, opened (or erased). */
  async motivation(tenantId: string, employeeId: string, competency: string) {
    return this.motivationOf(
      tenantId,
      employeeId,
      await this.person(tenantId, employeeId),
      competency,
    );
  }

  /** The person's note for the competency, opened (or erased), from a document already read. */
  motivationOf(
    tenantId: string,
    employeeId: string,
    person: PersonDocument | undefined,
    competency: string,
  ) {
    const note = person?.motivations[competency];
    return note === undefined
      ? null
      : this.cipher.openFields(
          { tenantId, subjectId: employeeId },
          note,
          () => motivationNoteOrigin,
        );
  }

  /**
   * A manager's direct reports as the people events say now, with their names opened: null for
   * a name not synced, or erased. People who left are no longer on the team.
   */
  async reportsOf(tenantId: string, managerId: string): Promise<TeamMember[]> {
    const people = await this.reader.find<PersonDocument>(peopleProjection.name, {
      where: { tenantId, managerId },
    });
    const members = await Promise.all(
      people
        .filter((person) => person.employmentStatus !== 'left')
        .map(async ({ employeeId, displayName }) => {
          const opened =
            typeof displayName === 'string'
              ? await this.cipher.openFields(
                  { tenantId, subjectId: employeeId },
                  displayName,
                  () => displayNameOrigin,
                )
              : null;
          return {
            employeeId,
            displayName:
              opened === null || opened === ERASED || opened.startsWith(SEALED_PREFIX)
                ? null
                : opened,
          };
        }),
    );
    return members.sort(
      (left, right) =>
        (left.displayName ?? '\uffff').localeCompare(right.displayName ?? '\uffff') ||
        left.employeeId.localeCompare(right.employeeId),
    );
  }

  /** For access decisions: the person's current manager as the people events say now. */
  async managerOf(tenantId: string, employeeId: string): Promise<string | null | undefined> {
    return (await this.person(tenantId, employeeId))?.managerId;
  }

  /** For access decisions: whose goal or plan it is, in the caller's tenant. */
  async ownerOf(kind: 'goal' | 'plan' | 'approval-request', tenantId: string, id: string) {
    const employeeId =
      kind === 'goal'
        ? await this.goalOwner(tenantId, id)
        : kind === 'plan'
          ? (await this.plan(tenantId, id))?.employeeId
          : undefined;
    if (employeeId === undefined) return undefined;
    return { employeeId, managerId: await this.managerOf(tenantId, employeeId) } satisfies Subject;
  }

  /** Whose goal it is: the first event of its stream says, and no later one changes it. */
  private async goalOwner(tenantId: string, goalId: string): Promise<string | undefined> {
    const [drafted] = await this.store.readStream(goalStream(tenantId, goalId), { maxCount: 1 });
    return drafted?.type === 'GoalDrafted'
      ? (drafted.data as GoalDrafted['data']).employeeId
      : undefined;
  }

  /** The plan, read from its stream: other tenants' plans read as missing. */
  async plan(tenantId: string, planId: string): Promise<PlanView | undefined> {
    const recorded = await this.store.readStream(planStream(tenantId, planId));
    const state = recorded.reduce(
      (current, event) => planDecider.evolve(current, event as never),
      planDecider.initialState(),
    );
    const [started] = recorded;
    if (state.status === 'none' || !started) return undefined;
    return { ...state, tenantId, startedAt: started.metadata.occurredAt };
  }

  async latestPlanOf(tenantId: string, employeeId: string): Promise<PlanDocument | undefined> {
    const [latest] = await this.reader.find<PlanDocument>(plansProjection.name, {
      where: { tenantId, employeeId },
      sort: { startedAt: -1 },
      limit: 1,
    });
    return latest;
  }

  /** The plan's document: the next plan's link and the goals carried over in and out. */
  planDocument(tenantId: string, planId: string): Promise<PlanDocument | undefined> {
    return this.reader
      .get<PlanDocument>(plansProjection.name, planId)
      .then((plan) => (plan?.tenantId === tenantId ? plan : undefined));
  }

  async nextPlanOf(tenantId: string, planId: string): Promise<PlanDocument | undefined> {
    const [next] = await this.reader.find<PlanDocument>(plansProjection.name, {
      where: { tenantId, previousPlanId: planId },
      limit: 1,
    });
    return next;
  }

  /** The goal as its stream says now; other tenants' goals read as missing. */
  async goal(tenantId: string, goalId: string): Promise<GoalView | undefined> {
    const state = foldGoal(await this.store.readStream(goalStream(tenantId, goalId)));
    return state.status === 'none' ? undefined : { tenantId, state };
  }

  /** The latest rejection's feedback, opened, with who decided on which submission. */
  async rejectionOf(tenantId: string, goalId: string): Promise<Rejection | undefined> {
    const rejection = await this.reader.get<RejectionDocument>(
      rejectionsProjection.name,
      rejectionId(tenantId, goalId),
    );
    if (!rejection) return undefined;
    const { submissionNumber, feedback, decidedBy } = rejection;
    return {
      submissionNumber,
      decidedBy,
      feedback: await this.cipher.openFields(
        { tenantId, subjectId: rejection.employeeId },
        feedback,
        () => rejectionFeedbackOrigin,
      ),
    };
  }

  goalsOf(tenantId: string, employeeId: string): Promise<GoalDocument[]> {
    return this.reader.find<GoalDocument>(goalsProjection.name, {
      where: { tenantId, 'state.employeeId': employeeId },
    });
  }

  /**
   * Where each of the employee's goals stands, from the documents: what frees a slot in their
   * active set. A document behind its stream only keeps a slot held longer, never frees one
   * early (a goal withdrawn, evaluated or rejected stays so).
   */
  async standingsOf(tenantId: string, employeeId: string): Promise<Map<string, GoalStanding>> {
    const goals = await this.goalsOf(tenantId, employeeId);
    return new Map(
      goals.map(({ state }) => [
        state.goalId,
        { phase: state.status, submissionNumber: state.submissionNumber },
      ]),
    );
  }

  /** Where one goal stands, from its stream: for a decision the documents cannot settle. */
  async standingOf(tenantId: string, goalId: string): Promise<GoalStanding | undefined> {
    const view = await this.goal(tenantId, goalId);
    if (!view) return undefined;
    return { phase: view.state.status, submissionNumber: view.state.submissionNumber };
  }

  /**
   * What a reader sees of a goal: its phase, the exchange, the flags people act on, whether
   * it can be evaluated (on `today`, YYYY-MM-DD) and why not, and its history, all read from
   * the goal's stream and the rejection the bus brought.
   */
  async describe(tenantId: string, goalId: string, today: string, language: Language = 'en') {
    const recorded = await this.store.readStream(goalStream(tenantId, goalId));
    const state = foldGoal(recorded);
    if (state.status === 'none') return undefined;
    const rejection = await this.rejectionOf(tenantId, goalId);
    const history: GoalHistoryEntry[] = recorded.map((event) => ({
      event: event.type as GoalHistoryEntry['event'],
      at: event.metadata.occurredAt,
      by: event.metadata.actorId,
      data: event.data,
      ...(event.type === 'CheckInLogged' && {
        checkInLength: checkInLengthNote((event.data as CheckInLogged['data']).durationMinutes),
      }),
    }));
    const [drafted] = recorded;
    return {
      ...state,
      // Who wrote the draft (model, prompt version, context given) and what changed since.
      draftedBy:
        drafted?.type === 'GoalDrafted' ? (drafted.data as GoalDrafted['data']).drafter : null,
      changedSinceDraft: changesSinceDraft(state.drafted, state.content),
      rejection: rejection ?? null,
      unacknowledgedAdjustments: state.pendingAdjustments.map((pending) => pending.adjustmentId),
      unpairedFormalLearning: unpairedFormalLearning(state.content.actions),
      // Evidence recorded for evidence criteria, with the employee's description and reference.
      evidence: recorded.flatMap((event) => {
        if (event.type !== 'CriterionEvidenceRecorded') return [];
        const data = event.data as CriterionEvidenceRecorded['data'];
        const { evidenceId, criterionId, evidence, description, reference, obtainedOn } = data;
        const { recordedBy } = data;
        return [
          { evidenceId, criterionId, evidence, description, reference, obtainedOn, recordedBy },
        ];
      }),
      // Active goals only: whether it can be evaluated now, and every reason it cannot (yet).
      evaluation: evaluationReadiness(state, today, language) ?? null,
      history,
    };
  }

  /**
   * Active goals whose remeasurement is due (deadline within two weeks) or overdue (deadline
   * passed, no evaluation yet): a manager's reports', or the whole tenant's for HR.
   */
  async remeasurementsDue(
    tenantId: string,
    today: string,
    filter: { readonly managerId?: string },
  ): Promise<RemeasurementDue[]> {
    const reports =
      filter.managerId === undefined
        ? undefined
        : (
            await this.reader.find<PersonDocument>(peopleProjection.name, {
              where: { tenantId, managerId: filter.managerId },
            })
          ).map((person) => person.employeeId);
    if (reports?.length === 0) return [];
    const goals = await this.reader.find<GoalDocument>(goalsProjection.name, {
      where: {
        'state.status': 'active',
        tenantId,
        'state.content.deadline': { $lte: remeasurementHorizon(today) },
        ...(reports ? { 'state.employeeId': { $in: reports } } : {}),
      },
    });
    return goals
      .map(({ state }) => remeasurementDue(state, today))
      .filter((due) => due !== undefined)
      .sort((left, right) => left.deadline.localeCompare(right.deadline));
  }

  /** Active goals whose check-in is past due, for one employee or the reports of a manager. */
  async overdueCheckIns(
    tenantId: string,
    now: Date,
    filter: { employeeId?: string; managerId?: string },
  ) {
    const employees =
      filter.employeeId !== undefined
        ? [filter.employeeId]
        : (
            await this.reader.find<PersonDocument>(peopleProjection.name, {
              where: { tenantId, managerId: filter.managerId ?? null },
            })
          ).map((person) => person.employeeId);
    if (employees.length === 0) return [];
    const due = await this.reader.find<GoalDocument>(goalsProjection.name, {
      where: {
        'state.status': 'active',
        tenantId,
        'state.nextCheckInDueAt': { $lt: now.toISOString() },
        'state.employeeId': { $in: employees },
      },
    });
    return due.map(({ state }) => ({
      goalId: state.goalId,
      employeeId: state.employeeId,
      title: state.content.title,
      dueAt: state.nextCheckInDueAt,
      cadence: state.checkInCadence,
    }));
  }
}
