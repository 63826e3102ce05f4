import { CompetencyFrameworkPublished } from '@talentloop/contracts';
import { eventually } from '@talentloop/testing';
import { bodyOf, PlanningTestApp, TENANT, type Caller } from '../testing/planning-test-app';

/**
 * Planning in Dutch: the texts a person reads follow Accept-Language, else the person's own
 * language (Dutch for the example employee); codes and stored events stay as they are.
 */

interface Problem {
  readonly code: string;
  readonly detail: string;
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
}

/** The example framework as the tenant also publishes it in Dutch, with the same ids. */
const [collaboration] = CompetencyFrameworkPublished.example.competencies;
const dutchFramework = {
  ...CompetencyFrameworkPublished.example,
  frameworkId: 'framework-core-nl',
  name: 'Kerncompetenties',
  language: 'nl',
  competencies: [
    {
      ...collaboration,
      name: 'Samenwerking',
      definition: 'Werkt met anderen aan een gedeeld resultaat.',
      indicators: [
        {
          indicatorId: 'active-listening',
          name: 'Actief luisteren',
          levels: {
            '1': 'Onderbreekt anderen.',
            '2': 'Luistert als daarom gevraagd wordt.',
            '3': 'Vat samen wat anderen zeggen.',
            '4': 'Stelt vragen die het gesprek verdiepen.',
            '5': 'Laat anderen zich gehoord voelen in moeilijke gesprekken.',
          },
        },
      ],
      facets: [{ facetId: 'agreeableness', name: 'Vriendelijkheid', description: 'Warmte.' }],
    },
  ],
};

describe('planning in Dutch', () => {
  let service: PlanningTestApp;
  let counter = 0;

  beforeAll(async () => {
    service = await PlanningTestApp.start();
  });

  afterAll(() => service.stop());

  const employeeWithPlan = () => service.employeeWithPlan(`emp-${8000 + ++counter}`);
  /** A request in the caller's own language: no Accept-Language header. */
  const inOwnLanguage = async (method: 'GET' | 'POST', path: string, me: Caller, body?: unknown) =>
    service.requestWithHeaders(
      method,
      path,
      { authorization: `Bearer ${await service.token(me)}` },
      body,
    );

  it('refuses a command the goal’s phase does not allow in the person’s language', async () => {
    const { me, planId, gapId } = await employeeWithPlan();
    const goalId = await service.activeGoal(me, planId, gapId);
    const refusal = await bodyOf<Problem & { currentState: string }>(
      await inOwnLanguage('POST', `/goals/${goalId}/submit`, me),
      409,
    );
    expect(refusal).toMatchObject({
      code: 'ILLEGAL_GOAL_TRANSITION',
      currentState: 'active',
      detail: 'een actief doel kan niet worden ingediend',
    });
  });

  it('refuses a bad draft request field by field in the person’s language, codes unchanged', async () => {
    const { me, planId } = await employeeWithPlan();
    const refusal = await bodyOf<Problem>(
      await inOwnLanguage('POST', `/plans/${planId}/goals/draft`, me, {
        gapId: 'a gap',
        language: 'fr',
        colour: 'blue',
      }),
      422,
    );
    expect(refusal.code).toBe('VALIDATION_FAILED');
    expect(refusal.detail).toBe('3 veld(en) zijn ongeldig');
    expect(refusal.errors).toEqual(
      expect.arrayContaining([
        { field: 'colour', message: 'het veld colour hoort er niet bij' },
        { field: 'language', message: 'language moet een van deze waarden zijn: nl, en' },
        { field: 'gapId', message: expect.stringMatching(/^gapId moet voldoen aan/) as string },
      ]),
    );
    const english = await bodyOf<Problem>(
      await service.request('POST', `/plans/${planId}/goals/draft`, me, { language: 'fr' }),
      422,
    );
    expect(english.errors).toEqual([
      { field: 'language', message: 'language must be one of the following values: nl, en' },
    ]);
  });

  it('says what is not found in the language Accept-Language asks for', async () => {
    const { me } = await employeeWithPlan();
    // The access guard answers before the person's own language is known: the header counts.
    const missing = await bodyOf<Problem>(
      await service.requestWithHeaders(
        'POST',
        '/plans/plan-none/goals/draft',
        { authorization: `Bearer ${await service.token(me)}`, 'accept-language': 'nl' },
        { gapId: 'gap-none' },
      ),
      404,
    );
    expect(missing).toEqual(
      expect.objectContaining({
        code: 'NOT_FOUND',
        detail: 'die resource bestaat niet binnen je organisatie',
      }),
    );
  });

  it('drafts in Dutch with the Dutch names of a framework published in Dutch too', async () => {
    const { me, gapId, planId } = await employeeWithPlan();
    await service.publish(service.event('CompetencyFrameworkPublished', dutchFramework));
    await eventually(
      'the Dutch framework reaches planning',
      async () =>
        (await service.readSide.competency(TENANT, 'collaboration'))?.name === 'Samenwerking',
    );
    const draft = async (language: 'nl' | 'en') =>
      bodyOf<{ goal: { title: string; behaviour: string; language: string } }>(
        await service.request('POST', `/plans/${planId}/goals/draft`, me, { gapId, language }),
        201,
      );
    const dutch = await draft('nl');
    expect(dutch.goal).toMatchObject({
      title: 'Groeien in Samenwerking: Actief luisteren',
      behaviour: 'Oefen bewust met Actief luisteren: Stelt vragen die het gesprek verdiepen.',
      language: 'nl',
    });
    // The English framework, published before, still names the English draft.
    const english = await draft('en');
    expect(english.goal.title).toBe('Grow in Collaboration: Active listening');
  });

  it('explains in Dutch why an active goal cannot be evaluated yet', async () => {
    const { me, gapId, planId } = await employeeWithPlan();
    const goalId = await service.activeGoal(me, planId, gapId);
    const goal = await bodyOf<{
      evaluation: { status: string; reasons: { code: string; explanation: string }[] };
    }>(await inOwnLanguage('GET', `/goals/${goalId}`, me), 200);
    expect(goal.evaluation.status).toBe('awaiting-measurement');
    expect(goal.evaluation.reasons[0]).toMatchObject({
      code: 'NOTHING_MEASURED_SINCE_BASELINE',
      explanation: expect.stringMatching(
        /^sinds de nulmeting is niets gemeten: de eerste meting/,
      ) as string,
    });
    const english = await bodyOf<typeof goal>(
      await service.request('GET', `/goals/${goalId}`, me),
      200,
    );
    expect(english.evaluation.reasons[0]?.explanation).toMatch(
      /^nothing was measured since the baseline/,
    );
  });
});
