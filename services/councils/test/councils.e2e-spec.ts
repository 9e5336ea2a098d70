import { randomUUID } from 'crypto';
import { Actor, COUNCILS_EVENTS as E, CouncilMember } from '@cem/contracts';
import { CommandContext, handleCommand } from '@cem/decider';
import { councilSeat, GRADE_BANDS, haNamActor, startTestPlatform, TestPlatform } from '@cem/testing';
import { dossierDecider, DossierCommand, dossierStreamId } from '../../submissions/src/dossiers/dossier.decider';
import { SUBMISSIONS_SERVICE } from '../../submissions/src/submissions.service';
import { COUNCILS_SERVICE } from '../src/councils.service';
import { RECOGNITION_SERVICE } from '../../recognition/src/recognition.service';
import { REPORTING_SERVICE } from '../../reporting/src/reporting.service';

/**
 * The Hà Nam provincial appraisal council through one edition: establishment, criteria, five received
 * dossiers with conflicts, a member replaced in June whose successor scores in August, finalisation,
 * ranking, recommendations upward and honour proposals — over HTTP on the real servers.
 *
 * The submissions service runs beside it. Its dossiers are drafted, submitted and received by running the
 * submissions dossier decider on the submissions store (backdated to the edition's calendar), so the
 * DossierReceived events travel the real relay and Kafka topic exactly as that context records them.
 */
const HA_NAM = 'vn-ha-nam';
const HA_NAM_PATH = ['vn', HA_NAM];
const PHU_LY_PATH = [...HA_NAM_PATH, 'vn-ha-nam-phu-ly'];
const CAMPAIGN = 'ha-nam-doan-ket-sang-tao';
const YEAR = 2026;
const FIELD = 'khcn';
const COUNCIL_ID = `hd-ha-nam-${randomUUID().slice(0, 8)}`;
const AWARD = 'Người Hà Nam đoàn kết sáng tạo';

const actor = haNamActor;
const FRONT_CHAIR = actor('front-chair-ha-nam', 'front-chair');
const CHAIR = actor('m-chair', 'council-chair');
const SECRETARY = actor('m-secretary', 'council-secretary');
const member = (id: string) => actor(id, id === 'm-expert' ? 'expert' : 'council-member');

const seat = (memberId: string, personName: string, agencyUnitId: string, agencyName: string, role?: CouncilMember['role']) =>
  councilSeat('2026-01-15', memberId, personName, agencyUnitId, agencyName, role);

/** The agencies Plan 3870/KH-UBND-UBMTTQ names for the provincial council. */
const MEMBERS: CouncilMember[] = [
  seat('m-chair', 'Trần Văn Hải', 'vn-ha-nam-mttq', 'Ủy ban MTTQ Việt Nam tỉnh Hà Nam', 'chair'),
  seat('m-secretary', 'Hoàng Thu Hà', 'vn-ha-nam-so-noi-vu-ban-tdkt', 'Ban Thi đua - Khen thưởng tỉnh', 'secretary'),
  seat('m-khcn', 'Lê Văn Khoa', 'vn-ha-nam-so-khcn', 'Sở Khoa học và Công nghệ'),
  seat('m-lhh', 'Phạm Thị Liên', 'vn-ha-nam-lhh-khkt', 'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh'),
  seat('m-vp', 'Đinh Quang Vinh', 'vn-ha-nam-van-phong-ubnd', 'Văn phòng UBND tỉnh'),
  seat('m-phu-nu', 'Bùi Thị Nga', 'vn-ha-nam-hoi-lhpn', 'Hội Liên hiệp Phụ nữ tỉnh'),
  seat('m-expert', 'Nguyễn Thị Lan', 'vn-ha-nam-dai-hoc', 'Trường Đại học Hà Nam', 'expert'),
];

const CRITERIA = [
  { code: 'tinh-moi', name: 'Tính mới, tính sáng tạo', weight: 0.4, scaleMin: 0, scaleMax: 10 },
  { code: 'ung-dung', name: 'Khả năng ứng dụng', weight: 0.35, scaleMin: 0, scaleMax: 10 },
  { code: 'hieu-qua', name: 'Hiệu quả kinh tế - xã hội', weight: 0.25, scaleMin: 0, scaleMax: 10 },
];

interface DossierSpec {
  id: string;
  title: string;
  author: string;
  nominatingUnitPath: string[];
  /** Every counted scorer gives this value on each criterion, so the weighted total equals it. */
  value: number;
  fieldCode?: string;
}

