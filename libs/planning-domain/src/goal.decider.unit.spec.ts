import { GoalAgreed, GoalDrafted, GoalEdited, type PlanningEvent } from '@talentloop/contracts';
import { DeciderSpecification } from '@talentloop/testing';
import { context, exampleCriterion } from './goal.fixtures';
import type { GoalCommand } from './goal.commands';
import { goalDecider } from './goal.decider';
import { defaultSmartSettings, type GoalContext } from './goal-content';
import { IllegalGoalTransition, NotAllowed, SmartCheckFailed } from './goal.errors';
import { checkSmart } from './smart-check';
import { draftDeterministically } from './deterministic-drafter';
import { unpairedFormalLearning } from './actions.rule';

const spec = DeciderSpecification.for(goalDecider);
const today = '2026-03-01';
const drafted: PlanningEvent = {
  type: 'GoalDrafted',
  data: { ...GoalDrafted.example, deadline: '2026-07-31', milestones: [] },
};
const content = { ...GoalDrafted.example, deadline: '2026-07-31' };
const submit = (): GoalCommand => ({
  type: 'SubmitGoal',
  data: { managerId: 'mgr-1', context, settings: defaultSmartSettings, today },
});
const failing = (changes: Partial<typeof content>, ctx: Partial<GoalContext> = {}) =>
  checkSmart({ ...content, ...changes }, { ...context, ...ctx }, defaultSmartSettings, today)
    .filter((c) => !c.passed)
    .map((c) => c.property);

const explanationOf = (
  property: string,
  changes: Partial<typeof content>,
  ctx: Partial<GoalContext> = {},
) =>
  checkSmart({ ...content, ...changes }, { ...context, ...ctx }, defaultSmartSettings, today).find(
    (c) => c.property === property,
  )?.explanation;
const levels = { '1': 'a', '2': 'b', '3': 'c', '4': 'd', '5': 'e' };
const frameworkIndicators = [
  { indicatorId: 'active-listening', name: 'Active listening', levels },
  { indicatorId: 'shares-information', name: 'Shares information', levels },
];
const training = {
  actionId: 'act-9',
  kind: 'formal-learning' as const,
  description: 'Follow the active listening training.',
  frequency: 'once',
  estimatedHours: 8,
};

describe('the SMART check', () => {
  it('passes a goal that names behaviour, situation, criteria, bounds and deadline', () =>
    expect(failing({})).toEqual([]));
  it('fails specific when the behaviour is one word', () =>
    expect(failing({ behaviour: 'Listening' })).toEqual(['specific']));
  it('fails specific when indicator data shows weak spots but the whole competency is targeted', () =>
    expect(failing({ target: { ...content.target, indicatorIds: [] } })).toEqual(['specific']));
  it('fails measurable when an indicator criterion names no indicator', () =>
    expect(failing({ successCriteria: [{ ...exampleCriterion, indicatorIds: [] }] })).toContain(
      'measurable',
    ));
  it('fails achievable above aptitude', () =>
    expect(failing({ successCriteria: [{ ...exampleCriterion, target: 80 }] })).toEqual([
      'achievable',
    ]));
  it('fails achievable beyond the growth rate for the period', () =>
    expect(failing({ successCriteria: [{ ...exampleCriterion, target: 75 }] })).toEqual([
      'achievable',
    ]));
  it('fails relevant without role requirement or motivation', () =>
    expect(failing({}, { requiredLevel: null })).toEqual(['relevant']));
  it('passes relevant on motivation alone', () =>
    expect(failing({}, { requiredLevel: null, motivationNote: 'I want this.' })).toEqual([]));
  it('fails specific when a targeted indicator is not in the framework', () =>
    expect(
      explanationOf(
        'specific',
        { target: { ...content.target, indicatorIds: ['listening'] } },
        {
          indicators: frameworkIndicators,
        },
      ),
    ).toBe('listening is not an indicator of Collaboration in the framework'));
  it('fails specific when a criterion reads an indicator the framework does not define', () =>
    expect(
      failing(
        { successCriteria: [{ ...exampleCriterion, indicatorIds: ['listening'] }] },
        { indicators: frameworkIndicators },
      ),
    ).toEqual(['specific']));
  it('fails specific when it targets a stronger indicator and the employee does not say why', () =>
    expect(
      explanationOf(
        'specific',
        { target: { ...content.target, indicatorIds: ['shares-information'] } },
        { strongestIndicators: [{ indicatorId: 'shares-information', score: 71 }] },
      ),
    ).toBe(
      'shares-information is not among the weaker indicators (active-listening); target those, or say in the motivation why this one',
    ));
  it('passes a stronger indicator the employee motivated', () =>
    expect(
      failing(
        { target: { ...content.target, indicatorIds: ['shares-information'] } },
        { motivationNote: 'My team needs me to share more, not to listen better.' },
      ),
    ).toEqual([]));
  it('fails achievable with formal learning only, saying why', () =>
    expect(explanationOf('achievable', { actions: [training] })).toBe(
      'only formal learning: a training or reading alone rarely changes behaviour at work; add at least one on-the-job action that practises it',
    ));
  it('fails achievable without any action', () =>
    expect(failing({ actions: [] })).toEqual(['achievable']));
  it('passes formal learning paired with practice on the job', () =>
    expect(failing({ actions: [...content.actions, training] })).toEqual([]));
  it('fails time-bound with a deadline outside 3–6 months', () =>
    expect(failing({ deadline: '2026-12-31' })).toEqual(['time-bound']));
});

