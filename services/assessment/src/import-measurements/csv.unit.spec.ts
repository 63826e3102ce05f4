import { parseCsv } from './csv';
import { rowFromCsv } from './measurement-rows';

describe('reading a CSV export', () => {
  it('reads quoted fields, doubled quotes, CRLF and a byte-order mark', () => {
    const { header, rows } = parseCsv(
      '\uFEFFname,note\r\n"de Vries, S.","said ""hi""\non two lines"\r\nJan,\r\n',
    );
    expect(header).toEqual(['name', 'note']);
    expect(rows).toEqual([
      { line: 2, cells: { name: 'de Vries, S.', note: 'said "hi"\non two lines' } },
      { line: 4, cells: { name: 'Jan', note: '' } },
    ]);
  });

  it('uses ";" when the header does, as Excel does where the comma is a decimal sign', () =>
    expect(parseCsv('a;b\n1,5;2').rows[0]?.cells).toEqual({ a: '1,5', b: '2' }));

  it('skips blank lines but keeps counting them', () =>
    expect(parseCsv('a\n\n1\n').rows).toEqual([{ line: 3, cells: { a: '1' } }]));
});

describe('a CSV row as a measurement', () => {
  const [row] = parseCsv(
    'employeeId,competencyId,instrument,aptitude,behaviour,measuredAt,indicator:listening,indicator:sharing,facet:warmth\n' +
      'emp-1,collaboration,assessment,"78,5",high,2026-01-12T14:00:00Z,,40,80\n',
  ).rows;

  it('takes one score per indicator and facet column, leaving empty cells out', () =>
    expect(rowFromCsv(row).raw).toEqual({
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
    const { fieldName } = rowFromCsv(row);
    expect(fieldName('indicatorScores.0.score')).toBe('indicator:sharing');
    expect(fieldName('facetScores[0].facetId')).toBe('facet:warmth');
    expect(fieldName('behaviour')).toBe('behaviour');
  });
});
