import { eventRegistry } from './catalog';
import { MeasurementRecorded, MeasurementRecordedV1 } from './events/assessment.events';
import {
  CheckInLoggedV1,
  GoalAdjustedV1,
  GoalAdjustmentRefusedV1,
  GoalDraftedV1,
  GoalDraftedV2,
  GoalEditedV1,
  GoalEvaluatedV1,
  GoalEvaluatedV2,
  GoalSubmittedV1,
} from './events/planning.events';

const metadata = (schemaVersion: number) => ({
  tenantId: 'acme',
  actorId: 'user-42',
  occurredAt: '2026-01-15T09:30:00.000Z',
  schemaVersion,
});

const validMeasurement = MeasurementRecorded.example;

describe('validating an event', () => {
  it('names the field whose value has the wrong type', () => {
    const data = { ...validMeasurement, aptitude: '78' };

    const violations = eventRegistry.validate('MeasurementRecorded', data, metadata(2));

    expect(violations).toEqual([{ field: 'data.aptitude', message: 'must be number' }]);
  });

  it('names a missing field', () => {
    const data = Object.fromEntries(
      Object.entries(validMeasurement).filter(([field]) => field !== 'behaviour'),
    );

    const violations = eventRegistry.validate('MeasurementRecorded', data, metadata(2));

    expect(violations).toEqual([{ field: 'data.behaviour', message: 'is required' }]);
  });

  it('names a score outside 0–100 by its path', () => {
    const data = {
      ...validMeasurement,
      indicatorScores: [{ indicatorId: 'listening', score: 101 }],
    };

    const violations = eventRegistry.validate('MeasurementRecorded', data, metadata(2));

    expect(violations).toEqual([
      { field: 'data.indicatorScores.0.score', message: 'must be <= 100' },
    ]);
  });

  it('refuses a field the schema does not know', () => {
    const data = { ...validMeasurement, mood: 'happy' };

    const violations = eventRegistry.validate('MeasurementRecorded', data, metadata(2));

    expect(violations).toEqual([{ field: 'data.mood', message: 'is not allowed' }]);
  });

  it('refuses a rejection whose feedback is too short to be a conversation', () => {
    const data = { ...eventRegistry.current('GoalRejected')?.example, feedback: 'No.' };

    const violations = eventRegistry.validate('GoalRejected', data, metadata(1));

    expect(violations.map((violation) => violation.field)).toEqual(['data.feedback']);
  });

  it('refuses a 360° peer group of fewer than 3 raters', () => {
    const example = eventRegistry.current('FeedbackRoundAggregated')?.example;
    const data = {
      ...example,
      competencyScores: [{ group: 'peers', raterCount: 2, score: 40 }],
    };

    const violations = eventRegistry.validate('FeedbackRoundAggregated', data, metadata(1));

    expect(violations.map((violation) => violation.field)).toContain(
      'data.competencyScores.0.raterCount',
    );
  });

  it('names the metadata field that is wrong', () => {
    const violations = eventRegistry.validate('MeasurementRecorded', validMeasurement, {
      ...metadata(2),
      tenantId: 'Acme Corp',
    });

    expect(violations.map((violation) => violation.field)).toEqual(['metadata.tenantId']);
  });

  it('refuses an unknown event and an unknown version', () => {
    expect(eventRegistry.validate('GapFound', {}, metadata(1))).toEqual([
      { field: 'type', message: 'GapFound is not a published event' },
    ]);
    expect(eventRegistry.validate('MeasurementRecorded', validMeasurement, metadata(9))).toEqual([
      { field: 'metadata.schemaVersion', message: 'MeasurementRecorded has no version 9' },
    ]);
  });
});

describe('upcasting a stored MeasurementRecorded v1', () => {
  const storedV1 = MeasurementRecordedV1.example;

  it('yields v2 with robustness derived from the instrument', () => {
    const result = eventRegistry.upcast('MeasurementRecorded', 1, storedV1);

    expect(result).toEqual({ version: 2, data: { ...storedV1, robustness: 'robust' } });
    expect(eventRegistry.validate('MeasurementRecorded', result.data, metadata(2))).toEqual([]);
  });

  it.each([
    ['assessment', 'robust'],
    ['360-round', 'robust'],
    ['manager-observation', 'less-robust'],
    ['mini-feedback', 'less-robust'],
    ['self-evaluation', 'less-robust'],
  ] as const)('marks a measurement by %s as %s', (instrument, robustness) => {
    const result = eventRegistry.upcast('MeasurementRecorded', 1, { ...storedV1, instrument });

    expect(result.data).toMatchObject({ instrument, robustness });
  });

  it('leaves an event at its current version as it is', () => {
    expect(eventRegistry.upcast('MeasurementRecorded', 2, validMeasurement)).toEqual({
      version: 2,
      data: validMeasurement,
    });
  });
});

describe('upcasting a stored GoalDrafted v1', () => {
  it('yields the current version with no motivation, and no prompt version or context on record', () => {
    const result = eventRegistry.upcast('GoalDrafted', 1, GoalDraftedV1.example);

    expect(result.data).toMatchObject({
      motivationNote: null,
      drafter: { ...GoalDraftedV1.example.drafter, promptVersion: null, contextGiven: [] },
    });
    expect(eventRegistry.validate('GoalDrafted', result.data, metadata(3))).toEqual([]);
  });
});

