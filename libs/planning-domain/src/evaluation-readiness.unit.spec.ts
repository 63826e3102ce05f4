import type { PlanningEvent } from '@talentloop/contracts';
import { evaluationReadiness } from './evaluation-readiness';
import {
  activated,
  drafted,
  fold,
  measured,
  progressed,
  submitted,
  twoCriteria,
} from './goal.fixtures';

/** The example goal: deadline 2026-07-31, crit-1 reads active listening in a 360° round. */
const before = '2026-05-01';
const [, behaviourCriterion] = twoCriteria.successCriteria ?? [];
if (behaviourCriterion?.kind !== 'measured')
  throw new Error('the fixtures name a measured behaviour criterion');
const after = '2026-08-10';

describe('an active goal with nothing measured since its baseline', () => {
  const given = [drafted(), submitted(1), activated()];

  it('awaits a measurement before the deadline, saying what evaluates it', () =>
    expect(readiness(given, before)).toEqual({
      status: 'awaiting-measurement',
      reasons: [
        {
          code: 'NOTHING_MEASURED_SINCE_BASELINE',
          effect: 'blocks-evaluation',
          explanation: expect.stringContaining('on or after 2026-07-31') as string,
          deadline: '2026-07-31',
          instruments: ['360-round'],
        },
      ],
    }));

  it('is overdue for a remeasurement once the deadline passed', () =>
    expect(readiness(given, after)).toMatchObject({
      status: 'remeasurement-overdue',
      reasons: [{ code: 'REMEASUREMENT_OVERDUE', instruments: ['360-round'] }],
    }));

  it('is still awaiting on the deadline itself', () =>
    expect(readiness(given, '2026-07-31')).toMatchObject({ status: 'awaiting-measurement' }));
});

describe('an active goal measured since its baseline', () => {
  it('can be evaluated, with nothing in the way', () =>
    expect(
      readiness(
        [
          drafted(),
          submitted(1),
          activated(),
          progressed('msr-6001', '2026-04-02', { listening: 55, behaviour: 50 }),
        ],
        after,
      ),
    ).toEqual({ status: 'evaluable', reasons: [] }));

  it('says a criterion cannot be met when the latest measurement did not score its indicator', () =>
    expect(
      readiness(
        [drafted(), submitted(1), activated(), progressedWithout('msr-6002', 'active-listening')],
        before,
      ),
    ).toEqual({
      status: 'evaluable',
      reasons: [
        {
          code: 'INDICATOR_NOT_MEASURED',
          effect: 'criterion-cannot-be-met',
          explanation: expect.stringContaining('criterion crit-1 cannot be met') as string,
          criterionId: 'crit-1',
          indicatorIds: ['active-listening'],
          measurementId: 'msr-6002',
        },
      ],
    }));
});

describe('an active goal without a baseline', () => {
  const given = [drafted(), submitted(1), activatedWithoutBaseline()];

  it('awaits a measurement, and says growth cannot be shown', () =>
    expect(readiness(given, before)).toMatchObject({
      status: 'awaiting-measurement',
      reasons: [
        { code: 'NOTHING_MEASURED_SINCE_BASELINE' },
        { code: 'NO_BASELINE', effect: 'growth-not-shown' },
        { code: 'INSTRUMENT_NOT_USED', criterionId: 'crit-1', instrument: '360-round' },
      ],
    }));
});

describe('an active goal whose criteria read another instrument than was used', () => {
  it('says the evidence will be less robust, per criterion', () =>
    expect(
      readiness(
        [
          drafted({
            successCriteria: [{ ...behaviourCriterion, instrument: 'manager-observation' }],
          }),
          submitted(1),
          activated(),
        ],
        before,
      ).reasons,
    ).toContainEqual(
      expect.objectContaining({
        code: 'INSTRUMENT_NOT_USED',
        effect: 'evidence-less-robust',
        criterionId: 'crit-2',
        instrument: 'manager-observation',
      }),
    ));
});

describe('the explanations', () => {
  const withoutBaseline = [drafted(), submitted(1), activatedWithoutBaseline()];

  it('read in English by default, as they always did', () =>
    expect(readiness(withoutBaseline, before).reasons.map((r) => r.explanation)).toEqual([
      'nothing was measured since the baseline: the first 360-round measurement of the target on or after 2026-07-31 evaluates the goal; an early evaluation needs a measurement first',
      'the target had not been measured when the goal became active: the evaluation will show where the employee stands, not how far they grew',
      'no measurement of this goal used 360-round, the instrument criterion crit-1 reads: evidence from another instrument is marked less robust',
    ]));

  it('read in Dutch for a Dutch reader, the codes unchanged', () => {
    const result = evaluationReadiness(stateOf(fold(withoutBaseline)), before, 'nl');
    expect(result?.reasons.map(({ code, explanation }) => ({ code, explanation }))).toEqual([
      {
        code: 'NOTHING_MEASURED_SINCE_BASELINE',
        explanation:
          'sinds de nulmeting is niets gemeten: de eerste meting van het ontwikkeldoel met 360-round op of na 2026-07-31 evalueert het doel; voor een eerdere evaluatie is eerst een meting nodig',
      },
      {
        code: 'NO_BASELINE',
        explanation:
          'het ontwikkeldoel was niet gemeten toen het doel actief werd: de evaluatie laat zien waar de medewerker staat, niet hoeveel die gegroeid is',
      },
      {
        code: 'INSTRUMENT_NOT_USED',
        explanation:
          'geen meting van dit doel gebruikte 360-round, het instrument dat criterium crit-1 leest: bewijs van een ander instrument geldt als minder robuust',
      },
    ]);
  });

  it('join the instruments that evaluate a goal with the language’s own “or”', () => {
    const twoInstruments = [
      drafted({
        successCriteria: [
          ...(twoCriteria.successCriteria ?? []).slice(0, 1),
          { ...behaviourCriterion, instrument: 'manager-observation' },
        ],
      }),
      submitted(1),
      activated(),
    ];
    const [english] = readiness(twoInstruments, after).reasons;
    const [dutch] = evaluationReadiness(stateOf(fold(twoInstruments)), after, 'nl')?.reasons ?? [];
    expect(english?.explanation).toContain('a 360-round or manager-observation measurement');
    expect(dutch?.explanation).toContain('met 360-round of manager-observation evalueert');
  });
});

describe('a goal that is not active', () => {
  it('has no evaluation readiness while in approval', () =>
    expect(evaluationReadiness(stateOf(fold([drafted(), submitted(1)])), after)).toBeUndefined());
});

function readiness(events: readonly PlanningEvent[], today: string) {
  const result = evaluationReadiness(stateOf(fold(events)), today);
  if (!result) throw new Error('an active goal has a readiness');
  return result;
}

function stateOf(state: ReturnType<typeof fold>) {
  if (state.status === 'none') throw new Error('no goal');
  return state;
}

function activatedWithoutBaseline(): PlanningEvent {
  const event = activated();
  if (event.type !== 'GoalActivated') throw new Error('not an activation');
  return { ...event, data: { ...event.data, baseline: null } };
}

function progressedWithout(measurementId: string, indicatorId: string): PlanningEvent {
  const event = progressed(measurementId, '2026-04-02', { listening: 55, behaviour: 50 });
  if (event.type !== 'GoalProgressMeasured') throw new Error('not progress');
  const measurement = measured(measurementId, '2026-04-02', { listening: 55, behaviour: 50 });
  return {
    ...event,
    data: {
      ...event.data,
      measurement: {
        ...measurement,
        indicators: measurement.indicators.filter((score) => score.indicatorId !== indicatorId),
      },
    },
  };
}
