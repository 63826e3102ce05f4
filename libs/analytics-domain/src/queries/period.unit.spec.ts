import { enclosingPeriods, monthsOf, parsePeriod } from './period';

describe('a period', () => {
  it('is a calendar year', () => {
    expect(parsePeriod('2026')).toEqual({
      label: '2026',
      from: '2026-01-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
  });

  it('is a quarter', () => {
    expect(parsePeriod('2026-Q4')).toEqual({
      label: '2026-Q4',
      from: '2026-10-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    });
  });

  it('is a month', () => {
    expect(parsePeriod('2026-02')).toEqual({
      label: '2026-02',
      from: '2026-02-01T00:00:00.000Z',
      to: '2026-03-01T00:00:00.000Z',
    });
  });

  it.each([
    '',
    '2026-13',
    '2026-00',
    '2026-Q0',
    '2026-Q5',
    '2026-1',
    '26',
    '2026-02-01',
    '2026-W05',
    'last year',
    ' 2026',
  ])('is refused for %p', (text) => expect(parsePeriod(text)).toBeUndefined());
});

describe('the months of a report over time', () => {
  it('are the 12 months up to the reference instant without a period', () => {
    const months = monthsOf(undefined, '2026-06-15T12:00:00.000Z').map((month) => month.label);
    expect(months).toEqual([
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
  });

  it('are the months of the period that have started', () => {
    const quarter = parsePeriod('2026-Q2')!;
    expect(monthsOf(quarter, '2026-05-10T00:00:00.000Z').map((month) => month.label)).toEqual([
      '2026-04',
      '2026-05',
    ]);
    expect(monthsOf(quarter, quarter.to).map((month) => month.label)).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
  });
});

describe('the periods enclosing a period', () => {
  const labels = (text: string): string[] =>
    enclosingPeriods(parsePeriod(text)!).map((period) => period.label);

  it('are its quarter and year for a month', () => {
    expect(labels('2026-05')).toEqual(['2026-Q2', '2026']);
    expect(labels('2026-12')).toEqual(['2026-Q4', '2026']);
  });

  it('are its year for a quarter', () => {
    expect(labels('2026-Q3')).toEqual(['2026']);
  });

  it('are none for a year', () => {
    expect(labels('2026')).toEqual([]);
  });
});
