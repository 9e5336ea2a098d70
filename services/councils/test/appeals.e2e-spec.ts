import { randomUUID } from 'crypto';
import { Actor, COUNCILS_EVENTS as E, CouncilMember, Role } from '@cem/contracts';
import { CommandContext, handleCommand } from '@cem/decider';
import { councilSeat, GRADE_BANDS, startTestPlatform, TestPlatform } from '@cem/testing';
import { dossierDecider, DossierCommand, dossierStreamId } from '../../submissions/src/dossiers/dossier.decider';
import { SUBMISSIONS_SERVICE } from '../../submissions/src/submissions.service';
import { REPORTING_SERVICE } from '../../reporting/src/reporting.service';
import { COUNCILS_SERVICE } from '../src/councils.service';

/**
 * Appeals (khiếu nại, kiến nghị) over HTTP on the real servers: the campaign states a 15-day window and that the
 * same council decides; an author appeals the Hà Nam council's result, the secretary assigns it, the chair
 * upholds it and reopens the scoring; members revise, the council finalises anew, the ranking and the honour
 * proposal follow the new result, the audit trail and the dossier's lineage show the appeal. A result whose
 * meeting was 60 days ago can no longer be appealed.
 */
const HA_NAM = 'vn-ha-nam';
const HA_NAM_PATH = ['vn', HA_NAM];
const PHU_LY = 'vn-ha-nam-phu-ly';
const PHU_LY_PATH = [...HA_NAM_PATH, PHU_LY];
const run = randomUUID().slice(0, 8);
const CAMPAIGN = `kn-${run}`;
const YEAR = new Date().getUTCFullYear();
const FIELD = 'khcn';
const COUNCIL_ID = `hd-kn-${run}`;
const TODAY = new Date().toISOString().slice(0, 10);
const LONG_AGO = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);

const actor = (id: string, role: Role, unitId = HA_NAM, unitPath = HA_NAM_PATH, level: Actor['level'] = 'province'): Actor => ({
  id,
  name: id,
  role,
  unitId,
  level,
  unitPath,
});
const ADMIN = actor('admin', 'admin', 'vn', ['vn'], 'central');
const AUTHORITY = actor('authority-ha-nam', 'authority');
const FRONT_CHAIR = actor('front-chair-ha-nam', 'front-chair');
const CHAIR = actor(`m-chair-${run}`, 'council-chair');
const SECRETARY = actor(`m-secretary-${run}`, 'council-secretary');
const MEMBER = actor(`m-khcn-${run}`, 'council-member');
const AUTHOR = actor(`p-an-${run}`, 'submitter', PHU_LY, PHU_LY_PATH, 'district');
const OFFICER = actor(`officer-phu-ly-${run}`, 'unit-officer', PHU_LY, PHU_LY_PATH, 'district');
const STRANGER = actor(`p-other-${run}`, 'submitter', 'vn-ha-nam-duy-tien', [...HA_NAM_PATH, 'vn-ha-nam-duy-tien'], 'district');
const AUDITOR = actor('auditor-ha-nam', 'auditor');

const seat = (memberId: string, agencyUnitId: string, agencyName: string, role: CouncilMember['role']) =>
  councilSeat(`${YEAR}-01-15`, memberId, memberId, agencyUnitId, agencyName, role);
const MEMBERS = [
  seat(CHAIR.id, 'vn-ha-nam-mttq', 'Ủy ban MTTQ Việt Nam tỉnh Hà Nam', 'chair'),
  seat(SECRETARY.id, 'vn-ha-nam-so-noi-vu-ban-tdkt', 'Ban Thi đua - Khen thưởng tỉnh', 'secretary'),
  seat(MEMBER.id, 'vn-ha-nam-so-khcn', 'Sở Khoa học và Công nghệ', 'member'),
];
const SCORERS = [CHAIR, SECRETARY, MEMBER];
const CRITERIA = [
  { code: 'tinh-moi', name: 'Tính mới, tính sáng tạo', weight: 0.5, scaleMin: 0, scaleMax: 10 },
  { code: 'hieu-qua', name: 'Hiệu quả kinh tế - xã hội', weight: 0.5, scaleMin: 0, scaleMax: 10 },
];
const sheet = (value: number) => ({ criteriaVersion: 1, scores: CRITERIA.map((c) => ({ criterionCode: c.code, value })) });

