// The manager's steps for the console's end-to-end suite: each drives the manager pages with a
// playwright-core Page already signed in as a manager, and asserts what the manager sees
// (jest's `expect`). Texts are matched in English or Dutch, whichever the page shows.
import type { Locator, Page } from 'playwright-core';

/** The manager pages' URL patterns (`:name` segments), for the spec's accessibility checks. */
export const managerPages = [
  '/manager/inbox',
  '/manager/requests/:requestId',
  '/manager/team',
] as const;

/** A manager page's URL: the inbox, a request, or the team (every direct report). */
export const managerUrl = {
  inbox: () => '/manager/inbox',
  request: (requestId: string) => `/manager/requests/${encodeURIComponent(requestId)}`,
  team: () => '/manager/team',
};

/** Which request: by its id, or by its goal's title as the inbox shows it (and its kind). */
export type RequestRef =
  | { readonly requestId: string }
  | { readonly goalTitle: string; readonly kind?: 'submission' | 'adjustment' };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (text: string) => new RegExp(`^\\s*${escape(text)}\\s*$`);

const texts = {
  inboxTitle: /^(Approval inbox|Inbox voor goedkeuring)$/,
  inboxNav: /^Inbox$/,
  teamNav: /^Team$/,
  inboxEmpty: /Nothing is waiting for your decision|Er wacht niets op jouw besluit/,
  adjustmentKind: /^(Adjustment|Aanpassing)/i,
  smartTitle: /^(SMART check|SMART-toets)$/,
  smartSummary: /(\d+) (of|van) (\d+) (checks passed|toetsen gehaald)/,
  smartAsSubmitted:
    /The goal is as submitted in submission \d+|Het doel is zoals ingediend bij indiening \d+/,
  notReport: /not on your team now|nu niet in je team/,
  diffTitle: /^(What changed since version|Wat er veranderd is sinds versie) \d+$/,
  adjustmentTitle: /^(What the adjustment changes|Wat de aanpassing verandert)$/,
  threadTitle: /^(Conversation|Gesprek)$/,
  decideTitle: /^(Your decision|Jouw besluit)$/,
  cadence: /^(Check-in cadence|Ritme van de check-ins)$/,
  note: /^(Note to the employee|Notitie voor de medewerker)/,
  feedback: /^(Feedback \(required\)|Feedback \(verplicht\))$/,
  approve: /^(Approve the goal|Het doel goedkeuren)$/,
  reject: /^(Reject with feedback|Afwijzen met feedback)$/,
  acknowledge: /^(Acknowledge the adjustment|De aanpassing bevestigen)$/,
  refuse: /^(Refuse the adjustment|De aanpassing weigeren)$/,
  approved: /You approved|goedgekeurd\./,
  rejected: /You rejected|afgewezen\./,
  acknowledged: /You acknowledged|bevestigd\./,
  refused: /You refused|geweigerd\./,
  statusApproved: /^(Approved|Goedgekeurd)$/,
  statusRejected: /^(Rejected|Afgewezen)$/,
  statusAcknowledged: /^(Acknowledged|Bevestigd)$/,
  statusRefused: /^(Refused|Geweigerd)$/,
  overdueTitle: /^(Overdue check-ins|Te late check-ins)$/,
  overdueNone: /No check-in is overdue|Er is geen check-in te laat/,
  membersTitle: /^(Goals per team member|Doelen per teamlid)$/,
  answerAdjustment: /^(Acknowledge or refuse the adjustment|De aanpassing bevestigen of weigeren)$/,
  answerSubmission: /^(Decide on the goal|Over het doel besluiten)$/,
};

const cadenceValue = { weekly: 'weekly', fortnightly: 'fortnightly', monthly: 'monthly' } as const;

const origin = (page: Page) => new URL(page.url()).origin;

/** How long a step waits for what it expects to appear (the read sides follow a moment later). */
const TIMEOUT = 10_000;

/** How long an open inbox may take to show a request already in approval (it looks every 5 s). */
const REFRESH_TIMEOUT = 20_000;

/** Waits until the locator's first match is visible; fails the step when it does not appear. */
const visible = async (locator: Locator): Promise<void> => {
  await locator.first().waitFor({ state: 'visible', timeout: TIMEOUT });
};

