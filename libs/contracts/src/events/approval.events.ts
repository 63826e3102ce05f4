import { Type } from '@sinclair/typebox';
import { Personal } from '../personal-data';
import { defineEvent, defineUpcaster, type EventData, type EventOf } from '../event-definition';
import { Id, IsoDateTime } from '../metadata';
import { GoalChanges } from './planning.events';
import { CheckInCadence, Nullable, Text } from './shared.schemas';

const context = 'approval';

/**
 * Whom a request is addressed to: the employee's current manager, or HR as delegate when the
 * HRIS names no manager (the manager id is then null). Carried so no consumer has to infer it.
 */
const AddressedTo = Type.Union([Type.Literal('manager'), Type.Literal('hr-delegate')], {
  description: "The employee's current manager, or HR as delegate while they have none",
});

const decisionProperties = {
  requestId: Id('Approval request'),
  goalId: Id('Goal decided on'),
  employeeId: Id('Employee whose goal it is'),
  submissionNumber: Type.Integer({ minimum: 1, description: 'Submission the decision is about' }),
  decidedBy: Id('Manager or HR delegate who decided'),
  decidedAs: Type.Union([Type.Literal('manager'), Type.Literal('hr-delegate')], {
    description: "Only the employee's current manager, or HR acting as delegate, decides",
  }),
  turnaroundSeconds: Type.Integer({
    minimum: 0,
    description: 'Seconds from submission to decision; HR reports turnaround',
  }),
};

const approvalRequestedV1Example = {
  requestId: 'apr-4001',
  goalId: 'goal-3001',
  employeeId: 'emp-1001',
  managerId: 'emp-0007',
  submissionNumber: 1,
  submittedAt: '2026-02-02T10:00:00.000Z',
};

