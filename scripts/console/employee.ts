// The employee's steps through the console, for the console's e2e spec: each drives the
// employee pages with a playwright-core Page already signed in as the employee, and asserts
// what the employee sees (Jest's `expect`). Texts come from the English catalogue.
import type { Locator, Page } from 'playwright-core';
import { employee } from '../../services/console/web/src/i18n/employee';

type Key = keyof typeof employee.en;

/** An English text of the catalogue; `{name}` placeholders filled from `values`. */
const text = (key: Key, values: Record<string, string | number> = {}): string =>
  employee.en[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );

/** A catalogue text as a pattern: its placeholders match anything. */
const pattern = (key: Key): RegExp =>
  new RegExp(
    employee.en[key]
      .split(/\{\w+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*'),
  );

/** The employee pages, for the spec's accessibility runs (`:goalId` is a goal's id). */
export const employeePages = [
  '/employee/plan',
  '/employee/goals/:goalId',
  '/employee/goals/:goalId/check-in',
  '/employee/growth',
] as const;

const TIMEOUT = 15_000;

const origin = (page: Page, baseUrl?: string) => baseUrl ?? new URL(page.url()).origin;

const goTo = async (page: Page, path: string, baseUrl?: string) => {
  await page.goto(`${origin(page, baseUrl)}${path}`);
  await page.locator('h1').first().waitFor({ timeout: TIMEOUT });
};

/** The status message (role=status) once it says `expected`. */
const status = async (page: Page, expected: RegExp | string): Promise<Locator> => {
  const message = page.getByRole('status').filter({ hasText: expected });
  await message.waitFor({ timeout: TIMEOUT });
  return message;
};

/** Polls until `probe` holds (the page updating after a command). */
const eventually = async (what: string, probe: () => Promise<boolean>) => {
  const started = Date.now();
  while (!(await probe())) {
    if (Date.now() - started > TIMEOUT) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** Waits until the element shows, then its text. */
const textOf = async (locator: Locator): Promise<string> => {
  await locator.first().waitFor({ timeout: TIMEOUT });
  return locator.first().innerText();
};

/** Waits until the element's visible text contains `expected` (the page may be updating). */
const showsText = async (locator: Locator, expected: string | RegExp) => {
  const matches = (seen: string) =>
    typeof expected === 'string' ? seen.includes(expected) : expected.test(seen);
  await eventually(`it shows ${String(expected)}`, async () =>
    matches(
      await locator
        .first()
        .innerText({ timeout: TIMEOUT })
        .catch(() => ''),
    ),
  );
  expect(await locator.first().innerText()).toMatch(expected);
};

/** What assistive technology reads as the control's description (aria-describedby). */
const descriptionOf = async (locator: Locator): Promise<string> => {
  const ids = ((await locator.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(
    ids.map((id) => locator.page().locator(`[id="${id}"]`).first().textContent()),
  );
  return texts.join(' ');
};

const section = (page: Page, key: Key): Locator =>
  page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: text(key) }) });

const goalIdOf = (page: Page): string => {
  const match = /\/employee\/goals\/([^/?#]+)/.exec(page.url());
  if (!match?.[1]) throw new Error(`not on a goal page: ${page.url()}`);
  return decodeURIComponent(match[1]);
};

export interface DraftAndSubmit {
  /** The competency's name as the gap report gives it, e.g. "Collaboration". */
  readonly competency: string;
  readonly motivationNote?: string;
  /** What the employee changes in the draft before submitting it. */
  readonly title: string;
  readonly situation: string;
  /** Why they agree (10–1,000 characters). */
  readonly agreement: string;
  readonly baseUrl?: string;
}

/**
 * On the plan page (starting the plan if there is none), drafts a goal from the competency's gap,
 * sees the SMART check of the goal as it is now with its explanations (acceptable not passed
 * until the employee agrees), edits title and situation and sees them against the draft and the
 * check asked again, agrees (every check passed now) and submits; returns the goal's id.
 */
export const employeeDraftsAndSubmits = async (
  page: Page,
  step: DraftAndSubmit,
): Promise<{ goalId: string }> => {
  await goTo(page, '/employee/plan', step.baseUrl);
  expect(await textOf(page.locator('h1'))).toBe(text('employee.plan.title'));
  const start = page.getByRole('button', { name: text('employee.plan.startButton') });
  const gaps = page.getByRole('heading', { level: 2, name: text('employee.gaps.title') });
  await start.or(gaps).first().waitFor({ timeout: TIMEOUT });
  if (await start.isVisible()) {
    await start.click();
    await status(page, pattern('employee.plan.started.status'));
  }
  const card = page.locator('li.emp-gap').filter({
    has: page.getByRole('heading', { level: 3, name: new RegExp(step.competency) }),
  });
  await card.waitFor({ timeout: TIMEOUT });
  if (step.motivationNote)
    await card
      .getByLabel(text('employee.gaps.motivation', { name: step.competency }))
      .fill(step.motivationNote);
  await card
    .getByRole('button', { name: text('employee.gaps.draft', { name: step.competency }) })
    .click();
  await page.waitForURL(/\/employee\/goals\/[^/]+$/, { timeout: TIMEOUT });
  await status(page, pattern('employee.gaps.drafted.status'));
  const goalId = goalIdOf(page);

  // The SMART check of the goal as it is now, each check with the API's explanation: all but
  // acceptable, which waits for the employee's agreement.
  const smart = section(page, 'employee.goal.smart');
  await showsText(smart, pattern('employee.smart.now'));
  await expectOnlyAcceptableFails(smart);
  await showsText(section(page, 'employee.goal.provenance'), text('employee.diff.none'));

  // The employee edits the draft; the drafted text stays beside the edit.
  const edit = section(page, 'employee.goal.edit');
  await edit.getByLabel(text('employee.field.title'), { exact: true }).fill(step.title);
  await edit.getByLabel(text('employee.field.situation'), { exact: true }).fill(step.situation);
  await edit.getByRole('button', { name: text('employee.goal.save') }).click();
  await status(page, text('employee.goal.saved.status'));
  await showsText(page.locator('h1'), step.title);
  const differences = section(page, 'employee.goal.provenance').locator('table');
  await differences
    .getByRole('rowheader', { name: text('employee.field.title') })
    .waitFor({ timeout: TIMEOUT });
  await differences
    .getByRole('rowheader', { name: text('employee.field.situation') })
    .waitFor({ timeout: TIMEOUT });
  expect(await differences.locator('ins').count()).toBeGreaterThan(0);
  // The check is asked again for the edited goal: still SMART, still waiting for the agreement.
  await showsText(smart, pattern('employee.smart.now'));
  await expectOnlyAcceptableFails(smart);

  await agreeAndSubmit(page, step.agreement, 1);
  return { goalId };
};

/** The SMART check lists every property, each explained; only acceptable has not passed. */
const expectOnlyAcceptableFails = async (smart: Locator) => {
  await showsText(
    smart.locator('.emp-smart-summary'),
    text('employee.smart.someFailed', { count: 1 }),
  );
  const checks = smart.locator('.emp-smart-list li');
  expect(await checks.count()).toBe(6);
  for (const check of await checks.all())
    expect((await check.innerText()).length).toBeGreaterThan(20);
  const failed = smart.locator('.emp-smart-list li.failed');
  expect(await failed.count()).toBe(1);
  expect(await failed.innerText()).toContain(text('employee.smart.acceptable'));
};

const agreeAndSubmit = async (page: Page, agreement: string, submissionNumber: number) => {
  const agree = section(page, 'employee.goal.agreement');
  await agree.getByLabel(text('employee.goal.motivation')).fill(agreement);
  await agree.getByRole('button', { name: text('employee.goal.agree') }).click();
  await status(page, text('employee.goal.agreed.status'));
  await showsText(section(page, 'employee.goal.agreement'), agreement);
  // Agreed: the check, asked again, passes on every property.
  await showsText(
    section(page, 'employee.goal.smart').locator('.emp-smart-summary'),
    text('employee.smart.allPassed'),
  );
  const submit = section(page, 'employee.goal.submitTitle').getByRole('button', {
    name: submissionNumber > 1 ? text('employee.goal.resubmit') : text('employee.goal.submit'),
  });
  await submit.click();
  await status(page, text('employee.goal.submitted.status', { number: submissionNumber }));
  await showsText(page.locator('.emp-facts'), text('employee.phase.submitted'));
  await page
    .getByText(text('employee.goal.waiting', { number: submissionNumber }))
    .waitFor({ timeout: TIMEOUT });
};

export interface ReviseAndResubmit {
  readonly goalId: string;
  /** The manager's feedback the employee must see. */
  readonly feedback: string;
  readonly situation: string;
  readonly agreement: string;
  readonly baseUrl?: string;
}

/** Sees the manager's feedback on the rejected goal, revises it, agrees again and resubmits. */
export const employeeRevisesAndResubmits = async (page: Page, step: ReviseAndResubmit) => {
  await goTo(page, `/employee/goals/${encodeURIComponent(step.goalId)}`, step.baseUrl);
  // Rejected, or already revised when the employee edited it since.
  await showsText(
    page.locator('.emp-facts'),
    new RegExp(`${text('employee.phase.rejected')}|${text('employee.phase.revised')}`),
  );
  const feedback = section(page, 'employee.goal.feedback');
  await showsText(feedback, step.feedback);
  await showsText(feedback, text('employee.goal.feedbackNext'));
  const edit = section(page, 'employee.goal.edit');
  await edit.getByLabel(text('employee.field.situation'), { exact: true }).fill(step.situation);
  await edit.getByRole('button', { name: text('employee.goal.save') }).click();
  await status(page, text('employee.goal.saved.status'));
  await showsText(page.locator('.emp-facts'), text('employee.phase.revised'));
  await showsText(section(page, 'employee.goal.content'), step.situation);
  await agreeAndSubmit(page, step.agreement, 2);
};

/**
 * Ticks an action of the active goal off (the first open one, or the one whose description
 * contains `action`); returns its description.
 */
export const employeeTicksAction = async (
  page: Page,
  step: { readonly goalId: string; readonly action?: string; readonly baseUrl?: string },
): Promise<{ action: string }> => {
  await goTo(page, `/employee/goals/${encodeURIComponent(step.goalId)}`, step.baseUrl);
  const actions = section(page, 'employee.goal.actions');
  await showsText(actions, text('employee.goal.actionsIntro'));
  const open = actions
    .locator('li')
    .filter({ has: page.locator('input[type=checkbox]:not(:checked)') });
  const item = step.action ? open.filter({ hasText: step.action }).first() : open.first();
  const checkbox = item.getByRole('checkbox');
  const label = (await item.locator('label > span').first().innerText()).trim();
  await checkbox.check();
  await status(page, pattern('employee.goal.ticked.status'));
  const ticked = actions
    .locator('li')
    .filter({ hasText: label.split(' (')[0] ?? label })
    .getByRole('checkbox');
  await eventually(
    'the action is ticked',
    async () => (await ticked.isChecked()) && (await ticked.isDisabled()),
  );
  expect(await ticked.isChecked()).toBe(true);
  expect(await ticked.isDisabled()).toBe(true);
  return { action: label };
};

export interface CheckIn {
  readonly goalId: string;
  readonly whatWasDone: string;
  readonly whatGoesWellAndWhatIsHard: string;
  readonly whatIsNext: string;
  readonly minutes: number;
  readonly baseUrl?: string;
}

/**
 * Logs a check-in: first sends the form empty and sees an error at each field, then answers
 * the three questions and sees the check-in on the goal, with when the next one is due.
 */
export const employeeChecksIn = async (page: Page, step: CheckIn) => {
  await goTo(page, `/employee/goals/${encodeURIComponent(step.goalId)}/check-in`, step.baseUrl);
  const submit = page.getByRole('button', { name: text('employee.checkIn.submit') });
  await submit.click();
  await page
    .getByRole('alert')
    .filter({ hasText: text('employee.checkIn.fix') })
    .waitFor({ timeout: TIMEOUT });
  for (const question of [
    'employee.checkIn.whatWasDone',
    'employee.checkIn.whatGoesWellAndWhatIsHard',
    'employee.checkIn.whatIsNext',
  ] as const) {
    const field = page.getByLabel(text(question));
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(field)).toContain(text('employee.checkIn.error.required'));
  }
  const minutes = page.getByLabel(text('employee.checkIn.duration'));
  expect(await minutes.getAttribute('aria-invalid')).toBe('true');
  await minutes.fill('300');
  await page.getByLabel(text('employee.checkIn.whatWasDone')).fill(step.whatWasDone);
  await page
    .getByLabel(text('employee.checkIn.whatGoesWellAndWhatIsHard'))
    .fill(step.whatGoesWellAndWhatIsHard);
  await page.getByLabel(text('employee.checkIn.whatIsNext')).fill(step.whatIsNext);
  await submit.click();
  await page
    .locator('[id="emp-ci-durationMinutes-error"]')
    .filter({ hasText: text('employee.checkIn.error.tooManyMinutes') })
    .waitFor({ timeout: TIMEOUT });
  expect(await descriptionOf(minutes)).toContain(text('employee.checkIn.error.tooManyMinutes'));
  await minutes.fill(String(step.minutes));
  await submit.click();
  await page.waitForURL(/\/employee\/goals\/[^/]+$/, { timeout: TIMEOUT });
  await status(page, pattern('employee.checkIn.logged.status'));
  const checkIns = section(page, 'employee.goal.checkIns');
  await showsText(checkIns, step.whatWasDone);
  await showsText(checkIns, step.whatIsNext);
};

/**
 * Opens the growth page and reads, per goal shown, its chart and its table: the behaviour
 * score and each indicator, baseline against remeasurement.
 */
export const employeeSeesGrowth = async (
  page: Page,
  step: {
    readonly goalTitle?: string;
    readonly remeasured?: boolean;
    readonly baseUrl?: string;
  } = {},
) => {
  await goTo(page, '/employee/growth', step.baseUrl);
  expect(await textOf(page.locator('h1'))).toBe(text('employee.growth.title'));
  const goals = page.locator('section.emp-growth');
  await goals.first().waitFor({ timeout: TIMEOUT });
  const goal = step.goalTitle ? goals.filter({ hasText: step.goalTitle }).first() : goals.first();
  await goal.locator('canvas[role=img]').waitFor({ timeout: TIMEOUT });
  const rows = await goal.locator('table.emp-growth-table tbody tr').all();
  expect(rows.length).toBeGreaterThanOrEqual(2);
  const read = await Promise.all(
    rows.map(async (row) => {
      const [part, baseline, remeasured] = await Promise.all([
        row.locator('th').innerText(),
        row.locator('td').nth(0).innerText(),
        row.locator('td').nth(1).innerText(),
      ]);
      return { part, baseline, remeasured };
    }),
  );
  expect(read[0]?.part).toBe(text('employee.growth.behaviour'));
  expect(read.some((row) => /\d/.test(row.baseline))).toBe(true);
  if (step.remeasured) expect(read.some((row) => /\d/.test(row.remeasured))).toBe(true);
  return { rows: read };
};
