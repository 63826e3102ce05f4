import {
  eventRegistry,
  GoalDrafted,
  type TalentloopEventOfType,
  type TalentloopEventType,
} from '@talentloop/contracts';
import type { EmployeeFacts, GoalFact } from '../employee-facts';
import {
  emptyFacts,
  evolveEmployeeFacts,
  factsDocumentId,
  factsEventTypes,
  factsSubjectOf,
  type FactEvent,
} from './employee-facts.evolve';

// Times and ids the histories below are built from at collection time, so they come first.
const now = '2026-02-02T10:00:00.000Z';
const later = '2026-02-03T10:00:00.000Z';
const evenLater = '2026-02-05T10:00:00.000Z';
const firstDue = '2026-02-16T09:00:00.000Z';
const checkInTime = '2026-02-16T08:30:00.000Z';
const secondDue = '2026-03-02T09:00:00.000Z';
const thirdDue = '2026-03-16T09:00:00.000Z';
const goalId = 'goal-3001';

describe('a document not seen before', () => {
  it('is addressed per tenant and employee', () =>
    expect(factsDocumentId('acme', 'emp-1001')).toBe('analytics-facts:acme:emp-1001'));

  it('is about the employee every handled event names, and about no one for the others', () => {
    for (const type of factsEventTypes) expect(factsSubjectOf(event(type))).toBe('emp-1001');
    expect(factsSubjectOf(event('GapIdentified'))).toBeUndefined();
    expect(factsSubjectOf(event('CompetencyFrameworkPublished'))).toBeUndefined();
  });

  it('starts unsynced, with the tenant and employee of its first event', () =>
    given()
      .when(drafted())
      .then((facts) =>
        expect(facts).toMatchObject({
          ...emptyFacts('acme', 'emp-1001'),
          goals: { [goalId]: { status: 'drafted' } },
          history: [{ type: 'GoalDrafted' }],
        }),
      ));

  it('is empty after an event the facts do not read', () =>
    given()
      .when(event('GapIdentified'))
      .then((facts) => expect(facts).toEqual(emptyFacts('acme', 'emp-1001'))));

  it('stays the same object after an event the facts do not read', () =>
    given(synced())
      .when(event('ApprovalRequested'))
      .then((facts, before) => expect(facts).toBe(before)));
});

describe('the employee record', () => {
  it('takes department, role, manager and status from the HRIS sync', () =>
    given()
      .when(synced())
      .then((facts) =>
        expect(facts).toMatchObject({
          synced: true,
          departmentId: 'dept-operations',
          departmentName: 'Operations',
          roleId: 'team-lead',
          managerId: 'emp-0007',
          employmentStatus: 'active',
        }),
      ));

  it('marks a leaver from a later sync', () =>
    given(synced())
      .when(synced({ employmentStatus: 'left' }))
      .then((facts) => expect(facts.employmentStatus).toBe('left')));

  it('follows a reporting-line change', () =>
    given(synced())
      .when(event('ReportingLineChanged', { newManagerId: 'emp-0031' }))
      .then((facts) => {
        expect(facts.managerId).toBe('emp-0031');
        expect(facts.history.at(-1)?.summary).toBe('manager changed to emp-0031');
      }));
});

describe('measurements', () => {
  it('keep the latest per competency, with the gap between aptitude and behaviour', () =>
    given()
      .when(measured())
      .then((facts) =>
        expect(facts.measurements).toEqual({
          collaboration: {
            measurementId: 'msr-5001',
            aptitude: 78,
            behaviour: 45,
            gap: 33,
            instrument: '360-round',
            robustness: 'robust',
            measuredAt: '2026-01-12T14:00:00.000Z',
          },
        }),
      ));

  it('are replaced by a newer measurement', () =>
    given(measured())
      .when(measured({ measurementId: 'msr-5090', behaviour: 58, measuredAt: later }))
      .then((facts) =>
        expect(facts.measurements.collaboration).toMatchObject({
          measurementId: 'msr-5090',
          gap: 20,
        }),
      ));

  it('are not replaced by an older measurement arriving late, which is still history', () =>
    given(measured({ measurementId: 'msr-5090', measuredAt: later }))
      .when(measured())
      .then((facts) => {
        expect(facts.measurements.collaboration?.measurementId).toBe('msr-5090');
        expect(facts.history.map((entry) => entry.subjectId)).toEqual(['msr-5090', 'msr-5001']);
      }));

  it('on the same instant are won by the later event', () =>
    given(measured())
      .when(measured({ measurementId: 'msr-5002' }))
      .then((facts) => expect(facts.measurements.collaboration?.measurementId).toBe('msr-5002')));

  it('are kept apart per competency', () =>
    given(measured())
      .when(measured({ measurementId: 'msr-5003', competencyId: 'constructor' }))
      .then((facts) =>
        expect(Object.keys(facts.measurements)).toEqual(['collaboration', 'constructor']),
      ));

  it('compared with their baseline add a remeasurement with the deltas', () =>
    given(measured())
      .when(event('Remeasured', {}, later))
      .then((facts) =>
        expect(facts.remeasurements).toEqual([
          {
            competencyId: 'collaboration',
            measurementId: 'msr-5090',
            remeasuredAt: later,
            robustness: 'robust',
            sameInstrument: true,
            behaviourDelta: 13,
            aptitudeDelta: 0,
            indicators: [{ indicatorId: 'active-listening', delta: 17 }],
          },
        ]),
      ));
});