const D1 = `hs-kn-${run}-1`;
const D2 = `hs-kn-${run}-2`;
const caseOf = (dossierId: string) => `${dossierId}@province`;
const path = (dossierId: string, tail = '') => `/cases/${encodeURIComponent(caseOf(dossierId))}${tail}`;

/** Draft (Phủ Lý) -> submit to the province -> receive (Sở KH&CN), as the submissions context decides it. */
async function receiveDossier(platform: TestPlatform, dossierId: string, title: string): Promise<void> {
  const store = platform.service('submissions').infra.store;
  const agency = actor('officer-so-khcn', 'agency-officer', 'vn-ha-nam-so-khcn', [...HA_NAM_PATH, 'vn-ha-nam-so-khcn']);
  const commands: DossierCommand[] = [
    {
      type: 'DraftDossier',
      actor: OFFICER,
      now: new Date().toISOString(),
      campaign: { fieldCodes: [FIELD], editionYears: [YEAR] },
      dossier: {
        dossierId,
        campaignId: CAMPAIGN,
        year: YEAR,
        fieldCode: FIELD,
        type: 'solution',
        title,
        summary: '',
        applicantKind: 'individual',
        authors: [{ name: 'Nguyễn Văn An', personId: AUTHOR.id }],
        owners: [],
        attachments: [],
      },
    },
    {
      type: 'SubmitDossier',
      actor: OFFICER,
      now: new Date().toISOString(),
      jurisdiction: { unitId: HA_NAM, level: 'province', unitPath: HA_NAM_PATH },
      deadline: `${YEAR}-12-31`,
    },
    { type: 'ReceiveDossier', actor: agency, now: new Date().toISOString(), level: 'province', assignedAgencyUnitId: 'vn-ha-nam-so-khcn' },
  ];
  for (const command of commands) {
    const ctx: CommandContext = { actor: command.actor, source: 'submissions' };
    await handleCommand(store, dossierDecider, dossierStreamId(dossierId), command, ctx);
  }
}

