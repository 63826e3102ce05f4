// The filters every analytics report takes (AnalyticsFiltersDto): all optional, kept in the
// page's address so a filtered report can be reloaded, bookmarked and shared.

export interface ReportFilters {
  /** A calendar year (2026), quarter (2026-Q1) or month (2026-03), UTC. */
  readonly period?: string;
  readonly department?: string;
  readonly role?: string;
  readonly competency?: string;
}

export const filterNames = ['period', 'department', 'role', 'competency'] as const;
export type FilterName = (typeof filterNames)[number];

/** The API's period pattern (whole years, quarters or months). */
export const PERIOD_PATTERN = '\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?';
/** The API's id pattern, which department, role and competency must match. */
export const ID_PATTERN = '[A-Za-z0-9][A-Za-z0-9._:@\\-]{0,127}';

export const isPeriod = (text: string): boolean => new RegExp(`^${PERIOD_PATTERN}$`).test(text);
export const isId = (text: string): boolean => new RegExp(`^${ID_PATTERN}$`).test(text);

/** The filters in an address's query; blank ones are left out (the API then applies none). */
export const filtersFrom = (search: URLSearchParams): ReportFilters => {
  const filters: Record<string, string> = {};
  for (const name of filterNames) {
    const value = search.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return filters;
};

/** The query of an address for the filters: `?period=2026-Q1&department=sales`, or ''. */
export const filterSearch = (filters: ReportFilters): string => {
  const search = new URLSearchParams();
  for (const name of filterNames) {
    const value = filters[name]?.trim();
    if (value) search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

/** A file name for a report's download, naming its filters: `gap-map-2026-Q1-sales`. */
export const downloadName = (base: string, filters: ReportFilters): string =>
  [base, ...filterNames.map((name) => filters[name]).filter(Boolean)]
    .join('-')
    .replace(/[^A-Za-z0-9._-]+/g, '_');
