// Terminal output for the demo: numbered steps, indented details, figures shown or withheld.

const useColour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string) => (text: string) =>
  useColour ? `\u001b[${code}m${text}\u001b[0m` : text;
export const bold = paint('1');
export const dim = paint('2');
export const green = paint('32');
export const yellow = paint('33');
export const red = paint('31');

let stepNumber = 0;
const started = Date.now();

export const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;

/** A numbered step heading. */
export const step = (title: string) => {
  stepNumber += 1;
  console.log(`\n${bold(`${String(stepNumber).padStart(2, ' ')}. ${title}`)} ${dim(elapsed())}`);
};

/** One indented detail line under the current step. */
export const line = (text: string) => console.log(`    ${text}`);

export const waited = (what: string, ms: number) =>
  line(`${dim('⏱')} ${what} after ${green(`${ms} ms`)}`);

export interface Figure {
  readonly status: 'shown' | 'withheld';
  readonly people?: number;
  readonly value?: unknown;
  readonly reason?: string;
}

const isFigure = (value: unknown): value is Figure =>
  typeof value === 'object' &&
  value !== null &&
  'status' in value &&
  ((value as Figure).status === 'shown' || (value as Figure).status === 'withheld');

/** Every figure in a report with the path that leads to it (rows named by their id field). */
export const figuresOf = (report: unknown, path = ''): { path: string; figure: Figure }[] => {
  if (isFigure(report)) return [{ path: path || 'figure', figure: report }];
  if (Array.isArray(report))
    return report.flatMap((item: unknown, index) => {
      const label: unknown =
        typeof item === 'object' && item !== null
          ? Object.entries(item as Record<string, unknown>).find(
              ([key, value]) => /Id$|^month$|^group$/.test(key) && typeof value === 'string',
            )?.[1]
          : undefined;
      return figuresOf(item, `${path}[${typeof label === 'string' ? label : index}]`);
    });
  if (typeof report === 'object' && report !== null)
    return Object.entries(report).flatMap(([key, value]) =>
      ['asOf', 'scope', 'filters', 'threshold'].includes(key)
        ? []
        : // Month by month repeats the total's verdict: the latest month is enough here.
          figuresOf(
            key === 'overTime' && Array.isArray(value) ? value.slice(-1) : value,
            path ? `${path}.${key}` : key,
          ),
    );
  return [];
};

const compact = (value: unknown): string => {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.length} items]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, inner]) => typeof inner !== 'object' || inner === null,
  );
  const text = entries.map(([key, inner]) => `${key}=${compact(inner)}`).join(' ');
  return text.length > 110 ? `${text.slice(0, 107)}…` : text;
};

/** Prints up to `max` figures of a report; returns how many were shown and withheld. */
export const printFigures = (report: unknown, max = 6) => {
  const figures = figuresOf(report);
  figures
    .slice(0, max)
    .forEach(({ path, figure }) =>
      line(
        figure.status === 'shown'
          ? `${path}: ${green('shown')} (${figure.people ?? '?'} people) ${compact(figure.value)}`
          : `${path}: ${yellow('withheld')} — ${figure.reason ?? 'no reason given'}`,
      ),
    );
  if (figures.length > max) line(dim(`… ${figures.length - max} more figure(s)`));
  if (figures.length === 0) line(dim(`(no figures) ${JSON.stringify(report).slice(0, 160)}`));
  return {
    shown: figures.filter(({ figure }) => figure.status === 'shown').length,
    withheld: figures.filter(({ figure }) => figure.status === 'withheld').length,
  };
};

/** Consecutive repeats folded: A, B ×3, C. */
export const runsOf = (items: readonly string[]) => {
  const runs: { item: string; count: number }[] = [];
  for (const item of items) {
    const last = runs.at(-1);
    if (last && last.item === item) last.count += 1;
    else runs.push({ item, count: 1 });
  }
  return runs.map(({ item, count }) => (count > 1 ? `${item} ×${count}` : item));
};

/** How often each item occurs, by item in sort order: { A: 1, B: 3 }. */
export const countsOf = (items: readonly string[]): Record<string, number> =>
  Object.fromEntries(
    [...new Set(items)]
      .sort()
      .map((item) => [item, items.filter((other) => other === item).length]),
  );

/** Wraps a list of words to lines of at most `width` characters, indented like `line`. */
export const wrapped = (words: readonly string[], width = 96) => {
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (current && current.length + word.length + 2 > width) {
      lines.push(`${current},`);
      current = word;
    } else current = current ? `${current}, ${word}` : word;
  }
  if (current) lines.push(current);
  lines.forEach((text) => line(text));
};
