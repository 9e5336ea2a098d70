import { execFileSync } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';
import { Browser, chromium } from 'playwright-core';
import { DEMO_USERS, tokenVerifierFromEnv } from '@cem/identity';
import { startTestPlatform, TestPlatform } from '@cem/testing';
import { startPortalGateway, PortalGateway } from '../../deploy/embedded/portal-gateway';
import { DEMO_PASSWORD, PORTAL_CLIENT, REALM } from '../../deploy/keycloak/realm';
import { SUBMISSIONS_SERVICE } from '../../services/submissions/src/submissions.service';
import { COUNCILS_SERVICE } from '../../services/councils/src/councils.service';
import { RECOGNITION_SERVICE } from '../../services/recognition/src/recognition.service';
import { REPORTING_SERVICE } from '../../services/reporting/src/reporting.service';
import { CHROMIUM, ROOT } from './harness';

/**
 * The distributed deployment's sign-in: the gateway serves the portal in OIDC mode, the portal sends the
 * person to Keycloak's own login page (authorisation code + PKCE), the services accept the token Keycloak
 * issued, and signing out ends Keycloak's session too. Keycloak is the one deploy/local/keycloak.sh runs.
 */
const KEYCLOAK = process.env.CEM_KEYCLOAK_URL ?? 'http://127.0.0.1:8180';
const ISSUER = `${KEYCLOAK}/realms/${REALM}`;
// One of the portal origins the realm allows as redirect URI (deploy/keycloak/realm.ts PORTAL_ORIGINS).
const GATEWAY_PORT = 3900;

describe('Signing in to the portal through Keycloak (distributed mode, Chromium)', () => {
  jest.setTimeout(5 * 60_000);
  let platform: TestPlatform;
  let gateway: PortalGateway;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'portal', 'dist', 'index.html'))) {
      execFileSync('bash', [join(ROOT, 'tools', 'build-portal.sh')], { stdio: 'inherit' });
    }
    platform = await startTestPlatform([SUBMISSIONS_SERVICE, COUNCILS_SERVICE, RECOGNITION_SERVICE, REPORTING_SERVICE], {
      tokenVerifier: await tokenVerifierFromEnv({ CEM_OIDC_ISSUER: ISSUER }),
    });
    gateway = await startPortalGateway({
      port: GATEWAY_PORT,
      distDir: join(ROOT, 'portal', 'dist'),
      services: Object.fromEntries(['submissions', 'councils', 'recognition', 'reporting'].map((c) => [c, platform.url(c)])),
      oidc: { authority: ISSUER, clientId: PORTAL_CLIENT },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
    await platform?.stop();
  });

  it("signs in on Keycloak's login page, calls the services with Keycloak's token, and signs out of Keycloak", async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    const apiStatuses: number[] = [];
    page.on('response', (response) => {
      if (response.url().startsWith(`${gateway.url}/api/`)) apiStatuses.push(response.status());
    });

    await page.goto(`${gateway.url}/dang-nhap`);
    await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản định danh' }).click();
    // Keycloak's own page, on Keycloak's origin: the portal never sees the password.
    await page.waitForURL((url) => url.href.startsWith(`${ISSUER}/protocol/openid-connect/auth`));
    expect(new URL(page.url()).searchParams.get('code_challenge_method')).toBe('S256');
    await page.locator('#username').fill('province-council-secretary');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.locator('#kc-login').click();

    await page.waitForURL((url) => url.href.startsWith(gateway.url));
    const user = DEMO_USERS['province-council-secretary'];
    await page.getByTestId('current-user').filter({ hasText: user.name }).waitFor();
    // The token never travels in an address: the callback's code is dropped from the bar at once.
    expect(page.url()).not.toContain('code=');
    expect(page.url()).not.toContain('access_token');
    // The role's home page has called the services through the gateway with Keycloak's token.
    for (let waited = 0; apiStatuses.length === 0 && waited < 30_000; waited += 250) await page.waitForTimeout(250);
    expect(apiStatuses.length).toBeGreaterThan(0);
    expect(apiStatuses.filter((s) => s === 401)).toEqual([]);

    const visited: string[] = [];
    // Requests, not committed navigations: Keycloak answers the end-session request with a redirect.
    page.on('request', (r) => {
      if (r.isNavigationRequest() && r.frame() === page.mainFrame()) visited.push(r.url());
    });
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    // Through Keycloak's end-session endpoint and back to the sign-in page.
    for (let waited = 0; waited < 30_000; waited += 250) {
      const ended = visited.findIndex((u) => u.startsWith(`${ISSUER}/protocol/openid-connect/logout`));
      if (ended >= 0 && visited.slice(ended + 1).some((u) => u.startsWith(`${gateway.url}/dang-nhap`))) break;
      await page.waitForTimeout(250);
    }
    expect(visited.filter((u) => u.startsWith(`${ISSUER}/protocol/openid-connect/logout`))).toHaveLength(1);
    await page.waitForURL(`${gateway.url}/dang-nhap`);
    await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản định danh' }).waitFor();
    expect(await page.evaluate('Object.keys(sessionStorage).filter((k) => k.startsWith("cem."))')).toEqual([]);
    // Keycloak's session is over too: signing in again asks for the password.
    await page.getByRole('button', { name: 'Đăng nhập bằng tài khoản định danh' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${ISSUER}/protocol/openid-connect/auth`));
    await page.locator('#password').waitFor({ state: 'visible' });
    await context.close();
  });
});
