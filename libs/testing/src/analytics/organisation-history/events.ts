import {
  eventRegistry,
  type ActionCompleted,
  type ApprovalRequested,
  type CheckInLogged,
  type CompetencyFrameworkPublished,
  type EmployeeSynced,
  type GapIdentified,
  type GoalActivated,
  type GoalAdjusted,
  type GoalApproved,
  type GoalDrafted,
  type GoalEdited,
  type GoalEvaluated,
  type GoalRejected,
  type GoalSubmitted,
  type GoalWithdrawn,
  type MeasurementRecorded,
  type PersonErased,
  type PlanStarted,
  type Remeasured,
  type ReportingLineChanged,
  type RoleProfileDefined,
} from '@talentloop/contracts';

/** Every event the organisation's history holds, across the four contexts. */
export type OrganisationEvent =
  | CompetencyFrameworkPublished
  | RoleProfileDefined
  | EmployeeSynced
  | ReportingLineChanged
  | MeasurementRecorded
  | GapIdentified
  | Remeasured
  | PlanStarted
  | GoalDrafted
  | GoalEdited
  | GoalSubmitted
  | GoalActivated
  | ActionCompleted
  | CheckInLogged
  | GoalAdjusted
  | GoalEvaluated
  | GoalWithdrawn
  | ApprovalRequested
  | GoalApproved
  | GoalRejected
  | PersonErased;
export type EventType = OrganisationEvent['type'];
export type DataOf<Type extends EventType> = Extract<OrganisationEvent, { type: Type }>['data'];
export type GoalContent = GoalSubmitted['data']['goal'];
export type MeasuredCriterion = Extract<
  GoalContent['successCriteria'][number],
  { kind: 'measured' }
>;

/** The text of the published examples, read once: generated events reuse it. */
export const examples = () => {
  const example = <Type extends EventType>(type: Type) =>
    eventRegistry.current(type)?.example as DataOf<Type>;
  return {
    synced: example('EmployeeSynced'),
    gap: example('GapIdentified'),
    drafted: example('GoalDrafted'),
    checkIn: example('CheckInLogged'),
    approved: example('GoalApproved'),
    rejected: example('GoalRejected'),
    adjusted: example('GoalAdjusted'),
    withdrawn: example('GoalWithdrawn'),
    action: example('GoalDrafted').actions[0],
  };
};

export type Examples = ReturnType<typeof examples>;
