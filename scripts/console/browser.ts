// A real browser for the console's end-to-end suite: Debian's Chromium (or CHROMIUM_PATH)
// driven headless by playwright-core, axe-core's WCAG checks on a page, and screenshots kept
// as test artefacts in artifacts/console/.
import { accessSync, constants, mkdirSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where the suite keeps its screenshots (CI keeps the folder as the run's artefacts). */
export const ARTIFACTS_DIR = resolve(__dirname, '..', '..', 'artifacts', 'console');

const executable = (file: string): boolean => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * CHROMIUM_PATH, else the first of chromium, chromium-browser, google-chrome on PATH. No
 * browser is downloaded (it cannot be, here): without one the suite fails, saying so.
 */
export const chromiumPath = (env: NodeJS.ProcessEnv = process.env): string => {
  const given = env['CHROMIUM_PATH'];
  if (given) {
    if (!executable(given)) throw new Error(`CHROMIUM_PATH=${given} is not an executable`);
    return given;
  }
  for (const dir of (env['PATH'] ?? '').split(delimiter).filter(Boolean))
    for (const name of ['chromium', 'chromium-browser', 'google-chrome'])
      if (executable(join(dir, name))) return join(dir, name);
  throw new Error(
    'NO BROWSER: the console suite needs Chromium (Debian: apt-get install chromium; .ci/run ' +
      'installs it) or CHROMIUM_PATH naming one',
  );
};

export const openBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // Root in a container has no user namespace for Chromium's sandbox.
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });

/** The widths the console must work at: a laptop and a phone. */
export const viewports = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly unknown[] }[];
}

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: the rules axe-core runs. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's violations on the page as it is now, one line each (empty: none). */
export const accessibilityViolations = async (page: Page): Promise<string[]> => {
  // Evaluated through the DevTools protocol: the page's content security policy (no inline
  // scripts) stays on and is tested with everything else.
  if (!(await page.evaluate('typeof globalThis.axe !== "undefined"')))
    await page.evaluate(axe.source);
  const violations = await page.evaluate<readonly AxeViolation[], string[]>(async (tags) => {
    const { axe: runner, document: whole } = globalThis as unknown as {
      axe: { run(context: unknown, options: axe.RunOptions): Promise<axe.AxeResults> };
      document: unknown;
    };
    const result = await runner.run(whole, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact: impact ?? null,
      help,
      nodes: nodes.map((node) => ({ target: [...node.target] })),
    }));
  }, WCAG_TAGS);
  return violations.map(
    ({ id, impact, help, nodes }) =>
      `${id} (${impact ?? 'n/a'}): ${help} — ${nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
};

/**
 * A screenshot as artifacts/console/<name>.png, of the whole page unless `fullPage` is false
 * (the window only); returns the file.
 */
export const screenshot = async (page: Page, name: string, fullPage = true): Promise<string> => {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
};

/**
 * Waits until nothing on the page says it is loading (each part of a page loads on its own).
 * Locators, not waitForFunction: the page's content security policy forbids the eval that
 * needs.
 */
export const loaded = async (page: Page, timeoutMs = 20_000): Promise<void> => {
  const loading = page.locator('main [role=status].loading');
  const deadline = Date.now() + timeoutMs;
  while ((await loading.count()) > 0) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`${page.url()} is still loading after ${timeoutMs} ms`);
    await loading.first().waitFor({ state: 'detached', timeout: left });
  }
};

/** Whether the page is wider than the window (a horizontal scroll bar on the whole page). */
export const scrollsSideways = (page: Page): Promise<boolean> =>
  page.evaluate('document.documentElement.scrollWidth > window.innerWidth + 1');

/** Signs in on the console's development sign-in page as the subject. */
export const signIn = async (
  page: Page,
  consoleUrl: string,
  subject: {
    readonly tenantId: string;
    readonly userId: string;
    readonly roles: readonly string[];
  },
): Promise<void> => {
  await page.goto(consoleUrl);
  await page.getByLabel(/^(Tenant)$/).fill(subject.tenantId);
  await page.getByLabel(/^(User id|Gebruikers-id)$/).fill(subject.userId);
  for (const box of await page.locator('input[name="roles"]').all()) {
    const role = await box.getAttribute('value');
    await box.setChecked(role !== null && subject.roles.includes(role));
  }
  await page.getByRole('button', { name: /^(Sign in|Aanmelden)$/ }).click();
  await page.getByRole('button', { name: /^(Sign out|Afmelden)$/ }).waitFor();
};