describe('the deterministic drafter', () => {
  it.each(['en', 'nl'] as const)('drafts a goal in %s that passes the SMART check', (language) => {
    const goal = draftDeterministically(
      { target: { kind: 'competency', competencyId: 'collaboration' }, context, language, today },
      defaultSmartSettings,
    );
    expect(checkSmart(goal, context, defaultSmartSettings, today).every((c) => c.passed)).toBe(
      true,
    );
    expect(goal.language).toBe(language);
  });
});

describe('formal learning', () => {
  it('is flagged without a practice action on the same goal', () =>
    expect(
      unpairedFormalLearning([
        {
          actionId: 'a',
          kind: 'formal-learning',
          description: 'x',
          frequency: 'once',
          estimatedHours: 8,
        },
      ]),
    ).toEqual(['a']));
});

describe('a draft goal', () => {
  const agreed: PlanningEvent = { type: 'GoalAgreed', data: GoalAgreed.example };
  const agree = (agreedBy = 'emp-1001'): GoalCommand => ({
    type: 'AgreeToGoal',
    data: { motivation: GoalAgreed.example.motivation, agreedBy },
  });

  it('is agreed to by its employee, with why it matters to them', () =>
    spec.given([drafted]).when(agree()).then([agreed]));
  it('is agreed to once: the same agreement again changes nothing', () =>
    spec.given([drafted, agreed]).when(agree()).then([]));
  it('is agreed to by nobody else: not the manager, not HR', () =>
    spec
      .given([drafted])
      .when(agree('mgr-1'))
      .thenThrows(NotAllowed, /only the employee/));
  it('is submitted with its six checks, acceptable among them, once agreed to', () => {
    const given = [drafted, agreed].reduce(goalDecider.evolve, goalDecider.initialState());
    const [submitted] = goalDecider.decide(submit(), given);
    expect(submitted?.type).toBe('GoalSubmitted');
    const checks = submitted?.type === 'GoalSubmitted' ? submitted.data.smartChecks : [];
    expect(checks.map((check) => check.property)).toEqual([
      'specific',
      'measurable',
      'achievable',
      'acceptable',
      'relevant',
      'time-bound',
    ]);
    expect(checks.every((check) => check.passed)).toBe(true);
  });
  it('cannot be submitted before its employee agreed to it', () =>
    spec
      .given([drafted])
      .when(submit())
      .thenThrows(SmartCheckFailed, /acceptable: the employee has not agreed/));
  it('asks for the agreement again once its content changed', () =>
    spec
      .given([drafted, agreed, { type: 'GoalEdited', data: GoalEdited.example }])
      .when(submit())
      .thenThrows(SmartCheckFailed, /acceptable/));
  it('asks for the agreement again once an action was added', () =>
    spec
      .given([
        drafted,
        agreed,
        {
          type: 'ActionAdded',
          data: {
            ...GoalAgreed.example,
            action: { ...GoalDrafted.example.actions[0], actionId: 'act-9' },
          },
        } as PlanningEvent,
      ])
      .when(submit())
      .thenThrows(SmartCheckFailed, /acceptable/));
  it('cannot be submitted while a check fails', () =>
    spec
      .given([drafted, agreed])
      .when({
        ...submit(),
        data: { ...submit().data, context: { ...context, requiredLevel: null } },
      } as GoalCommand)
      .thenThrows(SmartCheckFailed, /relevant/));
  it('cannot be checked in on, naming its state', () =>
    spec
      .given([drafted])
      .when({ type: 'CompleteAction', data: { actionId: 'act-1' } })
      .thenThrows(IllegalGoalTransition, /draft/));
});