describe('a drafted goal', () => {
  it('is created with its target and draft time', () =>
    given()
      .when(drafted())
      .then((facts) =>
        expect(goalOf(facts)).toEqual({
          goalId,
          competencyId: 'collaboration',
          targetKind: 'competency',
          status: 'drafted',
          draftedAt: now,
          submittedAt: null,
          activatedAt: null,
          closedAt: null,
          checkInCadence: null,
          nextCheckInDueAt: null,
          checkIns: [],
        }),
      ));

  it('is not reset by a redelivered draft', () =>
    given(drafted(), submitted(), activated())
      .when(drafted())
      .then((facts, before) => expect(goalOf(facts)).toBe(goalOf(before))));

  it('follows an edit of its target', () =>
    given(drafted())
      .when(edited({ target: { kind: 'skill', competencyId: 'facilitation', indicatorIds: [] } }))
      .then((facts) =>
        expect(goalOf(facts)).toMatchObject({
          competencyId: 'facilitation',
          targetKind: 'skill',
          status: 'drafted',
        }),
      ));

  it('is unchanged by an edit of other fields, which is history', () =>
    given(drafted())
      .when(edited({ deadline: '2026-08-31' }))
      .then((facts, before) => {
        expect(facts.goals).toBe(before?.goals);
        expect(facts.history.at(-1)?.summary).toBe(`goal ${goalId} edited: deadline`);
      }));

  it('is submitted, recording when', () =>
    given(drafted())
      .when(submitted({}, later))
      .then((facts) =>
        expect(goalOf(facts)).toMatchObject({
          status: 'submitted',
          submittedAt: later,
          draftedAt: now,
        }),
      ));
});

describe('a goal submitted before its draft arrived', () => {
  it('is created from the submitted snapshot', () =>
    given()
      .when(submitted())
      .then((facts) =>
        expect(goalOf(facts)).toMatchObject({
          status: 'submitted',
          competencyId: 'collaboration',
          targetKind: 'competency',
          draftedAt: now,
          submittedAt: now,
        }),
      ));

  it('is not reset to drafted when the draft arrives', () =>
    given(submitted({}, later))
      .when(drafted())
      .then((facts) =>
        expect(goalOf(facts)).toMatchObject({ status: 'submitted', submittedAt: later }),
      ));
});

describe('a submitted goal', () => {
  const history = [drafted(), submitted()];

  it('is rejected, keeping the decision', () =>
    given(...history)
      .when(rejected())
      .then((facts) => {
        expect(goalOf(facts).status).toBe('rejected');
        expect(facts.decisions).toEqual([
          {
            requestId: 'apr-4001',
            goalId,
            outcome: 'rejected',
            decidedAt: later,
            decidedBy: 'emp-0007',
            turnaroundSeconds: 172800,
          },
        ]);
      }));

  it('stays submitted when approved: only activation makes it active', () =>
    given(...history)
      .when(approved())
      .then((facts) => {
        expect(goalOf(facts).status).toBe('submitted');
        expect(facts.decisions).toMatchObject([{ outcome: 'approved', turnaroundSeconds: 86400 }]);
      }));

  it('is resubmitted after a rejection, keeping its first submission time', () =>
    given(...history, rejected())
      .when(submitted({ submissionNumber: 2 }, evenLater))
      .then((facts) =>
        expect(goalOf(facts)).toMatchObject({ status: 'submitted', submittedAt: now }),
      ));

  it('keeps every decision of the conversation in order', () =>
    given(...history, rejected(), submitted({ submissionNumber: 2 }, evenLater))
      .when(approved())
      .then((facts) =>
        expect(facts.decisions.map((decision) => decision.outcome)).toEqual([
          'rejected',
          'approved',
        ]),
      ));
});

