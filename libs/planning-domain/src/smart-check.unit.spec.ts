import { checkSmart } from './smart-check';
import { SmartCheckFailed } from './goal.errors';
import { findSmart, smartFailures } from './smart-check';
import { text } from '@talentloop/i18n';
import type { GoalContent, GoalContext, SmartSettings } from './goal-content';

describe('the SMART check in Dutch', () => {
  it('explains every property in Dutch', () => {
    const checks = checkSmart(vague, context, settings, today, 'nl');
    expect(checks.find((check) => check.property === 'specific')?.explanation).toBe(
      'het gedrag dat je wilt ontwikkelen is niet concreet beschreven (minstens een korte zin)',
    );
    expect(checks.find((check) => check.property === 'relevant')?.explanation).toBe(
      'het rolprofiel vraagt Feedback geven op niveau 3',
    );
  });

  it('reads the same in English as before', () =>
    expect(checkSmart(vague, context, settings, today)[0]?.explanation).toBe(
      'the behaviour to develop is not described concretely (at least a short sentence)',
    ));

  it('says why a goal is not SMART in the reader’s language, the code unchanged', () => {
    const findings = findSmart(vague, context, settings, today);
    const error = new SmartCheckFailed(
      text('planning.notSmartYet', { failures: smartFailures(findings) }),
      findings,
    );
    expect(error.code).toBe('SMART_CHECK_FAILED');
    expect(error.message).toMatch(/^the goal is not SMART yet: specific: the behaviour/);
    expect(error.messageIn('nl')).toMatch(/^het doel is nog niet SMART: specifiek: het gedrag/);
  });
});

const today = '2027-01-10';
const settings: SmartSettings = {
  deadlineMinMonths: 3,
  deadlineMaxMonths: 6,
  maxGrowthPerMonth: 5,
};
const vague = {
  target: { kind: 'competency', competencyId: 'feedback', indicatorIds: [] },
  behaviour: 'feedback',
  situation: 'in the weekly team meeting',
  successCriteria: [],
  actions: [],
  deadline: '2027-05-10',
} as unknown as GoalContent;
const context = {
  targetName: 'Feedback geven',
  requiredLevel: 3,
  aptitude: null,
  behaviour: null,
  weakestIndicators: [],
  strongestIndicators: [],
  indicators: [],
  motivationNote: null,
  measuredBy: null,
} as unknown as GoalContext;
