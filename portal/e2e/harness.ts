import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { startEmbeddedWithPortal, EmbeddedWithPortal } from '../../deploy/embedded/launch';

/**
 * The browser tests' world: their own embedded platform (free ports, a temporary data dir, the Hà Nam demo
 * scenario) behind the portal gateway, and Debian's Chromium driven by playwright-core.
 * CEM_PORTAL_URL points them at a platform already running instead (development only).
 */
export const ROOT = resolve(__dirname, '..', '..');
export const CHROMIUM = process.env.CEM_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');

export interface Harness {
  url: string;
  browser: Browser;
  platform?: EmbeddedWithPortal;
  stop(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(join(ROOT, 'portal', 'dist', 'index.html'))) {
    execFileSync('bash', [join(ROOT, 'tools', 'build-portal.sh')], { stdio: 'inherit' });
  }
  let platform: EmbeddedWithPortal | undefined;
  let dataDir: string | undefined;
  let url = process.env.CEM_PORTAL_URL;
  if (!url) {
    dataDir = mkdtempSync(join(tmpdir(), 'cem-portal-e2e-'));
    platform = await startEmbeddedWithPortal({ dataDir, port: 0 });
    url = platform.gateway.url;
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=vi-VN'],
  });
  return {
    url,
    browser,
    platform,
    stop: async () => {
      await browser.close();
      await platform?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The page last opened, photographed when a test fails (FAILURE_SHOT). */
export let lastPage: Page | undefined;
export const FAILURE_SHOT = join(tmpdir(), 'cem-portal-e2e-failure.png');

export async function onFailure<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (lastPage && !lastPage.isClosed()) {
      await lastPage.screenshot({ path: FAILURE_SHOT, fullPage: true }).catch(() => undefined);
      const text = await lastPage
        .locator('body')
        .innerText()
        .catch(() => '');
      // Jest prints the stack, captured when the error was made: the page goes into both.
      const where = `\n--- page ${lastPage.url()} (screenshot ${FAILURE_SHOT}):\n${text.slice(0, 1500)}`;
      const e = error as Error;
      e.message += where;
      if (e.stack) e.stack += where;
    }
    throw error;
  }
}

/** A fresh browser context (its own sessionStorage) signed in as a demo person, by the sign-in page. */
export async function signInAs(h: Harness, personName: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await h.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1400, height: 900 } });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  lastPage = page;
  await page.goto(`${h.url}/dang-nhap`);
  await page.getByRole('button', { name: `Đăng nhập với vai ${personName}` }).click();
  await page.getByTestId('current-user').filter({ hasText: personName }).waitFor();
  return { context, page };
}

/** axe-core on the page as it is: serious and critical violations only. */
export async function seriousViolations(
  page: Page,
): Promise<Array<{ id: string; impact?: string | null; help: string; targets: string[] }>> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

/**
 * The README's screenshots (docs/screenshots/<name>.png) are rewritten only with CEM_UPDATE_SCREENSHOTS=1: pixels
 * differ from run to run (dates, fonts' hinting), and `npm test` must leave the working tree clean. Without it the
 * page is still photographed (the step must be able to render), into a temporary folder.
 */
export const UPDATE_SCREENSHOTS = process.env.CEM_UPDATE_SCREENSHOTS === '1';
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = UPDATE_SCREENSHOTS ? SCREENSHOTS : join(tmpdir(), 'cem-portal-screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Retries an assertion on the page until it holds (read models and reactions catch up asynchronously). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 60_000, onRetry?: () => Promise<void>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 1000));
      await onRetry?.();
    }
  }
}