const run = randomUUID().slice(0, 8);
const DOSSIERS: DossierSpec[] = [
  { id: `hs-${run}-1`, title: 'Phần mềm quản lý đê điều', author: 'Nguyễn Văn An', nominatingUnitPath: PHU_LY_PATH, value: 9.2 },
  // Phạm Thị Liên sits on the council and is the author: recused automatically.
  {
    id: `hs-${run}-2`,
    title: 'Giống lúa chịu mặn HN-5',
    author: 'Phạm Thị Liên',
    nominatingUnitPath: [...HA_NAM_PATH, 'vn-ha-nam-duy-tien'],
    value: 8.5,
  },
  // Nominated by the Office of the People's Committee, where Đinh Quang Vinh works: recused automatically.
  {
    id: `hs-${run}-3`,
    title: 'Một cửa liên thông điện tử',
    author: 'Lại Thị Thu',
    nominatingUnitPath: [...HA_NAM_PATH, 'vn-ha-nam-van-phong-ubnd'],
    value: 7.4,
  },
  { id: `hs-${run}-4`, title: 'Mô hình nuôi cá lồng', author: 'Trịnh Văn Bảo', nominatingUnitPath: PHU_LY_PATH, value: 6 },
  {
    id: `hs-${run}-5`,
    title: 'Ý tưởng chợ nông sản số',
    author: 'Mai Văn Cường',
    nominatingUnitPath: [...PHU_LY_PATH, 'vn-ha-nam-phu-ly-lam-ha'],
    value: 4,
  },
];
const caseOf = (d: DossierSpec) => `${d.id}@province`;

const RECEIVING_AGENCY = 'vn-ha-nam-so-khcn';
const OTHER_FIELD = 'vhnt';
const UNIT_LEVELS: Record<string, Actor['level']> = {
  'vn-ha-nam-phu-ly': 'district',
  'vn-ha-nam-duy-tien': 'district',
  'vn-ha-nam-van-phong-ubnd': 'province',
  'vn-ha-nam-phu-ly-lam-ha': 'commune',
};

/** Draft (nominating unit) -> submit to the province -> receive (Sở KH&CN), as the submissions context decides it. */
async function receiveDossier(platform: TestPlatform, d: DossierSpec, i: number): Promise<void> {
  const store = platform.service('submissions').infra.store;
  const nominatingUnitId = d.nominatingUnitPath[d.nominatingUnitPath.length - 1];
  const level = UNIT_LEVELS[nominatingUnitId];
  const officer: Actor = {
    id: `officer-${nominatingUnitId}`,
    role: 'unit-officer',
    unitId: nominatingUnitId,
    level,
    unitPath: d.nominatingUnitPath,
  };
  const agency: Actor = {
    id: 'officer-so-khcn',
    role: 'agency-officer',
    unitId: RECEIVING_AGENCY,
    level: 'province',
    unitPath: [...HA_NAM_PATH, RECEIVING_AGENCY],
  };
  const day = `2026-03-0${i + 1}`;
  const commands: DossierCommand[] = [
    {
      type: 'DraftDossier',
      actor: officer,
      now: `${day}T08:00:00+07:00`,
      campaign: { fieldCodes: [FIELD, OTHER_FIELD], editionYears: [YEAR] },
      dossier: {
        dossierId: d.id,
        campaignId: CAMPAIGN,
        year: YEAR,
        fieldCode: d.fieldCode ?? FIELD,
        type: 'solution',
        title: d.title,
        summary: '',
        applicantKind: 'individual',
        authors: [{ name: d.author }],
        owners: [],
        attachments: [],
      },
    },
    {
      type: 'SubmitDossier',
      actor: officer,
      now: `${day}T09:00:00+07:00`,
      jurisdiction: { unitId: HA_NAM, level: 'province', unitPath: HA_NAM_PATH },
      deadline: '2026-10-31',
    },
    { type: 'ReceiveDossier', actor: agency, now: `${day}T10:00:00+07:00`, level: 'province', assignedAgencyUnitId: RECEIVING_AGENCY },
  ];
  for (const command of commands) {
    const ctx: CommandContext = { actor: command.actor, source: 'submissions' };
    await handleCommand(store, dossierDecider, dossierStreamId(d.id), command, ctx);
  }
}

/** A score sheet; when it was submitted is the server's time, never the client's. */
const sheet = (value: number) => ({
  criteriaVersion: 1,
  scores: CRITERIA.map((c) => ({ criterionCode: c.code, value })),
});

