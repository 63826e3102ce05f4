import {
  eventRegistry,
  robustnessOfInstrument,
  streamName,
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
  type MeasurementInstrument,
  type MeasurementRecorded,
  type PersonErased,
  type PlanStarted,
  type Remeasured,
  type ReportingLineChanged,
  type RoleProfileDefined,
} from '@talentloop/contracts';
import type { EventStore, EventToAppend } from '@talentloop/event-store';
import type { HistoryEvent } from '../read-models/employee-history';
import { deterministicUuids, seededRandom, type Random } from './random';

export interface OrganisationHistoryOptions {
  readonly tenants?: readonly string[];
  /** Employees per tenant; employee 0 heads the organisation and has no manager. */
  readonly employees: number;
  readonly departments: number;
  /** Approximate total; development cycles are generated until it is reached (3 rounds without it). */
  readonly targetEvents?: number;
  readonly seed?: number;
  /** 2026-01-01T00:00:00Z by default; event times advance from there. */
  readonly start?: Date;
}

type OrganisationEvent =
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
type EventType = OrganisationEvent['type'];
type DataOf<Type extends EventType> = Extract<OrganisationEvent, { type: Type }>['data'];
type GoalContent = GoalSubmitted['data']['goal'];
type MeasuredCriterion = Extract<GoalContent['successCriteria'][number], { kind: 'measured' }>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const FRAMEWORK_ID = 'framework-core';
const FRAMEWORK_VERSION = 1;
/** Development cycles per employee when no target is given. */
const DEFAULT_ROUNDS = 3;

const competencyNames = [
  'Collaboration',
  'Communication',
  'Ownership',
  'Problem solving',
  'Coaching',
  'Planning',
  'Customer focus',
  'Adaptability',
] as const;

interface Competency {
  readonly id: string;
  readonly indicators: readonly string[];
  readonly facets: readonly string[];
}

const competencies: readonly Competency[] = competencyNames.map((name) => {
  const id = name.toLowerCase().replace(/ /g, '-');
  return {
    id,
    indicators: [1, 2, 3].map((n) => `${id}-i${n}`),
    facets: [1, 2].map((n) => `${id}-f${n}`),
  };
});

/** Role profiles: the competencies (by index), required level and weight. */
const roles = [
  {
    roleId: 'team-lead',
    name: 'Team lead',
    required: [
      [0, 4, 30],
      [4, 4, 30],
      [5, 3, 20],
      [1, 4, 20],
    ],
  },
  {
    roleId: 'engineer',
    name: 'Engineer',
    required: [
      [3, 4, 40],
      [0, 3, 25],
      [2, 3, 20],
      [7, 3, 15],
    ],
  },
  {
    roleId: 'analyst',
    name: 'Analyst',
    required: [
      [3, 4, 35],
      [1, 3, 30],
      [5, 3, 20],
      [2, 3, 15],
    ],
  },
  {
    roleId: 'consultant',
    name: 'Consultant',
    required: [
      [6, 4, 35],
      [1, 4, 30],
      [7, 3, 20],
      [0, 3, 15],
    ],
  },
] as const;

const baselineInstruments: readonly MeasurementInstrument[] = [
  'assessment',
  'assessment',
  'assessment',
  '360-round',
  '360-round',
  '360-round',
  '360-round',
  'manager-observation',
  'mini-feedback',
  'self-evaluation',
];
const cadences = ['weekly', 'fortnightly', 'fortnightly', 'monthly', 'monthly'] as const;
const cadenceDays = { weekly: 7, fortnightly: 14, monthly: 30 } as const;
const actionKinds = ['on-the-job', 'learning-from-others', 'formal-learning'] as const;

const clamp = (score: number): number => (score < 0 ? 0 : score > 100 ? 100 : score);
const day = (at: number): string => new Date(at).toISOString().slice(0, 10);
const change = (baseline: number, remeasured: number) => ({
  baseline,
  remeasured,
  absoluteDelta: remeasured - baseline,
  relativeDelta:
    baseline === 0 ? null : Math.round(((remeasured - baseline) / baseline) * 1e4) / 1e4,
});

interface Employee {
  readonly index: number;
  readonly id: string;
  readonly stream: string;
  managerIndex: number;
  roleIndex: number;
  clock: number;
  cycles: number;
  measurements: number;
  lastPlanId: string | null;
}

