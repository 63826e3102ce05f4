import type { Violation } from '@talentloop/assessment-domain';
import type { CsvRecord } from './csv-reader';
import { text } from '@talentloop/i18n';

/** A row of an import before validation, and how to name its fields back to the sender. */
export interface ImportRow {
  readonly line: number;
  readonly raw: Record<string, unknown>;
  readonly fieldName: (field: string) => string;
  /** Set when the row is refused before validation: its cells do not fit the header. */
  readonly violations?: readonly Violation[];
}

const FIXED_COLUMNS = [
  'employeeId',
  'competencyId',
  'instrument',
  'aptitude',
  'behaviour',
  'measuredAt',
] as const;
const INDICATOR = 'indicator:';
const FACET = 'facet:';

const isKnownColumn = (column: string) =>
  (FIXED_COLUMNS as readonly string[]).includes(column) ||
  [INDICATOR, FACET].some(
    (prefix) => column.startsWith(prefix) && column.slice(prefix.length).trim() !== '',
  );

/**
 * What is wrong with a CSV header. A column the import does not know would be ignored without
 * a word (a `behavior` column loses every behaviour score), and a column named twice would
 * keep one of its two values, so either refuses the file.
 */
export const headerViolations = (header: readonly string[]): Violation[] =>
  header.flatMap((column, index) => {
    const field = column === '' ? `column ${index + 1}` : column;
    if (!isKnownColumn(column))
      return [
        {
          field,
          message: text('assessmentInput.unknownColumn', {
            columns: FIXED_COLUMNS.join(', '),
            indicator: `${INDICATOR}<id>`,
            facet: `${FACET}<id>`,
          }),
        },
      ];
    if (header.indexOf(column) < index)
      return [{ field, message: text('assessmentInput.columnTwice') }];
    return [];
  });

/** Names the first cell past the header's columns, or the first column left without one. */
const cellCountViolation = (header: readonly string[], cells: number): Violation => ({
  field: cells > header.length ? `column ${header.length + 1}` : header[cells],
  message: text('assessmentInput.cellCount', { cells, columns: header.length }),
});

/** Numbers as spreadsheets write them ("45", "45,5"); anything else is kept so validation names it. */
const numberOf = (cell: string): number | string => {
  const normalised = cell.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : cell;
};

const scoresOf = (cells: Readonly<Record<string, string>>, prefix: string, key: string) =>
  Object.entries(cells)
    .filter(([column, value]) => column.startsWith(prefix) && value.trim() !== '')
    .map(([column, value]) => ({
      column,
      score: { [key]: column.slice(prefix.length), score: numberOf(value) },
    }));

const listField = /^(indicatorScores|facetScores)(?:\.|\[)(\d+)\]?/;

/**
 * A CSV row in the wide layout HR tools export: one row per employee and competency, fixed
 * columns, then one `indicator:<id>` and `facet:<id>` column per score (empty = not scored).
 * The header has passed `headerViolations`.
 */
export const rowFromCsv = (header: readonly string[], record: CsvRecord): ImportRow => {
  const { line } = record;
  if (record.cells.length !== header.length)
    return {
      line,
      raw: {},
      fieldName: (field) => field,
      violations: [cellCountViolation(header, record.cells.length)],
    };
  const cells = Object.fromEntries(header.map((column, index) => [column, record.cells[index]]));
  const indicators = scoresOf(cells, INDICATOR, 'indicatorId');
  const facets = scoresOf(cells, FACET, 'facetId');
  const fixed = ['employeeId', 'competencyId', 'instrument', 'measuredAt'] as const;
  const raw: Record<string, unknown> = {
    ...Object.fromEntries(fixed.map((column) => [column, cells[column]?.trim()])),
    aptitude: numberOf(cells['aptitude'] ?? ''),
    behaviour: numberOf(cells['behaviour'] ?? ''),
    indicatorScores: indicators.map((indicator) => indicator.score),
    facetScores: facets.map((facet) => facet.score),
  };
  return {
    line,
    raw,
    fieldName: (field) => {
      const match = listField.exec(field);
      if (!match) return field;
      const columns = match[1] === 'indicatorScores' ? indicators : facets;
      return columns[Number(match[2])]?.column ?? field;
    },
  };
};

/** JSON imports are an array of measurements; the "line" is the item's 1-based position. */
export const rowsFromJson = (items: readonly unknown[]): ImportRow[] =>
  items.map((item, index) => ({
    line: index + 1,
    raw: typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {},
    fieldName: (field) => field,
  }));
