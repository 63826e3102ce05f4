import {
  GoalActivated,
  GoalAdjusted,
  GoalDrafted,
  GoalAgreed,
  GoalDraftedV2,
  GoalEdited,
  GoalSubmissionRejected,
  GoalSubmitted,
  type PlanningEvent,
} from '@talentloop/contracts';
import { defaultSmartSettings, type GoalContext, type MeasuredCriterion } from './goal-content';
import type { GoalMeasurement } from './goal-measurement';
import type { GoalCommand } from './goal.commands';
import { goalDecider } from './goal.decider';

/** Events and commands of the goal decider's tests: goal-3001 of emp-1001, managed by mgr-1. */

export const now = new Date('2026-03-01T09:00:00.000Z');
export const ids = { goalId: 'goal-3001', employeeId: 'emp-1001' };

/** The context of the contracts' example gap: Collaboration, active listening the weak spot. */
export const context: GoalContext = {
  targetName: 'Collaboration',
  definition: 'Works with others towards a shared result.',
  indicators: [],
  aptitude: 78,
  behaviour: 45,
  weakestIndicators: [{ indicatorId: 'active-listening', score: 45 }],
  strongestIndicators: [],
  requiredLevel: 4,
  roleName: 'Team lead',
  facets: [],
  measuredBy: { measurementId: 'msr-5001', instrument: null, measuredAt: null },
  motivationNote: null,
};

export const answers = {
  whatWasDone: 'Summarised before replying in two meetings.',
  whatGoesWellAndWhatIsHard: 'Summaries go well; waiting is hard.',
  whatIsNext: 'Ask one deepening question per meeting.',
};

/** The example's criterion, measured: on the indicator active listening, target 60. */
export const exampleCriterion: MeasuredCriterion = {
  kind: 'measured',
  ...GoalDraftedV2.example.successCriteria[0],
};

export const twoCriteria: Partial<GoalDrafted['data']> = {
  successCriteria: [
    exampleCriterion,
    {
      kind: 'measured',
      criterionId: 'crit-2',
      instrument: '360-round',
      metric: 'behaviour-score',
      indicatorIds: [],
      target: 55,
      description: 'Collaboration scores at least 55 in the next 360° round.',
    },
  ],
};

export function fold(events: readonly PlanningEvent[]) {
  return events.reduce(goalDecider.evolve, goalDecider.initialState());
}

export function drafted(changes: Partial<GoalDrafted['data']> = {}): PlanningEvent {
  return { type: 'GoalDrafted', data: { ...GoalDrafted.example, ...changes } };
}

export function submitted(submissionNumber: number): PlanningEvent {
  return { type: 'GoalSubmitted', data: { ...GoalSubmitted.example, submissionNumber } };
}

/** Approval rejected the submission, as planning's consumer records it on the goal. */
export function rejected(submissionNumber: number): PlanningEvent {
  return {
    type: 'GoalSubmissionRejected',
    data: { ...GoalSubmissionRejected.example, submissionNumber },
  };
}

/** The employee agreed to the goal as it stands (SMART: acceptable). */
export function agreed(): PlanningEvent {
  return { type: 'GoalAgreed', data: GoalAgreed.example };
}

export function edited(): PlanningEvent {
  return { type: 'GoalEdited', data: GoalEdited.example };
}

export function activated(): PlanningEvent {
  return {
    type: 'GoalActivated',
    data: { ...GoalActivated.example, nextCheckInDueAt: '2026-03-15T09:00:00.000Z' },
  };
}

export function completed(actionId: string): PlanningEvent {
  return { type: 'ActionCompleted', data: { ...ids, actionId } };
}

export function adjusted(): PlanningEvent {
  return { type: 'GoalAdjusted', data: { ...GoalAdjusted.example, requiresAcknowledgement: true } };
}

export function submit(
  overrides: Partial<Extract<GoalCommand, { type: 'SubmitGoal' }>['data']> = {},
): GoalCommand {
  return {
    type: 'SubmitGoal',
    data: {
      managerId: 'mgr-1',
      context,
      settings: defaultSmartSettings,
      today: '2026-03-01',
      ...overrides,
    },
  };
}