describe('appeals against a council result (e2e, real PostgreSQL/Kafka/FerretDB)', () => {
  let platform: TestPlatform;
  const tokens = new Map<string, string>();

  async function api(who: Actor, method: string, route: string, body?: unknown, context = 'councils') {
    const key = `${who.id}|${who.role}`;
    if (!tokens.has(key)) tokens.set(key, await platform.token(who));
    const res = await fetch(`${platform.url(context)}${route}`, {
      method,
      headers: { authorization: `Bearer ${tokens.get(key)}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as unknown };
  }
  /** The body of an answer with the expected status; T names the fields the test reads (the assertions check them). */
  const expectStatus = async <T = Record<string, unknown>>(call: Promise<{ status: number; body: unknown }>, status: number) => {
    const res = await call;
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as T;
  };
  type Row = Record<string, unknown>;
  type Ranking = { entries: Row[] };
  type Events = { events: { type: string; data: Row }[] };
  const caseEvents = async (dossierId: string) =>
    platform.service('councils').infra.store.readStream(`evaluation-case-${caseOf(dossierId)}`);

  beforeAll(async () => {
    platform = await startTestPlatform([COUNCILS_SERVICE, SUBMISSIONS_SERVICE, REPORTING_SERVICE]);
  }, 120000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('receives, assigns and decides an appeal; an upheld one reopens the scoring and the new result flows on', async () => {
    // --- The campaign and its appeal rules (submissions).
    await expectStatus(api(ADMIN, 'POST', '/units/seed', undefined, 'submissions'), 200);
    await expectStatus(
      api(
        AUTHORITY,
        'POST',
        '/campaigns',
        {
          campaignId: CAMPAIGN,
          name: 'Phong trào "Người Hà Nam đoàn kết sáng tạo"',
          launchedByUnitId: HA_NAM,
          planNumber: '3870/KH-UBND',
          planDate: `${YEAR}-01-05`,
          period: { fromYear: YEAR, toYear: YEAR + 1 },
        },
        'submissions',
      ),
      201,
    );
    const rules = { windowDays: 15, handledBy: 'same-council' };
    await expectStatus(api(OFFICER, 'POST', `/campaigns/${CAMPAIGN}/appeal-rules`, rules, 'submissions'), 403);
    expect(
      await expectStatus(
        api(AUTHORITY, 'POST', `/campaigns/${CAMPAIGN}/appeal-rules`, { windowDays: 0, handledBy: 'x' }, 'submissions'),
        400,
      ),
    ).toMatchObject({ code: 'validation-failed' });
    expect(await expectStatus(api(AUTHORITY, 'POST', `/campaigns/${CAMPAIGN}/appeal-rules`, rules, 'submissions'), 201)).toMatchObject({
      events: ['submissions.AppealRulesSet'],
    });
    await platform.eventually(async () => {
      const c = await expectStatus(api(AUTHORITY, 'GET', `/campaigns/${CAMPAIGN}`, undefined, 'submissions'), 200);
      expect(c.appealRules).toEqual({ campaignId: CAMPAIGN, ...rules });
    });

    // --- The council, its criteria, two received dossiers, scored and finalised (one at a meeting 60 days ago).
    const establish = {
      councilId: COUNCIL_ID,
      name: 'Hội đồng thẩm định sáng tạo tỉnh Hà Nam',
      level: 'province',
      jurisdictionUnitId: HA_NAM,
      jurisdictionUnitPath: HA_NAM_PATH,
      fieldCodes: [FIELD],
      decision: { number: '05/QĐ-MTTQ-BTT', date: `${YEAR}-01-15`, signedBy: 'Chủ tịch Ủy ban MTTQ tỉnh Hà Nam' },
      members: MEMBERS,
      regulations: { quorum: 3, aggregation: 'weighted-mean', tieBreak: ['higher-top-criterion', 'earlier-receipt', 'dossier-id'] },
      editions: [{ campaignId: CAMPAIGN, year: YEAR }],
    };
    await platform.eventually(() => expectStatus(api(FRONT_CHAIR, 'POST', '/councils', establish), 201), 60000);
    const criteriaSetId = `tc-${run}`;
    await expectStatus(
      api(SECRETARY, 'POST', '/criteria-sets', {
        criteriaSetId,
        councilId: COUNCIL_ID,
        campaignId: CAMPAIGN,
        year: YEAR,
        fieldCode: FIELD,
        criteria: CRITERIA,
        bands: GRADE_BANDS,
      }),
      201,
    );
    await expectStatus(api(SECRETARY, 'POST', `/criteria-sets/${criteriaSetId}/publish`, { version: 1 }), 200);
    await receiveDossier(platform, D1, 'Phần mềm quản lý đê điều');
    await receiveDossier(platform, D2, 'Mô hình nuôi cá lồng');
    for (const d of [D1, D2]) {
      await platform.eventually(() => expectStatus(api(SECRETARY, 'GET', path(d, '/scores')), 200), 60000);
      await expectStatus(api(SECRETARY, 'POST', path(d, '/assign'), { memberIds: SCORERS.map((s) => s.id) }), 200);
      for (const s of SCORERS) await expectStatus(api(s, 'POST', path(d, '/scores'), sheet(7.5)), 201);
    }
    await expectStatus(api(SECRETARY, 'POST', path(D1, '/finalise'), { meetingDate: TODAY, minutesRef: 'BB-07/HĐTĐ' }), 200);
    await expectStatus(api(SECRETARY, 'POST', path(D2, '/finalise'), { meetingDate: LONG_AGO, minutesRef: 'BB-02/HĐTĐ' }), 200);
    const scope = { councilId: COUNCIL_ID, campaignId: CAMPAIGN, year: YEAR, fieldCode: FIELD };
    const first = await expectStatus<Ranking>(api(SECRETARY, 'POST', '/rankings/publish', scope), 200);
    expect(first.entries.find((e) => e.dossierId === D1)).toMatchObject({ score: 7.5, grade: 'kha' });

    // --- Filing: only an author or the nominating unit, within the window, with grounds.
    const grounds = { grounds: 'Hội đồng chưa xem xét số liệu tiết kiệm chi phí có xác nhận của Chi cục Thủy lợi' };
    expect(await expectStatus(api(STRANGER, 'POST', path(D1, '/appeals'), grounds), 403)).toMatchObject({
      message: expect.stringContaining('tác giả'),
    });
    await expectStatus(api(SECRETARY, 'POST', path(D1, '/appeals'), grounds), 403);
    expect(await expectStatus(api(AUTHOR, 'POST', path(D2, '/appeals'), grounds), 422)).toMatchObject({
      code: 'appeal-window-closed',
      message: expect.stringContaining('Đã hết thời hạn kiến nghị'),
    });
    await expectStatus(api(AUTHOR, 'POST', path(D1, '/appeals'), { grounds: 'x', extra: 1 }), 400);
    const filed = await expectStatus(api(AUTHOR, 'POST', path(D1, '/appeals'), grounds), 201);
    expect(filed).toMatchObject({
      appealId: 'kn-1',
      events: [{ type: E.AppealFiled, data: { appellantKind: 'author', contested: { aggregateScore: 7.5, gradeLabel: 'Khá' } } }],
    });
    expect(await expectStatus(api(OFFICER, 'POST', path(D1, '/appeals'), grounds), 422)).toMatchObject({ code: 'appeal-pending' });
    // Proposals wait for the appeal.
    expect(await expectStatus(api(CHAIR, 'POST', path(D1, '/propose-honour'), {}), 422)).toMatchObject({ code: 'appeal-pending' });

    // --- Assignment by the secretary to the council the rules name (the same one).
    await expectStatus(api(CHAIR, 'POST', path(D1, '/appeals/kn-1/assign'), { councilId: COUNCIL_ID }), 403);
    await expectStatus(api(SECRETARY, 'POST', path(D1, '/appeals/kn-1/assign'), { councilId: COUNCIL_ID }), 200);

    // --- Decision by the chair, with reasons; upheld, the scoring reopens.
    expect(
      await expectStatus(
        api(CHAIR, 'POST', path(D1, '/appeals/kn-1/decide'), { outcome: 'rejected', reasons: 'Không có căn cứ', reopenScoring: true }),
        422,
      ),
    ).toMatchObject({ code: 'reopen-needs-upheld' });
    await expectStatus(
      api(SECRETARY, 'POST', path(D1, '/appeals/kn-1/decide'), { outcome: 'upheld', reasons: 'x', reopenScoring: true }),
      403,
    );
    const decided = await expectStatus<Events>(
      api(CHAIR, 'POST', path(D1, '/appeals/kn-1/decide'), {
        outcome: 'upheld',
        reasons: 'Số liệu tiết kiệm chi phí có xác nhận là minh chứng hợp lệ, Hội đồng thẩm định lại',
        reopenScoring: true,
      }),
      200,
    );
    expect(decided.events.map((e) => e.type)).toEqual([E.AppealDecided, E.CaseReopened]);
    expect(decided.events[1].data.previous).toMatchObject({ aggregateScore: 7.5, gradeLabel: 'Khá' });
    await expectStatus(
      api(CHAIR, 'POST', path(D1, '/appeals/kn-1/decide'), { outcome: 'upheld', reasons: 'lần hai', reopenScoring: false }),
      422,
    );

    // The case is open again in the members' queues; they revise with a reason and the council finalises anew.
    await platform.eventually(async () => {
      const queue = await expectStatus<Row[]>(api(MEMBER, 'GET', `/members/${MEMBER.id}/queue`), 200);
      expect(queue.find((i) => i.caseId === caseOf(D1))).toMatchObject({ caseFinalised: false });
    });
    for (const s of SCORERS) {
      await expectStatus(api(s, 'POST', path(D1, '/scores/revise'), { ...sheet(8.5), reason: 'Thẩm định lại theo kiến nghị kn-1' }), 200);
    }
    const again = await expectStatus<Events>(
      api(SECRETARY, 'POST', path(D1, '/finalise'), { meetingDate: TODAY, minutesRef: 'BB-09/HĐTĐ' }),
      200,
    );
    expect(again.events[0].data).toMatchObject({ aggregateScore: 8.5, grade: 'tot' });
    // The original scores and result stay in the case's history.
    const history = await caseEvents(D1);
    expect(history.filter((e) => e.type === E.CaseFinalised).map((e) => (e.data as { aggregateScore: number }).aggregateScore)).toEqual([
      7.5, 8.5,
    ]);
    expect(history.filter((e) => e.type === E.ScoreSubmitted)).toHaveLength(3);
    expect(history.filter((e) => e.type === E.ScoreRevised)).toHaveLength(3);

    // --- Ranking and proposal follow the new result.
    const second = await expectStatus<Ranking>(api(SECRETARY, 'POST', '/rankings/publish', scope), 200);
    expect(second.entries.find((e) => e.dossierId === D1)).toMatchObject({ rank: 1, score: 8.5, grade: 'tot' });
    const honour = await expectStatus<Events>(api(CHAIR, 'POST', path(D1, '/propose-honour'), {}), 200);
    expect(honour.events[0]).toMatchObject({ type: E.HonourProposed, data: { score: 8.5, grade: 'tot' } });

    // --- The list: the appellant and the council see it; a stranger does not.
    await platform.eventually(async () => {
      const mine = await expectStatus<Row[]>(api(AUTHOR, 'GET', '/appeals'), 200);
      expect(mine.find((a) => a.dossierId === D1)).toMatchObject({
        status: 'decided',
        statusLabel: 'Đã giải quyết',
        outcomeLabel: 'Chấp nhận kiến nghị',
        reopenScoring: true,
        toCouncilId: COUNCIL_ID,
      });
      const council = await expectStatus<Row[]>(api(SECRETARY, 'GET', `/appeals?councilId=${COUNCIL_ID}`), 200);
      expect(council.map((a) => a.dossierId)).toContain(D1);
      const other = await expectStatus<Row[]>(api(STRANGER, 'GET', '/appeals'), 200);
      expect(other.map((a) => a.dossierId)).not.toContain(D1);
    });

    // --- The audit trail (reporting) and the dossier's lineage (submissions) show the appeal.
    await platform.eventually(async () => {
      const audit = await expectStatus(api(AUDITOR, 'GET', `/audit/dossiers/${D1}/history`, undefined, 'reporting'), 200);
      const lines = JSON.stringify(audit);
      expect(lines).toContain('Tiếp nhận kiến nghị, khiếu nại về kết quả thẩm định (tác giả)');
      expect(lines).toContain('Chấp nhận kiến nghị, thẩm định lại');
      expect(lines).toContain('Mở lại việc chấm điểm để thẩm định lại (kết quả trước: Khá)');
    }, 60000);
    await platform.eventually(async () => {
      const lineage = await expectStatus<{ up: Row[] }>(api(OFFICER, 'GET', `/dossiers/${D1}/lineage`, undefined, 'submissions'), 200);
      expect(lineage.up[0]).toMatchObject({
        level: 'province',
        appeals: [
          {
            appealId: 'kn-1',
            appellantKind: 'author',
            contestedGradeLabel: 'Khá',
            outcomeLabel: 'Chấp nhận kiến nghị',
            reopenedScoring: true,
          },
        ],
      });
    }, 60000);
  }, 300000);
});
