/** One data row of a CSV file, with the file line it starts on (the header is line 1). */
export interface CsvRow {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

/**
 * RFC 4180 CSV as spreadsheets export it: quoted fields with doubled quotes, CRLF or LF,
 * a UTF-8 byte-order mark, and `;` as separator when the header uses it (Excel in Dutch
 * and other locales where the comma is the decimal separator).
 */
export const parseCsv = (text: string): { header: string[]; rows: CsvRow[] } => {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  const separator = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index++;
      records.push({ line: recordLine, fields: [...fields, field] });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else field += char;
  }
  if (field !== '' || fields.length > 0)
    records.push({ line: recordLine, fields: [...fields, field] });
  const nonEmpty = records.filter((record) => record.fields.some((cell) => cell.trim() !== ''));
  const [headerRecord, ...data] = nonEmpty;
  const header = (headerRecord?.fields ?? []).map((name) => name.trim());
  return {
    header,
    rows: data.map((record) => ({
      line: record.line,
      cells: Object.fromEntries(header.map((name, column) => [name, record.fields[column] ?? ''])),
    })),
  };
};