describe('an active goal', () => {
  const history = [drafted(), submitted(), approved(), activated()];

  it('is activated with its cadence and first due date', () =>
    given(drafted(), submitted(), approved())
      .when(activated())
      .then((facts) =>
        expect(goalOf(facts)).toMatchObject({
          status: 'active',
          activatedAt: later,
          checkInCadence: 'fortnightly',
          nextCheckInDueAt: firstDue,
        }),
      ));

  it('keeps the time it first became active', () =>
    given(...history)
      .when(activated({}, evenLater))
      .then((facts) => expect(goalOf(facts).activatedAt).toBe(later)));

  it('records a check-in against the due date it answered, then moves the due date', () =>
    given(...history)
      .when(checkedIn({ nextDueAt: secondDue }, checkInTime))
      .then((facts) =>
        expect(goalOf(facts)).toMatchObject({
          checkIns: [{ heldAt: checkInTime, dueAt: firstDue, onTime: true }],
          nextCheckInDueAt: secondDue,
        }),
      ));

  it('records a late check-in against the due date it missed', () =>
    given(...history, checkedIn({ nextDueAt: secondDue }, checkInTime))
      .when(checkedIn({ onTime: false, nextDueAt: thirdDue }, evenLater))
      .then((facts) => {
        expect(goalOf(facts).checkIns[1]).toEqual({
          heldAt: evenLater,
          dueAt: secondDue,
          onTime: false,
        });
        expect(facts.history.at(-1)?.summary).toBe(`check-in on goal ${goalId} (late)`);
      }));

  it.each([
    [5, 'short'],
    [90, 'long'],
  ] as const)(
    'records a check-in of %i minutes as %s, outside 15–30, and says so in the history',
    (durationMinutes, length) =>
      given(...history)
        .when(checkedIn({ durationMinutes, nextDueAt: secondDue }, checkInTime))
        .then((facts) => {
          expect(goalOf(facts).checkIns).toEqual([
            { heldAt: checkInTime, dueAt: firstDue, onTime: true, outsideExpectedLength: length },
          ]);
          expect(facts.history.at(-1)?.summary).toBe(
            `check-in on goal ${goalId} (on time; ${durationMinutes} minutes, outside the expected 15–30)`,
          );
        }),
  );

  it('is adjusted to another target and stays active', () =>
    given(...history)
      .when(
        adjusted({ target: { kind: 'competency', competencyId: 'feedback', indicatorIds: [] } }),
      )
      .then((facts) =>
        expect(goalOf(facts)).toMatchObject({ status: 'active', competencyId: 'feedback' }),
      ));

  it('is back on its target when the manager refuses the adjustment that changed it', () => {
    const target = GoalDrafted.example.target;
    return given(
      ...history,
      adjusted({ target: { kind: 'competency', competencyId: 'feedback', indicatorIds: [] } }),
    )
      .when(event('GoalAdjustmentRefused', { restored: { target } }, later))
      .then((facts) => {
        expect(goalOf(facts)).toMatchObject({
          status: 'active',
          competencyId: target.competencyId,
        });
        expect(facts.history.at(-1)?.summary).toBe(
          `goal ${goalId}: adjustment adj-1 refused, set back: target`,
        );
      });
  });

  it('is unchanged by a completed action, which is history', () =>
    given(...history)
      .when(event('ActionCompleted'))
      .then((facts, before) => {
        expect(facts.goals).toBe(before?.goals);
        expect(facts.history.at(-1)).toMatchObject({ type: 'ActionCompleted', subjectId: goalId });
      }));

  it('closes with the outcome of its evaluation, with nothing due any more', () =>
    given(...history)
      .when(evaluated({ outcome: 'partly-achieved' }, evenLater))
      .then((facts) =>
        expect(goalOf(facts)).toMatchObject({
          status: 'partly-achieved',
          closedAt: evenLater,
          nextCheckInDueAt: null,
        }),
      ));

  it('closes when withdrawn, with nothing due any more', () =>
    given(...history)
      .when(event('GoalWithdrawn', {}, evenLater))
      .then((facts) =>
        expect(goalOf(facts)).toMatchObject({
          status: 'withdrawn',
          closedAt: evenLater,
          nextCheckInDueAt: null,
        }),
      ));
});

