import { DeciderSpecification } from '@talentloop/testing';
import {
  AptitudeUnknown,
  EmployeeNotFound,
  InvalidAssessmentInput,
  NoBaseline,
  RoleProfileMissing,
  SelfObservation,
} from '../errors';
import { measurementOf, type MeasurementInput } from '../rules/measurement';
import { defaultWeighting } from '../rules/prioritisation';
import { baseline, framework, reference, sanne } from '../test-fixtures';
import { employeeDecider, type EmployeeCommand, type EmployeeEvent } from './employee.decider';

const spec = DeciderSpecification.for(employeeDecider);

describe('an employee the HRIS has not sent', () => {
  it('is synced', () =>
    spec
      .given([])
      .when(syncing(sanne))
      .then([{ type: 'EmployeeSynced', data: sanne }]));

  it('cannot be measured', () =>
    spec.given([]).when(measuring(baseline)).thenThrows(EmployeeNotFound));

  it('cannot be their own manager', () =>
    spec
      .given([])
      .when(syncing({ ...sanne, managerId: sanne.employeeId }))
      .thenThrows(InvalidAssessmentInput));
});

describe('a synced employee', () => {
  it('records nothing when the HRIS sends the same record again', () =>
    spec.given([synced]).when(syncing(sanne)).then([]));

  it('announces a new manager as a reporting-line change', () =>
    spec
      .given([synced])
      .when(syncing({ ...sanne, managerId: 'emp-9' }))
      .then([
        { type: 'EmployeeSynced', data: { ...sanne, managerId: 'emp-9' } },
        {
          type: 'ReportingLineChanged',
          data: {
            employeeId: 'emp-1',
            previousManagerId: 'emp-7',
            newManagerId: 'emp-9',
            effectiveAt: now,
          },
        },
      ]));

  it('has a measurement recorded with the robustness of its instrument', () =>
    spec
      .given([synced])
      .when(measuring({ ...baseline, instrument: 'self-evaluation' }))
      .then([
        {
          type: 'MeasurementRecorded',
          data: {
            ...measurementOf(baseline, framework),
            instrument: 'self-evaluation',
            robustness: 'less-robust',
          },
        },
      ]));

  it.each([
    ['aptitude above 100', { aptitude: 101 }],
    ['behaviour below 0', { behaviour: -1 }],
    ['an unknown competency', { competencyId: 'juggling' }],
    ['an unknown indicator', { indicatorScores: [{ indicatorId: 'juggles', score: 50 }] }],
    [
      'an indicator score above 100',
      { indicatorScores: [{ indicatorId: 'active-listening', score: 140 }] },
    ],
  ])('refuses a measurement with %s', (_rule, change: Partial<MeasurementInput>) =>
    spec
      .given([synced])
      .when(measuring({ ...baseline, ...change }))
      .thenThrows(InvalidAssessmentInput),
  );

  it('lists every broken rule of a measurement at once', () => {
    try {
      employeeDecider.decide(measuring({ ...baseline, aptitude: 101, behaviour: -5 }), {
        ...employeeDecider.evolve(employeeDecider.initialState(), synced),
      });
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as InvalidAssessmentInput).violations.map((v) => v.field)).toEqual([
        'aptitude',
        'behaviour',
      ]);
    }
  });

  it('cannot be measured while their role has no profile', () =>
    spec
      .given([synced])
      .when({ type: 'RecordMeasurement', data: { measurement: baseline, reference: undefined } })
      .thenThrows(RoleProfileMissing));

  it('cannot be remeasured without a baseline', () =>
    spec.given([synced]).when(remeasuring(later)).thenThrows(NoBaseline));

  it('records energy per competency, and nothing when it is the same again', () => {
    spec
      .given([synced])
      .when(motivation(4))
      .then([
        {
          type: 'MotivationRecorded',
          data: { employeeId: 'emp-1', competencyId: 'collaboration', energy: 4 },
        },
      ]);
    spec
      .given([synced, ...motivated(4)])
      .when(motivation(4))
      .then([]);
  });

  it('refuses energy outside 1–5', () =>
    spec.given([synced]).when(motivation(6)).thenThrows(InvalidAssessmentInput));

  it('needs a known aptitude to turn a 360° round into a measurement', () =>
    spec.given([synced]).when(round(undefined)).thenThrows(AptitudeUnknown));
});

