import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ALL_PERSONAS } from '../../deploy/embedded/demo-personas';
import { DEMO_CAMPAIGN, DEMO_FIELD } from '../../deploy/embedded/demo-scenario';
import { eventually, Harness, onFailure, seriousViolations, signInAs, startHarness } from './harness';

/**
 * The rules the pages show, one page at a time, on one embedded platform shared by the file. The data each
 * test needs is set up through the public APIs (behind the portal's gateway, with the demo people's tokens);
 * what is checked is what the person sees in Chromium:
 * - a council member does not see the others' scores before submitting their own;
 * - the council's secretary sees the members' conflicts of interest on the composition page;
 * - the standing body sees a late report as late and a missing one as missing;
 * - a returned dossier shows the reason and can be amended and submitted again;
 * - the unit's officer is told of the returned dossier under "Thông báo", marks it read and saves their notification settings;
 * - the auditor finds a dossier without diacritics and sees what caused each step;
 * - the auditor reads a proposal like a dossier (history, state as of a date, export), the system with no unit,
 *   a unit at its own level and members by name.
 */
const run = Date.now().toString(36).slice(-5);
const YEAR = new Date().getFullYear();
const PEOPLE = {
  district: ALL_PERSONAS['district-officer-phu-ly'],
  agency: ALL_PERSONAS['province-agency-khcn'],
  secretary: ALL_PERSONAS['province-council-secretary'],
  chair: ALL_PERSONAS['council-chair'],
  khcn: ALL_PERSONAS['council-member-khcn'],
  lhh: ALL_PERSONAS['council-member-lhh'],
  phuNu: ALL_PERSONAS['council-member-phu-nu'],
  standing: ALL_PERSONAS['province-standing-body'],
  auditor: ALL_PERSONAS.auditor,
};
type Person = (typeof PEOPLE)[keyof typeof PEOPLE];

