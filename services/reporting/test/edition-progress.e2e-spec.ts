import request from 'supertest';
import { Actor, AdministrativeLevel, COUNCILS_EVENTS, RecordedEvent, Role } from '@cem/contracts';
import { EventEnvelope } from '@cem/messaging';
import { verifyRebuild } from '@cem/read-models';
import { phuLyCampaignSteps, startTestPlatform, TestPlatform } from '@cem/testing';
import { COUNCILS_SERVICE } from '../../councils/src/councils.service';
import { caseIdOf } from '../../councils/src/evaluation/dossier-received';
import { HonourProposedHandler } from '../../recognition/src/proposals/honour-proposed.handler';
import { RECOGNITION_SERVICE } from '../../recognition/src/recognition.service';
import { SUBMISSIONS_SERVICE } from '../../submissions/src/submissions.service';
import { editionProgressProjection } from '../src/progress/edition-progress.projection';
import type { EditionProgress } from '../src/progress/progress.query';
import { REPORTING_SERVICE } from '../src/reporting.service';

/**
 * Toàn cảnh phong trào on the real servers: a small campaign edition of Phủ Lý driven through the platform's
 * commands (dossiers drafted, lodged, received, returned, withdrawn; a council case assigned; proposals received
 * and decided; a reporting period of the edition with one late report), then its progress as the auditor, as
 * Phủ Lý's officer and as officers outside Phủ Lý.
 */
const run = Math.random().toString(36).slice(2, 8);
const CAMPAIGN = `tc-${run}`;
const YEAR = 2026;
const COUNCIL = `hd-tc-${run}`;
const PERIOD = `bc-tc-${run}`;
const AWARD = `giai-tc-${run}`;
const HA_NAM = ['vn', 'vn-ha-nam'];
const PHU_LY_PATH = [...HA_NAM, 'vn-ha-nam-phu-ly'];
const PHU_LY = 'vn-ha-nam-phu-ly';
const LAM_HA = 'vn-ha-nam-phu-ly-lam-ha';
const DUY_TIEN = 'vn-ha-nam-duy-tien';
const [D1, D2, D3, D4] = ['d1', 'd2', 'd3', 'd4'].map((d) => `hs-tc-${d}-${run}`);
const CASE = caseIdOf(D2, 'district');
const [P1, P2] = [`honour-tc-p1-${run}`, `honour-tc-p2-${run}`];

const actor = (role: Role, path: string[], level: AdministrativeLevel): Actor => ({
  id: `${role}@${path.at(-1)}-${run}`,
  name: `${role} ${path.at(-1)}`,
  role,
  unitId: path.at(-1)!,
  level,
  unitPath: path,
});
const atPhuLy = (role: Role) => actor(role, PHU_LY_PATH, 'district');
const lamHa = actor('unit-officer', [...PHU_LY_PATH, LAM_HA], 'commune');
const duyTien = actor('unit-officer', [...HA_NAM, DUY_TIEN], 'district');
const binhChanh = actor('unit-officer', ['vn', 'vn-hcm', 'vn-hcm-binh-chanh'], 'district');
const auditor = actor('auditor', ['vn'], 'central');
const SEATS = (['chair', 'secretary', 'member'] as const).map((seat) => ({
  memberId: `council-${seat}@${PHU_LY}-${run}`,
  personName: `Thành viên ${seat}`,
  agencyUnitId: PHU_LY,
  agencyName: 'UBND thành phố Phủ Lý',
  role: seat,
  effectiveFrom: '2026-01-15',
}));

