import { measurementOf } from './measurement';
import { defaultWeighting } from './prioritisation';
import { baseline, framework, role } from '../test-fixtures';
import { analyseGaps, isWorthDevelopment, requiredScoreOf } from './gap-analysis';

describe('reading a gap against the role', () => {
  it('reads proficiency levels as bands of 20 points', () =>
    expect([1, 3, 4, 5].map(requiredScoreOf)).toEqual([0, 40, 60, 80]));

  it.each([
    [78, 45, 60, true, 'below the requirement with room to grow'],
    [48, 45, 60, false, 'below the requirement, but aptitude leaves under 5 points'],
    [90, 65, 60, false, 'the requirement is met'],
  ])('aptitude %d, behaviour %d, requirement %d: worth development is %s (%s)', (a, b, r, worth) =>
    expect(isWorthDevelopment(a, b, r)).toBe(worth),
  );

  it('names weakest and strongest indicators and lists the unmeasured requirements', () => {
    const report = analyseGaps(
      role,
      framework,
      { collaboration: measurementOf(baseline, framework) },
      { collaboration: 4 },
      defaultWeighting,
    );
    expect(report.unmeasured).toEqual(['planning']);
    expect(report.competencies[0]).toMatchObject({
      competencyId: 'collaboration',
      requiredScore: 60,
      requirementGap: 15,
      gap: 33,
      worthDevelopment: true,
      weakestIndicators: [
        { indicatorId: 'active-listening', name: 'Active listening', score: 40 },
        { indicatorId: 'asks-for-help', name: 'Asks for help', score: 50 },
      ],
      strongestIndicators: [
        { indicatorId: 'shares-information', name: 'Shares information', score: 71 },
      ],
    });
    expect(report.ranked.map((gap) => gap.priority.rank)).toEqual([1]);
  });
});