describe('portal: the rules each page shows (Chromium, embedded platform)', () => {
  jest.setTimeout(10 * 60_000);
  let h: Harness;
  const tokens = new Map<string, string>();

  /** A call to a service's public API through the portal's gateway, as a demo person. */
  async function call(who: Person, context: string, method: string, path: string, body?: unknown) {
    if (!h.platform) throw new Error('these page tests set their data up on their own embedded platform (CEM_PORTAL_URL unset)');
    if (!tokens.has(who.sub)) tokens.set(who.sub, await h.platform.platform.issuer.mint(who));
    const res = await fetch(`${h.url}/api/${context}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens.get(who.sub)}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${context}${path} answered ${res.status}: ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }

  /** Drafted and submitted by Phủ Lý to the province, and received there by Sở KH&CN. */
  async function lodge(title: string, author: string): Promise<string> {
    const dossierId = `hs-${run}-${Math.random().toString(36).slice(2, 7)}`;
    await call(PEOPLE.district, 'submissions', 'POST', '/dossiers', {
      dossierId,
      campaignId: DEMO_CAMPAIGN,
      year: YEAR,
      fieldCode: DEMO_FIELD,
      type: 'initiative',
      title,
      summary: 'Ứng dụng công nghệ số trong quản lý ở địa phương.',
      applicantKind: 'individual',
      authors: [{ name: author }],
      owners: [],
      attachments: [],
    });
    await call(PEOPLE.district, 'submissions', 'POST', `/dossiers/${dossierId}/submit`, {});
    await call(PEOPLE.agency, 'submissions', 'POST', `/dossiers/${dossierId}/receive`, {});
    return dossierId;
  }

  /** The province case opened from the receipt (a reaction in councils), then members assigned by the secretary. */
  async function assign(dossierId: string, members: Person[]): Promise<string> {
    const caseId = `${dossierId}@province`;
    await eventually(() => call(PEOPLE.secretary, 'councils', 'GET', `/cases/${encodeURIComponent(caseId)}/scores`));
    await call(PEOPLE.secretary, 'councils', 'POST', `/cases/${encodeURIComponent(caseId)}/assign`, {
      memberIds: members.map((m) => m.sub),
    });
    return caseId;
  }

  async function expectNoSeriousViolations(page: Page, where: string) {
    const violations = await seriousViolations(page);
    if (violations.length) throw new Error(`${where}: ${JSON.stringify(violations, null, 2)}`);
  }

  /** Opens the row's link once the list shows it; reloads now and then (lists follow the events). */
  async function openLink(page: Page, name: string) {
    const link = page.getByRole('link', { name, exact: true });
    await eventually(
      () => link.waitFor({ timeout: 5000 }),
      60_000,
      () => page.reload().then(() => undefined),
    );
    await link.click();
  }

  beforeAll(async () => {
    h = await startHarness();
  });

  afterAll(async () => {
    await h?.stop();
  });

  it("hides the other members' scores from a member until they have scored", () =>
    onFailure(async () => {
      const title = `Sổ tay số hóa thủ tục ${run}`;
      const caseId = await assign(await lodge(title, 'Đoàn Văn Sơn'), [PEOPLE.khcn, PEOPLE.phuNu]);
      // Lê Văn Khoa scores first: 0,4 × 9 + 0,35 × 8 + 0,25 × 7 = 8,15.
      await call(PEOPLE.khcn, 'councils', 'POST', `/cases/${encodeURIComponent(caseId)}/scores`, {
        criteriaVersion: 1,
        scores: [
          { criterionCode: 'tinh-moi', value: 9 },
          { criterionCode: 'ung-dung', value: 8 },
          { criterionCode: 'hieu-qua', value: 7 },
        ],
      });

      const { page, context } = await signInAs(h, PEOPLE.phuNu.name!);
      await openLink(page, title);
      await page.getByTestId('scores-hidden').waitFor();
      await expect(page.getByText('Điểm của các thành viên khác chỉ hiện sau khi bạn đã chấm điểm.').isVisible()).resolves.toBe(true);
      // Nothing of Khoa's sheet is on the page: neither his code nor his total.
      const before = await page.getByRole('main').innerText();
      expect(before).not.toContain(PEOPLE.khcn.sub);
      expect(before).not.toContain('8,15');
      await expectNoSeriousViolations(page, 'member: score form, others hidden');

      await page.getByLabel('Tính mới, tính sáng tạo', { exact: true }).fill('7');
      await page.getByLabel('Khả năng ứng dụng', { exact: true }).fill('7');
      await page.getByLabel('Hiệu quả kinh tế - xã hội', { exact: true }).fill('6');
      await page.getByRole('button', { name: 'Gửi phiếu chấm' }).click();

      // Once her own sheet is in, both sheets show.
      const others = page.getByRole('table', { name: 'Điểm của các thành viên' });
      await others.getByText(PEOPLE.khcn.sub).waitFor();
      await others.getByText('8,15').waitFor();
      await others.getByText('Tôi').waitFor();
      await expect(page.getByTestId('scores-hidden').count()).resolves.toBe(0);
      await expectNoSeriousViolations(page, 'member: after scoring');
      await context.close();
    }));

  it("shows the council's secretary every member's conflict of interest on the composition page", () =>
    onFailure(async () => {
      // Phạm Thị Liên sits on the council and is this dossier's author: recused at assignment.
      const title = `Giống lúa chịu mặn ${run}`;
      await assign(await lodge(title, PEOPLE.lhh.name!), [PEOPLE.lhh, PEOPLE.khcn]);

      const { page, context } = await signInAs(h, PEOPLE.secretary.name!);
      await page.getByRole('tab', { name: 'Thành phần Hội đồng' }).click();
      const register = page.getByTestId('conflict-register');
      const row = register.locator('tr', { hasText: title });
      await eventually(
        () => row.waitFor({ timeout: 5000 }),
        60_000,
        async () => {
          await page.reload();
          await page.getByRole('tab', { name: 'Thành phần Hội đồng' }).click();
        },
      );
      await row.getByRole('cell', { name: PEOPLE.lhh.name, exact: true }).waitFor();
      await row.getByText(`Là tác giả của hồ sơ: ${PEOPLE.lhh.name}`).waitFor();
      await row.getByText('Không tham gia thẩm định (do xung đột lợi ích)').waitFor();
      await expectNoSeriousViolations(page, 'secretary: composition and conflicts');
      await context.close();
    }));

  it('names a late report as late and a unit that has not reported as missing', () =>
    onFailure(async () => {
      const periodId = `bc-${run}`;
      const title = `Báo cáo kết quả phong trào ${run}`;
      const dueBy = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
      await call(PEOPLE.standing, 'reporting', 'POST', '/periods', {
        periodId,
        year: YEAR,
        kind: 'yearly',
        title,
        deadlines: [{ level: 'province', dueBy }],
      });
      // Sở KH&CN reports after the deadline; Sở Nội vụ does not report at all.
      await call(PEOPLE.agency, 'reporting', 'POST', `/periods/${periodId}/reports`, {
        figures: { dossiersSubmitted: 3, initiativesApplied: 2, modelsRegistered: 1, awardsGiven: 0, unitsCommended: 0 },
        narrative: 'Sở KH&CN báo cáo kết quả năm.',
      });

      const { page, context } = await signInAs(h, PEOPLE.standing.name!);
      await page.getByRole('tab', { name: 'Kỳ báo cáo' }).click();
      const card = page.locator('.ant-card', { hasText: title });
      await eventually(
        () => card.locator('tr', { hasText: 'Sở Khoa học và Công nghệ tỉnh Hà Nam' }).getByText('Nộp muộn').waitFor({ timeout: 5000 }),
        60_000,
        async () => {
          await page.reload();
          await page.getByRole('tab', { name: 'Kỳ báo cáo' }).click();
        },
      );
      const [d, m, y] = [dueBy.slice(8, 10), dueBy.slice(5, 7), dueBy.slice(0, 4)];
      await card.getByText(`${d}/${m}/${y}`).first().waitFor();
      await card.locator('tr', { hasText: 'Sở Nội vụ tỉnh Hà Nam' }).getByText('Chưa báo cáo').waitFor();
      await expectNoSeriousViolations(page, 'standing body: reporting period');
      await context.close();
    }));

  it('shows a returned dossier with its reason, and lets the unit amend and submit it again', () =>
    onFailure(async () => {
      const title = `Mô hình thu gom rác thải ${run}`;
      const reason = 'Thiếu bản thuyết minh hiệu quả kinh tế';
      const dossierId = await lodge(title, 'Trịnh Thị Hoa');
      await call(PEOPLE.agency, 'submissions', 'POST', `/dossiers/${dossierId}/return`, { reason });

      const { page, context } = await signInAs(h, PEOPLE.district.name!);
      await openLink(page, title);
      await page.locator('.ant-tag', { hasText: 'Trả lại để bổ sung' }).first().waitFor();
      await page.getByText(reason).first().waitFor();
      await expectNoSeriousViolations(page, 'unit: returned dossier');

      await page.getByRole('button', { name: 'Bổ sung hồ sơ' }).click();
      await page.waitForURL(/\/bo-sung$/);
      await page.getByLabel('Tóm tắt').fill('Bổ sung thuyết minh: tiết kiệm 120 triệu đồng mỗi năm cho xã.');
      await page.getByRole('button', { name: 'Lưu nội dung bổ sung' }).click();
      await page.waitForURL((url) => !url.pathname.endsWith('/bo-sung'));
      // The amendment is on the record; the dossier stays returned until the unit submits it again.
      await page.getByText('tiết kiệm 120 triệu đồng mỗi năm').first().waitFor();
      await page.getByTestId('history-entry').filter({ hasText: 'Bổ sung hồ sơ' }).first().waitFor();

      await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
      await page.locator('.ant-tag', { hasText: 'Đã nộp' }).first().waitFor();
      const detail = (await call(PEOPLE.district, 'submissions', 'GET', `/dossiers/${dossierId}`)) as { status?: string };
      expect(detail.status).toBe('submitted');
      await context.close();
    }));

  it("tells the unit in the portal that a dossier was returned, marks it read and keeps the person's notification settings", () =>
    onFailure(async () => {
      const title = `Sổ tay số hóa thủ tục ${run}`;
      const reason = 'Thiếu xác nhận của đơn vị áp dụng';
      const dossierId = await lodge(title, 'Đỗ Văn Khoa');
      await call(PEOPLE.agency, 'submissions', 'POST', `/dossiers/${dossierId}/return`, { reason });

      const { page, context } = await signInAs(h, PEOPLE.district.name!);
      await page.getByTestId('notification-bell').click();
      await page.waitForURL(/\/thong-bao$/);
      const item = page.getByTestId('notification').filter({ hasText: title });
      await eventually(
        () => item.first().waitFor({ timeout: 5000 }),
        60_000,
        () => page.reload().then(() => undefined),
      );
      await item.getByText(`Lý do: ${reason}`).waitFor();
      await expectNoSeriousViolations(page, 'notifications: list');
      await item.getByRole('button', { name: 'Đánh dấu đã xem' }).click();
      await item.getByText('Đã xem', { exact: true }).waitFor();

      await page.getByRole('link', { name: 'Thiết lập nhận thông báo' }).click();
      await page.waitForURL(/\/thong-bao\/thiet-lap$/);
      await page.getByLabel('Nhận thư tổng hợp qua thư điện tử (mỗi ngày một thư)').check();
      await page.getByLabel('Địa chỉ thư điện tử').fill(`phu-ly-${run}@hanam.gov.vn`);
      await page.getByRole('button', { name: 'Lưu thiết lập' }).click();
      await page.getByText('Đã lưu thiết lập nhận thông báo').waitFor();
      await expectNoSeriousViolations(page, 'notifications: settings');
      const saved = await call(PEOPLE.district, 'reporting', 'GET', `/people/${PEOPLE.district.sub}/notification-preferences`);
      expect(saved).toEqual(expect.objectContaining({ saved: true, email: `phu-ly-${run}@hanam.gov.vn`, channels: ['portal', 'email'] }));
      await context.close();
    }));

  it("shows a campaign edition at a glance within the person's jurisdiction, with its chart", () =>
    onFailure(async () => {
      await lodge(`Bản đồ số di tích ${run}`, 'Vũ Thị Lan');

      const { page, context } = await signInAs(h, PEOPLE.standing.name!);
      await page.getByRole('link', { name: 'Toàn cảnh phong trào' }).click();
      await page.waitForURL(/\/toan-canh$/);
      const units = page.getByRole('table', { name: 'Tiến độ theo đơn vị' });
      const province = units.locator('tr', { hasText: 'Tỉnh Hà Nam' });
      await eventually(
        () => province.waitFor({ timeout: 5000 }),
        60_000,
        () => page.reload().then(() => undefined),
      );
      // The received dossier is counted at the province; the level table and the chart say the same.
      const received = Number((await province.locator('td').nth(5).innerText()).replace(/\D/g, ''));
      expect(received).toBeGreaterThanOrEqual(1);
      await page.getByRole('table', { name: 'Tổng hợp theo cấp' }).getByRole('cell', { name: 'Cấp tỉnh', exact: true }).waitFor();
      const chart = page.getByRole('img', { name: /^Số hồ sơ theo trạng thái: Cấp tỉnh: .*Đã tiếp nhận [1-9]/ });
      await chart.locator('svg').first().waitFor();
      await expectNoSeriousViolations(page, 'standing body: toàn cảnh phong trào');
      await context.close();

      // Phủ Lý's officer sees Phủ Lý and the units below it: nothing of the province.
      const officer = await signInAs(h, PEOPLE.district.name!);
      await officer.page.getByRole('link', { name: 'Toàn cảnh phong trào' }).click();
      await officer.page.getByRole('table', { name: 'Tiến độ theo đơn vị' }).waitFor();
      await expect(
        officer.page.getByRole('table', { name: 'Tiến độ theo đơn vị' }).locator('tr', { hasText: 'Tỉnh Hà Nam' }).count(),
      ).resolves.toBe(0);
      await officer.context.close();
    }));

  it('lets the auditor find a dossier without diacritics and shows what caused each step', () =>
    onFailure(async () => {
      const title = `Ứng dụng đo mặn tự động ${run}`;
      await assign(await lodge(title, 'Đỗ Thị Ánh'), [PEOPLE.khcn]);

      const { page, context } = await signInAs(h, PEOPLE.auditor.name!);
      await page.waitForURL(/\/kiem-tra$/); // the auditor's home is the audit search
      const search = page.getByRole('searchbox', { name: 'Tìm hồ sơ, đề nghị, khen thưởng' });
      await eventually(
        async () => {
          await search.fill(`ung dung do man tu dong ${run}`);
          await page.getByRole('button', { name: 'Tìm' }).click();
          await page.getByRole('link', { name: title, exact: true }).waitFor({ timeout: 5000 });
        },
        60_000,
        () => page.reload().then(() => undefined),
      );
      await page.locator('.ant-tag', { hasText: 'Hồ sơ' }).first().waitFor();
      await expectNoSeriousViolations(page, 'auditor: search');
      await page.getByRole('link', { name: title, exact: true }).click();

      // The case opened in councils because Sở KH&CN received the dossier: the row names that cause.
      const opened = page.locator('[data-testid=audit-entry][data-type="councils.EvaluationCaseOpened"]');
      await eventually(
        () => opened.waitFor({ timeout: 5000 }),
        60_000,
        () => page.reload().then(() => undefined),
      );
      await opened.getByTestId('audit-cause').filter({ hasText: 'Tiếp nhận hồ sơ' }).waitFor();
      const received = page.locator('[data-testid=audit-entry][data-type="submissions.DossierReceived"]');
      await received.getByText(PEOPLE.agency.name!).waitFor();
      await expectNoSeriousViolations(page, 'auditor: timeline with causation');
      await context.close();
    }));

  it("gives a proposal's timeline the dossier's tabs (state as of a date, export) and names who acted for which unit", () =>
    onFailure(async () => {
      const title = `Hệ thống cảnh báo lũ sớm ${run}`;
      const dossierId = await lodge(title, 'Phan Thị Yến');
      const scorers = [PEOPLE.chair, PEOPLE.secretary, PEOPLE.khcn, PEOPLE.phuNu];
      const caseId = await assign(dossierId, scorers);
      const casePath = `/cases/${encodeURIComponent(caseId)}`;
      const sheet = {
        criteriaVersion: 1,
        scores: ['tinh-moi', 'ung-dung', 'hieu-qua'].map((criterionCode) => ({ criterionCode, value: 9 })),
      };
      for (const who of scorers) await call(who, 'councils', 'POST', `${casePath}/scores`, sheet);
      await call(PEOPLE.secretary, 'councils', 'POST', `${casePath}/finalise`, {
        meetingDate: new Date().toISOString().slice(0, 10),
        minutesRef: 'BB-07/HĐTĐ',
      });
      await call(PEOPLE.secretary, 'councils', 'POST', '/rankings/publish', {
        councilId: `hd-ha-nam-${YEAR}`,
        campaignId: DEMO_CAMPAIGN,
        year: YEAR,
        fieldCode: DEMO_FIELD,
      });
      const award = 'Giải thưởng Người Hà Nam đoàn kết sáng tạo';
      await call(PEOPLE.chair, 'councils', 'POST', `${casePath}/propose-honour`, { proposedAward: award });
      const proposalId = `honour-${caseId}`;

      const { page, context } = await signInAs(h, PEOPLE.auditor.name!);
      await page.goto(`${h.url}/kiem-tra/de-nghi/${encodeURIComponent(proposalId)}`);
      await eventually(
        () => page.locator('[data-testid=audit-entry][data-type="recognition.ProposalReceived"]').waitFor({ timeout: 5000 }),
        90_000,
        () => page.reload().then(() => undefined),
      );
      await page.getByRole('tab', { name: 'Trạng thái tại thời điểm' }).click();
      const state = page.locator('.ant-descriptions');
      await state.getByText('Chờ thẩm định thành tích', { exact: true }).waitFor();
      await state.getByText(award, { exact: true }).waitFor();
      await expectNoSeriousViolations(page, 'auditor: proposal state as of a date');
      await page.getByRole('tab', { name: 'Xuất dữ liệu' }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Xuất dữ liệu (JSON, có giá trị băm)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`lich-su-${proposalId}.json`);
      const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as { subject: unknown; history: { type: string }[] };
      expect(exported.subject).toEqual({ proposalId });
      expect(exported.history.map((r) => r.type)).toContain('recognition.ProposalReceived');

      // The dossier's timeline: the case opened by the system (no unit), Phủ Lý (a district) sending it to the
      // province, a member's score by her name.
      await page.goto(`${h.url}/kiem-tra/ho-so/${encodeURIComponent(dossierId)}`);
      const row = (type: string) => page.locator(`[data-testid=audit-entry][data-type="${type}"]`).first();
      await eventually(
        () => row('councils.ScoreSubmitted').waitFor({ timeout: 5000 }),
        60_000,
        () => page.reload().then(() => undefined),
      );
      const opened = await row('councils.EvaluationCaseOpened').innerText();
      expect(opened).toContain('Hệ thống (tự động)');
      expect(opened).not.toMatch(/system|Cấp tỉnh/);
      const submitted = await row('submissions.DossierSubmitted').innerText();
      expect(submitted).toContain('Nộp hồ sơ lên cấp tỉnh');
      expect(submitted).toContain('Cấp huyện');
      expect(submitted).not.toContain('Cấp tỉnh');
      await page
        .locator('[data-testid=audit-entry][data-type="councils.ScoreSubmitted"]')
        .filter({ hasText: `Chấm điểm (${PEOPLE.phuNu.name})` })
        .waitFor();
      expect(await page.getByRole('main').innerText()).not.toContain(`(${PEOPLE.phuNu.sub})`);
      await expectNoSeriousViolations(page, 'auditor: dossier timeline, units and names');
      await context.close();
    }));
});
