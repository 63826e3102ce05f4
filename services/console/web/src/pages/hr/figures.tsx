import { useId, type ReactNode } from 'react';
import { CsvDownload } from '../../components/csv-download';
import { useScrolls } from '../../components/table-scroll';
import { Withheld } from '../../components/states';
import { type Translate, useLanguage, useT } from '../../i18n';
import { localeOf, number, percent } from '../../lib/format';
import { type Cell, type TableModel, csvHeaderOf, csvRows, durationOf } from './figure-table';
import './hr.css';

type Language = 'en' | 'nl';

/** A number cell as the reader reads it: their locale, percentages, durations in words. */
export const formatNumber = (
  cell: Extract<Cell, { kind: 'number' }>,
  language: Language,
  t: Translate,
): string => {
  switch (cell.format) {
    case 'count':
      return number(language, cell.value, 0);
    case 'percent':
      return percent(language, cell.value);
    case 'points':
      return number(language, cell.value, 1);
    case 'signed':
      return new Intl.NumberFormat(localeOf(language), {
        maximumFractionDigits: 2,
        signDisplay: 'exceptZero',
      }).format(cell.value);
    case 'duration': {
      const { value, unit } = durationOf(cell.value);
      return t(`hr.unit.${unit}`, { value: number(language, value, 1) });
    }
  }
};

/** One cell of a figure table: a number, a text, a withheld mark with its reason, or no data. */
export const CellView = ({ cell }: { cell: Cell }) => {
  const t = useT();
  const { language } = useLanguage();
  switch (cell.kind) {
    case 'text':
      return <>{cell.text}</>;
    case 'number':
      return <>{formatNumber(cell, language, t)}</>;
    case 'withheld':
      return <Withheld reason={cell.reason} />;
    case 'none':
      return (
        <span className="hr-none">
          <span aria-hidden="true">—</span>
          <span className="visually-hidden">{t('hr.noData')}</span>
        </span>
      );
  }
};

/**
 * A scrolling box around a wide table, named by the table's caption: a keyboard stop (so it
 * can be scrolled without a mouse) only while its table is wider than it.
 */
export const TableScroll = ({
  labelledBy,
  children,
}: {
  labelledBy: string;
  children: ReactNode;
}) => {
  const { box, scrolls } = useScrolls();
  return (
    <div
      ref={box}
      className="table-scroll"
      role="region"
      aria-labelledby={labelledBy}
      tabIndex={scrolls ? 0 : undefined}
    >
      {children}
    </div>
  );
};

/** The reason when every cell (two or more) is withheld for the same one. */
const withheldAs = (cells: readonly Cell[]): string | undefined => {
  const [first] = cells;
  return cells.length > 1 &&
    first?.kind === 'withheld' &&
    cells.every((cell) => cell.kind === 'withheld' && cell.reason === first.reason)
    ? first.reason
    : undefined;
};

/**
 * A figure table and its CSV download underneath. Its caption names it for assistive
 * technology; on screen the section heading (and chart title) above already do.
 */
export const FigureTable = ({
  caption,
  table,
  csvName,
}: {
  caption: string;
  table: TableModel;
  csvName: string;
}) => {
  const captionId = useId();
  // Number columns are aligned right, headings with them.
  const numeric = (column: number) =>
    table.rows.some((row) => row.cells[column]?.kind === 'number');
  return (
    <div className="hr-table">
      <TableScroll labelledBy={captionId}>
        <table>
          <caption id={captionId} className="visually-hidden">
            {caption}
          </caption>
          <thead>
            <tr>
              {table.header.map((heading, index) => (
                <th scope="col" key={index} className={numeric(index - 1) ? 'hr-num' : undefined}>
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                <th scope="row">{row.label}</th>
                {withheldAs(row.cells) !== undefined ? (
                  // A row withheld as a whole: one mark with its reason across its columns.
                  <td colSpan={row.cells.length} className="hr-row-withheld">
                    <Withheld reason={withheldAs(row.cells) ?? ''} />
                  </td>
                ) : (
                  row.cells.map((cell, index) => (
                    <td key={index} className={cell.kind === 'number' ? 'hr-num' : undefined}>
                      <CellView cell={cell} />
                    </td>
                  ))
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <div className="actions">
        <CsvDownload name={csvName} header={csvHeaderOf(table)} rows={csvRows(table)} />
      </div>
    </div>
  );
};

/** One row of a table as headline figures: a card per column. */
export const FigureCards = ({ table, row = 0 }: { table: TableModel; row?: number }) => {
  const cells = table.rows[row]?.cells ?? [];
  const reason = withheldAs(cells);
  // A withheld figure is withheld as a whole: one mark with its reason, not one per column.
  if (reason !== undefined)
    return (
      <p className="hr-card hr-card-withheld">
        <Withheld reason={reason} />
      </p>
    );
  return (
    <dl className="hr-cards">
      {cells.map((cell, index) => (
        <div
          key={index}
          className={`hr-card${cell.kind === 'withheld' ? ' hr-card-withheld' : ''}`}
        >
          <dt>{table.header[index + 1]}</dt>
          <dd>
            <CellView cell={cell} />
          </dd>
        </div>
      ))}
    </dl>
  );
};
