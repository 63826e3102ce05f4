// The console in a real browser (Debian's Chromium, headless, through playwright-core) against
// the system `npm start` runs: the demo's whole cycle through the console as employee, manager,
// HR and integrator, axe-core's WCAG 2.2 AA check on every page at 1280 and 390 pixels wide,
// and a screenshot of each page kept in artifacts/console/.
import { randomBytes } from 'node:crypto';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { RunningSystem } from '../testing/running-system';
import {
  accessibilityViolations,
  loaded,
  openBrowser,
  screenshot,
  scrollsSideways,
  signIn,
  viewports,
} from './browser';
import {
  employeeChecksIn,
  employeeDraftsAndSubmits,
  employeePages,
  employeeRevisesAndResubmits,
  employeeSeesGrowth,
  employeeTicksAction,
} from './employee';
import { hrFiltersAReport, hrPages, hrViewsAnalytics } from './hr';
import { integratorBrowsesEvents } from './integrator';
import {
  managerAnswersAdjustment,
  managerApproves,
  managerPages,
  managerRejects,
  managerSeesInInbox,
  managerSeesRequestArrive,
  managerSeesTeam,
} from './manager';

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
    organisation: await import('../demo/organisation'),
    framework: await import('../demo/steps/framework-and-roles'),
    people: await import('../demo/steps/people'),
    baseline: await import('../demo/steps/baseline'),
    gaps: await import('../demo/steps/gaps'),
    remeasure: await import('../demo/steps/remeasure'),
    evaluate: await import('../demo/steps/evaluate'),
    run: await import('../demo/run'),
    dates: await import('../demo/dates'),
    goals: await import('../demo/goals'),
  };
};

