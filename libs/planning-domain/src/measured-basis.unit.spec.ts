import { GoalDrafted } from '@talentloop/contracts';
import { defaultSmartSettings } from './goal-content';
import { context, exampleCriterion } from './goal.fixtures';
import { facetsOf, measuredBasisOf, type GapBasis, type LatestMeasurement } from './measured-basis';
import { checkSmart } from './smart-check';

const today = '2026-03-01';

describe('what bounds a goal', () => {
  describe('given a goal drafted from a target, without a gap', () => {
    it('is bounded by the latest measurement the employee has of the target', () =>
      expect(measuredBasisOf({ latest: listening45, roleRequirement: 4 })).toEqual({
        aptitude: 60,
        behaviour: 50,
        weakestIndicators: [{ indicatorId: 'active-listening', score: 45 }],
        strongestIndicators: [{ indicatorId: 'shares-information', score: 71 }],
        requiredLevel: 4,
        measuredBy: { measurementId: 'msr-9', instrument: '360-round', measuredAt: '2026-02-10' },
      }));

    it('has no bound when nothing was measured, and says so', () => {
      const basis = measuredBasisOf({ roleRequirement: undefined });
      expect(basis).toMatchObject({ aptitude: null, behaviour: null, measuredBy: null });
      expect(achievableOf(80, basis)).toEqual({
        passed: true,
        explanation:
          'no measurement of Collaboration bounds the targets; the manager judges feasibility',
      });
    });

    it('fails achievable for a target above the measured aptitude', () =>
      expect(
        achievableOf(80, measuredBasisOf({ latest: listening45, roleRequirement: 4 })),
      ).toEqual({
        passed: false,
        explanation: 'criterion crit-1 targets 80, above the aptitude of 60',
      }));

    it('names the measurement that bounded a realistic target', () =>
      expect(
        achievableOf(55, measuredBasisOf({ latest: listening45, roleRequirement: 4 })),
      ).toEqual({
        passed: true,
        explanation:
          'targets stay within aptitude 60 and 5 points a month of growth (measured by 360-round on 2026-02-10)',
      }));
  });

  describe('given a goal drafted from a gap', () => {
    it('takes the scores of a newer measurement over the gap’s', () =>
      expect(measuredBasisOf({ gap, latest: listening45, roleRequirement: 4 })).toMatchObject({
        aptitude: 60,
        behaviour: 50,
        measuredBy: { measurementId: 'msr-9' },
      }));

    it('takes the gap’s scores when no measurement is known apart from it', () =>
      expect(measuredBasisOf({ gap, roleRequirement: undefined })).toEqual({
        aptitude: 78,
        behaviour: 45,
        weakestIndicators: gap.weakestIndicators,
        strongestIndicators: gap.strongestIndicators,
        requiredLevel: 4,
        measuredBy: { measurementId: 'msr-5001', instrument: null, measuredAt: null },
      }));
  });

  describe('the requirement', () => {
    it('comes from the current role profile when it names the target', () =>
      expect(measuredBasisOf({ gap, roleRequirement: 2 }).requiredLevel).toBe(2));

    it('is none when the current role profile is known and does not name the target', () =>
      expect(measuredBasisOf({ gap, roleRequirement: null }).requiredLevel).toBeNull());

    it('falls back to the gap’s role when no profile is known', () =>
      expect(measuredBasisOf({ gap, roleRequirement: undefined }).requiredLevel).toBe(4));

    it('makes a target the role requires relevant without a motivation', () => {
      const relevant = checkSmart(
        content,
        { ...context, ...measuredBasisOf({ latest: listening45, roleRequirement: 3 }) },
        defaultSmartSettings,
        today,
      ).find((check) => check.property === 'relevant');
      expect(relevant).toEqual({
        property: 'relevant',
        passed: true,
        explanation: 'the role profile requires Collaboration at level 3',
      });
    });
  });
});

const content = { ...GoalDrafted.example, deadline: '2026-07-31' };

const achievableOf = (target: number, basis: ReturnType<typeof measuredBasisOf>) => {
  const goal = {
    ...content,
    successCriteria: [{ ...exampleCriterion, criterionId: 'crit-1', target }],
  };
  const check = checkSmart(goal, { ...context, ...basis }, defaultSmartSettings, today).find(
    (candidate) => candidate.property === 'achievable',
  );
  return { passed: check?.passed, explanation: check?.explanation };
};

const listening45: LatestMeasurement = {
  measurementId: 'msr-9',
  instrument: '360-round',
  aptitude: 60,
  behaviour: 50,
  indicatorScores: [
    { indicatorId: 'shares-information', score: 71 },
    { indicatorId: 'active-listening', score: 45 },
  ],
  measuredAt: '2026-02-10',
};

const gap: GapBasis = {
  measurementId: 'msr-5001',
  aptitude: 78,
  behaviour: 45,
  weakestIndicators: [{ indicatorId: 'active-listening', score: 45 }],
  strongestIndicators: [{ indicatorId: 'shares-information', score: 71 }],
  requiredLevel: 4,
};

describe('the facets a drafter is given', () => {
  const framework = [
    { facetId: 'agreeableness', name: 'Agreeableness', description: 'Warmth and trust.' },
    { facetId: 'openness', name: 'Openness', description: 'Curiosity.' },
  ];

  it('pairs each facet of the framework with the measured score, null when not scored', () =>
    expect(facetsOf(framework, [{ facetId: 'agreeableness', score: 80 }])).toEqual([
      { ...framework[0], score: 80 },
      { ...framework[1], score: null },
    ]));

  it('leaves out a score for a facet the framework does not name', () =>
    expect(facetsOf([], [{ facetId: 'agreeableness', score: 80 }])).toEqual([]));
});
