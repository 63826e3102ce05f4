import type {
  EmployeeSynced,
  FeedbackRoundAggregated,
  GapIdentified,
  MeasurementRecorded,
  MotivationRecorded,
  Remeasured,
  ReportingLineChanged,
} from '@talentloop/contracts';
import { assertNever, type Decider } from '@talentloop/domain-kernel';
import {
  AptitudeUnknown,
  SelfObservation,
  assertNoViolations,
  EmployeeNotFound,
  InvalidAssessmentInput,
  NoBaseline,
  RoleProfileMissing,
} from '../errors';
import { competencyIn, type FrameworkVersion } from '../framework/framework.decider';
import type { RoleProfile } from '../role-profile/role-profile.decider';
import { compareWithBaseline, roundRemeasurement, type Comparison } from '../rules/comparison';
import { aggregateRound, answerViolations, type RaterAnswer } from '../rules/feedback-aggregation';
import { analyseGaps } from '../rules/gap-analysis';
import {
  measurementOf,
  measurementViolations,
  type Measurement,
  type MeasurementInput,
} from '../rules/measurement';
import type { PriorityWeighting } from '../rules/prioritisation';
import { text } from '@talentloop/i18n';

export type EmployeeRecord = EmployeeSynced['data'];
export type FeedbackRound = FeedbackRoundAggregated['data'];

/** The role profile of the employee and the framework version it refers to, as resolved by the caller. */
export interface Reference {
  readonly role: RoleProfile;
  readonly framework: FrameworkVersion;
}

export type EmployeeEvent =
  | EmployeeSynced
  | ReportingLineChanged
  | MeasurementRecorded
  | FeedbackRoundAggregated
  | MotivationRecorded
  | GapIdentified
  | Remeasured;

type Command<Type extends string, Data> = { readonly type: Type; readonly data: Data };
type Referenced<Data> = Data & { readonly reference: Reference | undefined };

export type EmployeeCommand =
  | Command<'SyncEmployee', { readonly record: EmployeeRecord; readonly effectiveAt: string }>
  | Command<'RecordMeasurement', Referenced<{ readonly measurement: MeasurementInput }>>
  | Command<'Remeasure', Referenced<{ readonly measurement: MeasurementInput }>>
  | Command<
      'RecordObservation',
      Referenced<{
        /** What the manager saw: behaviour (and indicators), no aptitude, no facets. */
        readonly observation: Omit<MeasurementInput, 'instrument' | 'aptitude' | 'facetScores'>;
        readonly observedBy: string;
        /** A remeasurement is compared with the latest measurement, as any remeasurement. */
        readonly recordAs: 'measurement' | 'remeasurement';
      }>
    >
  | Command<
      'CloseFeedbackRound',
      Referenced<{
        readonly employeeId: string;
        readonly roundId: string;
        readonly measurementId: string;
        readonly competencyId: string;
        readonly closedAt: string;
        readonly invitedCount: number;
        /** Aptitude is not what raters see; when absent, the latest measured aptitude is kept. */
        readonly aptitude: number | undefined;
        readonly answers: readonly RaterAnswer[];
      }>
    >
  | Command<
      'RecordMotivation',
      Referenced<{
        readonly employeeId: string;
        readonly competencyId: string;
        readonly energy: number;
        readonly note?: string;
      }>
    >
  | Command<
      'IdentifyGaps',
      Referenced<{ readonly employeeId: string; readonly weighting: PriorityWeighting }>
    >;

export interface AssessedEmployee {
  readonly status: 'synced';
  readonly record: EmployeeRecord;
  readonly measurements: Readonly<Record<string, Measurement>>;
  /** The latest measurement per competency: what gap analysis and remeasurement start from. */
  readonly latest: Readonly<Record<string, Measurement>>;
  readonly motivations: Readonly<Record<string, MotivationRecorded['data']>>;
  readonly rounds: readonly FeedbackRound[];
  /** Measurements whose gap was published, so a rerun publishes only new gaps. */
  readonly identifiedGaps: readonly string[];
  readonly remeasurements: readonly Comparison[];
}

export type EmployeeState = { readonly status: 'unknown' } | AssessedEmployee;

export const energiesOf = (employee: AssessedEmployee): Record<string, number> =>
  Object.fromEntries(
    Object.values(employee.motivations).map((motivation) => [
      motivation.competencyId,
      motivation.energy,
    ]),
  );

const evolveAssessed = (employee: AssessedEmployee, event: EmployeeEvent): AssessedEmployee => {
  switch (event.type) {
    case 'EmployeeSynced':
      return { ...employee, record: event.data };
    case 'ReportingLineChanged':
      return { ...employee, record: { ...employee.record, managerId: event.data.newManagerId } };
    case 'MeasurementRecorded':
      return {
        ...employee,
        measurements: { ...employee.measurements, [event.data.measurementId]: event.data },
        latest: { ...employee.latest, [event.data.competencyId]: event.data },
      };
    case 'FeedbackRoundAggregated':
      return { ...employee, rounds: [...employee.rounds, event.data] };
    case 'MotivationRecorded':
      return {
        ...employee,
        motivations: { ...employee.motivations, [event.data.competencyId]: event.data },
      };
    case 'GapIdentified':
      return {
        ...employee,
        identifiedGaps: [...employee.identifiedGaps, event.data.measurementId],
      };
    case 'Remeasured':
      return { ...employee, remeasurements: [...employee.remeasurements, event.data] };
    default:
      return assertNever(event);
  }
};

