import { Type } from '@sinclair/typebox';
import { Personal } from '../personal-data';
import { defineEvent, type EventOf } from '../event-definition';
import { Id, IsoDateTime } from '../metadata';
import { CheckInCadence, Text } from './shared.schemas';

const context = 'approval';

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

export const ApprovalRequested = defineEvent({
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
  example: {
    requestId: 'apr-4001',
    goalId: 'goal-3001',
    employeeId: 'emp-1001',
    managerId: 'emp-0007',
    submissionNumber: 1,
    submittedAt: '2026-02-02T10:00:00.000Z',
  },
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

export const ApprovalReassigned = defineEvent({
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
  example: {
    requestId: 'apr-4001',
    goalId: 'goal-3001',
    employeeId: 'emp-1001',
    fromManagerId: 'emp-0007',
    toManagerId: 'emp-0031',
    reason: 'reporting-line-change',
  },
});

export const ApprovalOverdue = defineEvent({
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
  example: {
    requestId: 'apr-4001',
    goalId: 'goal-3001',
    employeeId: 'emp-1001',
    managerId: 'emp-0007',
    pendingDays: 7,
  },
});

export const approvalEvents = [
  ApprovalRequested,
  GoalApproved,
  GoalRejected,
  ApprovalReassigned,
  ApprovalOverdue,
] as const;

export type ApprovalRequested = EventOf<typeof ApprovalRequested>;
export type GoalApproved = EventOf<typeof GoalApproved>;
export type GoalRejected = EventOf<typeof GoalRejected>;
export type ApprovalReassigned = EventOf<typeof ApprovalReassigned>;
export type ApprovalOverdue = EventOf<typeof ApprovalOverdue>;
