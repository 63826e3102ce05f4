// A report's figures as a table model: what the page shows as an HTML table and what its CSV
// download holds come from the same rows, so the two never disagree.
import { type Figure } from './report-types';

/** How a number is written: on the page in the reader's locale, in the CSV as a plain number. */
export type NumberFormat =
  /** A whole number of people, goals, decisions… */
  | 'count'
  /** A share 0…1: on the page as a percentage, in the CSV as a percentage with one decimal. */
  | 'percent'
  /** Points (a gap, a change of level): one decimal on the page, two in the CSV. */
  | 'points'
  /** Like points, with its sign (+0.4, −1.2). */
  | 'signed'
  /** Seconds: on the page in minutes, hours or days, in the CSV in hours with one decimal. */
  | 'duration';

export type Cell =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number; readonly format: NumberFormat }
  | { readonly kind: 'withheld'; readonly reason: string }
  /** No figure at all (nobody to count), which is not the same as a withheld one. */
  | { readonly kind: 'none' };

export interface TableRow {
  /** The row's header cell (a month, department, competency…). */
  readonly label: string;
  readonly cells: readonly Cell[];
}

export interface TableModel {
  /** The first column's heading, then one per cell. */
  readonly header: readonly string[];
  /** The CSV's header when it says more than the page (units: "(%)", "(hours)"). */
  readonly csvHeader?: readonly string[];
  readonly rows: readonly TableRow[];
}

export const textCell = (text: string): Cell => ({ kind: 'text', text });
export const numberCell = (value: number, format: NumberFormat): Cell => ({
  kind: 'number',
  value,
  format,
});
export const noneCell: Cell = { kind: 'none' };

/**
 * The cells of one figure: one per column picked from its value when shown, else each
 * column withheld with the figure's reason (never zero, never blank).
 */
export const figureCells = <Value>(
  figure: Figure<Value>,
  columns: readonly { readonly pick: (value: Value) => number; readonly format: NumberFormat }[],
): Cell[] =>
  columns.map(({ pick, format }) =>
    figure.status === 'shown'
      ? numberCell(pick(figure.value), format)
      : { kind: 'withheld', reason: figure.reason },
  );

/** A figure's value for a chart: null (a gap in the line or bar) when withheld. */
export const chartValue = <Value>(
  figure: Figure<Value> | undefined,
  pick: (value: Value) => number,
): number | null => (figure?.status === 'shown' ? pick(figure.value) : null);

const round = (value: number, digits: number): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/** How a withheld figure is written in a CSV file. */
export const withheldCsv = (reason: string): string => `withheld (${reason})`;

/** One cell as a CSV field: plain numbers (units in the column heading), withheld with its reason. */
export const csvValue = (cell: Cell): string | number => {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'none':
      return '';
    case 'withheld':
      return withheldCsv(cell.reason);
    case 'number':
      switch (cell.format) {
        case 'count':
          return cell.value;
        case 'percent':
          return round(cell.value * 100, 1);
        case 'points':
        case 'signed':
          return round(cell.value, 2);
        case 'duration':
          return round(cell.value / 3600, 1);
      }
  }
};

/** The header line of a table's CSV. */
export const csvHeaderOf = (table: TableModel): readonly string[] =>
  table.csvHeader ?? table.header;

/** The rows of a table's CSV. */
export const csvRows = (table: TableModel): (string | number)[][] =>
  table.rows.map((row) => [row.label, ...row.cells.map(csvValue)]);

/** A duration in the unit that reads best: minutes below an hour, hours below two days. */
export const durationOf = (
  seconds: number,
): { readonly value: number; readonly unit: 'minutes' | 'hours' | 'days' } => {
  if (seconds < 3600) return { value: Math.round(seconds / 60), unit: 'minutes' };
  if (seconds < 2 * 86_400) return { value: round(seconds / 3600, 1), unit: 'hours' };
  return { value: round(seconds / 86_400, 1), unit: 'days' };
};
