/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A text that
 * starts like a formula is prefixed with ' so a spreadsheet shows it instead of running it. */
export const csvField = (value: string | number | boolean | null | undefined): string => {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A CSV document: a header line, then one line per row, CRLF line ends. */
export const toCsv = (
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
): string => [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
