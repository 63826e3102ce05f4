// The integrator's steps through the console: the event browser and the event types' schemas.
import { type Page } from 'playwright-core';

/** The replay in the browser: all events, then one type for one subject; then a schema. */
export const integratorBrowsesEvents = async (
  page: Page,
  { consoleUrl, employeeId }: { readonly consoleUrl: string; readonly employeeId: string },
): Promise<void> => {
  await page.goto(`${consoleUrl}/integrator/events`);
  await page.getByRole('heading', { name: 'Event browser' }).waitFor();
  const status = page.getByRole('status').filter({ hasText: /events shown/ });
  await status.waitFor();
  const rows = page.locator('table.events tbody tr');
  expect(await rows.count()).toBeGreaterThan(10);

  await page.getByLabel('Event type').selectOption('GapIdentified');
  await page.getByLabel('Subject').fill(employeeId);
  await page.getByRole('button', { name: 'Show events' }).click();
  await page.waitForURL(/type=GapIdentified/);
  await page
    .getByRole('status')
    .filter({ hasText: /events shown/ })
    .waitFor();
  const types = await page.locator('table.events tbody th').allInnerTexts();
  const subjects = await page.locator('table.events tbody td code').allInnerTexts();
  expect(types.length).toBeGreaterThan(0);
  expect(new Set(types)).toEqual(new Set(['GapIdentified']));
  expect(new Set(subjects)).toEqual(new Set([employeeId]));

  await page.locator('table.events tbody tr').first().getByText('Show the data').click();
  expect(await page.locator('table.events pre.json').first().innerText()).toContain('"gapId"');

  await page.getByRole('link', { name: 'GapIdentified' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'GapIdentified' }).waitFor();
  await page.getByRole('heading', { name: 'Schema of the data' }).waitFor();
  expect(await page.getByRole('rowheader').allInnerTexts()).toEqual(
    expect.arrayContaining(['gapId', 'employeeId']),
  );
};
