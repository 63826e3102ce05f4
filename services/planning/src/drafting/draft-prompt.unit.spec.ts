import { CompetencyFrameworkPublished } from '@talentloop/contracts';
import type { DraftRequest, GoalContext } from '@talentloop/planning-domain';
import { draftPromptOf, indicatorIdsOutsideFramework } from './draft-prompt';

const promptOf = (request: DraftRequest) => {
  const { user, contextGiven } = draftPromptOf(request);
  return { given: JSON.parse(user) as Record<string, unknown>, contextGiven };
};

describe('the prompt a model drafts from', () => {
  describe('given everything known about the target', () => {
    it('gives the role, its requirement and the facets with their scores', () => {
      const { given } = promptOf(request);
      expect(given).toMatchObject({
        role: 'Team lead',
        roleRequiredLevel: 4,
        talentFacets: [{ name: 'Agreeableness', description: 'Warmth and trust.', score: 80 }],
        indicatorsPerLevel: [{ indicatorId: 'active-listening', name: 'Active listening' }],
        scores: { aptitude: 78, behaviour: 45 },
      });
    });

    it('names every part it gives, in a fixed order', () =>
      expect(promptOf(request).contextGiven).toEqual([
        'target',
        'definition',
        'indicators',
        'scores',
        'weakest-indicators',
        'strongest-indicators',
        'role',
        'role-requirement',
        'facets',
      ]));

    it('says that the employee gave a motivation, never what it is', () => {
      const motivationNote = 'Sanne said my team feels unheard';
      const { given, contextGiven } = promptOf({
        ...request,
        context: { ...context, motivationNote },
      });
      expect(given.employeeStatedAMotivation).toBe(true);
      expect(contextGiven).toContain('motivation-stated');
      expect(JSON.stringify(given)).not.toContain('Sanne');
    });
  });

  describe('given little known about the target', () => {
    it('leaves out what is not known and does not name it as given', () => {
      const { given, contextGiven } = promptOf({ ...request, context: bare });
      expect(contextGiven).toEqual(['target']);
      for (const key of ['role', 'roleRequiredLevel', 'talentFacets', 'scores', 'definition'])
        expect(given).not.toHaveProperty(key);
    });
  });

  describe('given a redraft after a rejection', () => {
    it('gives the manager’s feedback when the request carries it', () => {
      const rejectionFeedback = 'Make the target measurable in the next 360° round.';
      const { given, contextGiven } = promptOf({ ...request, rejectionFeedback });
      expect(given.previousSubmissionRejected).toMatchObject({
        managerFeedback: rejectionFeedback,
      });
      expect(contextGiven.at(-1)).toBe('rejection-feedback');
    });

    it('gives no feedback part for blank feedback', () =>
      expect(promptOf({ ...request, rejectionFeedback: '  ' }).contextGiven).not.toContain(
        'rejection-feedback',
      ));
  });
});

describe('the language of the prompt', () => {
  it('instructs the model in English for an English draft', () => {
    const prompt = draftPromptOf(request);
    expect(prompt.system).toMatch(/^You help employees write SMART development goals\./);
    expect(JSON.parse(prompt.user)).toMatchObject({
      task: 'Draft one SMART development goal as JSON.',
      writeIn: 'English',
    });
  });

  it('instructs the model in Dutch for a Dutch draft, feedback instruction included', () => {
    const prompt = draftPromptOf({ ...request, language: 'nl', rejectionFeedback: 'Meetbaar.' });
    expect(prompt.system).toMatch(/^Je helpt medewerkers SMART-ontwikkeldoelen te schrijven\./);
    expect(prompt.system).not.toMatch(/You help/);
    expect(JSON.parse(prompt.user)).toMatchObject({
      task: 'Stel één SMART-ontwikkeldoel op als JSON.',
      writeIn: 'Dutch (Nederlands)',
      previousSubmissionRejected: {
        managerFeedback: 'Meetbaar.',
        instruction: 'Verwerk deze feedback in het nieuwe concept.',
      },
    });
  });
});

describe('the indicators a model may name', () => {
  const draft = (target: string[], criterion: string[]) => ({
    target: { kind: 'competency' as const, competencyId: 'collaboration', indicatorIds: target },
    successCriteria: [
      {
        kind: 'measured' as const,
        criterionId: 'crit-1',
        instrument: '360-round' as const,
        metric: 'indicator-score' as const,
        indicatorIds: criterion,
        target: 60,
        description: 'Scores 60.',
      },
    ],
  });

  it('accepts the framework’s indicators of the target', () =>
    expect(
      indicatorIdsOutsideFramework(draft(['active-listening'], ['active-listening']), context),
    ).toEqual([]));

  it('names each id the framework does not define, once, wherever the draft names it', () =>
    expect(
      indicatorIdsOutsideFramework(
        draft(['empathy', 'active-listening'], ['empathy', 'x']),
        context,
      ),
    ).toEqual(['empathy', 'x']));

  it('accepts no id when the framework defines no indicators for the target', () =>
    expect(indicatorIdsOutsideFramework(draft(['active-listening'], []), bare)).toEqual([
      'active-listening',
    ]));
});

const [collaboration] = CompetencyFrameworkPublished.example.competencies;

const context: GoalContext = {
  targetName: 'Collaboration',
  definition: collaboration.definition,
  indicators: collaboration.indicators,
  aptitude: 78,
  behaviour: 45,
  weakestIndicators: [{ indicatorId: 'active-listening', score: 45 }],
  strongestIndicators: [{ indicatorId: 'shares-information', score: 71 }],
  requiredLevel: 4,
  roleName: 'Team lead',
  facets: [
    {
      facetId: 'agreeableness',
      name: 'Agreeableness',
      description: 'Warmth and trust.',
      score: 80,
    },
  ],
  measuredBy: { measurementId: 'msr-5001', instrument: '360-round', measuredAt: '2026-01-12' },
  motivationNote: null,
};

const bare: GoalContext = {
  ...context,
  definition: null,
  indicators: [],
  aptitude: null,
  behaviour: null,
  weakestIndicators: [],
  strongestIndicators: [],
  requiredLevel: null,
  roleName: null,
  facets: [],
  measuredBy: null,
};

const request: DraftRequest = {
  target: { kind: 'competency', competencyId: 'collaboration' },
  context,
  language: 'en',
  today: '2026-03-01',
};
