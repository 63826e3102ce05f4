import { renderTextsIn } from '@talentloop/i18n';
import { headerViolations, rowFromCsv } from './measurement-rows';

/** As an English reader reads them. */
const inEnglish = (value: unknown) => renderTextsIn(value, 'en');

describe('given a CSV header', () => {
  it('accepts the fixed columns and any indicator:<id> and facet:<id>, in any order', () =>
    expect(headerViolations([...HEADER].reverse())).toEqual([]));

  it('refuses a column the import does not know, naming it or its position', () =>
    expect(
      headerViolations(['employeeId', 'behavior', 'indicator:', '', 'Facet:warmth']).map(
        ({ field }) => field,
      ),
    ).toEqual(['behavior', 'indicator:', 'column 4', 'Facet:warmth']));

  it('lists the columns it knows, in the reader’s language', () =>
    expect(renderTextsIn(headerViolations(['employeeId', 'colour']), 'nl')).toEqual([
      {
        field: 'colour',
        message: expect.stringMatching(
          /^onbekende kolom; de kolommen zijn employeeId, .*, indicator:<id> en facet:<id>$/,
        ) as string,
      },
    ]));

  it('refuses a column named twice, naming it once for each repeat', () =>
    expect(inEnglish(headerViolations(['employeeId', 'facet:warmth', 'facet:warmth']))).toEqual([
      { field: 'facet:warmth', message: 'the column is named twice in the header' },
    ]));
});

describe('given a CSV row as a measurement', () => {
  const cells = [
    'emp-1',
    'collaboration',
    'assessment',
    '78,5',
    'high',
    '2026-01-12T14:00:00Z',
    '',
    '40',
    '80',
  ];

  it('takes one score per indicator and facet column, leaving empty cells out', () =>
    expect(rowFromCsv(HEADER, { line: 2, cells }).raw).toEqual({
      employeeId: 'emp-1',
      competencyId: 'collaboration',
      instrument: 'assessment',
      measuredAt: '2026-01-12T14:00:00Z',
      aptitude: 78.5,
      behaviour: 'high',
      indicatorScores: [{ indicatorId: 'sharing', score: 40 }],
      facetScores: [{ facetId: 'warmth', score: 80 }],
    }));

  it('names a bad score by its column', () => {
    const { fieldName, violations } = rowFromCsv(HEADER, { line: 2, cells });
    expect(violations).toBeUndefined();
    expect(fieldName('indicatorScores.0.score')).toBe('indicator:sharing');
    expect(fieldName('facetScores[0].facetId')).toBe('facet:warmth');
    expect(fieldName('behaviour')).toBe('behaviour');
  });

  it('refuses a row with a cell past the header, naming that cell, never dropping it', () =>
    expect(
      inEnglish(rowFromCsv(HEADER, { line: 7, cells: [...cells, 'x'.repeat(1000)] })),
    ).toMatchObject({
      line: 7,
      violations: [
        { field: 'column 10', message: 'the row has 10 cells but the header names 9 columns' },
      ],
    }));

  it('refuses a row with too few cells, naming the first column without one', () =>
    expect(inEnglish(rowFromCsv(HEADER, { line: 3, cells: cells.slice(0, 7) }).violations)).toEqual(
      [
        {
          field: 'indicator:sharing',
          message: 'the row has 7 cells but the header names 9 columns',
        },
      ],
    ));
});

const HEADER = [
  'employeeId',
  'competencyId',
  'instrument',
  'aptitude',
  'behaviour',
  'measuredAt',
  'indicator:listening',
  'indicator:sharing',
  'facet:warmth',
];