/** A parsed JSON response body, typed as JSON.parse types it: the expectations check its shape. */
type JsonBody = ReturnType<typeof JSON.parse>;

describe('councils service (e2e, real PostgreSQL/Kafka/FerretDB)', () => {
  let platform: TestPlatform;
  const tokens = new Map<string, string>();

  async function api(
    who: Actor,
    method: string,
    path: string,
    body?: unknown,
    context = 'councils',
  ): Promise<{ status: number; body: JsonBody }> {
    if (!tokens.has(`${who.id}|${who.role}`)) tokens.set(`${who.id}|${who.role}`, await platform.token(who));
    const res = await fetch(`${platform.url(context)}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens.get(`${who.id}|${who.role}`)}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  const expectStatus = async (call: Promise<{ status: number; body: JsonBody }>, status: number): Promise<JsonBody> => {
    const res = await call;
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };

  const caseEvents = async (d: DossierSpec) => platform.service('councils').infra.store.readStream(`evaluation-case-${caseOf(d)}`);

  beforeAll(async () => {
    platform = await startTestPlatform([COUNCILS_SERVICE, SUBMISSIONS_SERVICE, RECOGNITION_SERVICE, REPORTING_SERVICE]);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('runs an edition from establishment to honour proposals', async () => {
    // --- Establishment: only the Front chair of the province may decide it.
    const establish = {
      councilId: COUNCIL_ID,
      name: 'Hội đồng thẩm định sáng tạo tỉnh Hà Nam',
      level: 'province',
      jurisdictionUnitId: HA_NAM,
      jurisdictionUnitPath: HA_NAM_PATH,
      fieldCodes: [FIELD],
      decision: { number: '05/QĐ-MTTQ-BTT', date: '2026-01-15', signedBy: 'Chủ tịch Ủy ban MTTQ tỉnh Hà Nam' },
      members: MEMBERS,
      regulations: { quorum: 5, aggregation: 'weighted-mean', tieBreak: ['higher-top-criterion', 'earlier-receipt', 'dossier-id'] },
      editions: [{ campaignId: CAMPAIGN, year: YEAR }],
    };
    await expectStatus(api(member('m-lhh'), 'POST', '/councils', establish), 403);
    // Two members' agencies are not in the shipped units: the council waits until they are registered.
    const admin: Actor = { id: 'admin', role: 'admin', unitId: 'vn', level: 'central', unitPath: ['vn'] };
    await expectStatus(api(admin, 'POST', '/units/seed', undefined, 'submissions'), 200);
    expect(await expectStatus(api(FRONT_CHAIR, 'POST', '/councils', establish), 422)).toMatchObject({ code: 'agency-not-registered' });
    const lhpn = {
      unitId: 'vn-ha-nam-hoi-lhpn',
      name: 'Hội Liên hiệp Phụ nữ tỉnh Hà Nam',
      kind: 'socio-political-organisation',
      parentUnitId: HA_NAM,
    };
    await expectStatus(api(member('m-lhh'), 'POST', '/units', lhpn, 'submissions'), 403);
    await expectStatus(api(admin, 'POST', '/units', { ...lhpn, parentUnitId: 'vn-khong-co' }, 'submissions'), 404);
    await expectStatus(api(admin, 'POST', '/units', { ...lhpn, unitId: 'vn-hcm-hoi-lhpn' }, 'submissions'), 422);
    expect(await expectStatus(api(admin, 'POST', '/units', lhpn, 'submissions'), 201)).toMatchObject({
      level: 'province',
      unitPath: [...HA_NAM_PATH, 'vn-ha-nam-hoi-lhpn'],
    });
    await expectStatus(api(admin, 'POST', '/units', lhpn, 'submissions'), 422);
    await expectStatus(
      api(
        admin,
        'POST',
        '/units',
        { unitId: 'vn-ha-nam-dai-hoc', name: 'Trường Đại học Hà Nam', kind: 'school', parentUnitId: HA_NAM },
        'submissions',
      ),
      201,
    );
    await platform.eventually(async () => {
      const listed = await expectStatus(api(admin, 'GET', `/units?parentUnitId=${HA_NAM}`, undefined, 'submissions'), 200);
      expect((listed as { unitId: string }[]).map((u) => u.unitId)).toEqual(
        expect.arrayContaining(['vn-ha-nam-hoi-lhpn', 'vn-ha-nam-dai-hoc']),
      );
    });
    // The registrations reach councils as events; then the council is established.
    await platform.eventually(() => expectStatus(api(FRONT_CHAIR, 'POST', '/councils', establish), 201), 60000);
    await expectStatus(api(FRONT_CHAIR, 'POST', '/councils', { ...establish, unexpected: true }), 400);

    // --- Criteria for the edition and field.
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

    // --- Five dossiers received by the province's field agency (the submissions context).
    for (const [i, d] of DOSSIERS.entries()) await receiveDossier(platform, d, i);
    for (const d of DOSSIERS) {
      await platform.eventually(() => expectStatus(api(SECRETARY, 'GET', `/cases/${encodeURIComponent(caseOf(d))}/scores`), 200), 60000);
    }
    const opened = (await caseEvents(DOSSIERS[0]))[0];
    expect(opened).toMatchObject({ type: E.EvaluationCaseOpened, data: { councilId: COUNCIL_ID, level: 'province', fieldCode: FIELD } });

    // --- Assignment in April: the dossier's own conflicts recuse members at once.
    const path = (d: DossierSpec, tail = '') => `/cases/${encodeURIComponent(caseOf(d))}${tail}`;
    const originalIds = MEMBERS.map((m) => m.memberId);
    await expectStatus(api(CHAIR, 'POST', path(DOSSIERS[0], '/assign'), { memberIds: originalIds }), 403);
    const assigned = [];
    for (const d of DOSSIERS) {
      assigned.push(await expectStatus(api(SECRETARY, 'POST', path(d, '/assign'), { memberIds: originalIds }), 200));
    }
    expect(assigned[1].events).toContainEqual(
      expect.objectContaining({ type: E.ConflictDetected, data: expect.objectContaining({ memberId: 'm-lhh', kind: 'author' }) }),
    );
    expect(assigned[2].events).toContainEqual(
      expect.objectContaining({ type: E.ConflictDetected, data: expect.objectContaining({ memberId: 'm-vp', kind: 'nominating-unit' }) }),
    );
    expect((assigned[0].events as { type: string }[]).map((e) => e.type)).toEqual([E.MembersAssigned]);

    // The expert supervised the fourth dossier's author and declares it.
    await expectStatus(api(member('m-expert'), 'POST', path(DOSSIERS[3], '/conflicts'), { reason: 'Hướng dẫn khoa học cho tác giả' }), 200);

    // The council's conflict register: the secretary (and the chair, auditors) see every member's conflicts.
    const register = `/councils/${COUNCIL_ID}/conflicts`;
    const conflicts = await platform.eventually(async () => {
      const rows = await expectStatus(api(SECRETARY, 'GET', register), 200);
      expect(rows).toHaveLength(3);
      return rows as Array<Record<string, unknown>>;
    }, 60000);
    expect(conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          caseId: caseOf(DOSSIERS[1]),
          memberId: 'm-lhh',
          personName: 'Phạm Thị Liên',
          detected: [expect.objectContaining({ kind: 'author', kindLabel: 'Là tác giả của hồ sơ', matched: 'Phạm Thị Liên' })],
          recused: true,
        }),
        expect.objectContaining({
          caseId: caseOf(DOSSIERS[2]),
          memberId: 'm-vp',
          detected: [expect.objectContaining({ kind: 'nominating-unit', matched: 'vn-ha-nam-van-phong-ubnd' })],
          recused: true,
        }),
        expect.objectContaining({
          caseId: caseOf(DOSSIERS[3]),
          memberId: 'm-expert',
          personName: 'Nguyễn Thị Lan',
          detected: [],
          declared: expect.objectContaining({ reason: 'Hướng dẫn khoa học cho tác giả' }),
          recused: true,
          recusalReason: 'Hướng dẫn khoa học cho tác giả',
        }),
      ]),
    );
    await expectStatus(api(CHAIR, 'GET', register), 200);
    await expectStatus(api(actor('kiem-tra-vien', 'auditor'), 'GET', register), 200);
    // An ordinary member and anyone outside the council: not found (the register is the council officers').
    await expectStatus(api(member('m-khcn'), 'GET', register), 404);
    await expectStatus(api(actor('secretary-elsewhere', 'council-secretary'), 'GET', register), 404);

    // --- Membership change: Sở KH&CN's member leaves on 1 June, before scoring anything; the successor sits from then.
    await expectStatus(
      api(FRONT_CHAIR, 'POST', `/councils/${COUNCIL_ID}/members/m-khcn/replace`, {
        newMember: {
          memberId: 'm-khcn-2',
          personName: 'Đỗ Minh Tuấn',
          agencyUnitId: 'vn-ha-nam-so-khcn',
          agencyName: 'Sở Khoa học và Công nghệ',
          role: 'member',
        },
        effectiveFrom: '2026-06-01',
        reason: 'Thay đổi nhân sự Sở Khoa học và Công nghệ',
      }),
      200,
    );
    await platform.eventually(async () => {
      const may = await expectStatus(api(FRONT_CHAIR, 'GET', `/councils/${COUNCIL_ID}/composition?on=2026-05-01`), 200);
      const aug = await expectStatus(api(FRONT_CHAIR, 'GET', `/councils/${COUNCIL_ID}/composition?on=2026-08-15`), 200);
      const ids = (c: { members: { memberId: string }[] }) => c.members.map((m) => m.memberId).sort();
      expect(ids(may as { members: { memberId: string }[] })).toEqual([...originalIds].sort());
      expect(ids(aug as { members: { memberId: string }[] })).toEqual(originalIds.map((m) => (m === 'm-khcn' ? 'm-khcn-2' : m)).sort());
      expect((aug.tenures as { memberId: string }[]).find((t) => t.memberId === 'm-khcn')).toMatchObject({ until: '2026-06-01' });
    });
    // The departed member no longer sits on the council (on the server's date): refused by the policy, with the reason.
    const departed = await expectStatus(api(member('m-khcn'), 'POST', path(DOSSIERS[0], '/scores'), sheet(9)), 403);
    expect(departed).toMatchObject({ details: { rule: 'outside-jurisdiction' }, message: expect.stringContaining('ngồi trong Hội đồng') });
    // The successor is assigned in July.
    for (const d of DOSSIERS) {
      await expectStatus(api(SECRETARY, 'POST', path(d, '/assign'), { memberIds: ['m-khcn-2'] }), 200);
    }

    // Times that decide a rule are the server's (docs/security.md): a sheet the successor backdates to May, before
    // she joined, neither changes whether she sits on the council nor is recorded; the field is refused as input.
    const backdated = await api(member('m-khcn-2'), 'POST', path(DOSSIERS[0], '/scores'), { ...sheet(9.2), submittedAt: '2026-05-01' });
    expect({ status: backdated.status, body: JSON.stringify(backdated.body) }).toMatchObject({
      status: 400,
      body: expect.stringContaining('submittedAt'),
    });
    for (const [route, body] of [
      [path(DOSSIERS[0], '/assign'), { memberIds: ['m-khcn-2'], assignedAt: '2026-05-01' }],
      [`/criteria-sets/${criteriaSetId}/publish`, { version: 1, publishedAt: '2025-01-01' }],
      ['/rankings/publish', { councilId: COUNCIL_ID, campaignId: CAMPAIGN, year: YEAR, fieldCode: FIELD, publishedAt: '2026-01-01' }],
    ] as const) {
      expect((await api(SECRETARY, 'POST', route, body)).status).toBe(400);
    }
    expect((await caseEvents(DOSSIERS[0])).filter((e) => (e.data as { memberId?: string }).memberId === 'm-khcn-2')).toEqual([]);

    // --- Scoring. Independence: nothing is visible to a member before they score.
    const chairScore = await expectStatus(api(CHAIR, 'POST', path(DOSSIERS[0], '/scores'), sheet(9.2)), 201);
    expect(chairScore).toMatchObject({ type: E.ScoreSubmitted, total: 9.2 });
    expect((await expectStatus(api(member('m-lhh'), 'GET', path(DOSSIERS[0], '/scores')), 200)).scores).toEqual([]);
    expect((await expectStatus(api(CHAIR, 'GET', path(DOSSIERS[0], '/scores')), 200)).scores).toHaveLength(1);
    // Finalising with one score is below the quorum of five.
    const noQuorum = await expectStatus(
      api(CHAIR, 'POST', path(DOSSIERS[0], '/finalise'), { meetingDate: '2026-09-20', minutesRef: 'BB-01' }),
      422,
    );
    expect(noQuorum).toMatchObject({ code: 'quorum-not-met' });
    // A conflicted member may not score; the secretary may not score on someone else's behalf... but scores as herself.
    expect(await expectStatus(api(member('m-lhh'), 'POST', path(DOSSIERS[1], '/scores'), sheet(8)), 422)).toMatchObject({
      code: 'member-recused',
    });
    expect(await expectStatus(api(FRONT_CHAIR, 'POST', path(DOSSIERS[1], '/scores'), sheet(8)), 403)).toBeDefined();
    // A second score is a revision, never a silent overwrite.
    expect(await expectStatus(api(CHAIR, 'POST', path(DOSSIERS[0], '/scores'), sheet(9)), 422)).toMatchObject({ code: 'already-scored' });

    const scorersOf = (d: DossierSpec) =>
      ['m-chair', 'm-secretary', 'm-khcn-2', 'm-lhh', 'm-vp', 'm-phu-nu', 'm-expert'].filter(
        (m) => !(d === DOSSIERS[1] && m === 'm-lhh') && !(d === DOSSIERS[2] && m === 'm-vp') && !(d === DOSSIERS[3] && m === 'm-expert'),
      );
    const who = (id: string) => (id === 'm-chair' ? CHAIR : id === 'm-secretary' ? SECRETARY : member(id));
    // Concurrent sheets on one case: each either lands or loses the race with 409 and is resent; none is lost.
    for (const d of DOSSIERS) {
      let pending = scorersOf(d).filter((m) => !(d === DOSSIERS[0] && m === 'm-chair'));
      while (pending.length) {
        const results = await Promise.all(pending.map((m) => api(who(m), 'POST', path(d, '/scores'), sheet(d.value))));
        for (const r of results) {
          expect([201, 409]).toContain(r.status);
          if (r.status === 409) expect(r.body).toMatchObject({ code: 'concurrency-conflict' });
        }
        pending = pending.filter((_, i) => results[i].status === 409);
      }
    }
    // The chair revises one sheet, with a reason.
    const revised = await expectStatus(
      api(CHAIR, 'POST', path(DOSSIERS[2], '/scores/revise'), { ...sheet(7.6), reason: 'Bổ sung minh chứng hiệu quả' }),
      200,
    );
    expect(revised).toMatchObject({ type: E.ScoreRevised, total: 7.6 });
    expect(
      (await caseEvents(DOSSIERS[0])).filter(
        (e) => e.type === E.ScoreSubmitted && (e.data as { memberId: string }).memberId === 'm-khcn-2',
      ),
    ).toHaveLength(1);

    // --- Meeting: every case finalised under the quorum.
    for (const d of DOSSIERS) {
      await expectStatus(api(SECRETARY, 'POST', path(d, '/finalise'), { meetingDate: '2026-09-20', minutesRef: 'BB-05/HĐTĐ' }), 200);
    }
    const finalised = async (d: DossierSpec) =>
      (await caseEvents(d)).find((e) => e.type === E.CaseFinalised)!.data as Record<string, unknown>;
    expect(await finalised(DOSSIERS[0])).toMatchObject({ aggregateScore: 9.2, grade: 'xuat-sac', accepted: true, scorerCount: 7 });
    expect(await finalised(DOSSIERS[1])).toMatchObject({ aggregateScore: 8.5, grade: 'tot', scorerCount: 6, recusedMemberIds: ['m-lhh'] });
    expect(await finalised(DOSSIERS[2])).toMatchObject({ aggregateScore: 7.43, grade: 'kha', scorerCount: 6 });
    expect(await finalised(DOSSIERS[3])).toMatchObject({ aggregateScore: 6, grade: 'dat', scorerCount: 6 });
    expect(await finalised(DOSSIERS[4])).toMatchObject({ aggregateScore: 4, grade: 'khong-dat', accepted: false, scorerCount: 7 });
    // After the meeting the recused author sees the council's record.
    expect((await expectStatus(api(member('m-lhh'), 'GET', path(DOSSIERS[1], '/scores')), 200)).scores).toHaveLength(6);

    // --- Ranking of the field and edition.
    const scope = { councilId: COUNCIL_ID, campaignId: CAMPAIGN, year: YEAR, fieldCode: FIELD };
    await expectStatus(api(member('m-lhh'), 'POST', '/rankings/publish', scope), 403);
    const ranking = await expectStatus(api(SECRETARY, 'POST', '/rankings/publish', scope), 200);
    expect((ranking.entries as { dossierId: string; rank: number; grade: string }[]).map((e) => [e.rank, e.dossierId, e.grade])).toEqual([
      [1, DOSSIERS[0].id, 'xuat-sac'],
      [2, DOSSIERS[1].id, 'tot'],
      [3, DOSSIERS[2].id, 'kha'],
      [4, DOSSIERS[3].id, 'dat'],
      [5, DOSSIERS[4].id, 'khong-dat'],
    ]);
    // Each row carries the dossier and its nominating unit by name (from the unit registry councils keeps a copy of).
    expect(ranking.entries[0]).toMatchObject({
      title: DOSSIERS[0].title,
      fieldCode: FIELD,
      nominatingUnitId: 'vn-ha-nam-phu-ly',
      nominatingUnitName: 'Thành phố Phủ Lý',
      authors: [{ name: DOSSIERS[0].author }],
    });
    await platform.eventually(async () => {
      const docs = await expectStatus(
        api(member('m-lhh'), 'GET', `/rankings?campaignId=${CAMPAIGN}&year=${YEAR}&fieldCode=${FIELD}&level=province`),
        200,
      );
      expect(docs).toHaveLength(1);
      expect(docs[0]).toMatchObject({ revision: 1, entries: ranking.entries });
    });

    // --- The two best go up to the central council and are proposed for the provincial award.
    await expectStatus(api(SECRETARY, 'POST', path(DOSSIERS[0], '/recommend'), { decisionRef: '15/QĐ-HĐTĐ' }), 403);
    for (const d of DOSSIERS.slice(0, 2)) {
      const up = await expectStatus(api(CHAIR, 'POST', path(d, '/recommend'), { decisionRef: '15/QĐ-HĐTĐ' }), 200);
      expect(up.events[0]).toMatchObject({
        type: E.DossierRecommendedUpward,
        data: { dossierId: d.id, fromLevel: 'province', toLevel: 'central' },
      });
      const honour = await expectStatus(api(CHAIR, 'POST', path(d, '/propose-honour'), { proposedAward: AWARD }), 200);
      expect(honour.events[0]).toMatchObject({
        type: E.HonourProposed,
        data: { dossierId: d.id, proposedAward: AWARD, recipients: [{ name: d.author, kind: 'individual' }] },
      });
    }
    // The submissions service forwards what the council recommended (its reaction to DossierRecommendedUpward).
    for (const d of DOSSIERS.slice(0, 2)) {
      await platform.eventually(async () => {
        const stream = await platform.service('submissions').infra.store.readStream(`dossier-${d.id}`);
        expect(stream.map((e) => e.type)).toContain('submissions.DossierForwarded');
      }, 60000);
    }
    expect(await expectStatus(api(CHAIR, 'POST', path(DOSSIERS[0], '/recommend'), { decisionRef: '16/QĐ-HĐTĐ' }), 422)).toMatchObject({
      code: 'already-recommended',
    });
    expect(await expectStatus(api(CHAIR, 'POST', path(DOSSIERS[4], '/recommend'), { decisionRef: '15/QĐ-HĐTĐ' }), 422)).toMatchObject({
      code: 'not-accepted',
    });

    // --- The successor's queue: five cases scored, all finalised.
    await platform.eventually(async () => {
      const queue = await expectStatus(api(member('m-khcn-2'), 'GET', '/members/m-khcn-2/queue'), 200);
      expect(queue).toHaveLength(5);
      expect((queue as { status: string; caseFinalised: boolean }[]).every((q) => q.status === 'scored' && q.caseFinalised)).toBe(true);
    });
    // Another member does not see it (outside the scope: 404); the council's secretary sees this council's items.
    await expectStatus(api(member('m-lhh'), 'GET', '/members/m-khcn-2/queue'), 404);
    expect(await expectStatus(api(SECRETARY, 'GET', '/members/m-khcn-2/queue'), 200)).toHaveLength(5);

    // --- Across the four services: the province decides its award on the council's proposal, and the
    // auditor replays the whole chain from the reporting archive (submissions > councils > recognition).
    const best = DOSSIERS[0];
    const proposalId = `honour-${caseOf(best)}`;
    const board = actor('ban-tdkt-ha-nam', 'emulation-board');
    const authority = actor('ubnd-ha-nam', 'authority');
    const auditor: Actor = { id: 'kiem-tra', role: 'auditor', unitId: 'vn', level: 'central', unitPath: ['vn'] };
    const award = {
      awardCode: 'nguoi-ha-nam-dkst',
      name: `Giải thưởng ${AWARD}`,
      level: 'province',
      grantingUnitId: HA_NAM,
      recipientKinds: ['individual', 'collective'],
    };
    await expectStatus(api(board, 'POST', '/awards', award, 'recognition'), 201);
    await platform.eventually(async () => {
      const received = await expectStatus(api(board, 'GET', '/proposals?status=received', undefined, 'recognition'), 200);
      expect((received as { proposalId: string }[]).map((p) => p.proposalId)).toContain(proposalId);
    }, 60000);
    // The proposal renders as a table row without another call: the dossier's title, unit (by name), field and authors.
    const listedProposals = (await expectStatus(api(board, 'GET', '/proposals?status=received', undefined, 'recognition'), 200)) as {
      proposalId: string;
      proposal: object;
    }[];
    const row = listedProposals.find((p) => p.proposalId === proposalId)!;
    expect(row.proposal).toMatchObject({
      title: best.title,
      fieldCode: FIELD,
      nominatingUnitId: 'vn-ha-nam-phu-ly',
      nominatingUnitName: 'Thành phố Phủ Lý',
      authors: [{ name: best.author }],
    });
    expect(Object.keys(row).filter((k) => k.startsWith('_'))).toEqual([]);
    const decision = {
      decisionNumber: '2468/QĐ-UBND',
      decisionDate: '2026-11-20',
      signer: 'Chủ tịch UBND tỉnh Hà Nam',
      awardCode: award.awardCode,
    };
    await expectStatus(api(authority, 'POST', `/proposals/${encodeURIComponent(proposalId)}/decide`, decision, 'recognition'), 422);
    await expectStatus(
      api(board, 'POST', `/proposals/${encodeURIComponent(proposalId)}/verify`, { note: 'Thành tích đúng' }, 'recognition'),
      200,
    );
    const beforeDecision = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await expectStatus(api(authority, 'POST', `/proposals/${encodeURIComponent(proposalId)}/decide`, decision, 'recognition'), 200);

    const history = await platform.eventually(async () => {
      const res = await expectStatus(api(auditor, 'GET', `/audit/dossiers/${best.id}/history`, undefined, 'reporting'), 200);
      const types: string[] = (res.history as { type: string }[]).map((h) => h.type);
      expect(types).toContain('recognition.AwardDecided');
      expect(types).toContain('submissions.DossierForwarded');
      return res.history as Array<{ type: string; role: string }>;
    }, 60000);
    const types = history.map((h) => h.type);
    const order = [
      'submissions.DossierDrafted',
      'submissions.DossierReceived',
      'councils.EvaluationCaseOpened',
      'councils.CaseFinalised',
      'councils.HonourProposed',
      'recognition.AchievementsVerified',
      'recognition.AwardDecided',
    ];
    const positions = order.map((t) => types.indexOf(t));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions); // causal order across the services
    expect(history.map((h) => h.role)).toEqual(
      expect.arrayContaining(['unit-officer', 'agency-officer', 'council-chair', 'emulation-board', 'authority']),
    );

    const before = await expectStatus(
      api(auditor, 'GET', `/audit/dossiers/${best.id}/state?asOf=${encodeURIComponent(beforeDecision)}`, undefined, 'reporting'),
      200,
    );
    expect(before.awarded).toBe(false);
    expect((before.proposals as { status: string }[]).map((p) => p.status)).toEqual(['verified']);
    const now = await expectStatus(api(auditor, 'GET', `/audit/dossiers/${best.id}/state`, undefined, 'reporting'), 200);
    expect(now.awarded).toBe(true);
  });

  it('keeps a received dossier no council appraises waiting, with the reason, in the secretary list', async () => {
    // The province council above appraises only 'khcn'; nobody sits for 'vhnt' in Hà Nam.
    const orphan: DossierSpec = {
      id: `hs-${run}-vhnt`,
      title: 'Tác phẩm ảnh Tam Chúc',
      author: 'Vũ Thị Hoa',
      nominatingUnitPath: PHU_LY_PATH,
      value: 0,
      fieldCode: OTHER_FIELD,
    };
    await receiveDossier(platform, orphan, 8);
    const waiting = await platform.eventually(async () => {
      const list = await expectStatus(api(SECRETARY, 'GET', '/cases?status=awaiting-council'), 200);
      const found = (list as { dossierId: string; caseId: string; waiting: { reasonText: string } }[]).find(
        (c) => c.dossierId === orphan.id,
      );
      expect(found).toBeDefined();
      return found!;
    }, 60000);
    expect(waiting).toMatchObject({ fieldCode: OTHER_FIELD, title: orphan.title, waiting: { reason: 'no-council' } });
    expect(waiting.waiting.reasonText).toMatch(/lĩnh vực vhnt/);
    await expectStatus(api(SECRETARY, 'GET', `/cases/${encodeURIComponent(waiting.caseId)}/scores`), 404);
  });
});