/** The text of the published examples, read once: generated events reuse it. */
const examples = () => {
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

/**
 * A whole organisation's multi-service history built from the published examples: the
 * framework and role profiles, every employee synced under a manager, then development cycles
 * (measure, gap, plan, goal, approval with rejections, check-ins, remeasure, evaluation) in
 * rounds over all employees, some reporting-line changes, and a few people erased at the end.
 * Yields one batch per tenant set-up, per chunk of syncs and per employee cycle, so a million
 * events never sit in memory at once. Deterministic for a seed, event ids included.
 */
export function* organisationHistory(
  options: OrganisationHistoryOptions,
): Generator<HistoryEvent[]> {
  const seed = options.seed ?? 42;
  const next: Random = seededRandom(seed);
  const uuid = deterministicUuids(seed);
  const tenants = options.tenants ?? ['acme'];
  const start = (options.start ?? new Date(Date.UTC(2026, 0, 1))).getTime();
  const text = examples();
  // Schema versions once per type: MeasurementRecorded is at v2 with robustness.
  const versions = new Map<string, number>();
  const versionOf = (type: string): number => {
    let version = versions.get(type);
    if (version === undefined) {
      version = eventRegistry.current(type)?.version ?? 1;
      versions.set(type, version);
    }
    return version;
  };
  // A tree with spans of 8: the first eighth of the employees manage the others.
  const managerCount = Math.max(1, Math.ceil(options.employees / 8));
  const managerOf = (index: number) => (index === 0 ? -1 : Math.floor((index - 1) / 8));

  let emitted = 0;
  let batch: HistoryEvent[] = [];
  const emit = <Type extends EventType>(
    stream: string,
    subject: string,
    tenantId: string,
    actorId: string,
    at: number,
    type: Type,
    data: DataOf<Type>,
  ): void => {
    const event: EventToAppend = {
      id: uuid(),
      type,
      data,
      metadata: {
        tenantId,
        actorId,
        occurredAt: new Date(at).toISOString(),
        schemaVersion: versionOf(type),
      },
    };
    batch.push({ streamName: stream, subject, event });
  };
  const flush = (): HistoryEvent[] => {
    const done = batch;
    batch = [];
    emitted += done.length;
    return done;
  };

  const people = new Map<string, Employee[]>();
  for (const tenantId of tenants) {
    const frameworkStream = streamName({
      context: 'assessment',
      aggregate: 'framework',
      tenantId,
      id: FRAMEWORK_ID,
    });
    emit(
      frameworkStream,
      FRAMEWORK_ID,
      tenantId,
      'hr-admin',
      start,
      'CompetencyFrameworkPublished',
      {
        frameworkId: FRAMEWORK_ID,
        frameworkVersion: FRAMEWORK_VERSION,
        name: 'Core competencies',
        language: 'en',
        competencies: competencies.map((competency, index) => ({
          competencyId: competency.id,
          name: competencyNames[index] ?? competency.id,
          definition: `What ${competency.id} means in daily work.`,
          kind: 'competency' as const,
          indicators: competency.indicators.map((indicatorId) => ({
            indicatorId,
            name: indicatorId,
            levels: {
              '1': 'Rarely shows it.',
              '2': 'Shows it when asked.',
              '3': 'Shows it in routine situations.',
              '4': 'Shows it under pressure.',
              '5': 'Helps others show it.',
            },
          })),
          facets: competency.facets.map((facetId) => ({
            facetId,
            name: facetId,
            description: 'A trait that underlies aptitude.',
          })),
        })),
      },
    );
    for (const [index, role] of roles.entries()) {
      emit(
        streamName({ context: 'assessment', aggregate: 'roleProfile', tenantId, id: role.roleId }),
        role.roleId,
        tenantId,
        'hr-admin',
        start + (index + 1) * MINUTE,
        'RoleProfileDefined',
        {
          roleId: role.roleId,
          roleVersion: 1,
          name: role.name,
          frameworkId: FRAMEWORK_ID,
          frameworkVersion: FRAMEWORK_VERSION,
          requiredCompetencies: role.required.map(([competency, requiredLevel, weight]) => ({
            competencyId: competencies[competency]?.id ?? 'collaboration',
            requiredLevel,
            weight,
          })),
        },
      );
    }
    yield flush();

    const employees: Employee[] = [];
    for (let index = 0; index < options.employees; index++) {
      const id = `emp-${index}`;
      const employee: Employee = {
        index,
        id,
        stream: streamName({ context: 'assessment', aggregate: 'employee', tenantId, id }),
        managerIndex: managerOf(index),
        roleIndex: index < managerCount ? 0 : 1 + next(roles.length - 1),
        clock: start + HOUR + index * 10_000,
        cycles: 0,
        measurements: 0,
        lastPlanId: null,
      };
      employees.push(employee);
      const department = next(options.departments);
      emit(employee.stream, id, tenantId, 'hris-sync', employee.clock, 'EmployeeSynced', {
        ...text.synced,
        employeeId: id,
        externalId: `HR-${index}`,
        displayName: `Employee ${index}`,
        email: `${id}@example.com`,
        roleId: roles[employee.roleIndex]?.roleId ?? 'engineer',
        departmentId: `dept-${department}`,
        departmentName: `Department ${department}`,
        managerId: employee.managerIndex < 0 ? null : `emp-${employee.managerIndex}`,
        preferredLanguage: next(2) === 0 ? 'nl' : 'en',
        employmentStatus: 'active',
      });
      if (batch.length >= 1000) yield flush();
    }
    if (batch.length > 0) yield flush();
    people.set(tenantId, employees);
  }

  /** One development cycle of one employee, its events in causal order. */
  const cycle = (tenantId: string, employee: Employee): void => {
    const { id: employeeId, stream: employeeStream } = employee;
    const n = ++employee.cycles;
    const on = <Type extends EventType>(
      stream: string,
      actorId: string,
      type: Type,
      data: DataOf<Type>,
    ) => emit(stream, employeeId, tenantId, actorId, employee.clock, type, data);
    const later = (min: number, spread: number) => {
      employee.clock += min + next(spread);
    };

    later(DAY, 30 * DAY);
    // Some reporting lines change between cycles, never while an approval is pending.
    if (employee.index > 1 && next(12) === 0) {
      const candidates = Math.min(employee.index, managerCount);
      const newManager = next(candidates);
      if (newManager !== employee.managerIndex) {
        on(employeeStream, 'hris-sync', 'ReportingLineChanged', {
          employeeId,
          previousManagerId: employee.managerIndex < 0 ? null : `emp-${employee.managerIndex}`,
          newManagerId: `emp-${newManager}`,
          effectiveAt: new Date(employee.clock).toISOString(),
        });
        employee.managerIndex = newManager;
        later(HOUR, DAY);
      }
    }
    const managerId = `emp-${employee.managerIndex}`;

    // Measurement of 2–4 of the role's competencies, instruments mixed.
    const role = roles[employee.roleIndex] ?? roles[1];
    const measured = 2 + next(3);
    const first = next(role.required.length);
    const baselines: {
      measurementId: string;
      competency: Competency;
      requiredLevel: number;
      weight: number;
      instrument: MeasurementInstrument;
      aptitude: number;
      behaviour: number;
      indicators: { indicatorId: string; score: number }[];
    }[] = [];
    for (let k = 0; k < measured; k++) {
      const [competencyIndex, requiredLevel, weight] =
        role.required[(first + k) % role.required.length] ?? role.required[0];
      const competency = competencies[competencyIndex] ?? competencies[0];
      const instrument = baselineInstruments[next(baselineInstruments.length)] ?? 'assessment';
      const aptitude = 40 + next(56);
      const behaviour = clamp(aptitude - 5 - next(36));
      const indicators = competency.indicators.map((indicatorId) => ({
        indicatorId,
        score: clamp(behaviour - 15 + next(31)),
      }));
      const measurementId = `msr-${employee.index}-${++employee.measurements}`;
      later(MINUTE, HOUR);
      on(employeeStream, 'assessment-import', 'MeasurementRecorded', {
        measurementId,
        employeeId,
        competencyId: competency.id,
        frameworkVersion: FRAMEWORK_VERSION,
        instrument,
        aptitude,
        behaviour,
        indicatorScores: indicators,
        facetScores: competency.facets.map((facetId) => ({
          facetId,
          score: clamp(aptitude - 10 + next(21)),
        })),
        measuredAt: new Date(employee.clock).toISOString(),
        robustness: robustnessOfInstrument(instrument),
      });
      baselines.push({
        measurementId,
        competency,
        requiredLevel,
        weight,
        instrument,
        aptitude,
        behaviour,
        indicators,
      });
    }
    // Gaps ranked by the room to grow weighted by the role; the first becomes the goal.
    baselines.sort(
      (a, b) => (b.aptitude - b.behaviour) * b.weight - (a.aptitude - a.behaviour) * a.weight,
    );
    later(HOUR, 4 * HOUR);
    const gapIds: string[] = [];
    for (const [rank, baseline] of baselines.entries()) {
      const gapId = `gap-${employee.index}-${n}-${rank + 1}`;
      gapIds.push(gapId);
      const sorted = [...baseline.indicators].sort((a, b) => a.score - b.score);
      const impact = Math.min(100, baseline.weight * 2 + baseline.requiredLevel * 10);
      const energy = 30 + next(71);
      on(employeeStream, 'gap-analysis', 'GapIdentified', {
        gapId,
        employeeId,
        competencyId: baseline.competency.id,
        measurementId: baseline.measurementId,
        roleId: role.roleId,
        aptitude: baseline.aptitude,
        behaviour: baseline.behaviour,
        requiredLevel: baseline.requiredLevel,
        gap: baseline.aptitude - baseline.behaviour,
        weakestIndicators: sorted.slice(0, 2),
        strongestIndicators: sorted.slice(2).reverse(),
        priority: {
          score: Math.round((impact + baseline.aptitude + energy) / 3),
          rank: rank + 1,
          impact,
          potential: baseline.aptitude,
          energy,
        },
        reasons: text.gap.reasons,
      });
    }
    const target = baselines[0];
    if (!target) return;

    const planId = `plan-${employee.index}-${n}`;
    const planStream = streamName({ context: 'planning', aggregate: 'plan', tenantId, id: planId });
    later(DAY, 3 * DAY);
    on(planStream, employeeId, 'PlanStarted', {
      planId,
      employeeId,
      previousPlanId: employee.lastPlanId,
      maxActiveGoals: 3,
      cycle: `cycle-${n}`,
    });
    employee.lastPlanId = planId;

    const goalId = `goal-${employee.index}-${n}`;
    const goalStream = streamName({ context: 'planning', aggregate: 'goal', tenantId, id: goalId });
    const weakest = target.indicators.reduce((a, b) => (b.score < a.score ? b : a));
    const observed = next(2) === 0;
    const indicatorTarget = clamp(Math.min(target.aptitude, weakest.score + 8 + next(15)));
    const behaviourTarget = clamp(Math.min(target.aptitude, target.behaviour + 5 + next(10)));
    const criteria: MeasuredCriterion[] = [
      {
        kind: 'measured',
        criterionId: 'crit-1',
        instrument: target.instrument,
        metric: 'indicator-score',
        indicatorIds: [weakest.indicatorId],
        target: indicatorTarget,
        description: `${weakest.indicatorId} scores at least ${indicatorTarget}.`,
      },
    ];
    if (observed)
      criteria.push({
        kind: 'measured',
        criterionId: 'crit-2',
        instrument: 'manager-observation',
        metric: 'behaviour-score',
        indicatorIds: [],
        target: behaviourTarget,
        description: `The manager observes ${target.competency.id} at ${behaviourTarget}.`,
      });
    const actionCount = 1 + next(3);
    const actions: GoalContent['actions'] = [];
    for (let a = 1; a <= actionCount; a++)
      actions.push({
        ...text.action,
        actionId: `act-${a}`,
        kind: actionKinds[(a - 1) % actionKinds.length] ?? 'on-the-job',
        estimatedHours: 2 + next(20),
      });
    later(HOUR, 4 * HOUR);
    let deadlineAt = employee.clock + (90 + next(93)) * DAY;
    let content: GoalContent = {
      title: `Develop ${target.competency.id}`,
      target: {
        kind: 'competency',
        competencyId: target.competency.id,
        indicatorIds: [weakest.indicatorId],
      },
      behaviour: text.drafted.behaviour,
      situation: text.drafted.situation,
      successCriteria: criteria,
      actions,
      milestones: [
        {
          description: 'Ask two peers for feedback.',
          dueOn: day(employee.clock + (deadlineAt - employee.clock) / 2),
        },
      ],
      deadline: day(deadlineAt),
      language: 'en',
    };
    on(goalStream, employeeId, 'GoalDrafted', {
      goalId,
      planId,
      employeeId,
      gapId: gapIds[0] ?? null,
      ...content,
      drafter:
        next(3) === 0
          ? {
              kind: 'deterministic',
              model: null,
              fallbackReason: null,
              promptVersion: null,
              contextGiven: [],
            }
          : text.drafted.drafter,
      motivationNote: null,
    });
    if (next(5) < 2) {
      later(HOUR, 3 * DAY);
      const situation = `Team meetings and one-on-ones, cycle ${n}.`;
      content = { ...content, situation };
      on(goalStream, employeeId, 'GoalEdited', {
        goalId,
        employeeId,
        changes: { situation },
        editedBy: employeeId,
      });
    }

    // Submission and approval; about 30% are rejected once and resubmitted.
    const requestId = `apr-${employee.index}-${n}`;
    const requestStream = streamName({
      context: 'approval',
      aggregate: 'approvalRequest',
      tenantId,
      id: requestId,
    });
    const submit = (submissionNumber: number): number => {
      later(HOUR, 2 * DAY);
      on(goalStream, employeeId, 'GoalSubmitted', {
        goalId,
        planId,
        employeeId,
        managerId,
        submissionNumber,
        goal: content,
        smartChecks: [
          { property: 'achievable', passed: true, explanation: 'Target within aptitude.' },
        ],
      });
      const submittedAt = employee.clock;
      later(1000, 5000);
      on(requestStream, 'approval-service', 'ApprovalRequested', {
        requestId,
        goalId,
        employeeId,
        managerId,
        addressedTo: 'manager',
        submissionNumber,
        submittedAt: new Date(submittedAt).toISOString(),
      });
      later(HOUR, 6 * DAY);
      return Math.round((employee.clock - submittedAt) / 1000);
    };
    let submissionNumber = 1;
    let turnaroundSeconds = submit(submissionNumber);
    if (next(10) < 3) {
      on(requestStream, managerId, 'GoalRejected', {
        requestId,
        goalId,
        employeeId,
        submissionNumber,
        decidedBy: managerId,
        decidedAs: 'manager',
        feedback: text.rejected.feedback,
        turnaroundSeconds,
      });
      if (next(2) === 0) {
        later(HOUR, 3 * DAY);
        const behaviour = `${text.drafted.behaviour} Practise it in every kick-off.`;
        content = { ...content, behaviour };
        on(goalStream, employeeId, 'GoalEdited', {
          goalId,
          employeeId,
          changes: { behaviour },
          editedBy: employeeId,
        });
      }
      turnaroundSeconds = submit(++submissionNumber);
    }
    const cadence = cadences[next(cadences.length)] ?? 'monthly';
    on(requestStream, managerId, 'GoalApproved', {
      requestId,
      goalId,
      employeeId,
      submissionNumber,
      decidedBy: managerId,
      decidedAs: 'manager',
      note: text.approved.note,
      checkInCadence: cadence,
      turnaroundSeconds,
    });
    later(1000, MINUTE);
    const interval = cadenceDays[cadence] * DAY;
    let dueAt = employee.clock + interval;
    on(goalStream, 'planning-service', 'GoalActivated', {
      goalId,
      planId,
      employeeId,
      approvalRequestId: requestId,
      checkInCadence: cadence,
      nextCheckInDueAt: new Date(dueAt).toISOString(),
      baseline: null,
    });

    // Check-ins on the cadence, some late; actions ticked along the way.
    const checkIns = 3 + next(4);
    const withdrawAfter = next(14) === 0 ? 1 + next(checkIns) : -1;
    let actionsDone = 0;
    for (let c = 1; c <= checkIns; c++) {
      const late = next(5) === 0;
      employee.clock = Math.max(
        employee.clock + HOUR,
        late ? dueAt + DAY + next(10) * DAY : dueAt - next(3) * DAY,
      );
      const ticked: string[] = [];
      if (actionsDone < actionCount && next(2) === 0) ticked.push(`act-${++actionsDone}`);
      dueAt = employee.clock + interval;
      on(goalStream, employeeId, 'CheckInLogged', {
        checkInId: `chk-${employee.index}-${n}-${c}`,
        goalId,
        employeeId,
        answers: text.checkIn.answers,
        durationMinutes: 15 + next(16),
        actionsTicked: ticked,
        nextDueAt: new Date(dueAt).toISOString(),
        onTime: !late,
        loggedBy: employeeId,
      });
      for (const actionId of ticked) {
        later(1000, MINUTE);
        on(goalStream, employeeId, 'ActionCompleted', { goalId, employeeId, actionId });
      }
      if (c === 1 && next(8) === 0) {
        later(HOUR, 2 * DAY);
        deadlineAt += 30 * DAY;
        on(goalStream, employeeId, 'GoalAdjusted', {
          adjustmentId: `adj-${employee.index}-${n}`,
          goalId,
          employeeId,
          changes: { deadline: day(deadlineAt) },
          reason: text.adjusted.reason,
          requiresAcknowledgement: false,
          adjustedBy: employeeId,
        });
      }
      if (c === withdrawAfter) {
        later(HOUR, 5 * DAY);
        on(goalStream, employeeId, 'GoalWithdrawn', {
          goalId,
          employeeId,
          reason: text.withdrawn.reason,
          withdrawnBy: employeeId,
        });
        return;
      }
    }

    // Remeasurement of the same competency near the deadline, sometimes less robust.
    employee.clock = Math.max(employee.clock + DAY, deadlineAt - next(14) * DAY);
    const instrument: MeasurementInstrument =
      next(10) < 7
        ? target.instrument
        : (baselineInstruments[next(baselineInstruments.length)] ?? 'self-evaluation');
    const robustness = robustnessOfInstrument(instrument);
    const growth = next(5) === 0 ? -3 : 2 + next(14);
    const aptitude = clamp(target.aptitude - 2 + next(5));
    const behaviour = clamp(Math.min(aptitude, target.behaviour + growth));
    const indicators = target.indicators.map(({ indicatorId, score }) => ({
      indicatorId,
      score: clamp(score + growth - 4 + next(9)),
    }));
    const measurementId = `msr-${employee.index}-${++employee.measurements}`;
    on(employeeStream, 'assessment-import', 'MeasurementRecorded', {
      measurementId,
      employeeId,
      competencyId: target.competency.id,
      frameworkVersion: FRAMEWORK_VERSION,
      instrument,
      aptitude,
      behaviour,
      indicatorScores: indicators,
      facetScores: target.competency.facets.map((facetId) => ({
        facetId,
        score: clamp(aptitude - 10 + next(21)),
      })),
      measuredAt: new Date(employee.clock).toISOString(),
      robustness,
    });
    later(MINUTE, HOUR);
    on(employeeStream, 'gap-analysis', 'Remeasured', {
      employeeId,
      competencyId: target.competency.id,
      baselineMeasurementId: target.measurementId,
      measurementId,
      sameInstrument: instrument === target.instrument,
      robustness,
      aptitude: change(target.aptitude, aptitude),
      behaviour: change(target.behaviour, behaviour),
      indicators: target.indicators.map(({ indicatorId, score }, i) => ({
        indicatorId,
        change: change(score, indicators[i]?.score ?? score),
      })),
    });
    later(HOUR, 2 * DAY);
    const evaluated = criteria.map((criterion) => {
      const byIndicator = criterion.metric === 'indicator-score';
      const baseline = byIndicator ? weakest.score : target.behaviour;
      const remeasured = byIndicator
        ? (indicators.find((i) => i.indicatorId === weakest.indicatorId)?.score ?? baseline)
        : behaviour;
      return {
        kind: 'measured' as const,
        criterionId: criterion.criterionId,
        met: remeasured >= criterion.target,
        target: criterion.target,
        baseline,
        remeasured,
        baselineMeasurementId: target.measurementId,
        measurementId,
        instrument,
        indicators: [],
        evidenceInstrument: instrument,
        lessRobust: robustness === 'less-robust',
      };
    });
    const met = evaluated.filter((criterion) => criterion.met).length;
    on(goalStream, 'planning-service', 'GoalEvaluated', {
      goalId,
      employeeId,
      outcome: met === evaluated.length ? 'achieved' : met > 0 ? 'partly-achieved' : 'not-achieved',
      criteria: evaluated,
      lessRobust: robustness === 'less-robust',
      requestedEarly: false,
    });
  };

  // Rounds over all employees, so the global log advances roughly in time.
  const target = options.targetEvents;
  for (let round = 0; target === undefined ? round < DEFAULT_ROUNDS : emitted < target; round++) {
    const before = emitted;
    for (const tenantId of tenants) {
      const employees = people.get(tenantId) ?? [];
      for (const employee of employees) {
        if (target !== undefined && emitted >= target) break;
        // The head of the organisation has no manager to approve their goals.
        if (employee.managerIndex < 0) continue;
        cycle(tenantId, employee);
        yield flush();
      }
    }
    if (emitted === before) break;
  }

  // A few people erased at the end: nothing about them follows.
  for (const tenantId of tenants) {
    const employees = people.get(tenantId) ?? [];
    const erasures = Math.max(1, Math.round(employees.length / 500));
    const erased = new Set<Employee>();
    for (let e = 0; e < erasures && employees.length > managerCount; e++) {
      // Only people who manage no one, so no one's approvals lose their manager.
      const employee = employees[managerCount + next(employees.length - managerCount)];
      if (!employee || erased.has(employee)) continue;
      erased.add(employee);
      employee.clock += DAY + next(30 * DAY);
      emit(
        streamName({ context: 'identity', aggregate: 'person', tenantId, id: employee.id }),
        employee.id,
        tenantId,
        'privacy-officer',
        employee.clock,
        'PersonErased',
        { employeeId: employee.id, erasedAt: new Date(employee.clock).toISOString() },
      );
    }
  }
  if (batch.length > 0) yield flush();
}

/** The whole history in one array: for tests of modest size. */
export function organisationHistoryArray(options: OrganisationHistoryOptions): HistoryEvent[] {
  const history: HistoryEvent[] = [];
  for (const batch of organisationHistory(options)) for (const event of batch) history.push(event);
  return history;
}

export interface AppendHistoryOptions {
  /** Events handed to the store before waiting for them: one group commit on SQLite. 5000 by default. */
  readonly batchSize?: number;
  /**
   * Await every append before the next. Needed for stores that may reorder appends issued
   * together; SqliteEventStore commits them in call order, so the default is off.
   */
  readonly sequential?: boolean;
}

/**
 * Appends a history in generation order and returns the number of events. Takes the batches
 * of organisationHistory or a flat list (as employeeHistory returns). Consecutive events of one
 * stream go in one append with expectedRevision 'any'; the appends of a window are issued
 * together, so the global log keeps the generation order (GoalApproved before GoalActivated)
 * while SQLite group-commits them.
 */
export async function appendHistory(
  store: EventStore,
  history: Iterable<HistoryEvent | readonly HistoryEvent[]>,
  options: AppendHistoryOptions = {},
): Promise<number> {
  const windowSize = options.batchSize ?? 5000;
  let count = 0;
  let window: Promise<unknown>[] = [];
  let inWindow = 0;
  let stream = '';
  let run: EventToAppend[] = [];
  const send = async (): Promise<void> => {
    if (run.length === 0) return;
    const append = store.appendToStream(stream, run, { expectedRevision: 'any' });
    run = [];
    if (options.sequential) await append;
    else {
      // Handled here too, so a refusal is not reported as unhandled before the window settles.
      append.catch(() => undefined);
      window.push(append);
    }
  };
  const add = async ({ streamName: name, event }: HistoryEvent): Promise<void> => {
    if (name !== stream) {
      await send();
      stream = name;
    }
    run.push(event);
    count++;
    if (++inWindow >= windowSize) {
      await send();
      await Promise.all(window);
      window = [];
      inWindow = 0;
    }
  };
  for (const item of history) {
    if (Array.isArray(item)) for (const event of item as readonly HistoryEvent[]) await add(event);
    else await add(item as HistoryEvent);
  }
  await send();
  await Promise.all(window);
  return count;
}