/** Stored requests from before a request could be addressed to HR; read through the upcaster. */
export const ApprovalRequestedV1 = defineEvent({
  context,
  name: 'ApprovalRequested',
  version: 1,
  description: "A submitted goal awaits the decision of the employee's current manager.",
  schema: Type.Object(
    {
      requestId: Id('Approval request'),
      goalId: Id('Goal to decide on'),
      employeeId: Id('Employee whose goal it is'),
      managerId: Id('Manager who decides'),
      submissionNumber: Type.Integer({ minimum: 1 }),
      submittedAt: IsoDateTime('When the employee submitted'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: approvalRequestedV1Example,
});

export const ApprovalRequested = defineEvent({
  context,
  name: 'ApprovalRequested',
  version: 2,
  description:
    "A submitted goal awaits the decision of the employee's current manager, or of HR as delegate when the employee has no manager.",
  schema: Type.Object(
    {
      requestId: Id('Approval request'),
      goalId: Id('Goal to decide on'),
      employeeId: Id('Employee whose goal it is'),
      managerId: Nullable(Id('Manager who decides'), 'Null when addressed to HR as delegate'),
      addressedTo: AddressedTo,
      submissionNumber: Type.Integer({ minimum: 1 }),
      submittedAt: IsoDateTime('When the employee submitted'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: { ...approvalRequestedV1Example, addressedTo: 'manager' },
});

export const approvalRequestedV1ToV2 = defineUpcaster<
  EventData<typeof ApprovalRequestedV1>,
  EventData<typeof ApprovalRequested>
>({
  name: 'ApprovalRequested',
  fromVersion: 1,
  // Every version-1 request named a manager: it could not be opened without one.
  upcast: (data) => ({ ...data, addressedTo: 'manager' }),
});

export const GoalApproved = defineEvent({
  context,
  name: 'GoalApproved',
  version: 1,
  description: 'The manager approved the goal: a shared commitment; check-ins follow the cadence.',
  schema: Type.Object(
    {
      ...decisionProperties,
      note: Type.Optional(Personal(Text('Note from the manager to the employee', 2000))),
      checkInCadence: CheckInCadence,
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    requestId: 'apr-4001',
    goalId: 'goal-3001',
    employeeId: 'emp-1001',
    submissionNumber: 2,
    decidedBy: 'emp-0007',
    decidedAs: 'manager',
    note: 'Good focus; let us review after the kick-off.',
    checkInCadence: 'fortnightly',
    turnaroundSeconds: 86400,
  },
});

export const GoalRejected = defineEvent({
  context,
  name: 'GoalRejected',
  version: 1,
  description: 'The manager rejected the goal with feedback; the employee revises and resubmits.',
  schema: Type.Object(
    {
      ...decisionProperties,
      feedback: Personal(
        Text('What the employee should change; rejection is a conversation', 2000, 20),
      ),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    requestId: 'apr-4001',
    goalId: 'goal-3001',
    employeeId: 'emp-1001',
    submissionNumber: 1,
    decidedBy: 'emp-0007',
    decidedAs: 'manager',
    feedback: 'Name the meetings where you will practise, and make the target 60.',
    turnaroundSeconds: 172800,
  },
});

const adjustmentRequestExample = {
  requestId: 'apr-4002',
  goalId: 'goal-3001',
  employeeId: 'emp-1001',
  adjustmentId: 'adj-1',
};

/**
 * The changes GoalAdjusted carried, on the request the manager decides: an adjustment of an
 * active goal's target, success criteria or deadline is a new commitment (ADR 0015).
 */
export const AdjustmentApprovalRequested = defineEvent({
  context,
  name: 'AdjustmentApprovalRequested',
  version: 1,
  description:
    "An adjustment of an active goal's target, success criteria or deadline awaits the agreement of the employee's current manager, or of HR as delegate when the employee has no manager. Until it is decided the goal runs on the adjusted content; a rejection sets the changed fields back (planning's GoalAdjustmentRefused).",
  schema: Type.Object(
    {
      requestId: Id('Approval request of this adjustment'),
      goalId: Id('Goal the adjustment changes'),
      employeeId: Id('Employee whose goal it is'),
      adjustmentId: Id('Adjustment, as GoalAdjusted names it'),
      managerId: Nullable(Id('Manager who decides'), 'Null when addressed to HR as delegate'),
      addressedTo: AddressedTo,
      changes: GoalChanges,
      reason: Personal(Text('Why the goal was adjusted, as the employee wrote it', 1000, 10)),
      adjustedBy: Id('Who adjusted'),
      submittedAt: IsoDateTime('When the goal was adjusted'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    ...adjustmentRequestExample,
    managerId: 'emp-0007',
    addressedTo: 'manager',
    changes: { deadline: '2026-09-30' },
    reason: 'Two months of parental leave moved the practice period.',
    adjustedBy: 'emp-1001',
    submittedAt: '2026-04-02T10:00:00.000Z',
  },
});

const adjustmentDecisionProperties = {
  requestId: Id('Approval request'),
  goalId: Id('Goal adjusted'),
  employeeId: Id('Employee whose goal it is'),
  adjustmentId: Id('Adjustment decided on'),
  decidedBy: decisionProperties.decidedBy,
  decidedAs: decisionProperties.decidedAs,
  turnaroundSeconds: Type.Integer({
    minimum: 0,
    description: 'Seconds from the adjustment to the decision; HR reports turnaround',
  }),
};

export const AdjustmentApproved = defineEvent({
  context,
  name: 'AdjustmentApproved',
  version: 1,
  description:
    "The manager (or HR as delegate) agreed to an adjustment of an active goal: it stays in force (planning's GoalAdjustmentAcknowledged).",
  schema: Type.Object(
    {
      ...adjustmentDecisionProperties,
      note: Type.Optional(Personal(Text('Note from the manager to the employee', 2000))),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    ...adjustmentRequestExample,
    decidedBy: 'emp-0007',
    decidedAs: 'manager',
    note: 'Agreed: the leave moves the practice period.',
    turnaroundSeconds: 3600,
  },
});

export const AdjustmentRejected = defineEvent({
  context,
  name: 'AdjustmentRejected',
  version: 1,
  description:
    'The manager (or HR as delegate) rejected an adjustment of an active goal with feedback: it is not in force, and planning sets the fields it changed back (GoalAdjustmentRefused, the feedback as its reason).',
  schema: Type.Object(
    {
      ...adjustmentDecisionProperties,
      feedback: Personal(
        Text("Why the adjustment is not agreed; becomes the refusal's reason", 1000, 20),
      ),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    ...adjustmentRequestExample,
    decidedBy: 'emp-0007',
    decidedAs: 'manager',
    feedback: 'The leave is covered by the milestones; keep the July deadline.',
    turnaroundSeconds: 7200,
  },
});

const approvalReassignedV1Example = {
  requestId: 'apr-4001',
  goalId: 'goal-3001',
  employeeId: 'emp-1001',
  fromManagerId: 'emp-0007',
  toManagerId: 'emp-0031',
  reason: 'reporting-line-change' as const,
};

/** Stored moves from before a request could move to or from HR; read through the upcaster. */
export const ApprovalReassignedV1 = defineEvent({
  context,
  name: 'ApprovalReassigned',
  version: 1,
  description: 'A pending approval moved to the new manager after a reporting-line change.',
  schema: Type.Object(
    {
      requestId: Id('Approval request'),
      goalId: Id('Goal'),
      employeeId: Id('Employee'),
      fromManagerId: Id('Manager who no longer decides'),
      toManagerId: Id('Manager who decides now'),
      reason: Type.Literal('reporting-line-change'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: approvalReassignedV1Example,
});

export const ApprovalReassigned = defineEvent({
  context,
  name: 'ApprovalReassigned',
  version: 2,
  description:
    'A pending approval moved after a reporting-line change: to the new manager, to HR as delegate when the employee has none left, or from HR to the manager the HRIS named.',
  schema: Type.Object(
    {
      requestId: Id('Approval request'),
      goalId: Id('Goal'),
      employeeId: Id('Employee'),
      fromManagerId: Nullable(
        Id('Manager who no longer decides'),
        'Null when HR held it as delegate',
      ),
      toManagerId: Nullable(Id('Manager who decides now'), 'Null when HR decides as delegate'),
      addressedTo: AddressedTo,
      reason: Type.Literal('reporting-line-change'),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: { ...approvalReassignedV1Example, addressedTo: 'manager' },
});

export const approvalReassignedV1ToV2 = defineUpcaster<
  EventData<typeof ApprovalReassignedV1>,
  EventData<typeof ApprovalReassigned>
>({
  name: 'ApprovalReassigned',
  fromVersion: 1,
  upcast: (data) => ({ ...data, addressedTo: 'manager' }),
});

const approvalOverdueV1Example = {
  requestId: 'apr-4001',
  goalId: 'goal-3001',
  employeeId: 'emp-1001',
  managerId: 'emp-0007',
  pendingDays: 7,
};

/** Stored reminders from before a request could wait on HR; read through the upcaster. */
export const ApprovalOverdueV1 = defineEvent({
  context,
  name: 'ApprovalOverdue',
  version: 1,
  description: 'An approval request has waited longer than the organisation allows.',
  schema: Type.Object(
    {
      requestId: Id('Approval request'),
      goalId: Id('Goal'),
      employeeId: Id('Employee'),
      managerId: Id('Manager who has not decided yet'),
      pendingDays: Type.Integer({ minimum: 1, description: 'Whole days since submission' }),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: approvalOverdueV1Example,
});

export const ApprovalOverdue = defineEvent({
  context,
  name: 'ApprovalOverdue',
  version: 2,
  description:
    'An approval request has waited longer than the organisation allows, on the manager or on HR as delegate.',
  schema: Type.Object(
    {
      requestId: Id('Approval request'),
      goalId: Id('Goal'),
      employeeId: Id('Employee'),
      managerId: Nullable(
        Id('Manager who has not decided yet'),
        'Null when it waits on HR as delegate',
      ),
      addressedTo: AddressedTo,
      pendingDays: Type.Integer({ minimum: 1, description: 'Whole days since submission' }),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: { ...approvalOverdueV1Example, addressedTo: 'manager' },
});

export const approvalOverdueV1ToV2 = defineUpcaster<
  EventData<typeof ApprovalOverdueV1>,
  EventData<typeof ApprovalOverdue>
>({
  name: 'ApprovalOverdue',
  fromVersion: 1,
  upcast: (data) => ({ ...data, addressedTo: 'manager' }),
});

export const ApprovalWithdrawn = defineEvent({
  context,
  name: 'ApprovalWithdrawn',
  version: 1,
  description:
    "A pending approval request closed without a decision because the employee withdrew its goal: it leaves the manager's (or HR's) inbox, and approving or rejecting it is refused as no longer pending.",
  schema: Type.Object(
    {
      requestId: Id('Approval request'),
      goalId: Id('Goal'),
      employeeId: Id('Employee'),
      kind: Type.Union([Type.Literal('submission'), Type.Literal('adjustment')], {
        description: 'What the request asked the manager to agree to',
      }),
      reason: Type.Literal('goal-withdrawn', { description: 'Why it closed undecided' }),
    },
    { additionalProperties: false },
  ),
  subjectOf: (data) => data.employeeId,
  example: {
    requestId: 'apr-4001',
    goalId: 'goal-3001',
    employeeId: 'emp-1001',
    kind: 'submission',
    reason: 'goal-withdrawn',
  },
});

/** Current versions only; older versions are listed in the catalog with their upcasters. */
export const approvalEvents = [
  ApprovalRequested,
  GoalApproved,
  GoalRejected,
  ApprovalReassigned,
  ApprovalOverdue,
  AdjustmentApprovalRequested,
  AdjustmentApproved,
  AdjustmentRejected,
  ApprovalWithdrawn,
] as const;

export type ApprovalRequestedV1 = EventOf<typeof ApprovalRequestedV1>;
export type ApprovalRequested = EventOf<typeof ApprovalRequested>;
export type GoalApproved = EventOf<typeof GoalApproved>;
export type GoalRejected = EventOf<typeof GoalRejected>;
export type ApprovalReassigned = EventOf<typeof ApprovalReassigned>;
export type ApprovalOverdue = EventOf<typeof ApprovalOverdue>;
export type AdjustmentApprovalRequested = EventOf<typeof AdjustmentApprovalRequested>;
export type AdjustmentApproved = EventOf<typeof AdjustmentApproved>;
export type AdjustmentRejected = EventOf<typeof AdjustmentRejected>;
export type ApprovalWithdrawn = EventOf<typeof ApprovalWithdrawn>;
