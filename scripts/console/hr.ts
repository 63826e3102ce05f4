// HR's steps for the console's end-to-end suite: each drives the HR analytics pages with a
// playwright-core Page already signed in as HR (or admin), and asserts what HR sees (jest's
// `expect`): every report's page, its figures or withheld marks (always with their reason,
// never a blank or a zero), its CSV downloads, and the filters.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { loaded } from './browser';

/** The HR pages, for the spec's accessibility runs. */
export const hrPages = [
  '/hr/analytics',
  '/hr/analytics/active-plans',
  '/hr/analytics/development-focus',
  '/hr/analytics/gap-map',
  '/hr/analytics/approval-flow',
  '/hr/analytics/check-in-adherence',
  '/hr/analytics/growth',
  '/hr/analytics/goals-achieved',
] as const;

const TIMEOUT = 15_000;

/** Each report page: its title, and the header line of the first CSV it offers (English). */
const reportPages = [
  {
    path: '/hr/analytics/active-plans',
    title: 'Active plans',
    csv: 'Month,Employees with an active goal,Headcount,Share with an active goal (%)',
  },
  {
    path: '/hr/analytics/development-focus',
    title: 'Development focus',
    csv: 'Competency,Drafted,Submitted or awaiting revision,Active,Achieved,All goals',
  },
  {
    path: '/hr/analytics/gap-map',
    title: 'Gap map',
    csv: /^Competency,All departments(,[^,]+)*$/,
  },
  {
    path: '/hr/analytics/approval-flow',
    title: 'Approval flow',
    csv: 'Department,Decisions,Median turnaround (hours),90th percentile turnaround (hours),Rejection rate (%)',
  },
  {
    path: '/hr/analytics/check-in-adherence',
    title: 'Check-in adherence',
    csv: 'Department,Due,Held on time,Share on time (%),Held,Outside expected length,Shorter,Longer,Share of held outside expected length (%)',
  },
  {
    path: '/hr/analytics/growth',
    title: 'Growth',
    csv: 'Competency,Average change of behaviour level,Remeasurements,Robust,Less robust',
  },
  {
    path: '/hr/analytics/goals-achieved',
    title: 'Goals achieved',
    csv: 'Scope,Goals evaluated,Achieved,Share achieved (%)',
  },
] as const;

const origin = (page: Page, consoleUrl?: string) => consoleUrl ?? new URL(page.url()).origin;

/** Opens a page and waits until its report has loaded (or failed, which the caller checks). */
const open = async (page: Page, url: string): Promise<void> => {
  await page.goto(url);
  await page.locator('main h1').waitFor({ timeout: TIMEOUT });
  await loaded(page);
};

/** The text of a CSV the button downloads: its file name and lines. */
export const downloadCsv = async (
  page: Page,
  button: Locator,
): Promise<{ readonly name: string; readonly lines: string[] }> => {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await download.path();
  const text = await readFile(path, 'utf8');
  return { name: download.suggestedFilename(), lines: text.split('\r\n').filter(Boolean) };
};

/** Every withheld mark on the page says why: "Withheld (reason)", the reason not empty. */
const expectWithheldWithReasons = async (page: Page): Promise<number> => {
  const marks = await page.locator('main .withheld').allInnerTexts();
  for (const mark of marks) expect(mark).toMatch(/^Withheld \(.+\)$/s);
  return marks.length;
};

/**
 * HR opens the analytics overview and every report from it: each shows its title, the
 * privacy rule, figures or withheld marks with their reasons, and a CSV download whose header
 * line is the table's and whose withheld cells read "withheld (<reason>)". Shown in English.
 */
export const hrViewsAnalytics = async (
  page: Page,
  {
    consoleUrl,
    competencies = [],
  }: {
    readonly consoleUrl?: string;
    /** Competencies the organisation was measured on (the gap map has a row for each). */
    readonly competencies?: readonly string[];
  } = {},
): Promise<void> => {
  const base = origin(page, consoleUrl);
  await open(page, `${base}/hr/analytics`);
  await page.getByRole('combobox', { name: /^(Language|Taal)$/ }).selectOption('en');
  await page.getByRole('heading', { level: 1, name: 'HR analytics' }).waitFor();
  const links = page.locator('main .hr-report-cards a');
  expect(await links.allInnerTexts()).toEqual(reportPages.map((report) => report.title));

  for (const report of reportPages) {
    await page.goto(`${base}/hr/analytics`);
    await page.getByRole('link', { name: report.title, exact: true }).first().click();
    await page.waitForURL(`**${report.path}`);
    await page.getByRole('heading', { level: 1, name: report.title }).waitFor();
    await loaded(page);
    expect(await page.locator('main .problem').count()).toBe(0);
    await page.getByText(/Figures about fewer than \d+ people are withheld/).waitFor();
    await page.getByText('No filters: the whole organisation.').waitFor();
    const withheld = await expectWithheldWithReasons(page);
    // A report shows figures, or says why not (withheld, or nothing yet): never a blank page.
    const numbers = await page
      .locator('main td.hr-num, main .hr-cards dd, main td.hr-heat')
      .count();
    const empty = await page.locator('main .hr-empty').count();
    expect(numbers + withheld + empty).toBeGreaterThan(0);

    const buttons = page.getByRole('button', { name: /^Download CSV/ });
    if ((await buttons.count()) === 0) {
      expect(empty).toBeGreaterThan(0);
      continue;
    }
    const csv = await downloadCsv(page, buttons.first());
    expect(csv.name).toMatch(/\.csv$/);
    if (typeof report.csv === 'string') expect(csv.lines[0]).toBe(report.csv);
    else expect(csv.lines[0]).toMatch(report.csv);
    for (const line of csv.lines.slice(1)) {
      // A withheld cell is written with its reason, never left blank.
      expect(line).not.toMatch(/withheld \(\)/);
      if (/withheld/i.test(line)) expect(line).toMatch(/withheld \([^)]+\)/);
    }
  }

  if (competencies.length > 0) {
    await open(page, `${base}/hr/analytics/gap-map`);
    const rows = await page.locator('table.hr-heatmap tbody th[scope=row]').allInnerTexts();
    expect(rows).toEqual(expect.arrayContaining([...competencies]));
  }
};

/**
 * HR filters a report: a malformed period is refused in the form (with the reason, no
 * request), a whole year is applied (kept in the address, echoed above the figures), and
 * clearing the filters shows the whole organisation again.
 */
export const hrFiltersAReport = async (
  page: Page,
  {
    consoleUrl,
    year = new Date().getUTCFullYear(),
  }: { readonly consoleUrl?: string; readonly year?: number } = {},
): Promise<void> => {
  const base = origin(page, consoleUrl);
  await open(page, `${base}/hr/analytics/active-plans`);
  const period = page.getByRole('textbox', { name: 'Period' });
  await period.fill(`${year}-13`);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByText('Write a year (2026), a quarter (2026-Q1) or a month (2026-03).').waitFor();
  expect(await period.getAttribute('aria-invalid')).toBe('true');
  expect(new URL(page.url()).search).toBe('');

  await period.fill(String(year));
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(`**/hr/analytics/active-plans?period=${year}`);
  await page.getByText(`Filtered by Period: ${year}.`).waitFor({ timeout: TIMEOUT });
  // A year's points are its months up to now.
  const months = await page.locator('main table tbody th[scope=row]').allInnerTexts();
  expect(months).toContain(`${year}-01`);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForURL(`**/hr/analytics/active-plans`);
  await page.getByText('No filters: the whole organisation.').waitFor({ timeout: TIMEOUT });
};
