/** The locale numbers and dates are written in for a console language. */
export const localeOf = (language: 'en' | 'nl'): string => (language === 'nl' ? 'nl-NL' : 'en-GB');

/** A share (0…1) as a percentage with at most one decimal. */
export const percent = (language: 'en' | 'nl', share: number): string =>
  new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 1 }).format(
    share,
  );

export const number = (language: 'en' | 'nl', value: number, digits = 2): string =>
  new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: digits }).format(value);

/** A date (YYYY-MM-DD or an ISO instant) as a day in the reader's language. */
export const day = (language: 'en' | 'nl', date: string): string => {
  const parsed = new Date(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(parsed);
};

export const instant = (language: 'en' | 'nl', iso: string): string => {
  const parsed = new Date(iso);
  if (Number.isNaN(parsed.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(parsed);
};
