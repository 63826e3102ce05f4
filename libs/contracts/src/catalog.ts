import {
  isPublishedDefinition,
  type EventDefinition,
  type EventOf,
  type Upcaster,
} from './event-definition';
import { EventRegistry } from './registry';
import {
  MeasurementRecordedV1,
  assessmentEvents,
  measurementRecordedV1ToV2,
} from './events/assessment.events';
import {
  ApprovalOverdueV1,
  ApprovalReassignedV1,
  ApprovalRequestedV1,
  approvalEvents,
  approvalOverdueV1ToV2,
  approvalReassignedV1ToV2,
  approvalRequestedV1ToV2,
} from './events/approval.events';
import { identityEvents } from './events/identity.events';
import { notificationsEvents } from './events/notifications.events';
import {
  CheckInLoggedV1,
  GoalActivatedV1,
  GoalAdjustedV1,
  GoalAdjustmentRefusedV1,
  GoalDraftedV1,
  GoalDraftedV2,
  GoalEditedV1,
  GoalEvaluatedV1,
  GoalEvaluatedV2,
  GoalSubmittedV1,
  PlanStartedV1,
  checkInLoggedV1ToV2,
  goalActivatedV1ToV2,
  goalAdjustedV1ToV2,
  goalAdjustmentRefusedV1ToV2,
  goalDraftedV1ToV2,
  goalDraftedV2ToV3,
  goalEditedV1ToV2,
  goalEvaluatedV1ToV2,
  goalEvaluatedV2ToV3,
  goalSubmittedV1ToV2,
  planStartedV1ToV2,
  planningEvents,
} from './events/planning.events';

/** Every published event at every version, oldest versions included so stored history reads. */
export const eventDefinitions: readonly EventDefinition[] = [
  ...assessmentEvents,
  MeasurementRecordedV1,
  ...planningEvents,
  PlanStartedV1,
  GoalDraftedV1,
  GoalDraftedV2,
  GoalEditedV1,
  GoalSubmittedV1,
  GoalActivatedV1,
  GoalAdjustedV1,
  GoalAdjustmentRefusedV1,
  GoalEvaluatedV1,
  GoalEvaluatedV2,
  CheckInLoggedV1,
  ...approvalEvents,
  ApprovalRequestedV1,
  ApprovalReassignedV1,
  ApprovalOverdueV1,
  ...identityEvents,
  ...notificationsEvents,
];

export const upcasters: readonly Upcaster[] = [
  measurementRecordedV1ToV2,
  planStartedV1ToV2,
  goalDraftedV1ToV2,
  goalDraftedV2ToV3,
  goalEditedV1ToV2,
  goalSubmittedV1ToV2,
  goalActivatedV1ToV2,
  goalAdjustedV1ToV2,
  goalAdjustmentRefusedV1ToV2,
  goalEvaluatedV1ToV2,
  goalEvaluatedV2ToV3,
  checkInLoggedV1ToV2,
  approvalRequestedV1ToV2,
  approvalReassignedV1ToV2,
  approvalOverdueV1ToV2,
];

export const eventRegistry = new EventRegistry(eventDefinitions, upcasters);

export type AssessmentEvent = EventOf<(typeof assessmentEvents)[number]>;
export type PlanningEvent = EventOf<(typeof planningEvents)[number]>;
export type ApprovalEvent = EventOf<(typeof approvalEvents)[number]>;
export type IdentityEvent = EventOf<(typeof identityEvents)[number]>;
export type NotificationsEvent = EventOf<(typeof notificationsEvents)[number]>;

/** Every event at its current version, as deciders emit it and projections evolve on it. */
export type TalentloopEvent =
  | AssessmentEvent
  | PlanningEvent
  | ApprovalEvent
  | IdentityEvent
  | NotificationsEvent;

export const talentloopEventTypes = [
  'CompetencyFrameworkPublished',
  'RoleProfileDefined',
  'EmployeeSynced',
  'ReportingLineChanged',
  'MeasurementRecorded',
  'FeedbackRoundAggregated',
  'MotivationRecorded',
  'GapIdentified',
  'Remeasured',
  'PlanStarted',
  'GoalDrafted',
  'GoalEdited',
  'GoalAgreed',
  'GoalSubmitted',
  'GoalSubmissionRejected',
  'GoalActivated',
  'GoalProgressMeasured',
  'ActionAdded',
  'ActionCompleted',
  'CheckInLogged',
  'GoalAdjusted',
  'GoalAdjustmentAcknowledged',
  'GoalAdjustmentRefused',
  'GoalEvaluated',
  'GoalWithdrawn',
  'GoalSlotTaken',
  'PlanClosed',
  'GoalCarriedOver',
  'CriterionEvidenceRecorded',
  'ApprovalRequested',
  'GoalApproved',
  'GoalRejected',
  'ApprovalReassigned',
  'ApprovalOverdue',
  'AdjustmentApprovalRequested',
  'AdjustmentApproved',
  'AdjustmentRejected',
  'ApprovalWithdrawn',
  'PersonErased',
  'WebhookSubscriptionCreated',
  'WebhookSubscriptionChanged',
  'WebhookSubscriptionDisabled',
  'WebhookSubscriptionEnabled',
  'WebhookSecretRotated',
  'WebhookSubscriptionDeleted',
  'WebhookDataAccessSet',
  'NotificationPreferenceSet',
  'HrContactsSet',
  'MailSent',
  'MailSuppressed',
  'MailDeadLettered',
  'WebhookDeliveryDeadLettered',
] as const satisfies readonly TalentloopEvent['type'][];

export type TalentloopEventType = (typeof talentloopEventTypes)[number];

export type TalentloopEventOfType<Type extends TalentloopEventType> = Extract<
  TalentloopEvent,
  { readonly type: Type }
>;

const knownTypes: ReadonlySet<string> = new Set(talentloopEventTypes);

export const isTalentloopEventType = (type: string): type is TalentloopEventType =>
  knownTypes.has(type);

/** A published event type (not internal): one integrators may ask a replay for. */
export const isPublishedEventType = (type: string): type is TalentloopEventType => {
  if (!isTalentloopEventType(type)) return false;
  const definition = eventRegistry.current(type);
  return definition !== undefined && isPublishedDefinition(definition);
};
