import { enclosingPeriods, instant, monthsOf, parsedInstant, parsePeriod } from './period';

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

describe('an instant', () => {
  const sameAsParsed = (text: string) =>
    expect([text, instant(text)]).toEqual([text, parsedInstant(text)]);

  it('is the milliseconds of a canonical ISO instant', () => {
    expect(instant('2026-03-01T12:30:45.678Z')).toBe(Date.UTC(2026, 2, 1, 12, 30, 45, 678));
    expect(instant('2024-02-29T00:00:00.000Z')).toBe(Date.UTC(2024, 1, 29));
  });

  it('is NaN for a text toISOString would not write', () => {
    for (const text of [
      '2026-03-01T12:30:45Z',
      '2026-03-01T12:30:45.678+00:00',
      '2026-03-01 12:30:45.678Z',
      '2026-03-01T12:30:45.678z',
      '2026-13-01T12:30:45.678Z',
      '2026-00-10T12:30:45.678Z',
      '2025-02-29T12:30:45.678Z',
      '1900-02-29T00:00:00.000Z',
      '2026-04-31T00:00:00.000Z',
      '2026-03-00T00:00:00.000Z',
      '2026-03-01T24:00:00.000Z',
      '2026-03-01T23:60:00.000Z',
      '2026-03-01T23:59:60.000Z',
      '2026-03-01T2a:59:59.000Z',
      '+02026-03-01T00:00:00.00',
    ])
      expect([text, instant(text)]).toEqual([text, Number.NaN]);
    expect(instant(null)).toBeNaN();
  });

  it('agrees with Date.parse and toISOString on every kind of text', () => {
    // A fixed walk over the years 0–9999 (two-digit years take Date.parse), every month end,
    // and texts one character off a canonical one.
    let seed = 7;
    const next = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % below;
    };
    const samples: string[] = [];
    for (let index = 0; index < 3_000; index += 1) {
      const year = index < 200 ? index : next(10_000);
      const date = new Date(0);
      date.setUTCFullYear(year, next(12), 1 + next(31));
      date.setUTCHours(next(24), next(60), next(60), next(1000));
      const text = date.toISOString();
      samples.push(text);
      const at = next(24);
      samples.push(`${text.slice(0, at)}${'0123456789-:TZ.x'[next(16)]}${text.slice(at + 1)}`);
    }
    for (const year of [1900, 2000, 2023, 2024, 2100])
      for (let month = 1; month <= 12; month += 1)
        for (const day of [28, 29, 30, 31])
          samples.push(`${year}-${String(month).padStart(2, '0')}-${day}T23:59:59.999Z`);
    for (const text of samples) sameAsParsed(text);
  });
});