describe('a goal not known yet', () => {
  it.each([
    ['activated', activated()],
    ['checked in', checkedIn()],
    ['adjusted', adjusted({ target: { kind: 'skill', competencyId: 'x', indicatorIds: [] } })],
    ['rejected', rejected()],
    ['evaluated', evaluated()],
    ['withdrawn', event('GoalWithdrawn')],
  ])('gets no goal facts when %s, only history', (_, when) =>
    given()
      .when(when)
      .then((facts) => {
        expect(facts.goals).toEqual({});
        expect(facts.history).toHaveLength(1);
      }),
  );

  it('still counts a decision on it: approval events may overtake planning events', () =>
    given()
      .when(approved())
      .then((facts) => expect(facts.decisions).toHaveLength(1)));
});

describe('an erased person', () => {
  const history = [synced(), measured(), drafted(), submitted(), approved(), activated()];

  it('has an empty history and keeps the facts the figures need', () =>
    given(...history)
      .when(event('PersonErased'))
      .then((facts, before) => expect(facts).toEqual({ ...before, erased: true, history: [] })));

  it('still folds later events into the facts, without history', () =>
    given(...history, event('PersonErased'))
      .when(checkedIn({ nextDueAt: secondDue }, checkInTime))
      .then((facts) => {
        expect(goalOf(facts).checkIns).toHaveLength(1);
        expect(facts.history).toEqual([]);
      }));

  it('gets no history from events that change no facts', () =>
    given(...history, event('PersonErased'))
      .when(event('ActionCompleted'))
      .then((facts, before) => expect(facts).toBe(before)));
});

describe('the development history', () => {
  const lifecycle = [
    synced(),
    event('ReportingLineChanged'),
    measured(),
    drafted(),
    edited({ situation: 'Project kick-offs.' }),
    submitted(),
    rejected(),
    submitted({ submissionNumber: 2 }),
    approved(),
    activated(),
    event('ActionCompleted'),
    checkedIn(),
    adjusted(),
    event('Remeasured'),
  ];

  it('has one line per event, oldest first, naming what it is about', () =>
    given(...lifecycle)
      .when(evaluated())
      .then((facts) =>
        expect(
          facts.history.map(({ type, subjectId, summary }) => [type, subjectId, summary]),
        ).toEqual([
          ['EmployeeSynced', null, 'employee synced: role team-lead in dept-operations (active)'],
          ['ReportingLineChanged', null, 'manager changed to emp-0031'],
          [
            'MeasurementRecorded',
            'msr-5001',
            'measurement on collaboration: behaviour 45, aptitude 78',
          ],
          ['GoalDrafted', goalId, `goal ${goalId} drafted on collaboration`],
          ['GoalEdited', goalId, `goal ${goalId} edited: situation`],
          ['GoalSubmitted', goalId, `goal ${goalId} submitted (submission 1)`],
          ['GoalRejected', 'apr-4001', `goal ${goalId} rejected (submission 1)`],
          ['GoalSubmitted', goalId, `goal ${goalId} submitted (submission 2)`],
          ['GoalApproved', 'apr-4001', `goal ${goalId} approved (submission 2)`],
          ['GoalActivated', goalId, `goal ${goalId} activated, fortnightly check-ins`],
          ['ActionCompleted', goalId, `action act-1 completed on goal ${goalId}`],
          ['CheckInLogged', goalId, `check-in on goal ${goalId} (on time)`],
          ['GoalAdjusted', goalId, `goal ${goalId} adjusted: deadline`],
          ['Remeasured', 'msr-5090', 'remeasurement on collaboration: behaviour +13, aptitude 0'],
          ['GoalEvaluated', goalId, `goal ${goalId} evaluated: achieved`],
        ]),
      ));

  it('keeps no personal free text: names, e-mails, feedback, answers, notes, reasons', () =>
    given(...lifecycle)
      .when(event('GoalWithdrawn'))
      .then((facts) => {
        const stored = JSON.stringify(facts);
        const texts = freeTextOf(lifecycle.concat(event('GoalWithdrawn')));
        expect(texts).toHaveLength(20);
        for (const text of texts) expect(stored).not.toContain(text);
      }));
});

