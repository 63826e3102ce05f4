import { downloadName, filterSearch, filtersFrom, isId, isPeriod } from './filters';

describe('report filters', () => {
  it('given an address with filters and blanks, when read, then only the filled ones count', () => {
    const search = new URLSearchParams('period=2026-Q1&department=&role=%20engineer%20&other=x');
    expect(filtersFrom(search)).toEqual({ period: '2026-Q1', role: 'engineer' });
  });

  it('given filters, when written to an address, then blanks are left out in a fixed order', () => {
    expect(filterSearch({ competency: 'ownership', period: '2026', department: '' })).toBe(
      '?period=2026&competency=ownership',
    );
    expect(filterSearch({})).toBe('');
  });

  it.each([
    ['2026', true],
    ['2026-Q4', true],
    ['2026-03', true],
    ['2026-13', false],
    ['2026-Q5', false],
    ['26', false],
    ['2026-03-01', false],
  ])('given the period %p, when checked, then it is valid: %p', (text, valid) => {
    expect(isPeriod(text)).toBe(valid);
  });

  it.each([
    ['software-engineer', true],
    ['dept.sales:eu@1', true],
    ['-leading', false],
    ['with space', false],
  ])('given the id %p, when checked, then it is valid: %p', (text, valid) => {
    expect(isId(text)).toBe(valid);
  });

  it('given filters, when naming a download, then the name says them, safe for a file', () => {
    expect(downloadName('gap-map', { period: '2026-Q1', department: 'sales' })).toBe(
      'gap-map-2026-Q1-sales',
    );
    expect(downloadName('growth', { role: 'a/b' })).toBe('growth-a_b');
  });
});