describe('a goal stored before a criterion could be met by evidence', () => {
  const storedCriterion = GoalDraftedV2.example.successCriteria[0];
  const measured = { kind: 'measured', ...storedCriterion };

  it.each([
    ['GoalDrafted', 1, GoalDraftedV1.example],
    ['GoalDrafted', 2, GoalDraftedV2.example],
    ['GoalSubmitted', 1, GoalSubmittedV1.example],
  ] as const)('reads %s v%i with its criteria measured', (name, version, stored) => {
    const result = eventRegistry.upcast(name, version, stored);
    const current = eventRegistry.current(name)!.version;

    expect(result.version).toBe(current);
    expect(JSON.stringify(result.data)).toContain(JSON.stringify(measured));
    expect(JSON.stringify(result.data)).not.toContain('"kind":"evidence"');
    expect(eventRegistry.validate(name, result.data, metadata(current))).toEqual([]);
  });

  it.each([
    ['GoalEdited', GoalEditedV1.example, 'changes'],
    ['GoalAdjusted', GoalAdjustedV1.example, 'changes'],
    ['GoalAdjustmentRefused', GoalAdjustmentRefusedV1.example, 'restored'],
  ] as const)('reads %s v1 that changed no criterion unchanged', (name, stored, field) => {
    const result = eventRegistry.upcast(name, 1, stored);

    expect(result).toEqual({ version: 2, data: stored });
    expect(eventRegistry.validate(name, result.data, metadata(2))).toEqual([]);
    expect(field in (result.data as object)).toBe(true);
  });

  it.each([
    ['GoalEdited', { ...GoalEditedV1.example, changes: { successCriteria: [measured] } }],
    ['GoalAdjusted', { ...GoalAdjustedV1.example, changes: { successCriteria: [measured] } }],
    [
      'GoalAdjustmentRefused',
      { ...GoalAdjustmentRefusedV1.example, restored: { successCriteria: [measured] } },
    ],
  ] as const)('reads %s v1 that changed the criteria with them measured', (name, current) => {
    const stored = JSON.parse(
      JSON.stringify(current).replace(JSON.stringify(measured), JSON.stringify(storedCriterion)),
    ) as object;
    expect(eventRegistry.validate(name, stored, metadata(1))).toEqual([]);

    const result = eventRegistry.upcast(name, 1, stored);

    expect(result).toEqual({ version: 2, data: current });
    expect(eventRegistry.validate(name, result.data, metadata(2))).toEqual([]);
  });

  it('refuses an evidence criterion in a stored version 1 or 2: they stay as published', () => {
    const evidence = {
      kind: 'evidence',
      criterionId: 'crit-2',
      description: 'The certificate is obtained.',
      evidence: 'certificate',
    };
    const stored = { ...GoalDraftedV2.example, successCriteria: [evidence] };

    expect(eventRegistry.validate('GoalDrafted', stored, metadata(2))).not.toEqual([]);
    expect(eventRegistry.validate('GoalDrafted', stored, metadata(3))).toEqual([]);
  });
});

describe('an evaluation stored before evidence criteria', () => {
  it.each([
    [1, GoalEvaluatedV1.example],
    [2, GoalEvaluatedV2.example],
  ] as const)('reads GoalEvaluated v%i with each verdict measured', (version, stored) => {
    const result = eventRegistry.upcast('GoalEvaluated', version, stored);

    expect(result.version).toBe(3);
    expect(result.data).toMatchObject({
      criteria: [{ kind: 'measured', criterionId: 'crit-1', met: true, target: 60 }],
    });
    expect(eventRegistry.validate('GoalEvaluated', result.data, metadata(3))).toEqual([]);
  });
});

describe('upcasting a stored CheckInLogged v1', () => {
  const storedV1 = CheckInLoggedV1.example;

  it('yields v2 that says it does not know who logged it, and no manager notes', () => {
    const result = eventRegistry.upcast('CheckInLogged', 1, storedV1);

    expect(result).toEqual({ version: 2, data: { ...storedV1, loggedBy: null } });
    expect(eventRegistry.validate('CheckInLogged', result.data, metadata(2))).toEqual([]);
  });

  it('refuses a v1 check-in carrying the fields of v2: version 1 stays as published', () => {
    const violations = eventRegistry.validate(
      'CheckInLogged',
      { ...storedV1, loggedBy: 'emp-0007' },
      metadata(1),
    );

    expect(violations).toEqual([{ field: 'data.loggedBy', message: 'is not allowed' }]);
  });
});

describe('looking a definition up by name and version', () => {
  it('finds each published version of an event', () => {
    expect(eventRegistry.definition('MeasurementRecorded', 1)).toBe(MeasurementRecordedV1);
    expect(eventRegistry.definition('MeasurementRecorded', 2)).toBe(MeasurementRecorded);
  });

  it('finds nothing at a version never published, or not a whole number', () => {
    for (const version of [0, 3, -1, 1.5, Number.NaN, Infinity])
      expect(eventRegistry.definition('MeasurementRecorded', version)).toBeUndefined();
    // What an unchecked stored event could carry: no array property answers for a version.
    for (const version of ['length', 'constructor', '1'])
      expect(eventRegistry.definition('MeasurementRecorded', version as never)).toBeUndefined();
  });

  it('finds nothing under an unknown name, even one an object inherits', () => {
    for (const name of ['GapFound', '__proto__', 'constructor', 'toString'])
      expect(eventRegistry.definition(name, 1)).toBeUndefined();
  });
});
