// The console in a real browser (Debian's Chromium, headless, through playwright-core) against
// the system `npm start` runs: the demo's whole cycle through the console as employee, manager,
// HR and integrator, axe-core's WCAG 2.2 AA check on every page at 1280 and 390 pixels wide,
// and a screenshot of each page kept in artifacts/console/.
import { randomBytes } from 'node:crypto';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { RunningSystem } from '../../../scripts/testing/running-system';
import {
  accessibilityViolations,
  openBrowser,
  screenshot,
  scrollsSideways,
  signIn,
  viewports,
} from './browser';
import { integratorBrowsesEvents } from './integrator';

jest.setTimeout(120_000);

const tenantId = `console-${randomBytes(4).toString('hex')}`;

/** The demo's organisation and step modules, loaded once the environment names this system. */
const demo = async (system: RunningSystem) => {
  const defined = Object.entries(system.tokenEnv).filter(([, value]) => value !== undefined);
  Object.assign(process.env, Object.fromEntries(defined), {
    TALENTLOOP_BASE_PORT: String(system.basePort),
    DEMO_TENANT_ID: tenantId,
  });
  return {
    organisation: await import('../../../scripts/demo/organisation'),
    framework: await import('../../../scripts/demo/steps/framework-and-roles'),
    people: await import('../../../scripts/demo/steps/people'),
    baseline: await import('../../../scripts/demo/steps/baseline'),
    gaps: await import('../../../scripts/demo/steps/gaps'),
  };
};

describe('the console in headless Chromium, through the demo’s cycle', () => {
  const system = new RunningSystem();
  const consoleUrl = `http://127.0.0.1:${system.basePort - 1}`;
  let browser: Browser;
  let steps: Awaited<ReturnType<typeof demo>>;

  beforeAll(async () => {
    await system.ready();
    for (let attempt = 0; ; attempt += 1) {
      const ready = await fetch(`${consoleUrl}/health/ready`).catch(() => undefined);
      if (ready?.ok) break;
      if (attempt > 150) throw new Error(`the console did not start:\n${system.output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    steps = await demo(system);
    // What HR and the assessments do before anyone opens the console: framework and role
    // profiles, the HRIS sync, baseline measurements and a 360° round, the gaps.
    await steps.framework.publishFrameworkAndRoles();
    await steps.people.syncPeople();
    await steps.baseline.measureBaseline();
    await steps.gaps.analyseGaps();
    browser = await openBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await system.dispose();
  }, 30_000);

  /** A fresh browser context (its own session storage) signed in as the demo's user. */
  const as = async (
    userId: string,
    roles: readonly string[],
    viewport: (typeof viewports)[keyof typeof viewports] = viewports.desktop,
  ): Promise<{ page: Page; context: BrowserContext }> => {
    const context = await browser.newContext({ viewport, locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/Failed to load resource/.test(message.text()))
        errors.push(message.text());
    });
    await signIn(page, consoleUrl, { tenantId, userId, roles });
    afterChecks.push(() => expect(errors).toEqual([]));
    return { page, context };
  };
  const afterChecks: (() => void)[] = [];
  afterEach(() => {
    for (const check of afterChecks.splice(0)) check();
  });

  /**
   * Opens each page at both widths, in English and in Dutch: axe-core finds nothing, the page
   * never scrolls sideways, and a screenshot of each is kept.
   */
  const checkPages = async (
    userId: string,
    roles: readonly string[],
    pages: readonly { readonly path: string; readonly name: string }[],
  ) => {
    for (const [width, viewport] of Object.entries(viewports)) {
      const { page, context } = await as(userId, roles, viewport);
      for (const { path, name } of pages) {
        for (const language of ['en', 'nl'] as const) {
          await page.goto(`${consoleUrl}${path}`);
          await page.getByRole('combobox', { name: /Language|Taal/ }).selectOption(language);
          await page.locator('main h1').first().waitFor();
          await page.waitForFunction('!document.querySelector("[role=status].loading")');
          expect({
            page: path,
            language,
            width,
            violations: await accessibilityViolations(page),
          }).toEqual({
            page: path,
            language,
            width,
            violations: [],
          });
          expect({ page: path, width, sideways: await scrollsSideways(page) }).toEqual({
            page: path,
            width,
            sideways: false,
          });
          await screenshot(page, `${name}-${width}-${language}`);
        }
      }
      await context.close();
    }
  };

  it('signs in on a page that passes axe-core, in both languages', async () => {
    const context = await browser.newContext({ viewport: viewports.phone });
    const page = await context.newPage();
    await page.goto(consoleUrl);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-phone');
    await context.close();
  });

  it('integrator: browses the replay by type and subject and reads each type’s schema', async () => {
    const { page, context } = await as('int-hris', ['integrator']);
    await integratorBrowsesEvents(page, {
      consoleUrl,
      employeeId: steps.organisation.employee.userId,
    });
    await context.close();
    await checkPages(
      'int-hris',
      ['integrator'],
      [
        { path: '/integrator/events', name: 'integrator-events' },
        { path: '/integrator/event-types', name: 'integrator-event-types' },
        { path: '/integrator/event-types/GapIdentified', name: 'integrator-event-type' },
      ],
    );
  });
});