/** Approval's rejection of the submission, as planning's consumer hands it to the goal. */
export function reject(submissionNumber: number): GoalCommand {
  const { approvalRequestId, rejectedBy, rejectedAt } = GoalSubmissionRejected.example;
  return {
    type: 'RejectSubmission',
    data: { approvalRequestId, submissionNumber, rejectedBy, rejectedAt },
  };
}

export function activate(submissionNumber: number): GoalCommand {
  return {
    type: 'ActivateGoal',
    data: {
      approvalRequestId: 'apr-4001',
      submissionNumber,
      checkInCadence: 'fortnightly',
      now,
      baseline,
    },
  };
}

export function edit(): GoalCommand {
  return {
    type: 'EditGoal',
    data: {
      changes: { situation: 'In every project kick-off with the client.' },
      editedBy: 'emp-1001',
    },
  };
}

export function withdraw(): GoalCommand {
  return {
    type: 'WithdrawGoal',
    data: { reason: 'Moved to another team.', withdrawnBy: 'emp-1001' },
  };
}

export function checkIn(
  at: string,
  actionsTicked: string[],
  by: { loggedBy: string; managerNotes?: string } = { loggedBy: ids.employeeId },
  durationMinutes = 20,
): GoalCommand {
  return {
    type: 'LogCheckIn',
    data: {
      checkInId: 'chk-1',
      answers,
      durationMinutes,
      actionsTicked,
      ...by,
      now: new Date(at),
    },
  };
}

/** The example's on-the-job action and one more: what an adjustment of the actions sends. */
export const twoPracticeActions = [
  ...GoalDrafted.example.actions,
  {
    actionId: 'act-2',
    kind: 'on-the-job' as const,
    description: 'Summarise the previous speaker before giving my view in design reviews.',
    frequency: 'every design review',
    estimatedHours: 4,
  },
];

export function adjust(
  changes: GoalAdjusted['data']['changes'],
  adjustmentId = 'adj-1',
): GoalCommand {
  return {
    type: 'AdjustGoal',
    data: {
      adjustmentId,
      changes,
      reason: 'The project moved by two months.',
      adjustedBy: 'emp-1001',
      check: { context, settings: defaultSmartSettings, today: '2026-04-01' },
    },
  };
}

export function acknowledge(adjustmentId = 'adj-1'): GoalCommand {
  return {
    type: 'AcknowledgeAdjustment',
    data: { adjustmentId, acknowledgedBy: 'mgr-1' },
  };
}

export function refuse(adjustmentId = 'adj-1'): GoalCommand {
  return {
    type: 'RefuseAdjustment',
    data: {
      adjustmentId,
      reason: 'The leave is covered by the milestones; keep the deadline.',
      refusedBy: 'mgr-1',
    },
  };
}

/** The history after the commands, each decided on the state the ones before it left. */
export function decided(given: readonly PlanningEvent[], ...commands: GoalCommand[]) {
  return commands.reduce<readonly PlanningEvent[]>(
    (history, command) => [...history, ...goalDecider.decide(command, fold(history))],
    given,
  );
}

/** The baseline the example activation freezes: msr-5001, a 360° round, listening 45. */
export const baseline = GoalActivated.example.baseline;

export function measured(
  measurementId: string,
  day: string,
  scores: { listening: number; behaviour: number },
): GoalMeasurement {
  return {
    measurementId,
    instrument: '360-round',
    measuredAt: `${day}T10:00:00.000Z`,
    behaviour: scores.behaviour,
    indicators: [{ indicatorId: 'active-listening', score: scores.listening }],
  };
}

export function measure(
  measurementId: string,
  day: string,
  scores: { listening: number; behaviour: number },
): GoalCommand {
  return { type: 'MeasureProgress', data: { measurement: measured(measurementId, day, scores) } };
}

export function progressed(
  measurementId: string,
  day: string,
  scores: { listening: number; behaviour: number },
): PlanningEvent {
  return {
    type: 'GoalProgressMeasured',
    data: {
      ...ids,
      measurement: measured(measurementId, day, scores),
      baselineMeasurementId: 'msr-5001',
    },
  };
}