/** The main menu's link to a page (in-app navigation, as a person clicks it). */
const menu = (page: Page, name: RegExp): Locator =>
  page.getByRole('navigation').getByRole('link', { name });

/** Opens the inbox from the menu; returns the titles of the requests it lists, oldest first. */
export const managerOpensInbox = async (page: Page): Promise<string[]> => {
  await menu(page, texts.inboxNav).click();
  await visible(page.getByRole('heading', { level: 1, name: texts.inboxTitle }));
  const list = page.locator('ul.mgr-requests');
  const empty = page.getByText(texts.inboxEmpty);
  await list.or(empty).first().waitFor();
  if (await empty.isVisible()) return [];
  return (await list.getByRole('heading', { level: 2 }).allTextContents()).map((t) => t.trim());
};

/** The inbox lists a request for the goal (of that kind, when given), or lists none when `present` is false. */
export const managerSeesInInbox = async (
  page: Page,
  {
    goalTitle,
    kind,
    present = true,
  }: { goalTitle: string; kind?: 'submission' | 'adjustment'; present?: boolean },
): Promise<void> => {
  await managerOpensInbox(page);
  const cards = cardsOf(page, goalTitle, kind);
  if (present) await visible(cards);
  else expect(await cards.count()).toBe(0);
};

/**
 * On the inbox already open, a request for the goal (of that kind) appears by itself, without
 * the manager reloading or navigating: the page looks again every few seconds while in view.
 */
export const managerSeesRequestArrive = async (
  page: Page,
  { goalTitle, kind }: { goalTitle: string; kind?: 'submission' | 'adjustment' },
): Promise<void> => {
  const url = page.url();
  await cardsOf(page, goalTitle, kind)
    .first()
    .waitFor({ state: 'visible', timeout: REFRESH_TIMEOUT });
  expect(page.url()).toBe(url);
};

const cardsOf = (page: Page, goalTitle: string, kind?: 'submission' | 'adjustment') => {
  const cards = page
    .locator('li.mgr-request')
    .filter({ has: page.getByRole('link', { name: exactly(goalTitle) }) });
  if (kind === undefined) return cards;
  const adjustment = page.locator('.mgr-kind', { hasText: texts.adjustmentKind });
  return kind === 'adjustment'
    ? cards.filter({ has: adjustment })
    : cards.filter({ hasNot: adjustment });
};

/** Opens a request: straight by its id, or from the inbox by its goal's title. */
export const managerOpensRequest = async (page: Page, ref: RequestRef): Promise<void> => {
  if ('requestId' in ref) await page.goto(`${origin(page)}${managerUrl.request(ref.requestId)}`);
  else {
    await managerOpensInbox(page);
    await cardsOf(page, ref.goalTitle, ref.kind)
      .first()
      .getByRole('link', { name: exactly(ref.goalTitle) })
      .click();
  }
  await page.waitForURL(/\/manager\/requests\/[^/]+$/, { timeout: TIMEOUT });
  await visible(page.getByRole('heading', { level: 2, name: texts.threadTitle }));
};

/**
 * On a submission's request: the SMART check of the goal as it is now lists every property with
 * its explanation, and says how many passed; with `asSubmitted`, it says the goal is still the
 * submitted version. Returns the count passed and the total.
 */
export const managerSeesSmartCheck = async (
  page: Page,
  ref: RequestRef,
  expected: { total?: number; passed?: number; asSubmitted?: boolean } = {},
): Promise<{ passed: number; total: number }> => {
  await managerOpensRequest(page, ref);
  await visible(page.getByRole('heading', { level: 2, name: texts.smartTitle }));
  if (expected.asSubmitted) await visible(page.getByText(texts.smartAsSubmitted));
  const checks = page.locator('.mgr-smart-check');
  const total = await checks.count();
  expect(total).toBeGreaterThan(0);
  for (const check of await checks.all())
    expect((await check.locator('.mgr-smart-explanation').textContent())?.trim()).toBeTruthy();
  const summary = (await page.locator('.mgr-smart-summary').textContent()) ?? '';
  const match = texts.smartSummary.exec(summary);
  expect(match).not.toBeNull();
  const passed = Number(match?.[1]);
  expect(Number(match?.[3])).toBe(total);
  if (expected.total !== undefined) expect(total).toBe(expected.total);
  if (expected.passed !== undefined) expect(passed).toBe(expected.passed);
  return { passed, total };
};