const newlySynced = (record: EmployeeRecord): AssessedEmployee => ({
  status: 'synced',
  record,
  measurements: {},
  latest: {},
  motivations: {},
  rounds: [],
  identifiedGaps: [],
  remeasurements: [],
});

const sync = (
  state: EmployeeState,
  { record, effectiveAt }: { record: EmployeeRecord; effectiveAt: string },
): EmployeeEvent[] => {
  assertNoViolations(
    'employeeRecord',
    record.managerId === record.employeeId
      ? [{ field: 'managerId', message: text('assessmentInput.ownManager') }]
      : [],
  );
  if (state.status === 'unknown') return [{ type: 'EmployeeSynced', data: record }];
  // The HRIS sends every record again on each sync; only a change is news.
  if (JSON.stringify(state.record) === JSON.stringify(record)) return [];
  const previousManagerId = state.record.managerId;
  return [
    { type: 'EmployeeSynced', data: record },
    ...(previousManagerId === record.managerId
      ? []
      : [
          {
            type: 'ReportingLineChanged' as const,
            data: {
              employeeId: record.employeeId,
              previousManagerId,
              newManagerId: record.managerId,
              effectiveAt,
            },
          },
        ]),
  ];
};

/** Measuring needs a known employee and the framework of their role profile. */
const assessable = (
  state: EmployeeState,
  employeeId: string,
  reference: Reference | undefined,
): { employee: AssessedEmployee; reference: Reference } => {
  if (state.status === 'unknown') throw new EmployeeNotFound(employeeId);
  if (!reference) throw new RoleProfileMissing(state.record.roleId);
  return { employee: state, reference };
};

const validMeasurement = (input: MeasurementInput, framework: FrameworkVersion): Measurement => {
  assertNoViolations('measurement', measurementViolations(input, framework));
  return measurementOf(input, framework);
};

/**
 * A measurement, and for a remeasurement also its comparison with the latest measurement
 * of the competency (the baseline). Measurement ids derive from content, so the same
 * measurement again is a retry and records nothing.
 */
const measure = (
  state: EmployeeState,
  kind: 'RecordMeasurement' | 'Remeasure',
  { measurement, reference }: Referenced<{ readonly measurement: MeasurementInput }>,
): EmployeeEvent[] => {
  const assessed = assessable(state, measurement.employeeId, reference);
  if (assessed.employee.measurements[measurement.measurementId]) return [];
  const recorded = validMeasurement(measurement, assessed.reference.framework);
  if (kind === 'RecordMeasurement') return [{ type: 'MeasurementRecorded', data: recorded }];
  const baseline = assessed.employee.latest[measurement.competencyId];
  if (!baseline) throw new NoBaseline(measurement.employeeId, measurement.competencyId);
  return [
    { type: 'MeasurementRecorded', data: recorded },
    { type: 'Remeasured', data: compareWithBaseline(baseline, recorded) },
  ];
};

/**
 * A manager observation: behaviour seen at work, recorded as a (less robust) measurement or
 * remeasurement. Aptitude is not what a manager scores, so the latest measured aptitude and its
 * facets are kept, as for a 360° round without one.
 */
const observe = (
  state: EmployeeState,
  {
    observation,
    observedBy,
    recordAs,
    reference,
  }: Extract<EmployeeCommand, { type: 'RecordObservation' }>['data'],
): EmployeeEvent[] => {
  const { employee } = assessable(state, observation.employeeId, reference);
  if (observedBy === observation.employeeId) throw new SelfObservation();
  const previous = employee.latest[observation.competencyId];
  if (!previous) throw new AptitudeUnknown(observation.competencyId, 'manager-observation');
  const measurement: MeasurementInput = {
    ...observation,
    instrument: 'manager-observation',
    aptitude: previous.aptitude,
    facetScores: previous.facetScores,
  };
  return measure(state, recordAs === 'measurement' ? 'RecordMeasurement' : 'Remeasure', {
    measurement,
    reference,
  });
};

