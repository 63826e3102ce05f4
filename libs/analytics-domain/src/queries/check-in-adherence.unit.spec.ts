import type { CheckInFact, EmployeeFacts } from '../employee-facts';
import { checkInAdherenceReport } from './check-in-adherence.query';
import { department, employees, goal, goalsById, request } from './employee-facts.fixtures';
import { parsePeriod } from './period';
import { renderTextsIn } from '@talentloop/i18n';

/** What a reader of English sees of a report: its withheld reasons said in English. */
const inEnglish = (value: unknown) => renderTextsIn(value, 'en');

describe('check-in adherence, on the length of check-ins', () => {
  it('counts held check-ins outside 15–30 minutes, short and long apart, as a share of those held', () => {
    // given 5 people with two check-ins each: one within 15–30 minutes, one outside for three
    const facts = withCheckIns(5, (index) => [
      held('2026-02-01T09:00:00.000Z'),
      held('2026-03-01T09:00:00.000Z', index === 0 ? 'short' : index < 3 ? 'long' : undefined),
    ]);
    // when HR looks at adherence
    const report = checkInAdherenceReport(facts, request());
    // then
    expect(report.expectedCheckInMinutes).toEqual({ min: 15, max: 30 });
    expect(report.total).toMatchObject({
      status: 'shown',
      people: 5,
      value: {
        due: 10,
        onTime: 10,
        held: 10,
        outsideExpectedLength: { count: 3, short: 1, long: 2, share: 3 / 10 },
      },
    });
  });

  it('counts only the check-ins of the period', () => {
    // given 5 people with a long check-in due in April and a short one due in May
    const facts = withCheckIns(5, () => [
      held('2026-04-01T09:00:00.000Z', 'long'),
      held('2026-05-01T09:00:00.000Z', 'short'),
    ]);
    // when HR looks at May
    const report = checkInAdherenceReport(facts, request({ period: parsePeriod('2026-05')! }));
    // then only May's short ones count
    expect(report.total).toMatchObject({
      value: { held: 5, outsideExpectedLength: { count: 5, short: 5, long: 0, share: 1 } },
    });
  });

  it('splits the counts per department, each row a figure of its own', () => {
    // given 5 people in sales with a long check-in, 5 in legal with one within 15–30 minutes
    const facts = [
      ...withCheckIns(5, () => [held('2026-03-01T09:00:00.000Z', 'long')], 'sales'),
      ...withCheckIns(5, () => [held('2026-03-01T09:00:00.000Z')], 'legal'),
    ];
    // when / then
    const rows = checkInAdherenceReport(facts, request()).byDepartment;
    expect(rows.map((row) => [row.departmentId, row.figure])).toEqual([
      ['legal', expect.objectContaining({ value: expect.objectContaining(outside(0, 0, 5)) })],
      ['sales', expect.objectContaining({ value: expect.objectContaining(outside(0, 5, 5)) })],
    ]);
  });

  it('withholds the counts with the figure when it describes fewer than 5 people', () => {
    // given 4 people, each with a long check-in
    const facts = withCheckIns(4, () => [held('2026-03-01T09:00:00.000Z', 'long')]);
    // when / then: nothing of them is shown, the length counts neither
    expect(inEnglish(checkInAdherenceReport(facts, request()).total)).toEqual({
      status: 'withheld',
      reason: 'describes fewer than 5 people',
    });
  });
});

// Fixtures

/** `count` people, each with one active goal holding the check-ins made for them. */
function withCheckIns(
  count: number,
  checkIns: (index: number) => CheckInFact[],
  departmentId = 'sales',
): EmployeeFacts[] {
  return employees(count, departmentId, (index) => ({
    ...department(departmentId),
    goals: goalsById(goal('goal-1', { checkIns: checkIns(index) })),
  }));
}

function held(dueAt: string, outsideExpectedLength?: 'short' | 'long'): CheckInFact {
  return {
    heldAt: dueAt,
    dueAt,
    onTime: true,
    ...(outsideExpectedLength && { outsideExpectedLength }),
  };
}

function outside(short: number, long: number, held: number) {
  const count = short + long;
  return { held, outsideExpectedLength: { count, short, long, share: count / held } };
}
