import request from 'supertest';
import { Actor, COUNCILS_EVENTS, HonourProposedData, NewEvent, UnitKind, UnitRegisteredData } from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import { startTestPlatform, TestPlatform } from '@cem/testing';
import { chair, councilAfter } from '../../councils/src/councils/council.fixtures';
import { COUNCILS_SERVICE } from '../../councils/src/councils.service';
import { evaluationCaseDecider, evaluationCaseStreamId } from '../../councils/src/evaluation/evaluation-case.decider';
import { CASE_ID, caseOpened } from '../../councils/src/evaluation/evaluation-case.fixtures';
import { caseFinalised, RANKING } from '../../councils/src/grading/grading.fixtures';
import { RECOGNITION_SERVICE } from '../../recognition/src/recognition.service';
import { SUBMISSIONS_SERVICE } from '../../submissions/src/submissions.service';
import { asParent, unitDecider, unitStreamId } from '../../submissions/src/units/unit.decider';
import { type ExportedChainRow, verifyExportedChain } from '../src/audit/exported-chain.verifier';
import { REPORTING_SERVICE } from '../src/reporting.service';

const HA_NAM = ['vn', 'vn-ha-nam'];
const at = (role: Actor['role'], unitPath = HA_NAM, level: Actor['level'] = 'province'): Actor => ({
  id: `u-${role}-${unitPath.at(-1)}`,
  name: `${role} ${unitPath.at(-1)}`,
  role,
  unitId: unitPath.at(-1)!,
  level,
  unitPath,
});
const board = at('emulation-board');
const authority = at('authority');
const auditor = at('auditor');
const standingBody = at('standing-body');
const duyTien = at('unit-officer', [...HA_NAM, 'vn-ha-nam-duy-tien'], 'district');
const soKhcn = at('agency-officer', [...HA_NAM, 'vn-ha-nam-so-khcn']);

const DOSSIER = 'hs-001';
const PROPOSAL = `honour-${CASE_ID}`;
const SECOND_PROPOSAL = 'honour-hs-001-lan-2';
const AWARD = {
  awardCode: 'nguoi-ha-nam-dkst',
  name: 'Giải thưởng Người Hà Nam đoàn kết sáng tạo',
  level: 'province',
  grantingUnitId: 'vn-ha-nam',
  recipientKinds: ['individual', 'collective'],
};
const DECISION = {
  decisionNumber: '1234/QĐ-UBND',
  decisionDate: '2019-11-20',
  signer: 'Phó Chủ tịch UBND tỉnh',
  awardCode: AWARD.awardCode,
};

const councilMeta = (occurredAt: string): NewEvent['metadata'] => ({
  actor: chair,
  occurredAt,
  correlationId: `e2e-${DOSSIER}`,
  source: 'councils',
});

