export type Align = 'left' | 'right';

export interface Column {
  readonly header: string;
  readonly align?: Align;
}

const escapeCell = (cell: string): string => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const pad = (cell: string, width: number, align: Align): string =>
  align === 'right' ? cell.padStart(width) : cell.padEnd(width);

/** A GitHub-flavoured markdown table, padded so it also reads well in a terminal. */
export const markdownTable = (
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
): string => {
  const cells = rows.map((row) => columns.map((_, i) => escapeCell(row[i] ?? '')));
  const widths = columns.map((column, i) =>
    Math.max(3, column.header.length, ...cells.map((row) => row[i].length)),
  );
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, i) => pad(cell, widths[i], columns[i].align ?? 'left')).join(' | ')} |`;
  const rule = `| ${widths
    .map((width, i) =>
      columns[i].align === 'right' ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width),
    )
    .join(' | ')} |`;
  return [line(columns.map((column) => column.header)), rule, ...cells.map(line)].join('\n');
};
