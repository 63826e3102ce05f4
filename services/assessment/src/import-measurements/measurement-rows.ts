import type { CsvRow } from './csv';

/** A row of an import before validation, and how to name its fields back to the sender. */
export interface ImportRow {
  readonly line: number;
  readonly raw: Record<string, unknown>;
  readonly fieldName: (field: string) => string;
}

const INDICATOR = 'indicator:';
const FACET = 'facet:';

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
 */
export const rowFromCsv = ({ line, cells }: CsvRow): ImportRow => {
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