describe('recognition and reporting on the real servers', () => {
  let platform: TestPlatform;
  const tokens = new Map<string, string>();
  /** Between the board's verification and the authority's decision: the audit replays the dossier as of then. */
  let beforeDecision = '';
  const call = async (context: string, actor: Actor) => {
    const token = tokens.get(actor.id) ?? (await platform.token(actor));
    tokens.set(actor.id, token);
    const agent = request(platform.url(context));
    const auth = <T extends request.Test>(t: T) => t.set('Authorization', `Bearer ${token}`);
    return {
      get: (path: string) => auth(agent.get(path)),
      post: (path: string, body: object = {}) => auth(agent.post(path)).send(body),
    };
  };

  /** The council's side, through the councils decider, straight into the councils service's own store. */
  async function councilProposesHonour(): Promise<HonourProposedData> {
    const store = platform.service('councils').infra.store;
    const stream = evaluationCaseStreamId(CASE_ID);
    await store.append(stream, [
      { ...caseOpened, metadata: councilMeta('2019-04-10T09:00:00Z') },
      { ...caseFinalised(), metadata: councilMeta('2019-05-20T09:00:00Z') },
    ]);
    const proposal = {
      type: 'ProposeHonour' as const,
      actor: chair,
      caseId: CASE_ID,
      council: councilAfter(),
      ranking: RANKING,
      proposedAward: AWARD.name,
    };
    const result = await handleCommand(store, evaluationCaseDecider, stream, proposal, {
      ...councilMeta('2019-06-01T09:00:00Z'),
      source: 'councils',
    });
    return result.events[0].data as HonourProposedData;
  }

  /** The unit tree, registered through the submissions unit decider into the submissions service's store. */
  async function registerUnits(): Promise<void> {
    const store = platform.service('submissions').infra.store;
    const admin = at('admin', ['vn'], 'central');
    const tree: [string, string, UnitKind, Actor['level'], string?][] = [
      ['vn', 'Trung ương', 'people-committee', 'central'],
      ['vn-ha-nam', 'UBND tỉnh Hà Nam', 'people-committee', 'province', 'vn'],
      ['vn-ha-nam-duy-tien', 'UBND huyện Duy Tiên', 'people-committee', 'district', 'vn-ha-nam'],
      ['vn-ha-nam-phu-ly', 'UBND thành phố Phủ Lý', 'people-committee', 'district', 'vn-ha-nam'],
      ['vn-ha-nam-so-khcn', 'Sở Khoa học và Công nghệ', 'department', 'province', 'vn-ha-nam'],
      ['vn-ha-nam-so-noi-vu', 'Sở Nội vụ', 'department', 'province', 'vn-ha-nam'],
    ];
    const registered = new Map<string, UnitRegisteredData>();
    for (const [unitId, name, kind, level, parentId] of tree) {
      const parent = parentId ? asParent(registered.get(parentId)!) : undefined;
      const command = { type: 'RegisterUnit' as const, actor: admin, unitId, name, kind, level, ...(parent ? { parent } : {}) };
      const result = await handleCommand(store, unitDecider, unitStreamId(unitId), command, { actor: admin, source: 'submissions' });
      registered.set(unitId, result.events[0].data);
    }
  }

  beforeAll(async () => {
    platform = await startTestPlatform([SUBMISSIONS_SERVICE, COUNCILS_SERVICE, RECOGNITION_SERVICE, REPORTING_SERVICE]);
  }, 60000);
  afterAll(() => platform?.stop(), 60000);

  it('takes an award from the council proposal through verification to the decision, never twice', async () => {
    const honour = await councilProposesHonour();
    // The same dossier proposed a second time under another id (e.g. re-proposed after a council renewal).
    await platform.service('councils').infra.store.append('e2e-second-proposal', [
      {
        type: COUNCILS_EVENTS.HonourProposed,
        data: { ...honour, proposalId: SECOND_PROPOSAL },
        metadata: councilMeta('2019-06-02T09:00:00Z'),
      },
    ]);

    const asBoard = await call('recognition', board);
    const asAuthority = await call('recognition', authority);
    expect((await asBoard.post('/awards', AWARD)).status).toBe(201);
    expect(((await asBoard.get('/awards')).body as { awardCode: string }[]).map((a) => a.awardCode)).toContain(AWARD.awardCode);

    await platform.eventually(async () => {
      const received = await asBoard.get('/proposals?status=received');
      expect((received.body as { proposalId: string }[]).map((p) => p.proposalId).sort()).toEqual([PROPOSAL, SECOND_PROPOSAL].sort());
    });

    const unverified = await asAuthority.post(`/proposals/${encodeURIComponent(PROPOSAL)}/decide`, DECISION);
    expect(unverified.status).toBe(422);
    expect(unverified.body.code ?? unverified.text).toMatch(/not-verified/);

    expect((await asBoard.post(`/proposals/${encodeURIComponent(PROPOSAL)}/verify`, { note: 'Thành tích đúng' })).body.status).toBe(
      'verified',
    );
    beforeDecision = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));

    const decided = await asAuthority.post(`/proposals/${encodeURIComponent(PROPOSAL)}/decide`, DECISION);
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('decided');
    expect((await asAuthority.post(`/proposals/${encodeURIComponent(PROPOSAL)}/decide`, DECISION)).status).toBe(422);

    await asBoard.post(`/proposals/${SECOND_PROPOSAL}/verify`);
    const twice = await asAuthority.post(`/proposals/${SECOND_PROPOSAL}/decide`, { ...DECISION, decisionNumber: '1250/QĐ-UBND' });
    expect(twice.status).toBe(422);
    expect(twice.text).toMatch(/award-already-held|already holds/);

    expect((await asAuthority.post(`/proposals/${encodeURIComponent(PROPOSAL)}/issue`, { ceremonyDate: '2019-12-01' })).body.status).toBe(
      'issued',
    );
    const published = await asBoard.get('/public/awarded-works?year=2019&level=province&fieldCode=khcn');
    expect(published.body).toHaveLength(1);
    expect(published.body[0].works).toEqual([
      expect.objectContaining({
        dossierId: DOSSIER,
        awardCode: AWARD.awardCode,
        decisionNumber: '1234/QĐ-UBND',
        ceremonyDate: '2019-12-01',
      }),
    ]);
  }, 60000);

  it('collects the yearly reports, names the late and the missing ones, and rolls them up', async () => {
    await registerUnits();
    const body = await call('reporting', standingBody);
    const opened = await body.post('/periods', {
      periodId: 'ha-nam-2019',
      year: 2019,
      kind: 'yearly',
      title: 'Báo cáo kết quả phong trào năm 2019',
      // The province's departments are already late; the districts still have time.
      deadlines: [
        { level: 'province', dueBy: '2019-11-01T00:00:00+07:00' },
        { level: 'district', dueBy: '2099-11-01T00:00:00+07:00' },
      ],
    });
    expect(opened.status).toBe(201);

    const figures = (n: number) => ({
      dossiersSubmitted: n,
      initiativesApplied: 2 * n,
      modelsRegistered: 1,
      awardsGiven: 0,
      unitsCommended: 0,
    });
    const district = await (
      await call('reporting', duyTien)
    ).post('/periods/ha-nam-2019/reports', { figures: figures(3), narrative: 'Huyện Duy Tiên' });
    expect(district.status).toBe(201);
    expect(district.body.late).toBe(false);
    const department = await (
      await call('reporting', soKhcn)
    ).post('/periods/ha-nam-2019/reports', { figures: figures(5), narrative: 'Sở KH&CN' });
    expect(department.body.late).toBe(true);

    const amended = await (
      await call('reporting', duyTien)
    ).post(`/reports/${encodeURIComponent(district.body.reportId as string)}/amend`, {
      figures: figures(4),
      narrative: 'Huyện Duy Tiên (sửa)',
      reason: 'Bổ sung 1 hồ sơ',
    });
    expect(amended.status).toBe(200);
    expect(amended.body.figures.dossiersSubmitted).toBe(4);

    const expected = 'vn-ha-nam-duy-tien:district,vn-ha-nam-phu-ly:district,vn-ha-nam-so-khcn:province,vn-ha-nam-so-noi-vu:province';
    const status = await body.get(`/periods/ha-nam-2019/status?expected=${expected}`);
    expect(status.status).toBe(200);
    expect((status.body.late as { unitId: string }[]).map((u) => u.unitId)).toEqual(['vn-ha-nam-so-khcn']);
    expect((status.body.missing as { unitId: string }[]).map((u) => u.unitId)).toEqual(['vn-ha-nam-so-noi-vu']);
    expect((status.body.pending as { unitId: string }[]).map((u) => u.unitId)).toEqual(['vn-ha-nam-phu-ly']);

    // Without a list, the expected units are the children in the unit registry archived from submissions.
    await platform.eventually(async () => {
      const fromRegistry = await body.get('/periods/ha-nam-2019/status');
      expect({
        late: fromRegistry.body.late.length,
        missing: fromRegistry.body.missing,
        pending: fromRegistry.body.pending.length,
      }).toEqual({
        late: 1,
        missing: [expect.objectContaining({ unitId: 'vn-ha-nam-so-noi-vu' })],
        pending: 1,
      });
    });

    const rolledUp = await body.post('/periods/ha-nam-2019/aggregate');
    expect(rolledUp.status).toBe(200);
    expect(rolledUp.body.totals.dossiersSubmitted).toBe(9);
    expect((rolledUp.body.missingChildUnitIds as string[]).sort()).toEqual(['vn-ha-nam-phu-ly', 'vn-ha-nam-so-noi-vu']);
    const upward = await body.post('/periods/ha-nam-2019/reports', { narrative: 'Tổng hợp toàn tỉnh' });
    expect(upward.status).toBe(201);
    expect(upward.body).toEqual(expect.objectContaining({ aggregated: true, figures: expect.objectContaining({ dossiersSubmitted: 9 }) }));
  }, 60000);

  it('counts the award in the statistics and exports them in Vietnamese', async () => {
    const analyst = await call('reporting', at('analyst'));
    const row = await platform.eventually(async () => {
      const res = await analyst.get('/statistics?year=2019&level=province&fieldCode=khcn');
      expect(res.body).toEqual([expect.objectContaining({ unitId: 'vn-ha-nam', awards: 1, accepted: 1 })]);
      return res.body[0] as { byGrade: Record<string, number> };
    });
    expect(row.byGrade.tot).toBe(1);

    const csv = await analyst.get('/statistics/export.csv?year=2019');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain('filename="thong-ke.csv"');
    expect(csv.text.split('\n')[0]).toContain('Năm,Cấp,Đơn vị,Lĩnh vực');
    expect(csv.text).toContain('Tỉnh/Thành phố');
    expect(csv.text).toContain('UBND tỉnh Hà Nam');

    const xlsx = await analyst.get('/statistics/export.xlsx?year=2019').responseType('blob');
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toContain('filename="thong-ke.xlsx"');
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  }, 60000);

  it('lets the auditor replay the whole chain across services from the archive', async () => {
    const audit = await call('reporting', auditor);
    expect((await (await call('reporting', standingBody)).get(`/audit/dossiers/${DOSSIER}/history`)).status).toBe(403);

    const history = await platform.eventually(async () => {
      const res = await audit.get(`/audit/proposals/${encodeURIComponent(PROPOSAL)}/history`);
      expect((res.body.history as { type: string }[]).at(-1)?.type).toBe('recognition.AwardIssued');
      return res.body.history as { type: string; context: string; role: string; why?: string }[];
    });
    expect(history.map((h) => h.type)).toEqual([
      'councils.HonourProposed',
      'recognition.ProposalReceived',
      'recognition.AchievementsVerified',
      'recognition.AwardDecided',
      'recognition.AwardIssued',
    ]);
    expect(history.map((h) => h.role)).toEqual(['council-chair', 'system', 'emulation-board', 'authority', 'authority']);
    // The reaction carries its cause: recognition received the proposal because the council proposed the honour.
    const [proposedRow, receivedRow] = history as unknown as Array<{
      eventId: string;
      causationId?: string;
      causedBy?: { eventId: string; type: string };
    }>;
    expect(receivedRow.causationId).toBe(proposedRow.eventId);
    expect(receivedRow.causedBy).toEqual(expect.objectContaining({ eventId: proposedRow.eventId, type: 'councils.HonourProposed' }));

    // The auditor finds the proposal and the award decision without diacritics, by title, decision number or id.
    const found = await platform.eventually(async () => {
      const res = await audit.get(`/audit/search?q=${encodeURIComponent('say nong san tiet kiem')}`);
      expect(res.status).toBe(200);
      const rows = res.body as Array<{ kind: string; subjectId: string; kindLabel: string; detail?: string }>;
      expect(rows.map((r) => r.kind).sort()).toEqual(['award', 'proposal', 'proposal']);
      return rows;
    });
    expect(found.find((r) => r.kind === 'award')).toEqual(
      expect.objectContaining({
        subjectId: PROPOSAL,
        kindLabel: 'Quyết định khen thưởng',
        detail: expect.stringContaining('1234/QĐ-UBND'),
      }),
    );
    const byNumber = await audit.get(`/audit/search?q=${encodeURIComponent('1234/qd-ubnd')}&kind=award`);
    expect((byNumber.body as Array<{ subjectId: string }>).map((r) => r.subjectId)).toEqual([PROPOSAL]);
    expect((await audit.get(`/audit/search?q=${encodeURIComponent('khong co ho so nao nhu vay')}`)).body).toEqual([]);
    expect((await audit.get('/audit/search?kind=unknown')).status).toBe(400);
    expect((await (await call('reporting', standingBody)).get('/audit/search?q=x')).status).toBe(403);

    const dossier = await audit.get(`/audit/dossiers/${DOSSIER}/history`);
    const types = (dossier.body.history as { type: string }[]).map((h) => h.type);
    expect(types.slice(0, 3)).toEqual(['councils.EvaluationCaseOpened', 'councils.CaseFinalised', 'councils.HonourProposed']);
    expect(types).toContain('recognition.AwardDecided');
    // The lines the auditor reads are Vietnamese: no English level, status or grade word (codes stay in `type`, `role`, `level`).
    const lines = (dossier.body as { history: { what: string; why?: string }[] }).history.flatMap((h) => [h.what, h.why ?? '']);
    expect(lines.length).toBeGreaterThan(6);
    expect(
      lines.filter((l) =>
        /\b(central|province|district|commune|draft|submitted|received|forwarded|returned|open|finalised|verified|decided|issued|revoked|excellent|good|fair|passed|failed)\b/i.test(
          l,
        ),
      ),
    ).toEqual([]);

    const before = await audit.get(`/audit/dossiers/${DOSSIER}/state?asOf=${encodeURIComponent(beforeDecision)}`);
    expect(before.body.awarded).toBe(false);
    expect((before.body.proposals as { status: string }[]).map((p) => p.status).sort()).toEqual(['received', 'verified']);
    expect(before.body.evaluationCases[0].status).toBeDefined();
    const now = await audit.get(`/audit/dossiers/${DOSSIER}/state`);
    expect(now.body.awarded).toBe(true);

    const exported = await audit.get(`/audit/export?dossierId=${DOSSIER}`);
    expect(exported.body.history.length).toBe(dossier.body.history.length);
    expect(exported.body.history[0]).toEqual(
      expect.objectContaining({ hash: expect.any(String), dataText: expect.any(String), metadataText: expect.any(String) }),
    );
    expect(verifyExportedChain(exported.body.chain as ExportedChainRow[])).toEqual(expect.objectContaining({ ok: true }));
    const forged = (exported.body.chain as ExportedChainRow[]).map((r, i) =>
      i === 1 ? { ...r, dataText: r.dataText.replace('8.17', '9.17') } : r,
    );
    expect(verifyExportedChain(forged).ok).toBe(false);

    expect((await audit.get('/audit/verify')).body).toEqual(expect.objectContaining({ ok: true }));
  }, 60000);
});