describe('an employee with a baseline', () => {
  const measured = {
    type: 'MeasurementRecorded' as const,
    data: measurementOf(baseline, framework),
  };

  it('publishes a gap for each competency worth development, and only once', () => {
    spec
      .given([synced, measured])
      .when(identify)
      .thenState((state) => {
        expect(state.status === 'synced' && state.identifiedGaps).toEqual(['msr-1']);
      });
    const [gap] = employeeDecider.decide(identify, fold([synced, measured]));
    expect(gap).toMatchObject({
      type: 'GapIdentified',
      data: {
        gapId: 'gap-msr-1',
        competencyId: 'collaboration',
        gap: 33,
        weakestIndicators: [
          { indicatorId: 'active-listening', score: 40 },
          { indicatorId: 'asks-for-help', score: 50 },
        ],
        strongestIndicators: [{ indicatorId: 'shares-information', score: 71 }],
        priority: { rank: 1 },
      },
    });
    spec.given([synced, measured, gap]).when(identify).then([]);
  });

  it('is remeasured: the comparison names absolute and relative changes', () => {
    const [, remeasured] = employeeDecider.decide(remeasuring(later), fold([synced, measured]));
    expect(remeasured).toEqual({
      type: 'Remeasured',
      data: {
        employeeId: 'emp-1',
        competencyId: 'collaboration',
        baselineMeasurementId: 'msr-1',
        measurementId: 'msr-2',
        sameInstrument: true,
        robustness: 'robust',
        aptitude: { baseline: 78, remeasured: 78, absoluteDelta: 0, relativeDelta: 0 },
        behaviour: { baseline: 45, remeasured: 58, absoluteDelta: 13, relativeDelta: 0.2889 },
        indicators: [
          {
            indicatorId: 'active-listening',
            change: { baseline: 40, remeasured: 62, absoluteDelta: 22, relativeDelta: 0.55 },
          },
        ],
      },
    });
  });

  it('marks a remeasurement with another instrument less robust', () => {
    const [, remeasured] = employeeDecider.decide(
      remeasuring({ ...later, instrument: 'assessment' }),
      fold([synced, measured]),
    );
    expect(remeasured?.data).toMatchObject({ sameInstrument: false, robustness: 'less-robust' });
  });

  it('keeps the measured aptitude when a 360° round closes', () => {
    const events = employeeDecider.decide(round(undefined), fold([synced, measured]));
    expect(events.slice(0, 2).map((event) => event.type)).toEqual([
      'FeedbackRoundAggregated',
      'MeasurementRecorded',
    ]);
    expect(events[1]?.data).toMatchObject({ instrument: '360-round', aptitude: 78, behaviour: 50 });
  });

  it('does not count the first 360° round after another instrument as a remeasurement', () => {
    const assessed = {
      type: 'MeasurementRecorded' as const,
      data: measurementOf({ ...baseline, instrument: 'assessment' }, framework),
    };
    const events = employeeDecider.decide(round(undefined), fold([synced, assessed]));
    expect(events.map((event) => event.type)).toEqual([
      'FeedbackRoundAggregated',
      'MeasurementRecorded',
    ]);
  });

  it('counts a 360° round that repeats a 360° round as a remeasurement against it', () => {
    const assessed = {
      type: 'MeasurementRecorded' as const,
      data: measurementOf({ ...baseline, instrument: 'assessment' }, framework),
    };
    const first = employeeDecider.decide(round(undefined), fold([synced, assessed]));
    const closing = round(undefined);
    if (closing.type !== 'CloseFeedbackRound') throw new Error('a round closes');
    const second: EmployeeCommand = {
      type: 'CloseFeedbackRound',
      data: {
        ...closing.data,
        roundId: 'round-2',
        measurementId: 'msr-round-2',
        closedAt: '2026-09-01T09:00:00.000Z',
        answers: [
          { raterId: 'emp-7', group: 'manager', indicatorId: 'active-listening', score: 70 },
          { raterId: 'p-1', group: 'peer', indicatorId: 'active-listening', score: 90 },
        ],
      },
    };
    const events = employeeDecider.decide(second, fold([synced, assessed, ...first]));
    expect(events.map((event) => event.type)).toEqual([
      'FeedbackRoundAggregated',
      'MeasurementRecorded',
      'Remeasured',
    ]);
    expect(events[2]?.data).toMatchObject({
      baselineMeasurementId: 'msr-round-1',
      measurementId: 'msr-round-2',
      sameInstrument: true,
      robustness: 'robust',
      // A group of one peer is pooled away: the manager's 70 is what shows.
      behaviour: { baseline: 50, remeasured: 70, absoluteDelta: 20 },
    });
  });
});

