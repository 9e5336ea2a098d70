import type { Page } from 'playwright-core';
import { eventually, Harness, onFailure, screenshot, seriousViolations, signInAs, startHarness } from './harness';

/**
 * The whole chain through the portal only, each step by the right person of the Hà Nam demo scenario:
 * a district (Phủ Lý) submits two dossiers, Sở KH&CN receives them, the provincial council scores them with
 * one member recused for a conflict of interest, ranks, recommends upward and proposes an honour, the
 * Emulation and Reward Board verifies, the authority decides, the auditor sees every step on the award's
 * timeline and the public showcase lists the work. Each role's main page is checked with axe-core and
 * photographed for the README.
 */
// Clean titles: the README's screenshots show them. Each run has its own fresh platform (a temporary data dir), so
// they are unique there; only against a shared platform (CEM_PORTAL_URL, development) does a run suffix keep them apart.
const run = process.env.CEM_PORTAL_URL ? ` ${Date.now().toString(36).slice(-5)}` : '';
const DOSSIERS = [
  { title: `Phần mềm quản lý đê điều${run}`, author: 'Nguyễn Văn An', search: `phan mem quan ly de dieu${run}` },
  { title: `Mô hình nuôi cá lồng${run}`, author: 'Trịnh Văn Bảo', search: `mo hinh nuoi ca long${run}` },
];
const PEOPLE = {
  district: 'Trịnh Văn Bảo',
  agency: 'Ngô Thị Mai',
  secretary: 'Hoàng Thu Hà',
  chair: 'Nguyễn Hữu Thắng',
  khcn: 'Lê Văn Khoa',
  lhh: 'Phạm Thị Liên',
  phuNu: 'Bùi Thị Nga',
  board: 'Vũ Đức Giang',
  authority: 'Đinh Quang Vinh',
  auditor: 'Đặng Thanh Hương',
};

async function pick(page: Page, fieldLabel: string, option: string) {
  const choice = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first();
  const field = page.locator('.ant-form-item', { has: page.getByLabel(fieldLabel, { exact: true }) });
  await eventually(async () => {
    if (!(await choice.isVisible())) await page.getByLabel(fieldLabel, { exact: true }).click();
    await choice.click({ timeout: 5000 });
    // The choice must hold (a list arriving late re-renders the select).
    await page.waitForTimeout(300);
    await field.filter({ hasText: option }).waitFor({ timeout: 2000 });
  }, 60_000);
}

/** Opens the row's link once the list shows it; reloads now and then (the list follows the events). */
async function openLink(page: Page, name: string, timeoutMs = 120_000) {
  const link = page.getByRole('link', { name });
  await eventually(
    () => link.waitFor({ timeout: 10_000 }),
    timeoutMs,
    () => page.reload().then(() => undefined),
  );
  await link.click();
}

