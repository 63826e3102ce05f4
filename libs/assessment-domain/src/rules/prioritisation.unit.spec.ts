import fc from 'fast-check';
import {
  defaultWeighting,
  rankCandidates,
  weightingViolations,
  type Candidate,
} from './prioritisation';

describe('ranking gaps', () => {
  it('puts the heavier, wider gap first and says why', () => {
    const [first, second] = rankCandidates([planning, collaboration], defaultWeighting, 40);
    expect([first?.competencyId, second?.competencyId]).toEqual(['collaboration', 'planning']);
    expect(first?.priority).toEqual({
      score: 70.9,
      rank: 1,
      impact: 65,
      potential: 78,
      energy: 75,
    });
    expect(first?.reasons.map((reason) => reason.factor)).toEqual([
      'impact',
      'requirement',
      'potential',
      'energy',
    ]);
  });

  it('counts unknown energy as neutral', () => {
    const [ranked] = rankCandidates([{ ...planning, energy: undefined }], defaultWeighting, 40);
    expect(ranked?.priority.energy).toBe(50);
  });

  it('follows the organisation’s weighting', () => {
    const energyOnly = { impact: 0, potential: 0, energy: 1 };
    const [first] = rankCandidates([collaboration, { ...planning, energy: 5 }], energyOnly, 40);
    expect(first?.competencyId).toBe('planning');
  });

  it('refuses a weighting in which nothing counts', () =>
    expect(weightingViolations({ impact: 0, potential: 0, energy: 0 })).toHaveLength(1));

  describe('is monotone: raising one factor of a gap never moves it down', () => {
    const candidate = fc.record({
      competencyId: fc.string({ minLength: 1, maxLength: 6 }),
      name: fc.constant('Competency'),
      weight: fc.integer({ min: 1, max: 100 }),
      requiredLevel: fc.constant(4),
      requiredScore: fc.constant(60),
      aptitude: fc.integer({ min: 0, max: 100 }),
      behaviour: fc.integer({ min: 0, max: 60 }),
      energy: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    });
    const weighting = fc.record({
      impact: fc.integer({ min: 0, max: 10 }),
      potential: fc.integer({ min: 0, max: 10 }),
      energy: fc.integer({ min: 1, max: 10 }),
    });
    const scenario = fc.uniqueArray(candidate, {
      minLength: 1,
      maxLength: 8,
      selector: (c) => c.competencyId,
    });

    const rankOf = (candidates: Candidate[], id: string, w: typeof defaultWeighting) => {
      const heaviest = Math.max(...candidates.map((c) => c.weight));
      return rankCandidates(candidates, w, heaviest).find((c) => c.competencyId === id)!.priority
        .rank;
    };

    const neverMovesDown = (raise: (c: Candidate) => Candidate) =>
      fc.assert(
        fc.property(scenario, weighting, fc.nat(), (candidates, w, pick) => {
          const target = candidates[pick % candidates.length];
          const raised = candidates.map((c) => (c === target ? raise(c) : c));
          expect(rankOf(raised, target.competencyId, w)).toBeLessThanOrEqual(
            rankOf(candidates, target.competencyId, w),
          );
        }),
      );

    it('in impact: a heavier role weight', () =>
      neverMovesDown((c) => ({ ...c, weight: Math.min(100, c.weight + 15) })));
    it('in impact: a wider requirement gap', () =>
      neverMovesDown((c) => ({
        ...c,
        behaviour: Math.max(0, c.behaviour - 10),
        aptitude: c.aptitude,
      })));
    it('in potential: a higher aptitude', () =>
      neverMovesDown((c) => ({ ...c, aptitude: Math.min(100, c.aptitude + 10) })));
    it('in energy: more motivation', () =>
      neverMovesDown((c) => ({ ...c, energy: Math.min(5, (c.energy ?? 3) + 1) })));
  });
});

const collaboration: Candidate = {
  competencyId: 'collaboration',
  name: 'Collaboration',
  weight: 40,
  requiredLevel: 4,
  requiredScore: 60,
  aptitude: 78,
  behaviour: 45,
  energy: 4,
};
const planning: Candidate = {
  ...collaboration,
  competencyId: 'planning',
  name: 'Planning',
  weight: 20,
  requiredScore: 40,
  behaviour: 35,
  energy: 2,
};

describe('the reasons of a ranking in Dutch', () => {
  it('reads each factor in Dutch', () => {
    const [ranked] = rankCandidates(
      [
        {
          competencyId: 'collaboration',
          name: 'Samenwerken',
          weight: 40,
          requiredLevel: 4,
          requiredScore: 60,
          aptitude: 78,
          behaviour: 45,
          energy: undefined,
        },
      ],
      { impact: 1, potential: 1, energy: 1 },
      40,
      'nl',
    );
    expect(ranked?.reasons.map((reason) => reason.explanation)).toEqual([
      'Samenwerken weegt 40 in het rolprofiel (de zwaarste eis weegt 40).',
      'Gedrag 45 ligt 15 punten onder niveau 4 (60) dat de rol vraagt.',
      'Aanleg 78 laat 33 punten ruimte om te groeien.',
      'Geen motivatie vastgelegd voor Samenwerken; energie telt neutraal.',
    ]);
  });
});