describe('a manager observation', () => {
  const measured = {
    type: 'MeasurementRecorded' as const,
    data: measurementOf(baseline, framework),
  };

  it('is recorded as a less robust measurement of behaviour, keeping the measured aptitude', () =>
    spec
      .given([synced, measured])
      .when(observing('measurement'))
      .then([
        {
          type: 'MeasurementRecorded',
          data: {
            ...observation,
            frameworkVersion: framework.frameworkVersion,
            instrument: 'manager-observation',
            robustness: 'less-robust',
            aptitude: baseline.aptitude,
            facetScores: baseline.facetScores,
          },
        },
      ]));

  it('serves as the remeasurement, compared with the latest measurement and less robust', () => {
    const events = employeeDecider.decide(observing('remeasurement'), fold([synced, measured]));
    expect(events.map((event) => event.type)).toEqual(['MeasurementRecorded', 'Remeasured']);
    expect(events[1]?.data).toMatchObject({
      baselineMeasurementId: 'msr-1',
      measurementId: observation.measurementId,
      sameInstrument: false,
      robustness: 'less-robust',
      behaviour: { baseline: 45, remeasured: 55 },
      aptitude: { absoluteDelta: 0 },
    });
  });

  it('needs a measured aptitude: a manager scores behaviour only', () =>
    spec
      .given([synced])
      .when(observing('measurement'))
      .thenThrows(AptitudeUnknown, /manager/));

  it('is never of oneself: that is a self-evaluation', () =>
    spec
      .given([synced, measured])
      .when(observing('measurement', baseline.employeeId))
      .thenThrows(SelfObservation));
});

const now = '2026-03-01T09:00:00.000Z';
const synced = { type: 'EmployeeSynced' as const, data: sanne };
const fold = (events: EmployeeEvent[]) =>
  events.reduce(employeeDecider.evolve, employeeDecider.initialState());
const syncing = (record: typeof sanne): EmployeeCommand => ({
  type: 'SyncEmployee',
  data: { record, effectiveAt: now },
});
const measuring = (measurement: MeasurementInput): EmployeeCommand => ({
  type: 'RecordMeasurement',
  data: { measurement, reference },
});
const remeasuring = (measurement: MeasurementInput): EmployeeCommand => ({
  type: 'Remeasure',
  data: { measurement, reference },
});
const later: MeasurementInput = {
  ...baseline,
  measurementId: 'msr-2',
  behaviour: 58,
  indicatorScores: [{ indicatorId: 'active-listening', score: 62 }],
  measuredAt: '2026-07-01T10:00:00.000Z',
};
const motivation = (energy: number): EmployeeCommand => ({
  type: 'RecordMotivation',
  data: { employeeId: 'emp-1', competencyId: 'collaboration', energy, reference },
});
const motivated = (energy: number): EmployeeEvent[] => [
  {
    type: 'MotivationRecorded',
    data: { employeeId: 'emp-1', competencyId: 'collaboration', energy },
  },
];
const identify: EmployeeCommand = {
  type: 'IdentifyGaps',
  data: { employeeId: 'emp-1', weighting: defaultWeighting, reference },
};
const round = (aptitude: number | undefined): EmployeeCommand => ({
  type: 'CloseFeedbackRound',
  data: {
    employeeId: 'emp-1',
    roundId: 'round-1',
    measurementId: 'msr-round-1',
    competencyId: 'collaboration',
    closedAt: now,
    invitedCount: 5,
    aptitude,
    reference,
    answers: [
      { raterId: 'emp-1', group: 'self', indicatorId: 'active-listening', score: 70 },
      { raterId: 'emp-7', group: 'manager', indicatorId: 'active-listening', score: 50 },
      { raterId: 'p-1', group: 'peer', indicatorId: 'active-listening', score: 90 },
    ],
  },
});
const observation = {
  measurementId: 'msr-observed',
  employeeId: 'emp-1',
  competencyId: 'collaboration',
  behaviour: 55,
  indicatorScores: [{ indicatorId: 'active-listening', score: 60 }],
  measuredAt: '2026-06-15T09:00:00.000Z',
};
const observing = (
  recordAs: 'measurement' | 'remeasurement',
  observedBy = 'emp-7',
): EmployeeCommand => ({
  type: 'RecordObservation',
  data: { observation, observedBy, recordAs, reference },
});