const closeRound = (
  employee: AssessedEmployee,
  framework: FrameworkVersion,
  command: Extract<EmployeeCommand, { type: 'CloseFeedbackRound' }>['data'],
): EmployeeEvent[] => {
  const { roundId, measurementId, competencyId, closedAt, invitedCount, answers } = command;
  if (employee.rounds.some((round) => round.roundId === roundId)) return [];
  const competency = competencyIn(framework, competencyId);
  if (!competency)
    throw new InvalidAssessmentInput('feedbackRound', [
      { field: 'competencyId', message: text('assessmentInput.notInFramework', { competencyId }) },
    ]);
  assertNoViolations(
    'feedbackRound',
    answerViolations(
      answers,
      competency.indicators.map((indicator) => indicator.indicatorId),
    ),
  );
  const aggregated = aggregateRound(answers);
  if (aggregated.behaviour === undefined)
    throw new InvalidAssessmentInput('feedbackRound', [
      { field: 'answers', message: text('assessmentInput.noRaterGroupShown') },
    ]);
  const previous = employee.latest[competencyId];
  const aptitude = command.aptitude ?? previous?.aptitude;
  if (aptitude === undefined) throw new AptitudeUnknown(competencyId);
  const measurement = validMeasurement(
    {
      measurementId,
      employeeId: employee.record.employeeId,
      competencyId,
      instrument: '360-round',
      aptitude,
      behaviour: aggregated.behaviour,
      indicatorScores: [...aggregated.indicatorBehaviour],
      facetScores: command.aptitude === undefined ? (previous?.facetScores ?? []) : [],
      measuredAt: closedAt,
    },
    framework,
  );
  return [
    {
      type: 'FeedbackRoundAggregated',
      data: {
        roundId,
        employeeId: employee.record.employeeId,
        competencyId,
        frameworkVersion: framework.frameworkVersion,
        closedAt,
        invitedCount: Math.max(invitedCount, aggregated.respondedCount),
        respondedCount: aggregated.respondedCount,
        competencyScores: [...aggregated.competencyScores],
        indicators: aggregated.indicators,
      },
    },
    { type: 'MeasurementRecorded', data: measurement },
    ...remeasuredBy(previous, measurement),
  ];
};

/** The Remeasured a round brings when it repeats a 360° round (roundRemeasurement). */
const remeasuredBy = (previous: Measurement | undefined, round: Measurement): EmployeeEvent[] => {
  const comparison = roundRemeasurement(previous, round);
  return comparison ? [{ type: 'Remeasured', data: comparison }] : [];
};

const identifyGaps = (
  employee: AssessedEmployee,
  { role, framework }: Reference,
  weighting: PriorityWeighting,
): EmployeeEvent[] =>
  analyseGaps(role, framework, employee.latest, energiesOf(employee), weighting)
    .ranked.filter((gap) => !employee.identifiedGaps.includes(gap.measurementId))
    .map((gap) => ({
      type: 'GapIdentified' as const,
      data: {
        gapId: `gap-${gap.measurementId}`,
        employeeId: employee.record.employeeId,
        competencyId: gap.competencyId,
        measurementId: gap.measurementId,
        roleId: role.roleId,
        aptitude: gap.aptitude,
        behaviour: gap.behaviour,
        requiredLevel: gap.requiredLevel,
        gap: gap.gap,
        weakestIndicators: gap.weakestIndicators.map(({ indicatorId, score }) => ({
          indicatorId,
          score,
        })),
        strongestIndicators: gap.strongestIndicators.map(({ indicatorId, score }) => ({
          indicatorId,
          score,
        })),
        priority: gap.priority,
        reasons: [...gap.reasons],
      },
    }));

export const employeeDecider: Decider<EmployeeCommand, EmployeeEvent, EmployeeState> = {
  initialState: () => ({ status: 'unknown' }),
  evolve: (state, event) => {
    if (event.type === 'EmployeeSynced' && state.status === 'unknown')
      return newlySynced(event.data);
    return state.status === 'unknown' ? state : evolveAssessed(state, event);
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'SyncEmployee':
        return sync(state, command.data);
      case 'RecordMeasurement':
      case 'Remeasure':
        return measure(state, command.type, command.data);
      case 'RecordObservation':
        return observe(state, command.data);
      case 'CloseFeedbackRound': {
        const { employee, reference } = assessable(
          state,
          command.data.employeeId,
          command.data.reference,
        );
        return closeRound(employee, reference.framework, command.data);
      }
      case 'RecordMotivation': {
        const { employeeId, competencyId, energy, note } = command.data;
        const { employee, reference } = assessable(state, employeeId, command.data.reference);
        assertNoViolations('motivation', [
          ...(competencyIn(reference.framework, competencyId)
            ? []
            : [
                {
                  field: 'competencyId',
                  message: text('assessmentInput.notInFramework', { competencyId }),
                },
              ]),
          ...(Number.isInteger(energy) && energy >= 1 && energy <= 5
            ? []
            : [{ field: 'energy', message: text('assessmentInput.energy', { energy }) }]),
        ]);
        const current = employee.motivations[competencyId];
        if (current && current.energy === energy && current.note === note) return [];
        const data = { employeeId: employee.record.employeeId, competencyId, energy };
        return [
          { type: 'MotivationRecorded', data: note === undefined ? data : { ...data, note } },
        ];
      }
      case 'IdentifyGaps': {
        const { employee, reference } = assessable(
          state,
          command.data.employeeId,
          command.data.reference,
        );
        return identifyGaps(employee, reference, command.data.weighting);
      }
      default:
        return assertNever(command);
    }
  },
};
