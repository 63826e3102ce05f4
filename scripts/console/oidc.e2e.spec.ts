// Production sign-in through the console in headless Chromium: the identity provider's OIDC
// (authorization code with PKCE, a real provider on a loopback port), the services verifying
// its access tokens against its JWKS, the console calling them with that token only.
import { randomBytes } from 'node:crypto';
import { type Browser } from 'playwright-core';
import { RunningSystem } from '../testing/running-system';
import { accessibilityViolations, openBrowser, screenshot, viewports } from './browser';
import { identityProvider, type IdentityProvider } from './identity-provider';

jest.setTimeout(120_000);

/** The services' audience: a resource indicator (RFC 8707) is an absolute URI. */
const AUDIENCE = 'https://api.talentloop.example';

describe('the console signs in with the identity provider (production mode)', () => {
  const tenantId = `oidc-${randomBytes(4).toString('hex')}`;
  let provider: IdentityProvider;
  let system: RunningSystem;
  let browser: Browser;
  let consoleUrl: string;

  beforeAll(async () => {
    provider = await identityProvider({
      audience: AUDIENCE,
      tenant: tenantId,
      roles: ['integrator'],
    });
    system = new RunningSystem({
      env: {
        AUTH_MODE: 'production',
        AUTH_JWKS_URL: provider.jwksUrl,
        AUTH_ISSUER: provider.issuer,
        AUTH_AUDIENCE: AUDIENCE,
        AUTH_ALGORITHMS: 'ES256',
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: 'talentloop-console',
        OIDC_AUDIENCE: AUDIENCE,
      },
    });
    consoleUrl = system.consoleUrl;
    await provider.start(`${consoleUrl}/auth/callback`);
    await system.ready();
    await system.consoleReady();
    browser = await openBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await system?.dispose();
    await provider?.close();
  }, 30_000);

  it('goes to the provider and back, and every API call carries the provider’s access token', async () => {
    const context = await browser.newContext({ viewport: viewports.desktop });
    const page = await context.newPage();
    const authorizations: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/'))
        authorizations.push(request.headers()['authorization'] ?? '');
    });
    // Opened from a link: after signing in the reader is back on that page.
    await page.goto(`${consoleUrl}/integrator/event-types`);
    await page.getByRole('button', { name: 'Sign in with your organisation' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign in with your organisation' }).click();

    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name=login]').fill('int-oidc');
    await page.locator('input[name=password]').fill('any');
    await page.locator('button[type=submit]').click();
    // The provider asks for consent once; then the code comes back to the console.
    await page.locator('button[type=submit]').click();
    await page.waitForURL(`${consoleUrl}/integrator/event-types`);
    await page.getByRole('heading', { level: 1, name: 'Event types' }).waitFor();
    await page.getByText(`int-oidc · ${tenantId}`).waitFor();

    // A call to a service through the console: the services accept the provider's token.
    await page.getByRole('link', { name: 'Events', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /No events match|events shown/ })
      .waitFor();
    expect(authorizations.length).toBeGreaterThan(0);
    const [bearer] = authorizations;
    expect(bearer).toMatch(/^Bearer ey/);
    const header = JSON.parse(
      Buffer.from((bearer ?? '').slice(7).split('.')[0] ?? '', 'base64url').toString(),
    ) as { typ: string; alg: string };
    expect(header).toMatchObject({ typ: 'at+jwt', alg: 'ES256' });
    await screenshot(page, 'oidc-signed-in');

    // Signing out forgets the token: the page asks to sign in again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in with your organisation' }).waitFor();
    await context.close();
  });
});
