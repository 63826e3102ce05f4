import {
  chartValue,
  csvRows,
  csvValue,
  durationOf,
  figureCells,
  withheldCsv,
} from './figure-table';
import { type Figure } from './report-types';

describe('a figure’s cells', () => {
  const columns = [
    { pick: (value: { a: number; b: number }) => value.a, format: 'count' as const },
    { pick: (value: { a: number; b: number }) => value.b, format: 'percent' as const },
  ];

  it('given a shown figure, when split into cells, then each column is its number', () => {
    const figure: Figure<{ a: number; b: number }> = {
      status: 'shown',
      people: 6,
      value: { a: 4, b: 0.5 },
    };
    expect(figureCells(figure, columns)).toEqual([
      { kind: 'number', value: 4, format: 'count' },
      { kind: 'number', value: 0.5, format: 'percent' },
    ]);
  });

  it('given a withheld figure, when split into cells, then each column is withheld with the reason, never zero', () => {
    const figure: Figure<{ a: number; b: number }> = { status: 'withheld', reason: 'too few' };
    expect(figureCells(figure, columns)).toEqual([
      { kind: 'withheld', reason: 'too few' },
      { kind: 'withheld', reason: 'too few' },
    ]);
  });

  it('given a withheld or missing figure, when charted, then it is null (a gap)', () => {
    expect(chartValue({ status: 'withheld', reason: 'x' }, () => 1)).toBeNull();
    expect(chartValue(undefined, () => 1)).toBeNull();
    expect(chartValue({ status: 'shown', people: 5, value: 0 }, (value) => value)).toBe(0);
  });
});

describe('CSV values', () => {
  it.each([
    [{ kind: 'number', value: 7, format: 'count' }, 7],
    [{ kind: 'number', value: 0.12345, format: 'percent' }, 12.3],
    [{ kind: 'number', value: 22.814285, format: 'points' }, 22.81],
    [{ kind: 'number', value: -0.456, format: 'signed' }, -0.46],
    [{ kind: 'number', value: 5400, format: 'duration' }, 1.5],
    [{ kind: 'text', text: 'sales' }, 'sales'],
    [{ kind: 'none' }, ''],
    [
      { kind: 'withheld', reason: 'describes fewer than 5 people' },
      'withheld (describes fewer than 5 people)',
    ],
  ] as const)('given the cell %p, when written, then it is %p', (cell, expected) => {
    expect(csvValue(cell)).toEqual(expected);
  });

  it('given a reason, when withheld, then it reads "withheld (<reason>)"', () => {
    expect(withheldCsv('r')).toBe('withheld (r)');
  });

  it('given a table, when written, then each row starts with its label', () => {
    expect(
      csvRows({
        header: ['Month', 'Count'],
        rows: [{ label: '2026-01', cells: [{ kind: 'number', value: 3, format: 'count' }] }],
      }),
    ).toEqual([['2026-01', 3]]);
  });
});

describe('durations', () => {
  it.each([
    [59, { value: 1, unit: 'minutes' }],
    [1800, { value: 30, unit: 'minutes' }],
    [3600, { value: 1, unit: 'hours' }],
    [93_600, { value: 26, unit: 'hours' }],
    [172_800, { value: 2, unit: 'days' }],
    [432_000, { value: 5, unit: 'days' }],
  ])('given %p seconds, when read, then it is %p', (seconds, expected) => {
    expect(durationOf(seconds)).toEqual(expected);
  });
});
