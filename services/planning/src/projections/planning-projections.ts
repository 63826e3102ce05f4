import {
  planningEvents,
  type CompetencyFrameworkPublished,
  type GapIdentified,
  type GoalCarriedOver,
  type MeasurementRecorded,
  type RoleProfileDefined,
  type PlanningEvent,
  type SealedOrigin,
} from '@talentloop/contracts';
import {
  goalDecider,
  type GoalRecord,
  type GoalStatus,
  type LatestMeasurement,
} from '@talentloop/planning-domain';
import type { ProjectedEvent, Projection } from '@talentloop/read-models';

/**
 * Planning's read models. Goals and plans come from its own streams; gaps, competencies,
 * people and rejections from the other contexts' topics. Personal fields (motivation notes,
 * feedback) stay sealed as they came; readers open them to answer.
 */

const idOf = (tenantId: string, ...parts: readonly string[]) => [tenantId, ...parts].join('/');

/** Events on goals' streams: plans and active sets have streams of their own. */
const goalEventTypes = planningEvents
  .map((definition) => definition.name)
  .filter((name) => !['PlanStarted', 'PlanClosed', 'GoalSlotTaken'].includes(name));

/** A goal as the decider folds it, with its tenant: lists, slots, overdue check-ins. */
export interface GoalDocument {
  readonly tenantId: string;
  readonly state: GoalRecord & { readonly status: GoalStatus };
}

export const goalsProjection: Projection<GoalDocument> = {
  name: 'planning-goals',
  // 2: the state keeps what each pending adjustment replaced (a refusal sets it back).
  // 3: the state keeps the evidence recorded for evidence criteria, and whether the employee
  // agreed to the goal as it stands (GoalAgreed).
  version: 3,
  eventTypes: goalEventTypes,
  indexes: [
    { fields: { tenantId: 1, 'state.employeeId': 1 } },
    { fields: { 'state.status': 1, tenantId: 1, 'state.nextCheckInDueAt': 1 } },
  ],
  // The documents keep no personal field: check-in answers and the motivation stay in the stream.
  personalData: 'ignored',
  documentIds: (event) =>
    'goalId' in event.data && typeof event.data.goalId === 'string' ? [event.data.goalId] : [],
  evolve: (document, event) => {
    const state = goalDecider.evolve(
      document?.state ?? goalDecider.initialState(),
      event as PlanningEvent,
    );
    // The motivations are read from the goal's stream where they are shown; lists leave them out.
    return state.status === 'none'
      ? document
      : {
          tenantId: event.metadata.tenantId,
          state: {
            ...state,
            motivationNote: null,
            agreement: state.agreement && { ...state.agreement, motivation: null },
          },
        };
  },
};

export interface PlanDocument {
  readonly tenantId: string;
  readonly planId: string;
  readonly employeeId: string;
  readonly maxActiveGoals: number;
  readonly startedAt: string;
  readonly previousPlanId: string | null;
  /** Goals carried over into this plan from the previous one, and out of it to the next. */
  readonly carriedIn: readonly { readonly goalId: string; readonly fromPlanId: string }[];
  readonly carriedOut: readonly { readonly goalId: string; readonly toPlanId: string }[];
}

const carried = (plan: PlanDocument, event: GoalCarriedOver, planId: string): PlanDocument => {
  const { goalId, fromPlanId, toPlanId } = event.data;
  if (planId === toPlanId && !plan.carriedIn.some((goal) => goal.goalId === goalId))
    return { ...plan, carriedIn: [...plan.carriedIn, { goalId, fromPlanId }] };
  if (planId === fromPlanId && !plan.carriedOut.some((goal) => goal.goalId === goalId))
    return { ...plan, carriedOut: [...plan.carriedOut, { goalId, toPlanId }] };
  return plan;
};

export const plansProjection: Projection<PlanDocument> = {
  name: 'planning-plans',
  // 2: the previous plan (to find the next one) and the goals carried over in and out.
  version: 2,
  eventTypes: ['PlanStarted', 'GoalCarriedOver'],
  indexes: [
    { fields: { tenantId: 1, employeeId: 1, startedAt: -1 } },
    { fields: { tenantId: 1, previousPlanId: 1 } },
  ],
  personalData: 'ignored',
  documentIds: (event) =>
    event.type === 'PlanStarted'
      ? [event.data.planId]
      : event.type === 'GoalCarriedOver'
        ? [event.data.fromPlanId, event.data.toPlanId]
        : [],
  evolve: (plan, event, planId) => {
    if (event.type === 'GoalCarriedOver') return plan && carried(plan, event, planId);
    if (event.type !== 'PlanStarted') return plan;
    return {
      tenantId: event.metadata.tenantId,
      planId: event.data.planId,
      employeeId: event.data.employeeId,
      maxActiveGoals: event.data.maxActiveGoals,
      startedAt: event.metadata.occurredAt,
      previousPlanId: event.data.previousPlanId,
      carriedIn: [],
      carriedOut: [],
    };
  },
};