async function confirmDialog(page: Page, values: Record<string, string> = {}) {
  const dialog = page.getByRole('dialog');
  for (const [label, value] of Object.entries(values)) await dialog.getByLabel(label).fill(value);
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function expectNoSeriousViolations(page: Page, where: string) {
  const violations = await seriousViolations(page);
  if (violations.length) throw new Error(`${where}: ${JSON.stringify(violations, null, 2)}`);
}

describe('portal: the whole chain in a real browser (Chromium, embedded platform)', () => {
  jest.setTimeout(20 * 60_000);
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('walks a dossier from a district to the public showcase, each step by the right person', () =>
    onFailure(async () => {
      // --- 1. The district drafts two dossiers (one with an attachment, its SHA-256 shown) and submits them.
      const district = await signInAs(h, PEOPLE.district);
      const ids: string[] = [];
      for (const [i, d] of DOSSIERS.entries()) {
        const page = district.page;
        await page.getByRole('link', { name: 'Lập hồ sơ mới' }).click();
        await pick(page, 'Phong trào', 'Người Hà Nam đoàn kết sáng tạo');
        await pick(page, 'Lĩnh vực', 'Khoa học - Công nghệ');
        await page.getByLabel('Tên công trình, giải pháp, sáng kiến').fill(d.title);
        await page.getByLabel('Tóm tắt').fill('Ứng dụng công nghệ số trong quản lý, tiết kiệm chi phí cho địa phương.');
        await page.getByLabel('Tác giả 1').fill(d.author);
        if (i === 0) {
          await page
            .locator('input[type=file]')
            .setInputFiles({ name: 'thuyet-minh.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 thuyết minh giải pháp') });
          await page
            .getByTestId('attachment')
            .filter({ hasText: /SHA-256: [0-9a-f]{64}/ })
            .waitFor();
        }
        await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
        await page.waitForURL(/\/don-vi\/ho-so\/[^/]+$/);
        ids.push(decodeURIComponent(page.url().split('/').pop()!));
        await page.getByText('Bản nháp').first().waitFor();
        await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
        await page.locator('.ant-tag', { hasText: 'Đã nộp' }).waitFor();
        if (i === 0)
          await page
            .getByText(/[0-9a-f]{64}/)
            .first()
            .waitFor();
        await page.getByRole('link', { name: 'Quay lại danh sách' }).click();
      }
      await eventually(
        async () => {
          for (const d of DOSSIERS) await district.page.getByRole('link', { name: d.title }).waitFor({ timeout: 5000 });
        },
        60_000,
        () => district.page.reload().then(() => undefined),
      );
      await expectNoSeriousViolations(district.page, 'district officer: dossier list');
      await screenshot(district.page, 'don-vi-ho-so');
      await district.context.close();

      // --- 2. Sở KH&CN receives both from its inbox.
      const agency = await signInAs(h, PEOPLE.agency);
      // The inbox with both waiting (its main page, photographed before they are received).
      await eventually(
        async () => {
          for (const d of DOSSIERS) await agency.page.getByRole('link', { name: d.title }).waitFor({ timeout: 5000 });
        },
        60_000,
        () => agency.page.reload().then(() => undefined),
      );
      await expectNoSeriousViolations(agency.page, 'agency inbox');
      await screenshot(agency.page, 'tiep-nhan');
      for (const d of DOSSIERS) {
        await agency.page.goto(`${h.url}/tiep-nhan`);
        await openLink(agency.page, d.title);
        await agency.page.getByRole('button', { name: 'Tiếp nhận' }).click();
        await agency.page.locator('.ant-tag', { hasText: 'Đã tiếp nhận' }).waitFor();
      }
      // Both received: the tab of received dossiers lists them.
      await agency.page.goto(`${h.url}/tiep-nhan`);
      await agency.page.getByRole('tab', { name: 'Đã tiếp nhận' }).click();
      await eventually(
        async () => {
          for (const d of DOSSIERS) await agency.page.getByRole('link', { name: d.title }).waitFor({ timeout: 5000 });
        },
        60_000,
        async () => {
          await agency.page.reload();
          await agency.page.getByRole('tab', { name: 'Đã tiếp nhận' }).click();
        },
      );
      await expectNoSeriousViolations(agency.page, 'agency: received dossiers');
      await agency.context.close();

      // --- 3. The council secretary assigns the council to both cases.
      const secretary = await signInAs(h, PEOPLE.secretary);
      for (const d of DOSSIERS) {
        await secretary.page.goto(`${h.url}/hoi-dong`);
        await openLink(secretary.page, d.title);
        const councilInput = secretary.page.getByRole('searchbox', { name: 'Mã Hội đồng' });
        await secretary.page.getByRole('button', { name: 'Phân công' }).or(councilInput).first().waitFor();
        if (await councilInput.isVisible()) {
          await councilInput.fill(`hd-ha-nam-${new Date().getFullYear()}`);
          await councilInput.press('Enter');
        }
        await secretary.page.getByRole('button', { name: 'Phân công' }).click();
        await secretary.page.getByText('Đã phân công thành viên thẩm định').waitFor();
      }

      // --- 4. Scoring. Phạm Thị Liên declares a conflict on the first dossier and is recused there; she sees
      // no one's scores on the second before she scores it herself.
      const scoreAs = async (person: string, plan: Array<{ title: string; value?: number; conflict?: string; checkHidden?: boolean }>) => {
        const member = await signInAs(h, person);
        for (const step of plan) {
          await member.page.goto(`${h.url}/tham-dinh`);
          await openLink(member.page, step.title);
          if (step.conflict) {
            await member.page.getByRole('button', { name: 'Khai báo xung đột lợi ích' }).click();
            await confirmDialog(member.page, { 'Nội dung xung đột lợi ích': step.conflict });
            await eventually(async () => {
              await member.page.reload();
              await member.page.getByText('Bạn không tham gia thẩm định hồ sơ này (do xung đột lợi ích)').waitFor({ timeout: 10_000 });
            });
            continue;
          }
          if (step.checkHidden) await member.page.getByTestId('scores-hidden').waitFor();
          // The form may re-render once its criteria arrive: fill until every value holds.
          await eventually(async () => {
            for (const criterion of ['Tính mới, tính sáng tạo', 'Khả năng ứng dụng', 'Hiệu quả kinh tế - xã hội']) {
              const input = member.page.getByRole('spinbutton', { name: criterion });
              if (!(await input.inputValue())) await input.fill(String(step.value).replace('.', ','));
            }
            await member.page.waitForTimeout(500);
            for (const criterion of ['Tính mới, tính sáng tạo', 'Khả năng ứng dụng', 'Hiệu quả kinh tế - xã hội']) {
              if (!(await member.page.getByRole('spinbutton', { name: criterion }).inputValue()))
                throw new Error(`${criterion} was cleared`);
            }
          }, 30_000);
          await member.page.getByRole('button', { name: 'Gửi phiếu chấm' }).click();
          await member.page.getByText('Đã ghi nhận phiếu chấm').first().waitFor();
          // Once I scored, the others' scores show (at least mine).
          await member.page.getByRole('table', { name: 'Điểm của các thành viên' }).waitFor();
        }
        return member;
      };
      const [first, second] = DOSSIERS;
      const lhh = await scoreAs(PEOPLE.lhh, [
        { title: first.title, conflict: 'Là đồng tác giả của giải pháp' },
        { title: second.title, value: 7.5, checkHidden: true },
      ]);
      await lhh.page.goto(`${h.url}/tham-dinh`);
      await lhh.page.getByRole('row', { name: first.title }).getByText('Không tham gia thẩm định (do xung đột lợi ích)').waitFor();
      // The field by its name, not its code (khcn).
      await lhh.page.getByRole('row', { name: second.title }).getByRole('cell', { name: 'Khoa học - Công nghệ', exact: true }).waitFor();
      expect(await lhh.page.getByRole('cell', { name: 'khcn', exact: true }).count()).toBe(0);
      await expectNoSeriousViolations(lhh.page, 'council member: queue');
      await screenshot(lhh.page, 'tham-dinh');
      await lhh.context.close();
      for (const person of [PEOPLE.chair, PEOPLE.secretary, PEOPLE.khcn, PEOPLE.phuNu]) {
        const m = await scoreAs(person, [
          { title: first.title, value: 9.2 },
          { title: second.title, value: 7.5 },
        ]);
        await m.context.close();
      }

      // --- 5. The secretary finalises both and publishes the ranking.
      for (const d of DOSSIERS) {
        await secretary.page.goto(`${h.url}/hoi-dong`);
        await secretary.page.getByRole('link', { name: d.title }).click();
        await secretary.page.getByRole('button', { name: 'Chốt kết quả' }).click();
        await confirmDialog(secretary.page, { 'Số biên bản họp': 'BB-05/HĐTĐ' });
        await secretary.page.locator('.ant-tag', { hasText: 'Đã chốt kết quả' }).first().waitFor();
      }
      await secretary.page.goto(`${h.url}/hoi-dong`);
      await secretary.page.getByRole('tab', { name: 'Xếp hạng' }).click();
      await secretary.page.getByRole('button', { name: 'Công bố xếp hạng' }).click();
      const ranking = secretary.page.getByRole('table', { name: 'Bảng xếp hạng' });
      await eventually(
        async () => {
          await ranking.getByRole('row', { name: first.title }).getByText('Xuất sắc').waitFor({ timeout: 10_000 });
          await ranking.getByRole('row', { name: second.title }).getByText('Khá').waitFor({ timeout: 10_000 });
        },
        60_000,
        async () => {
          await secretary.page.getByRole('tab', { name: 'Hồ sơ thẩm định' }).click();
          await secretary.page.getByRole('tab', { name: 'Xếp hạng' }).click();
        },
      );
      await expectNoSeriousViolations(secretary.page, 'council: ranking');
      await screenshot(secretary.page, 'hoi-dong-xep-hang');
      await secretary.context.close();

      // --- 6. The chair recommends the best upward and proposes it for the provincial award.
      const chair = await signInAs(h, PEOPLE.chair);
      await chair.page.goto(`${h.url}/hoi-dong`);
      await chair.page.getByRole('link', { name: first.title }).click();
      await chair.page.getByRole('button', { name: 'Đề xuất lên cấp trên' }).click();
      await confirmDialog(chair.page, { 'Số văn bản đề xuất': '15/QĐ-HĐTĐ' });
      await chair.page.getByRole('button', { name: 'Đề nghị khen thưởng' }).click();
      await confirmDialog(chair.page, { 'Hình thức khen thưởng đề nghị': 'Giải thưởng Người Hà Nam đoàn kết sáng tạo' });
      await chair.context.close();

      // --- 7. The board verifies the achievements.
      const board = await signInAs(h, PEOPLE.board);
      const proposal = (page: Page) =>
        page.locator('.ant-card', { has: page.getByTestId('proposal-title').filter({ hasText: first.title }) });
      await eventually(
        async () => {
          await proposal(board.page).waitFor({ timeout: 10_000 });
        },
        90_000,
        () => board.page.reload().then(() => undefined),
      );
      await expectNoSeriousViolations(board.page, 'board: proposals');
      await screenshot(board.page, 'khen-thuong-ban-tdkt');
      await proposal(board.page).getByRole('button', { name: 'Thẩm định thành tích' }).click();
      await confirmDialog(board.page, { 'Ý kiến thẩm định': 'Thành tích đúng, hồ sơ đầy đủ' });
      await board.context.close();

      // --- 8. The authority decides the award.
      const authority = await signInAs(h, PEOPLE.authority);
      await eventually(
        async () => {
          await proposal(authority.page).waitFor({ timeout: 10_000 });
        },
        60_000,
        () => authority.page.reload().then(() => undefined),
      );
      await screenshot(authority.page, 'khen-thuong-tham-quyen');
      await proposal(authority.page).getByRole('button', { name: 'Quyết định khen thưởng' }).click();
      await confirmDialog(authority.page, { 'Số quyết định': '2468/QĐ-UBND', 'Người ký': 'Chủ tịch UBND tỉnh Hà Nam' });
      await authority.page.getByRole('tab', { name: 'Đã quyết định' }).click();
      await eventually(
        () => proposal(authority.page).getByText('2468/QĐ-UBND').waitFor({ timeout: 10_000 }),
        60_000,
        async () => {
          await authority.page.reload();
          await authority.page.getByRole('tab', { name: 'Đã quyết định' }).click();
        },
      );
      // The certificates as PDF: issued (SHA-256 recorded), downloaded, verified by their QR code's public page.
      await proposal(authority.page).getByRole('button', { name: 'Phát hành giấy chứng nhận' }).click();
      const certificate = proposal(authority.page).getByTestId('certificate-download').first();
      await certificate.waitFor();
      const [download] = await Promise.all([authority.page.waitForEvent('download'), certificate.click()]);
      expect(download.suggestedFilename()).toMatch(/^giay-chung-nhan-.+\.pdf$/);
      const verifyPath = await proposal(authority.page).getByRole('link', { name: 'Trang xác minh công khai' }).getAttribute('href');
      expect(verifyPath).toMatch(/^\/xac-minh\/[0-9a-f-]{36}$/);
      await authority.context.close();

      // --- 9. The auditor finds the dossier without diacritics and sees every step on its timeline.
      const auditor = await signInAs(h, PEOPLE.auditor);
      await auditor.page.getByRole('searchbox', { name: 'Tìm hồ sơ, đề nghị, khen thưởng' }).fill(first.search);
      await auditor.page.getByRole('button', { name: 'Tìm' }).click();
      await auditor.page.getByRole('link', { name: first.title }).click();
      const steps = [
        'submissions.DossierDrafted',
        'submissions.DossierSubmitted',
        'submissions.DossierReceived',
        'councils.EvaluationCaseOpened',
        'councils.ScoreSubmitted',
        'councils.CaseFinalised',
        'councils.DossierRecommendedUpward',
        'councils.HonourProposed',
        'recognition.AchievementsVerified',
        'recognition.AwardDecided',
      ];
      await eventually(
        async () => {
          for (const type of steps)
            await auditor.page.locator(`[data-testid=audit-entry][data-type="${type}"]`).first().waitFor({ timeout: 5000 });
        },
        90_000,
        () => auditor.page.reload().then(() => undefined),
      );
      await auditor.page.getByText('Phạm Thị Liên').first().waitFor();
      await expectNoSeriousViolations(auditor.page, 'auditor: timeline');
      await screenshot(auditor.page, 'kiem-tra-lich-su');
      await auditor.context.close();

      // --- 10. The public showcase, without signing in, lists the awarded work.
      const visitor = await h.browser.newContext({ locale: 'vi-VN' });
      const pub = await visitor.newPage();
      await pub.goto(`${h.url}/cong-khai`);
      await eventually(
        () => pub.getByTestId('awarded-title').filter({ hasText: first.title }).waitFor({ timeout: 10_000 }),
        60_000,
        () => pub.reload().then(() => undefined),
      );
      await expectNoSeriousViolations(pub, 'public showcase');
      await screenshot(pub, 'cong-khai');
      await pub.goto(`${h.url}${verifyPath}`);
      await pub.getByTestId('verification-status').filter({ hasText: 'Văn bản thật, đang có hiệu lực' }).waitFor();
      await expectNoSeriousViolations(pub, 'public verification');
      await screenshot(pub, 'xac-minh');
      await visitor.close();
      expect(ids).toHaveLength(2);
    }));
});
