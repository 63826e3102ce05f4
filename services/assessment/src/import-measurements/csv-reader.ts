import { CsvError, parse, type CsvErrorCode, type Parser } from 'csv-parse';
import type { Readable } from 'node:stream';
import { text, type Text } from '@talentloop/i18n';

/** What one file may hold; past any of these the file is refused and the rest is not parsed. */
export interface CsvLimits {
  /** Bytes of the whole file. */
  readonly bytes: number;
  /** Data rows: records with content after the header. */
  readonly rows: number;
  /** Characters in the cells of one record (csv-parse `max_record_size`). */
  readonly rowCharacters: number;
}

/** A problem of the file, at the line its record starts on and in the column it concerns. */
export interface LineViolation {
  readonly line: number;
  readonly field: string;
  readonly message: Text;
}

/** One record as its cells, with the line it starts on (the header is line 1). */
export interface CsvRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

export type CsvReading =
  | {
      readonly outcome: 'read';
      readonly header: readonly string[];
      readonly records: readonly CsvRecord[];
    }
  | { readonly outcome: 'too-large' }
  | { readonly outcome: 'too-many-rows' }
  /** The header failed its check, or the file is no CSV from some line on. */
  | { readonly outcome: 'refused'; readonly errors: readonly LineViolation[] };

/** Problems of the header's column names (trimmed), found before any row is kept. */
export type HeaderCheck = (
  header: readonly string[],
) => readonly { readonly field: string; readonly message: Text }[];

/**
 * The first line with content once it has ended, or once the text has (`whole`). Only the
 * header line chooses the separator, so a `;` in a later cell cannot change it.
 */
const headerLineOf = (text: string, whole: boolean): string | undefined => {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (!whole) lines.pop();
  return lines.find((line) => line.trim() !== '');
};

/**
 * `;` where the header uses it and no comma: Excel in Dutch and other locales where the comma
 * is the decimal sign.
 */
const separatorOf = (headerLine = ''): ',' | ';' =>
  headerLine.includes(';') && !headerLine.includes(',') ? ';' : ',';

/** Line breaks inside quoted cells: the record spans that many lines more than one. */
const lineBreaksIn = (cells: readonly string[]): number =>
  cells.reduce((count, cell) => count + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

const QUOTE_MISPLACED = text('assessmentInput.quoteMisplaced');

/** The parse errors the options above leave possible, in the sender's words. */
const PARSE_PROBLEMS: Partial<Record<CsvErrorCode, Text>> = {
  CSV_QUOTE_NOT_CLOSED: text('assessmentInput.quoteNotClosed'),
  CSV_INVALID_CLOSING_QUOTE: QUOTE_MISPLACED,
  INVALID_OPENING_QUOTE: QUOTE_MISPLACED,
};

const messageOf = ({ code }: CsvError, limits: CsvLimits): Text =>
  code === 'CSV_MAX_RECORD_SIZE'
    ? text('assessmentInput.rowTooLong', { max: limits.rowCharacters })
    : (PARSE_PROBLEMS[code] ?? text('assessmentInput.notCsv'));

/**
 * RFC 4180 CSV as spreadsheets export it (quoted cells with doubled quotes, CRLF or LF, a
 * UTF-8 byte-order mark, `;` as separator when the header uses it), parsed by csv-parse as it
 * arrives, so the file is never held whole as text. Blank lines are skipped but counted.
 *
 * A row whose cell count differs from the header's is kept as it is, for the caller to name
 * it: the reader does not know which rows are wrong, and the file's other rows are still
 * worth checking in the same answer. Past a limit, a refused header or a line that is no CSV,
 * the reading stops at once and the rest of `source` is drained unread, so an HTTP sender can
 * finish its upload and read the answer.
 */
export const readCsv = (
  source: Readable,
  limits: CsvLimits,
  checkHeader: HeaderCheck,
): Promise<CsvReading> =>
  new Promise((resolve, reject) => {
    const records: CsvRecord[] = [];
    let header: readonly string[] | undefined;
    /** The start of the file, held until the header line shows the separator. */
    let head = Buffer.alloc(0);
    let parser: Parser | undefined;
    let bytes = 0;
    /** The line the record being parsed starts on. */
    let line = 1;
    let ended = false;
    let done = false;

    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      source.off('data', onData).off('end', onEnd);
      parser?.destroy();
      source.resume();
      settle();
    };
    const settle = (reading: CsvReading) => finish(() => resolve(reading));
    const fail = (error: Error) => finish(() => reject(error));

    const onRecord = (cells: string[]) => {
      if (done) return;
      const start = line;
      line += lineBreaksIn(cells) + 1;
      if (isBlank(cells)) return;
      if (header === undefined) {
        header = cells.map((name) => name.trim());
        const problems = checkHeader(header);
        if (problems.length > 0)
          settle({
            outcome: 'refused',
            errors: problems.map((problem) => ({ line: start, ...problem })),
          });
        return;
      }
      if (records.length === limits.rows) return settle({ outcome: 'too-many-rows' });
      records.push({ line: start, cells });
    };

    const onParseError = (error: Error) => {
      if (!(error instanceof CsvError)) return fail(error);
      const column = typeof error.column === 'number' ? error.column : 0;
      settle({
        outcome: 'refused',
        errors: [
          {
            line,
            field: header?.[column] ?? `column ${column + 1}`,
            message: messageOf(error, limits),
          },
        ],
      });
    };

    const start = (separator: ',' | ';'): Parser => {
      parser = parse({
        bom: true,
        delimiter: separator,
        // A file may mix line ends (rows pasted together from several exports).
        record_delimiter: ['\r\n', '\n', '\r'],
        // Keep a row with too many or too few cells, so that it is named, never cut to fit.
        relax_column_count: true,
        max_record_size: limits.rowCharacters,
      });
      parser
        .on('data', onRecord)
        .on('error', onParseError)
        .on('end', () => settle({ outcome: 'read', header: header ?? [], records }));
      return parser;
    };

    const write = (to: Parser, chunk: Buffer) => {
      if (!to.write(chunk) && !done) {
        source.pause();
        to.once('drain', () => source.resume());
      }
    };

    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limits.bytes) return settle({ outcome: 'too-large' });
      if (parser) return write(parser, chunk);
      head = Buffer.concat([head, chunk]);
      // A header line longer than a row may be is refused by the parser: no need to see its end.
      const whole = head.length > limits.rowCharacters;
      const headerLine = headerLineOf(head.toString('utf8'), whole);
      if (headerLine !== undefined || whole) write(start(separatorOf(headerLine)), head);
    };

    const onEnd = () => {
      ended = true;
      if (parser) parser.end();
      else start(separatorOf(headerLineOf(head.toString('utf8'), true))).end(head);
    };

    source
      .on('data', onData)
      .on('end', onEnd)
      .on('error', fail)
      .on('close', () => {
        if (!ended) fail(new Error('the upload stopped before the end of the file'));
      });
  });