describe('toàn cảnh phong trào (edition progress) on the real servers', () => {
  let platform: TestPlatform;
  const tokens = new Map<string, string>();
  const send = async (context: string, who: Actor, method: 'GET' | 'POST', path: string, body?: object, query?: object) => {
    const token = tokens.get(who.id) ?? (await platform.token(who));
    tokens.set(who.id, token);
    const agent = request(platform.url(context));
    const req = (method === 'GET' ? agent.get(path) : agent.post(path)).set('Authorization', `Bearer ${token}`);
    if (query) void req.query(query);
    return method === 'POST' ? req.send(body ?? {}) : req;
  };
  const ok = async (
    context: string,
    who: Actor,
    method: 'GET' | 'POST',
    path: string,
    body?: object,
    status = method === 'GET' ? 200 : 201,
  ) => {
    const res = await send(context, who, method, path, body);
    if (res.status !== status) throw new Error(`${method} ${path} as ${who.id}: expected ${status}, got ${res.status} ${res.text}`);
    return res.body as unknown;
  };
  const progressPath = `/campaigns/${CAMPAIGN}/editions/${YEAR}/progress`;
  const progressOf = async (who: Actor, unitId?: string) =>
    send('reporting', who, 'GET', progressPath, undefined, unitId ? { unitId } : undefined);

  beforeAll(async () => {
    platform = await startTestPlatform([SUBMISSIONS_SERVICE, COUNCILS_SERVICE, RECOGNITION_SERVICE, REPORTING_SERVICE]);
    await ok('submissions', actor('admin', HA_NAM, 'province'), 'POST', '/units/seed', {}, 200);

    const officer = atPhuLy('unit-officer');
    for (const [route, body] of phuLyCampaignSteps(CAMPAIGN, YEAR)) await ok('submissions', officer, 'POST', route, body);
    await platform.eventually(
      () =>
        ok('councils', atPhuLy('front-chair'), 'POST', '/councils', {
          councilId: COUNCIL,
          name: 'Hội đồng thẩm định sáng tạo thành phố Phủ Lý',
          level: 'district',
          jurisdictionUnitId: PHU_LY,
          jurisdictionUnitPath: PHU_LY_PATH,
          fieldCodes: ['khcn'],
          editions: [{ campaignId: CAMPAIGN, year: YEAR }],
          decision: { number: '03/QĐ-MTTQ', date: '2026-01-15', signedBy: 'Chủ tịch Ủy ban MTTQ thành phố Phủ Lý' },
          members: SEATS,
          regulations: { quorum: 2, aggregation: 'weighted-mean', tieBreak: ['dossier-id'] },
        }),
      60_000,
    );

    // Lâm Hạ's dossiers: D1 stays a draft, D2 is received, D3 received then returned for completion, D4 withdrawn.
    const draft = (dossierId: string) => ({
      dossierId,
      campaignId: CAMPAIGN,
      year: YEAR,
      fieldCode: 'khcn',
      type: 'initiative',
      title: `Sáng kiến ${dossierId}`,
      summary: 'Tóm tắt',
      applicantKind: 'collective',
      authors: [{ name: 'Nguyễn Văn Đức' }],
      owners: [],
      attachments: [],
    });
    for (const d of [D1, D2, D3, D4]) await ok('submissions', lamHa, 'POST', '/dossiers', draft(d));
    for (const d of [D2, D3, D4]) await ok('submissions', lamHa, 'POST', `/dossiers/${d}/submit`, {}, 200);
    const agency = atPhuLy('agency-officer');
    for (const d of [D2, D3]) await ok('submissions', agency, 'POST', `/dossiers/${d}/receive`, {}, 200);
    await ok('submissions', agency, 'POST', `/dossiers/${D3}/return`, { reason: 'Thiếu bản thuyết minh' }, 200);
    await ok('submissions', lamHa, 'POST', `/dossiers/${D4}/withdraw`, { reason: 'Đơn vị rút hồ sơ' }, 200);

    // D2's case opens in councils from DossierReceived; the secretary assigns the members.
    const secretary = { ...atPhuLy('council-secretary'), id: SEATS[1].memberId };
    await platform.eventually(() => ok('councils', secretary, 'GET', `/cases/${encodeURIComponent(CASE)}/scores`), 60_000);
    await ok('councils', secretary, 'POST', `/cases/${encodeURIComponent(CASE)}/assign`, { memberIds: SEATS.map((s) => s.memberId) }, 200);

    // Two proposals for Phủ Lý (the council's HonourProposed, handed to recognition's handler as the transport would); P2 decided.
    const recognition = platform.service('recognition').infra;
    for (const proposalId of [P1, P2]) {
      const data = {
        proposalId,
        caseId: CASE,
        dossierId: D2,
        councilId: COUNCIL,
        level: 'district',
        jurisdictionUnitId: PHU_LY,
        jurisdictionUnitPath: PHU_LY_PATH,
        campaignId: CAMPAIGN,
        year: YEAR,
        fieldCode: 'khcn',
        title: `Sáng kiến ${D2}`,
        grade: 'tot',
        score: 8.5,
        rank: 1,
        recipients: [{ name: 'Nguyễn Văn Đức', kind: 'individual' }],
      };
      const metadata = {
        actor: atPhuLy('council-chair'),
        occurredAt: '2026-06-01T09:00:00Z',
        correlationId: proposalId,
        source: 'councils',
      };
      const event = { id: `tc-${proposalId}`, type: COUNCILS_EVENTS.HonourProposed, data, metadata };
      await new HonourProposedHandler(recognition).receiveProposal(
        data as never,
        new EventEnvelope(event as unknown as RecordedEvent, 'recognition'),
      );
    }
    await ok('recognition', atPhuLy('authority'), 'POST', '/awards', {
      awardCode: AWARD,
      name: 'Giải thưởng sáng tạo thành phố Phủ Lý',
      level: 'district',
      grantingUnitId: PHU_LY,
      recipientKinds: ['individual', 'collective'],
    });
    await ok('recognition', atPhuLy('emulation-board'), 'POST', `/proposals/${P2}/verify`, {}, 200);
    await ok(
      'recognition',
      atPhuLy('authority'),
      'POST',
      `/proposals/${P2}/decide`,
      { decisionNumber: '45/QĐ-UBND', decisionDate: '2026-09-01', signer: 'Chủ tịch UBND thành phố Phủ Lý', awardCode: AWARD },
      200,
    );

    // The edition's reporting period, opened by Hà Nam: the districts' deadline has passed, the communes' has not.
    await ok('reporting', actor('standing-body', HA_NAM, 'province'), 'POST', '/periods', {
      periodId: PERIOD,
      year: YEAR,
      kind: 'yearly',
      campaignId: CAMPAIGN,
      title: 'Báo cáo kết quả phong trào năm 2026',
      deadlines: [
        { level: 'district', dueBy: '2026-01-01T00:00:00+07:00' },
        { level: 'commune', dueBy: '2099-11-30T00:00:00+07:00' },
      ],
    });
    await ok('reporting', officer, 'POST', `/periods/${PERIOD}/reports`, {
      narrative: 'Kết quả phong trào năm 2026',
      figures: { dossiersSubmitted: 3, initiativesApplied: 1, modelsRegistered: 0, awardsGiven: 1, unitsCommended: 0 },
    });
  }, 240_000);

  afterAll(() => platform?.stop(), 60_000);

  const row = (p: EditionProgress, unitId: string) => p.units.find((u) => u.unitId === unitId);

  it('counts, for the auditor, every unit: dossiers by status, the council, proposals and decisions, reports due', async () => {
    const progress = await platform.eventually(async () => {
      const res = await progressOf(auditor);
      expect(res.status).toBe(200);
      const p = res.body as EditionProgress;
      // Everything has reached reporting's archive through Kafka once the decision and the assignment have.
      expect(row(p, PHU_LY)?.proposals.decided).toBe(1);
      expect(row(p, PHU_LY)?.cases.assigned).toBe(1);
      expect(row(p, PHU_LY)?.cases.total).toBe(2);
      expect(row(p, PHU_LY)?.dossiers.total).toBe(3);
      return p;
    }, 60_000);

    expect(progress).toMatchObject({ campaignId: CAMPAIGN, year: YEAR, campaignName: 'Phong trào thi đua sáng tạo thành phố Phủ Lý' });
    expect(progress.scopeUnitIds).toEqual([]);
    const phuLy = row(progress, PHU_LY)!;
    expect(phuLy).toMatchObject({ level: 'district', unitName: expect.any(String) as string, unitPath: PHU_LY_PATH });
    expect(phuLy.dossiers).toEqual({ draft: 0, submitted: 0, received: 1, returned: 1, withdrawn: 1, forwarded: 0, total: 3 });
    // D2's case assigned; D3's case opened at its receipt and still waits for assignment after the return.
    expect(phuLy.cases).toMatchObject({ open: 1, assigned: 1, scoring: 0, finalised: 0, total: 2 });
    expect(phuLy.proposals).toMatchObject({ received: 1, decided: 1, total: 2 });
    expect(phuLy.reports).toMatchObject({ late: 1, reported: 0, missing: 0, expected: 1 });

    const lamHaRow = row(progress, LAM_HA)!;
    expect(lamHaRow.level).toBe('commune');
    expect(lamHaRow.dossiers).toMatchObject({ draft: 1, total: 1 });
    expect(lamHaRow.reports).toMatchObject({ pending: 1, expected: 1 });
    expect(row(progress, DUY_TIEN)!.reports).toMatchObject({ missing: 1, expected: 1 });

    const district = progress.levels.find((l) => l.level === 'district')!;
    expect(district.dossiers.total).toBe(3);
    expect(district.reports.late).toBe(1);
    expect(district.reports.missing).toBe(district.reports.expected - 1);
    expect(progress.totals.dossiers.total).toBe(4);
    expect(progress.periods).toEqual([{ periodId: PERIOD, title: 'Báo cáo kết quả phong trào năm 2026' }]);
  }, 90_000);

  it("shows Phủ Lý's officer only Phủ Lý and the units below it", async () => {
    const res = await progressOf(atPhuLy('unit-officer'));
    expect(res.status).toBe(200);
    const p = res.body as EditionProgress;
    expect(p.scopeUnitIds).toEqual([PHU_LY]);
    expect(p.units.map((u) => u.unitId)).toEqual(expect.arrayContaining([PHU_LY, LAM_HA]));
    expect(p.units.every((u) => u.unitPath.includes(PHU_LY))).toBe(true);
    expect(row(p, DUY_TIEN)).toBeUndefined();
    expect(p.totals.dossiers.total).toBe(4);

    const lamHaOnly = (await progressOf(atPhuLy('unit-officer'), LAM_HA)).body as EditionProgress;
    expect(lamHaOnly.units.map((u) => u.unitId)).toEqual([LAM_HA]);
  });

  it('refuses an officer outside Phủ Lý with a 403 that says why; their own scope shows nothing of it', async () => {
    for (const outsider of [duyTien, binhChanh, lamHa]) {
      const refused = await progressOf(outsider, PHU_LY);
      expect(refused.status).toBe(403);
      expect((refused.body as { message: string }).message).toMatch(/chỉ xem được tiến độ của đơn vị mình và các đơn vị cấp dưới/);
    }
    const own = (await progressOf(binhChanh)).body as EditionProgress;
    expect(own.units).toEqual([]);
    expect(own.totals.dossiers.total).toBe(0);
    const duyTienOwn = (await progressOf(duyTien)).body as EditionProgress;
    expect(duyTienOwn.units.map((u) => u.unitId)).toEqual([DUY_TIEN]);
  });

  it('answers 404 for an edition that was never opened, 400 for a year that is not one', async () => {
    const missing = await send('reporting', auditor, 'GET', `/campaigns/${CAMPAIGN}/editions/2031/progress`);
    expect(missing.status).toBe(404);
    expect((missing.body as { message: string }).message).toMatch(/Không tìm thấy đợt năm 2031/);
    expect((await send('reporting', auditor, 'GET', `/campaigns/${CAMPAIGN}/editions/nam-nay/progress`)).status).toBe(400);
  });

  it('rebuilds the progress read model from the archive equal to the live one', async () => {
    const { infra } = platform.service('reporting');
    await infra.readModelsCaughtUp();
    const check = await verifyRebuild(infra.store, infra.documents, [editionProgressProjection]);
    expect(check.differences).toEqual([]);
    expect(check.equal).toBe(true);
  });
});
