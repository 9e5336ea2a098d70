// npm run bench:portal — the portal's budgets, measured (not asserted): the initial JavaScript (gzip) and the first
// meaningful render of the dossier list in Chromium, on the embedded platform holding BENCH_PORTAL_DOSSIERS dossiers
// (default 10,000) of the signed-in unit. Knobs: BENCH_PORTAL_DOSSIERS, BENCH_PORTAL_RELOADS (default 5),
// BENCH_PORTAL_PORT (default 0: free ports), CEM_CHROMIUM (default /usr/bin/chromium).
import 'reflect-metadata';
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { chromium } from 'playwright-core';
import { startEmbeddedWithPortal } from '../../deploy/embedded/launch';
import { ALL_PERSONAS } from '../../deploy/embedded/demo-personas';
import { initialJavaScript } from '../../portal/scripts/measure-bundle';
import { drafts } from './seed-drafts';

const ROOT = resolve(__dirname, '..', '..');
const DOSSIERS = Number(process.env.BENCH_PORTAL_DOSSIERS ?? 10_000);
const RELOADS = Number(process.env.BENCH_PORTAL_RELOADS ?? 5);
const PORT = Number(process.env.BENCH_PORTAL_PORT ?? 0);
const CHROMIUM = process.env.CEM_CHROMIUM ?? '/usr/bin/chromium';
const OFFICER = ALL_PERSONAS['district-officer-phu-ly'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${Math.round(x)} ms`;

async function main() {
  execFileSync('bash', [join(ROOT, 'tools', 'build-portal.sh')], { stdio: 'inherit' });
  const bundle = initialJavaScript(join(ROOT, 'portal', 'dist'));
  const dataDir = mkdtempSync(join(tmpdir(), 'cem-bench-portal-'));
  const started = Date.now();
  const embedded = await startEmbeddedWithPortal({ dataDir, port: PORT });
  try {
    const submissions = embedded.platform.services.find((s) => s.definition.context === 'submissions')!;
    const seedStart = Date.now();
    for (const { streamId, event } of drafts(DOSSIERS, embedded.demo?.year ?? new Date().getFullYear())) {
      await submissions.infra.store.append(streamId, [event], { expectedVersion: 'no-stream' });
    }
    for (const s of embedded.platform.services) await s.settled();
    const seedMs = Date.now() - seedStart;

    // The API answers one page, never the whole list.
    const token = await embedded.platform.issuer.mint(OFFICER);
    const apiStart = Date.now();
    const page1 = (await (
      await fetch(`${embedded.gateway.url}/api/submissions/dossiers?limit=21&skip=0`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as unknown[];
    const apiMs = Date.now() - apiStart;

    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1400, height: 900 } });
    // performance.now() (ms since the navigation started) when the first dossier row is in the DOM.
    await context.addInitScript({
      content: `new MutationObserver((_m, observer) => {
        if (document.querySelector('.ant-table-row a')) { window.__firstRow = performance.now(); observer.disconnect(); }
      }).observe(document, { childList: true, subtree: true });`,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${embedded.gateway.url}/dang-nhap`);
    await page.getByRole('button', { name: `Đăng nhập với vai ${OFFICER.name}` }).click();
    await page.waitForURL(/\/don-vi$/);
    const renders: number[] = [];
    for (let i = 0; i <= RELOADS; i++) {
      await page.reload();
      await page.locator('.ant-table-row a').first().waitFor();
      renders.push(await page.evaluate<number>('window.__firstRow'));
    }
    const rows = await page.locator('.ant-table-row').count();
    await browser.close();

    const result = {
      dossiers: DOSSIERS,
      seedSeconds: seedMs / 1000,
      apiFirstPageMs: apiMs,
      apiFirstPageRows: page1.length,
      firstRenderMs: renders[0],
      firstRenderMedianMs: median(renders.slice(1)),
      renders,
      rowsShown: rows,
      initialJsGzipKB: bundle.totalGzipBytes / 1024,
      totalSeconds: (Date.now() - started) / 1000,
    };
    console.log(JSON.stringify(result));
    console.log(
      [
        `portal: ${DOSSIERS} dossiers of the signed-in unit (seeded in ${result.seedSeconds.toFixed(0)} s)`,
        `  GET /dossiers first page (${page1.length} rows): ${ms(apiMs)}`,
        `  first meaningful render of the dossier list (navigation start -> first row): first load ${ms(renders[0])}, ` +
          `median of ${RELOADS} reloads ${ms(result.firstRenderMedianMs)} (budget 1000 ms); ${rows} rows on the page`,
        `  initial JavaScript: ${result.initialJsGzipKB.toFixed(1)} KB gzip (budget 300 KB)`,
      ].join('\n'),
    );
  } finally {
    await embedded.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