export const gapId = (tenantId: string, id: string) => idOf(tenantId, id);

export const gapsProjection: Projection<GapIdentified['data']> = {
  name: 'planning-gaps',
  version: 1,
  eventTypes: ['GapIdentified'],
  documentIds: (event) =>
    event.type === 'GapIdentified' ? [gapId(event.metadata.tenantId, event.data.gapId)] : [],
  evolve: (gap, event) => (event.type === 'GapIdentified' ? event.data : gap),
};

type PublishedCompetency = CompetencyFrameworkPublished['data']['competencies'][number];
type FrameworkLanguage = CompetencyFrameworkPublished['data']['language'];

/**
 * A competency as the latest framework naming it published it, with the last version each
 * language's framework published (a tenant may publish its framework in Dutch and English
 * under the same ids), so a Dutch draft can use the Dutch names.
 */
export type Competency = PublishedCompetency & {
  readonly inLanguage?: Partial<Record<FrameworkLanguage, PublishedCompetency>>;
};

export const competencyId = (tenantId: string, id: string) => idOf(tenantId, id);

export const competenciesProjection: Projection<Competency> = {
  name: 'planning-competencies',
  version: 2,
  eventTypes: ['CompetencyFrameworkPublished'],
  documentIds: (event) =>
    event.type === 'CompetencyFrameworkPublished'
      ? event.data.competencies.map((competency) =>
          competencyId(event.metadata.tenantId, competency.competencyId),
        )
      : [],
  evolve: (competency, event, documentId) => {
    if (event.type !== 'CompetencyFrameworkPublished') return competency;
    const published = event.data.competencies.find(
      (candidate) => competencyId(event.metadata.tenantId, candidate.competencyId) === documentId,
    );
    if (!published) return competency;
    return {
      ...published,
      inLanguage: { ...competency?.inLanguage, [event.data.language]: published },
    };
  },
};

/** Where a person's motivation notes come from: opened as that field, refused as any other. */
export const motivationNoteOrigin: SealedOrigin = { type: 'MotivationRecorded', field: 'note' };

/** Where a person's name comes from: opened as that field, refused as any other. */
export const displayNameOrigin: SealedOrigin = { type: 'EmployeeSynced', field: 'displayName' };

/**
 * A person as drafting, access and a manager's team need them; their name and motivation notes
 * sealed (read "[erased]" once the person is erased).
 */
export interface PersonDocument {
  readonly tenantId: string;
  readonly employeeId: string;
  /** Sealed, as EmployeeSynced carried it; null until the HRIS synced the person. */
  readonly displayName?: string | null;
  /** Whether they still work here (HRIS); absent in documents before version 3: active. */
  readonly employmentStatus?: 'active' | 'left';
  readonly managerId: string | null;
  /** The current role, whose profile says what the person's goals are relevant to. */
  readonly roleId: string | null;
  readonly language: 'nl' | 'en';
  readonly motivations: Readonly<Record<string, string>>;
}

type PeopleEvent = Extract<
  ProjectedEvent,
  { type: 'EmployeeSynced' | 'ReportingLineChanged' | 'MotivationRecorded' }
>;

const isPeopleEvent = (event: ProjectedEvent): event is PeopleEvent =>
  event.type === 'EmployeeSynced' ||
  event.type === 'ReportingLineChanged' ||
  event.type === 'MotivationRecorded';

export const personId = (tenantId: string, employeeId: string) => idOf(tenantId, employeeId);

export const peopleProjection: Projection<PersonDocument> = {
  name: 'planning-people',
  // 2: the person's current role. 3: their (sealed) name and employment status, for a team.
  version: 3,
  eventTypes: ['EmployeeSynced', 'ReportingLineChanged', 'MotivationRecorded'],
  indexes: [{ fields: { tenantId: 1, managerId: 1 } }],
  documentIds: (event) =>
    isPeopleEvent(event) ? [personId(event.metadata.tenantId, event.data.employeeId)] : [],
  evolve: (person, event) => {
    if (!isPeopleEvent(event)) return person;
    const { tenantId } = event.metadata;
    const known: PersonDocument = person ?? {
      tenantId,
      employeeId: event.data.employeeId,
      displayName: null,
      employmentStatus: 'active',
      managerId: null,
      roleId: null,
      language: 'en',
      motivations: {},
    };
    switch (event.type) {
      case 'EmployeeSynced':
        return {
          ...known,
          displayName: event.data.displayName,
          employmentStatus: event.data.employmentStatus,
          managerId: event.data.managerId,
          roleId: event.data.roleId,
          language: event.data.preferredLanguage,
        };
      case 'ReportingLineChanged':
        return { ...known, managerId: event.data.newManagerId };
      case 'MotivationRecorded':
        return event.data.note
          ? {
              ...known,
              motivations: { ...known.motivations, [event.data.competencyId]: event.data.note },
            }
          : known;
    }
  },
};