/**
 * On a resubmission's request: what changed since the previous version, field by field, with
 * the removed and added words marked. Returns the fields shown as changed.
 */
export const managerSeesChanges = async (
  page: Page,
  ref: RequestRef,
  expected: { fields?: readonly RegExp[]; added?: string; removed?: string } = {},
): Promise<string[]> => {
  await managerOpensRequest(page, ref);
  await visible(page.getByRole('heading', { level: 2, name: texts.diffTitle }));
  const fields = (await page.locator('.mgr-diff-field h3').allTextContents()).map((t) => t.trim());
  expect(fields.length).toBeGreaterThan(0);
  for (const field of expected.fields ?? [])
    expect(fields.some((shown) => field.test(shown))).toBe(true);
  if (expected.added)
    await visible(page.locator('.mgr-diff-current ins', { hasText: expected.added }));
  if (expected.removed)
    await visible(page.locator('.mgr-diff-previous del', { hasText: expected.removed }));
  return fields;
};

const statusMessage = (page: Page, text: RegExp) =>
  page.locator('[role="status"].mgr-done').filter({ hasText: text });

/** Waits until the request shows the state the decision led to (the read side follows a moment later). */
const expectDecided = async (page: Page, message: RegExp, badge: RegExp) => {
  await visible(statusMessage(page, message));
  await visible(page.locator('.mgr-facts-wide .badge', { hasText: badge }));
  expect(await page.getByRole('heading', { level: 2, name: texts.decideTitle }).count()).toBe(0);
};

/**
 * Rejects a submission with feedback. With `vagueFeedback` first sends that, and sees the
 * service's message at the feedback field (and nothing decided), before the real feedback.
 */
export const managerRejects = async (
  page: Page,
  ref: RequestRef,
  { feedback, vagueFeedback }: { feedback: string; vagueFeedback?: string },
): Promise<void> => {
  await managerOpensRequest(page, ref);
  // The check of the goal as it is now: still the submitted version, every property passed.
  await visible(page.getByText(texts.smartAsSubmitted));
  const field = page.getByRole('textbox', { name: texts.feedback });
  const button = page.getByRole('button', { name: texts.reject });
  if (vagueFeedback !== undefined) await expectRefusedFeedback(page, field, button, vagueFeedback);
  await field.fill(feedback);
  await button.click();
  await expectDecided(page, texts.rejected, texts.statusRejected);
  await visible(page.locator('.mgr-thread blockquote', { hasText: feedback }));
};

const expectRefusedFeedback = async (page: Page, field: Locator, button: Locator, text: string) => {
  await field.fill(text);
  await button.click();
  await visible(page.locator('textarea[name="feedback"][aria-invalid="true"]'));
  const errorId = ((await field.getAttribute('aria-describedby')) ?? '')
    .split(' ')
    .find((id) => id.endsWith('-feedback'));
  expect(errorId).toBeDefined();
  const message = (await page.locator(`[id="${errorId ?? ''}"]`).textContent()) ?? '';
  expect(message.trim().length).toBeGreaterThan(0);
  // Nothing was decided: the forms are still there.
  await visible(page.getByRole('heading', { level: 2, name: texts.decideTitle }));
};

/** Approves a submission on a check-in cadence, with an optional note. */
export const managerApproves = async (
  page: Page,
  ref: RequestRef,
  { cadence, note }: { cadence: keyof typeof cadenceValue; note?: string },
): Promise<void> => {
  await managerOpensRequest(page, ref);
  await page.getByRole('combobox', { name: texts.cadence }).selectOption(cadenceValue[cadence]);
  if (note !== undefined) await page.getByRole('textbox', { name: texts.note }).fill(note);
  await page.getByRole('button', { name: texts.approve }).click();
  await expectDecided(page, texts.approved, texts.statusApproved);
};

/**
 * Answers an adjustment: acknowledges it (it stays in force) or refuses it with feedback
 * (planning sets the fields back). Sees what it changes, before and after, first.
 */
