import { draftDeterministically, type DraftRequest } from './deterministic-drafter';
import { defaultSmartSettings, type GoalContext } from './goal-content';
import { context } from './goal.fixtures';

const today = '2026-03-01';

describe('a deterministic draft', () => {
  it('reads in English for an English request', () => {
    const goal = draft('en', englishFramework);
    expect(goal.title).toBe('Grow in Collaboration: Active listening');
    expect(goal.behaviour).toBe(
      'Practise Active listening deliberately: Summarises what others say.',
    );
    expect(goal.actions[0]?.frequency).toBe('every week');
    expect(goal.milestones[0]?.description).toBe(
      'Review progress with the manager and adjust the approach.',
    );
  });

  it('reads in Dutch for a Dutch request, with the Dutch names the framework gives', () => {
    const goal = draft('nl', dutchFramework);
    expect(goal.title).toBe('Groeien in Samenwerking: Actief luisteren');
    expect(goal.behaviour).toBe('Oefen bewust met Actief luisteren: Vat samen wat anderen zeggen.');
    expect(goal.situation).toMatch(/^In wekelijkse teamoverleggen/);
    expect(goal.successCriteria[0]?.description).toMatch(
      /^Actief luisteren scoort minstens \d+ in de volgende 360°-ronde\.$/,
    );
    expect(goal.actions.map((action) => action.frequency)).toEqual(['elke week', 'eens per maand']);
    expect(goal.language).toBe('nl');
  });

  it('names a competency without weak indicators by the Dutch words for its basics', () =>
    expect(draft('nl', { ...dutchFramework, weakestIndicators: [], indicators: [] }).title).toBe(
      'Groeien in Samenwerking: de basis',
    ));
});

const draft = (language: DraftRequest['language'], given: GoalContext) =>
  draftDeterministically(
    {
      target: { kind: 'competency', competencyId: 'collaboration' },
      context: given,
      language,
      today,
    },
    defaultSmartSettings,
  );

/** Behaviour at 45 is level 3: the draft describes level 4, the next. */
const levels = (next: string) => ({ '1': '-', '2': '-', '3': '-', '4': next, '5': '-' });

const englishFramework: GoalContext = {
  ...context,
  indicators: [
    {
      indicatorId: 'active-listening',
      name: 'Active listening',
      levels: levels('Summarises what others say.'),
    },
  ],
};

const dutchFramework: GoalContext = {
  ...context,
  targetName: 'Samenwerking',
  definition: 'Werkt met anderen aan een gedeeld resultaat.',
  indicators: [
    {
      indicatorId: 'active-listening',
      name: 'Actief luisteren',
      levels: levels('Vat samen wat anderen zeggen.'),
    },
  ],
};