describe('the console in headless Chromium, through the demo’s cycle', () => {
  const system = new RunningSystem();
  const consoleUrl = system.consoleUrl;
  let browser: Browser;
  let steps: Awaited<ReturnType<typeof demo>>;

  beforeAll(async () => {
    await system.ready();
    await system.consoleReady();
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
          await loaded(page);
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

  /** What the cycle leaves for the later steps: the goal, its title and its request. */
  const cycle: { goalId?: string; requestId?: string } = {};
  const title = 'Listen first and give useful feedback in design reviews';

  it('employee: drafts a goal from the gap, edits it against the draft, agrees and submits', async () => {
    const { page, context } = await as('emp-chloe', ['employee']);
    const { goalId } = await employeeDraftsAndSubmits(page, {
      competency: 'Collaboration',
      motivationNote: 'I want my reviews to leave people better off.',
      title,
      situation: 'In design reviews, where I tend to answer before the question is finished.',
      agreement: 'I agree: listening first is what my team asks of me.',
    });
    cycle.goalId = goalId;
    // The README's picture of the employee's main page (docs/screenshots/).
    await page.goto(`${consoleUrl}/employee/goals/${goalId}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await screenshot(page, 'readme-employee', false);
    await context.close();
  });

  it('manager: sees the SMART check in the inbox request and rejects it with feedback', async () => {
    const { page, context } = await as('mgr-ben', ['manager', 'employee']);
    await page.goto(`${consoleUrl}/manager/inbox`);
    await page.getByRole('link', { name: title }).waitFor();
    await screenshot(page, 'readme-manager', false);
    await managerRejects(
      page,
      { goalTitle: title },
      {
        feedback:
          'Good focus. Name the meetings where you will practise listening, and add how you will ask for feedback afterwards.',
      },
    );
    cycle.requestId = /\/manager\/requests\/([^/?#]+)/.exec(page.url())?.[1];
    expect(cycle.requestId).toBeDefined();
    await context.close();
    // The rejection reaches planning over the bus a moment later; the employee's step needs it.
    await steps.run.waitFor(
      'GoalRejected → the goal revisable in planning',
      steps.goals.goalInStatus(cycle.goalId ?? '', 'rejected'),
    );
  });

  it('employee: reads the feedback, revises and resubmits', async () => {
    const { page, context } = await as('emp-chloe', ['employee']);
    await employeeRevisesAndResubmits(page, {
      goalId: cycle.goalId ?? '',
      feedback: 'Name the meetings where you will practise listening',
      situation:
        'In the Tuesday design review and the Thursday sprint planning; afterwards I ask one colleague for feedback.',
      agreement: 'I agree, with the meetings named as my manager asked.',
    });
    await context.close();
  });

  it('manager: sees both versions and approves on a weekly cadence, then the team', async () => {
    const { page, context } = await as('mgr-ben', ['manager', 'employee']);
    await managerApproves(page, { goalTitle: title }, { cadence: 'weekly', note: 'Good plan.' });
    // The approval reaches planning over the bus a moment later; the check-in step needs it.
    await steps.run.waitFor(
      'GoalApproved → the goal active in planning',
      steps.goals.goalInStatus(cycle.goalId ?? '', 'active'),
    );
    await managerSeesTeam(page, {
      employeeIds: ['emp-chloe'],
      names: { 'emp-chloe': 'Chloe Martin' },
      goalTitles: { 'emp-chloe': [title] },
    });
    await context.close();
  });

  it('employee: ticks an action and checks in with the three questions', async () => {
    const { page, context } = await as('emp-chloe', ['employee']);
    const goalId = cycle.goalId ?? '';
    await employeeTicksAction(page, { goalId });
    await employeeChecksIn(page, {
      goalId,
      whatWasDone: 'Asked two clarifying questions before answering in Tuesday’s review.',
      whatGoesWellAndWhatIsHard:
        'Waiting goes well; asking for feedback afterwards still feels awkward.',
      whatIsNext: 'Ask one colleague for feedback after Thursday’s planning.',
      minutes: 20,
    });
    await context.close();
  });

  it('manager: refuses one adjustment with feedback and acknowledges another', async () => {
    type Goal = Parameters<typeof steps.remeasure.remeasure>[0];
    const goalId = cycle.goalId ?? '';
    const { employee } = steps.organisation;
    const active = await steps.run.api.call<Goal>('planning', 'GET', `/goals/${goalId}`, employee);
    // The employee adjusts the active goal (over the API: the console's employee pages do not
    // adjust goals yet); each adjustment waits in the manager's inbox once approval opened its
    // request from GoalAdjusted, a moment later over the bus.
    const adjust = async (body: object) => {
      const events = await steps.run.api.call<{ type: string; data: { adjustmentId?: string } }[]>(
        'planning',
        'POST',
        `/goals/${goalId}/adjust`,
        employee,
        { body },
      );
      const adjusted = events.find((event) => event.type === 'GoalAdjusted');
      await steps.goals.adjustmentInInbox(String(adjusted?.data.adjustmentId));
    };
    await adjust({
      changes: {
        successCriteria: active.content.successCriteria.map((criterion, index) =>
          index === 0 ? { ...criterion, target: criterion.target - 5 } : criterion,
        ),
      },
      reason: 'Design reviews were cancelled for a month; a lower bar feels fairer.',
    });
    const { page, context } = await as('mgr-ben', ['manager', 'employee']);
    await managerAnswersAdjustment(
      page,
      { goalTitle: title, kind: 'adjustment' },
      {
        answer: 'refuse',
        feedback: 'The target is realistic; move the deadline instead of lowering the bar.',
      },
    );
    // The refusal reaches planning over the bus, which sets the target back; the next
    // adjustment starts from there.
    await steps.run.waitFor('the refusal set the target back in planning', async () => {
      const goal = await steps.goals.goalOf(goalId);
      return goal.history.at(-1)?.event === 'GoalAdjustmentRefused' ? goal : undefined;
    });
    // The manager keeps the inbox open while the employee adjusts again: the request appears.
    await managerSeesInInbox(page, { goalTitle: title, kind: 'adjustment', present: false });
    await adjust({
      changes: { deadline: steps.dates.addMonths(active.content.deadline, 1) },
      reason: 'The review cycle moved by a month.',
    });
    await managerSeesRequestArrive(page, { goalTitle: title, kind: 'adjustment' });
    await managerAnswersAdjustment(
      page,
      { goalTitle: title, kind: 'adjustment' },
      { answer: 'acknowledge', note: 'A month more is fine.' },
    );
    await context.close();
  });

  it('employee: after the remeasurement, sees growth from baseline per indicator', async () => {
    // Remeasured and evaluated as the demo does it (assessment and HR, over the API).
    const active = await steps.run.api.call<Parameters<typeof steps.remeasure.remeasure>[0]>(
      'planning',
      'GET',
      `/goals/${cycle.goalId ?? ''}`,
      steps.organisation.employee,
    );
    const round = await steps.remeasure.remeasure(active);
    await steps.evaluate.evaluate(cycle.goalId ?? '', round);
    const { page, context } = await as('emp-chloe', ['employee']);
    await employeeSeesGrowth(page, { goalTitle: title, remeasured: true });
    await context.close();
  });

  it('HR: every analytics report, withheld figures with their reasons, CSV, filters', async () => {
    const { page, context } = await as('hr-anna', ['hr']);
    await hrViewsAnalytics(page, { consoleUrl, competencies: ['collaboration', 'ownership'] });
    await hrFiltersAReport(page, { consoleUrl });
    await page.goto(`${consoleUrl}/hr/analytics/gap-map`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await loaded(page);
    await screenshot(page, 'readme-hr', false);
    await context.close();
  });

  it('integrator: browses the replay by type and subject and reads each type’s schema', async () => {
    const { page, context } = await as('int-hris', ['integrator']);
    await integratorBrowsesEvents(page, {
      consoleUrl,
      employeeId: steps.organisation.employee.userId,
    });
    await page.goto(`${consoleUrl}/integrator/events`);
    await page
      .getByRole('status')
      .filter({ hasText: /events shown/ })
      .waitFor();
    await screenshot(page, 'readme-integrator', false);
    await context.close();
  });

  /** A page pattern with the cycle's ids filled in. */
  const filled = (pattern: string) =>
    pattern.replace(':goalId', cycle.goalId ?? '').replace(':requestId', cycle.requestId ?? '');
  const named = (path: string) => path.replace(/^\//, '').replace(/[/:]+/g, '-');

  it.each([
    ['employee', 'emp-chloe', ['employee'], employeePages],
    ['manager', 'mgr-ben', ['manager', 'employee'], managerPages],
    ['HR', 'hr-anna', ['hr'], hrPages],
    [
      'integrator',
      'int-hris',
      ['integrator'],
      ['/integrator/events', '/integrator/event-types', '/integrator/event-types/GapIdentified'],
    ],
  ] as const)(
    '%s: every page passes axe-core at 1280 and 390 pixels, in English and Dutch',
    async (_role, userId, roles, paths) => {
      await checkPages(
        userId,
        roles,
        paths.map((path) => ({ path: filled(path), name: named(path) })),
      );
    },
    300_000,
  );
});