describe('evolving', () => {
  const lifecycle = [
    synced(),
    measured(),
    drafted(),
    submitted(),
    approved(),
    activated(),
    checkedIn(),
  ];

  it.each(factsEventTypes.map((type) => [type]))('never mutates its input on %s', (type) => {
    const before = deepFreeze(lifecycle.reduce(evolveEmployeeFacts, undefined));
    const snapshot = structuredClone(before);
    const after = evolveEmployeeFacts(before, event(type, {}, evenLater));
    expect(before).toEqual(snapshot);
    expect(after).not.toBe(before);
  });
});

// Test harness: given a history, when an event arrives, then check the document it makes.

type Expectation = (facts: EmployeeFacts, before: EmployeeFacts | undefined) => void;

function given(...events: FactEvent[]) {
  return {
    when: (event: FactEvent) => ({
      then: (expectation: Expectation) => {
        const before = events.reduce<EmployeeFacts | undefined>(evolveEmployeeFacts, undefined);
        expectation(evolveEmployeeFacts(before, event), before);
      },
    }),
  };
}

function goalOf(facts: EmployeeFacts | undefined): GoalFact {
  const goal = facts?.goals[goalId];
  if (!goal) throw new Error(`no goal ${goalId} in the facts`);
  return goal;
}

function deepFreeze<Value>(value: Value): Value {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Every string a person typed (or that identifies them), read from the events' data. */
function freeTextOf(events: readonly FactEvent[]): string[] {
  const fields = ['displayName', 'email', 'externalId', 'feedback', 'note', 'reason'];
  const goalFields = ['title', 'behaviour', 'situation'];
  const stringsOf = (value: unknown, names: readonly string[]) =>
    names
      .map((name) => (value as Record<string, unknown> | undefined)?.[name])
      .filter((text): text is string => typeof text === 'string');
  return events.flatMap(({ data }) => {
    const record = data as Record<string, unknown>;
    return [
      ...stringsOf(record, [...fields, ...goalFields]),
      ...stringsOf(record.goal, goalFields),
      ...stringsOf(record.changes, goalFields),
      ...Object.values((record.answers ?? {}) as Record<string, string>),
    ];
  });
}

// Fixtures: the registry's examples, with overrides.

type DataOf<Type extends TalentloopEventType> = TalentloopEventOfType<Type>['data'];

function event<Type extends TalentloopEventType>(
  type: Type,
  overrides: Partial<DataOf<Type>> = {},
  occurredAt = now,
): FactEvent {
  const example = eventRegistry.current(type)?.example as DataOf<Type>;
  const metadata = { tenantId: 'acme', actorId: 'emp-1001', occurredAt, schemaVersion: 1 };
  return { type, data: { ...example, ...overrides }, metadata } as FactEvent;
}

function synced(overrides: Partial<DataOf<'EmployeeSynced'>> = {}) {
  return event('EmployeeSynced', overrides);
}

function measured(overrides: Partial<DataOf<'MeasurementRecorded'>> = {}) {
  return event('MeasurementRecorded', overrides);
}

function drafted(overrides: Partial<DataOf<'GoalDrafted'>> = {}) {
  return event('GoalDrafted', overrides);
}

function edited(changes: DataOf<'GoalEdited'>['changes']) {
  return event('GoalEdited', { changes });
}

function submitted(overrides: Partial<DataOf<'GoalSubmitted'>> = {}, at = now) {
  return event('GoalSubmitted', overrides, at);
}

function rejected() {
  return event('GoalRejected', {}, later);
}

function approved() {
  return event('GoalApproved', {}, later);
}

function activated(overrides: Partial<DataOf<'GoalActivated'>> = {}, at = later) {
  return event('GoalActivated', overrides, at);
}

function checkedIn(overrides: Partial<DataOf<'CheckInLogged'>> = {}, at = checkInTime) {
  return event('CheckInLogged', overrides, at);
}

function adjusted(changes?: DataOf<'GoalAdjusted'>['changes']) {
  return event('GoalAdjusted', changes ? { changes } : {}, later);
}

function evaluated(overrides: Partial<DataOf<'GoalEvaluated'>> = {}, at = evenLater) {
  return event('GoalEvaluated', overrides, at);
}
