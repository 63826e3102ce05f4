import { smartChanges, smartSummary } from './smart';

describe('the SMART summary of a submitted version', () => {
  it('given checks in any order, when summarised, then they follow the acronym and the failed ones are named', () => {
    // given
    const checks = [
      { property: 'time-bound', passed: true, explanation: 'deadline within 3–6 months' },
      { property: 'specific', passed: true, explanation: 'names the behaviour' },
      { property: 'acceptable', passed: false, explanation: 'the employee did not agree yet' },
      { property: 'measurable', passed: false, explanation: 'no target' },
      { property: 'relevant', passed: true, explanation: 'the role requires it' },
      { property: 'achievable', passed: true, explanation: 'within aptitude' },
    ];
    // when
    const summary = smartSummary(checks);
    // then
    expect(summary.checks.map((check) => check.property)).toEqual([
      'specific',
      'measurable',
      'achievable',
      'acceptable',
      'relevant',
      'time-bound',
    ]);
    expect(summary).toMatchObject({ passed: 4, total: 6, failed: ['measurable', 'acceptable'] });
  });

  it('given an older submission with five checks and an unknown property, when summarised, then the unknown comes last', () => {
    // given
    const checks = [
      { property: 'brand-new', passed: true, explanation: 'x' },
      { property: 'relevant', passed: true, explanation: 'y' },
    ];
    // when
    const summary = smartSummary(checks);
    // then
    expect(summary.checks.map((check) => check.property)).toEqual(['relevant', 'brand-new']);
    expect(summary.failed).toEqual([]);
  });

  it('given two versions, when their checks are compared, then the properties whose outcome or explanation changed are named', () => {
    // given
    const previous = [
      { property: 'specific', passed: false, explanation: 'no situation named' },
      { property: 'relevant', passed: true, explanation: 'the role requires it' },
    ];
    const current = [
      { property: 'specific', passed: true, explanation: 'names the situation' },
      { property: 'relevant', passed: true, explanation: 'the role requires it' },
      { property: 'acceptable', passed: true, explanation: 'agreed' },
    ];
    // when
    const changed = smartChanges(previous, current);
    // then
    expect([...changed].sort()).toEqual(['acceptable', 'specific']);
  });
});