export const managerAnswersAdjustment = async (
  page: Page,
  ref: RequestRef,
  answer:
    | { readonly answer: 'acknowledge'; readonly note?: string }
    | { readonly answer: 'refuse'; readonly feedback: string; readonly vagueFeedback?: string },
): Promise<void> => {
  await managerOpensRequest(page, ref);
  await visible(page.getByRole('heading', { level: 2, name: texts.adjustmentTitle }));
  await visible(page.locator('table.mgr-adjustment tbody tr'));
  if (answer.answer === 'acknowledge') {
    if (answer.note !== undefined)
      await page.getByRole('textbox', { name: texts.note }).fill(answer.note);
    await page.getByRole('button', { name: texts.acknowledge }).click();
    await expectDecided(page, texts.acknowledged, texts.statusAcknowledged);
    return;
  }
  const field = page.getByRole('textbox', { name: texts.feedback });
  const button = page.getByRole('button', { name: texts.refuse });
  if (answer.vagueFeedback !== undefined)
    await expectRefusedFeedback(page, field, button, answer.vagueFeedback);
  await field.fill(answer.feedback);
  await button.click();
  await expectDecided(page, texts.refused, texts.statusRefused);
  await visible(page.locator('.mgr-thread blockquote', { hasText: answer.feedback }));
};

/**
 * Opens the team page from the menu, which lists every direct report with their goals: each
 * employee expected is listed as a report (under their name, when `names` gives it), each goal
 * title expected under its employee; overdue check-ins are listed (or none); an adjustment
 * awaiting the manager links to its request. Returns the goal titles shown per employee.
 */
export const managerSeesTeam = async (
  page: Page,
  {
    employeeIds,
    names = {},
    goalTitles = {},
    overdueGoalTitles,
    adjustmentAwaitingOn,
  }: {
    employeeIds: readonly string[];
    names?: Readonly<Record<string, string>>;
    goalTitles?: Readonly<Record<string, readonly string[]>>;
    overdueGoalTitles?: readonly string[];
    adjustmentAwaitingOn?: string;
  },
): Promise<Record<string, string[]>> => {
  await menu(page, texts.teamNav).click();
  await visible(page.getByRole('heading', { level: 1, name: /^Team$/ }));
  await page.waitForURL(/\/manager\/team$/, { timeout: TIMEOUT });
  const overdue = page
    .getByRole('heading', { level: 2, name: texts.overdueTitle })
    .locator('xpath=..');
  if (overdueGoalTitles !== undefined) {
    if (overdueGoalTitles.length === 0) await visible(overdue.getByText(texts.overdueNone));
    for (const title of overdueGoalTitles)
      await visible(overdue.getByRole('rowheader', { name: exactly(title) }));
  }
  const shown: Record<string, string[]> = {};
  for (const employeeId of employeeIds) {
    // Listed without being asked for: a report, under their name (their id when none is known).
    const section = page.locator(`section.mgr-member[data-employee-id="${employeeId}"]`);
    await visible(section);
    const heading = ((await section.getByRole('heading', { level: 3 }).textContent()) ?? '').trim();
    expect(heading.length).toBeGreaterThan(0);
    const name = names[employeeId];
    if (name !== undefined) expect(heading).toBe(name);
    expect(await section.getByText(texts.notReport).count()).toBe(0);
    const table = section.locator('table');
    const none = section.getByText(/No goals yet|Nog geen doelen/);
    await table.or(none).first().waitFor();
    shown[employeeId] = (await section.locator('tbody th[scope="row"]').allTextContents()).map(
      (t) => t.trim(),
    );
    for (const title of goalTitles[employeeId] ?? []) expect(shown[employeeId]).toContain(title);
  }
  if (adjustmentAwaitingOn !== undefined) {
    const row = page
      .locator('section.mgr-member tbody tr')
      .filter({ has: page.getByRole('rowheader', { name: exactly(adjustmentAwaitingOn) }) });
    await visible(row.getByRole('link', { name: texts.answerAdjustment }));
  }
  return shown;
};

/** From the team page, follows a goal's link to the adjustment awaiting the manager. */
export const managerOpensAdjustmentFromTeam = async (
  page: Page,
  { goalTitle }: { goalTitle: string },
): Promise<void> => {
  const row = page
    .locator('section.mgr-member tbody tr')
    .filter({ has: page.getByRole('rowheader', { name: exactly(goalTitle) }) });
  await row.getByRole('link', { name: texts.answerAdjustment }).first().click();
  await visible(page.getByRole('heading', { level: 2, name: texts.adjustmentTitle }));
};