/** A role profile's latest version: what the role requires, competency by competency. */
export type RoleProfileDocument = RoleProfileDefined['data'] & { readonly tenantId: string };

export const roleProfileId = (tenantId: string, roleId: string) => idOf(tenantId, roleId);

export const roleProfilesProjection: Projection<RoleProfileDocument> = {
  name: 'planning-role-profiles',
  version: 1,
  eventTypes: ['RoleProfileDefined'],
  personalData: 'ignored',
  documentIds: (event) =>
    event.type === 'RoleProfileDefined'
      ? [roleProfileId(event.metadata.tenantId, event.data.roleId)]
      : [],
  evolve: (profile, event) =>
    event.type === 'RoleProfileDefined' && event.data.roleVersion > (profile?.roleVersion ?? 0)
      ? { ...event.data, tenantId: event.metadata.tenantId }
      : profile,
};

/** The latest measurement of one employee on one competency, whatever its instrument. */
export type MeasurementDocument = LatestMeasurement & {
  readonly tenantId: string;
  readonly employeeId: string;
  readonly competencyId: string;
  /** The talent facets' scores, which drafting gives a model next to the framework's facets. */
  readonly facetScores: MeasurementRecorded['data']['facetScores'];
};

export const measurementId = (tenantId: string, employeeId: string, competency: string) =>
  idOf(tenantId, employeeId, competency);

const isNewer = (
  candidate: MeasurementRecorded['data'],
  known: MeasurementDocument | undefined,
): boolean =>
  known === undefined ||
  candidate.measuredAt > known.measuredAt ||
  (candidate.measuredAt === known.measuredAt && candidate.measurementId !== known.measurementId);

export const measurementsProjection: Projection<MeasurementDocument> = {
  name: 'planning-measurements',
  // 2: the facets' scores.
  version: 2,
  eventTypes: ['MeasurementRecorded'],
  personalData: 'ignored',
  documentIds: (event) =>
    event.type === 'MeasurementRecorded'
      ? [measurementId(event.metadata.tenantId, event.data.employeeId, event.data.competencyId)]
      : [],
  // Measurements may be imported out of order: the one measured last wins, not the one last sent.
  evolve: (known, event) => {
    if (event.type !== 'MeasurementRecorded' || !isNewer(event.data, known)) return known;
    const {
      employeeId,
      competencyId,
      instrument,
      aptitude,
      behaviour,
      indicatorScores,
      facetScores,
    } = event.data;
    return {
      tenantId: event.metadata.tenantId,
      employeeId,
      competencyId,
      measurementId: event.data.measurementId,
      instrument,
      aptitude,
      behaviour,
      indicatorScores,
      facetScores,
      measuredAt: event.data.measuredAt,
    };
  },
};

/** Where a rejection's feedback comes from: opened as that field, refused as any other. */
export const rejectionFeedbackOrigin: SealedOrigin = { type: 'GoalRejected', field: 'feedback' };

/**
 * The manager's feedback on a goal's latest rejected submission, sealed, as the employee reads
 * it and a redraft may use it. The rejection itself is on the goal's stream.
 */
export interface RejectionDocument {
  readonly tenantId: string;
  readonly goalId: string;
  readonly employeeId: string;
  readonly submissionNumber: number;
  readonly feedback: string;
  readonly decidedBy: string;
}

export const rejectionId = (tenantId: string, goalId: string) => idOf(tenantId, goalId);

export const rejectionsProjection: Projection<RejectionDocument> = {
  name: 'planning-rejections',
  version: 2,
  eventTypes: ['GoalRejected'],
  documentIds: (event) =>
    event.type === 'GoalRejected' ? [rejectionId(event.metadata.tenantId, event.data.goalId)] : [],
  evolve: (rejection, event) => {
    if (event.type !== 'GoalRejected') return rejection;
    const { goalId, employeeId, submissionNumber, feedback, decidedBy } = event.data;
    if (rejection && rejection.submissionNumber >= submissionNumber) return rejection;
    const { tenantId } = event.metadata;
    return { tenantId, goalId, employeeId, submissionNumber, feedback, decidedBy };
  },
};
