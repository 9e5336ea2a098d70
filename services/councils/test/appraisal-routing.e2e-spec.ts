import { randomUUID } from 'crypto';
import { Actor, CouncilMember } from '@cem/contracts';
import { CommandContext, handleCommand } from '@cem/decider';
import { councilSeat, GRADE_BANDS, haNamActor, startTestPlatform, TestPlatform } from '@cem/testing';
import { dossierDecider, DossierCommand, dossierStreamId } from '../../submissions/src/dossiers/dossier.decider';
import { SUBMISSIONS_SERVICE } from '../../submissions/src/submissions.service';
import { COUNCILS_SERVICE } from '../src/councils.service';

/**
 * Routing, arithmetic and the lists a council secretary works from, over HTTP on the real servers:
 * two councils for two editions of the same movement (and a general council set up later), received dossiers
 * routed by campaign edition, level, jurisdiction and field; one that no council takes and one that two councils
 * could take wait in the secretary's list with the reason; exact decimal scores (x.xx5 and the 8.3042 mean);
 * a multi-step tie-break; rankings that carry the dossier; no internal store field and no English level or
 * status word in what a person reads.
 */
const HA_NAM = 'vn-ha-nam';
const HA_NAM_PATH = ['vn', HA_NAM];
const PHU_LY_PATH = [...HA_NAM_PATH, 'vn-ha-nam-phu-ly'];
const run = randomUUID().slice(0, 8);
const CAMPAIGN = `dkst-${run}`;
const FIELD = 'khcn';
const RECEIVING_AGENCY = 'vn-ha-nam-so-khcn';

const actor = haNamActor;
const FRONT_CHAIR = actor('front-chair-ha-nam', 'front-chair');
const SECRETARY = actor('m-secretary', 'council-secretary');
const AUDITOR: Actor = { id: 'kiem-tra', role: 'auditor', unitId: 'vn', level: 'central', unitPath: ['vn'] };
const MEMBER_IDS = ['m-chair', 'm-secretary', 'm-khcn', 'm-lhh', 'm-vp', 'm-tdkt', 'm-expert'];
const who = (id: string) =>
  id === 'm-chair'
    ? actor(id, 'council-chair')
    : id === 'm-secretary'
      ? SECRETARY
      : actor(id, id === 'm-expert' ? 'expert' : 'council-member');

const seat = (memberId: string, agencyUnitId: string, agencyName: string, role?: CouncilMember['role']) =>
  councilSeat('2025-01-10', memberId, memberId, agencyUnitId, agencyName, role);
const MEMBERS: CouncilMember[] = [
  seat('m-chair', 'vn-ha-nam-mttq', 'Ủy ban MTTQ Việt Nam tỉnh Hà Nam', 'chair'),
  seat('m-secretary', 'vn-ha-nam-so-noi-vu-ban-tdkt', 'Ban Thi đua - Khen thưởng tỉnh', 'secretary'),
  seat('m-khcn', 'vn-ha-nam-so-khcn', 'Sở Khoa học và Công nghệ'),
  seat('m-lhh', 'vn-ha-nam-lhh-khkt', 'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh'),
  seat('m-vp', 'vn-ha-nam-van-phong-ubnd', 'Văn phòng UBND tỉnh'),
  seat('m-tdkt', 'vn-ha-nam-so-noi-vu', 'Sở Nội vụ'),
  seat('m-expert', 'vn-ha-nam-so-khcn', 'Sở Khoa học và Công nghệ', 'expert'),
];
const council = (councilId: string, editions: { campaignId: string; year: number }[], fieldCodes = [FIELD], more: object = {}) => ({
  councilId,
  name: `Hội đồng thẩm định sáng tạo tỉnh Hà Nam ${councilId}`,
  level: 'province',
  jurisdictionUnitId: HA_NAM,
  jurisdictionUnitPath: HA_NAM_PATH,
  fieldCodes,
  decision: { number: '05/QĐ-MTTQ-BTT', date: '2025-01-10', signedBy: 'Chủ tịch Ủy ban MTTQ tỉnh Hà Nam' },
  members: MEMBERS,
  regulations: { quorum: 5, aggregation: 'weighted-mean', tieBreak: ['higher-top-criterion', 'earlier-receipt', 'dossier-id'] },
  editions,
  ...more,
});
const C2025 = `hd-2025-${run}`;
const C2026 = `hd-2026-${run}`;
const GENERAL = `hd-chung-${run}`;
const STANDING = `hd-tt-${run}`;

const CRITERIA = [
  { code: 'tinh-moi', name: 'Tính mới, tính sáng tạo', weight: 0.4, scaleMin: 0, scaleMax: 10 },
  { code: 'ung-dung', name: 'Khả năng ứng dụng', weight: 0.35, scaleMin: 0, scaleMax: 10 },
  { code: 'hieu-qua', name: 'Hiệu quả kinh tế - xã hội', weight: 0.25, scaleMin: 0, scaleMax: 10 },
];

interface DossierSpec {
  id: string;
  title: string;
  author: string;
  year: number;
  fieldCode?: string;
  /** Default CAMPAIGN. */
  campaignId?: string;
  /** Each member's sheet (tinh-moi, ung-dung, hieu-qua), in MEMBER_IDS order. */
  sheets?: number[][];
}
const seven = (values: number[]) => MEMBER_IDS.map(() => values);
// Received in this order: D4 before D1, so receipt alone would put D4 first.
const D4: DossierSpec = {
  id: `hs-${run}-4`,
  title: 'Mô hình nuôi cá lồng',
  author: 'Trịnh Văn Bảo',
  year: 2026,
  sheets: seven([8, 8.5, 8.5]),
};
// Totals 8.275, 8.3 ×4, 8.325 ×2: exact mean 8.3042857… → 8.30 (rounding each total first would give 8.31).
const D1: DossierSpec = {
  id: `hs-${run}-1`,
  title: 'Phần mềm quản lý đê điều',
  author: 'Nguyễn Văn An',
  year: 2026,
  sheets: [
    [7.5, 9, 8.5],
    [8, 8.5, 8.5],
    [8, 8.5, 8.5],
    [8, 8.5, 8.5],
    [8, 8.5, 8.5],
    [8.5, 8, 8.5],
    [9, 8.5, 7],
  ],
};
const D2: DossierSpec = {
  id: `hs-${run}-2`,
  title: 'Giống lúa chịu mặn HN-5',
  author: 'Phạm Văn Lúa',
  year: 2026,
  sheets: seven([6.5, 6, 5.5]),
}; // 6.075 → 6.08
const D3: DossierSpec = {
  id: `hs-${run}-3`,
  title: 'Một cửa liên thông điện tử',
  author: 'Lại Thị Thu',
  year: 2026,
  sheets: seven([9.5, 9, 8.5]),
}; // 9.075 → 9.08
const LAST_YEAR: DossierSpec = { id: `hs-${run}-2025`, title: 'Sáng kiến năm trước', author: 'Vũ Văn Cũ', year: 2025 };
const NEXT_YEAR: DossierSpec = { id: `hs-${run}-2027`, title: 'Ý tưởng chợ nông sản số', author: 'Mai Văn Cường', year: 2027 };
const AMBIGUOUS: DossierSpec = { id: `hs-${run}-7`, title: 'Giải pháp tưới tiết kiệm', author: 'Đỗ Thị Nước', year: 2026 };

async function receiveDossier(platform: TestPlatform, d: DossierSpec, day: number): Promise<void> {
  const store = platform.service('submissions').infra.store;
  const officer: Actor = {
    id: 'officer-phu-ly',
    role: 'unit-officer',
    unitId: 'vn-ha-nam-phu-ly',
    level: 'district',
    unitPath: PHU_LY_PATH,
  };
  const agency: Actor = {
    id: 'officer-so-khcn',
    role: 'agency-officer',
    unitId: RECEIVING_AGENCY,
    level: 'province',
    unitPath: [...HA_NAM_PATH, RECEIVING_AGENCY],
  };
  const at = (h: number) => `${d.year}-03-${String(day).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00+07:00`;
  const commands: DossierCommand[] = [
    {
      type: 'DraftDossier',
      actor: officer,
      now: at(8),
      campaign: { fieldCodes: [FIELD, 'vhnt'], editionYears: [2025, 2026, 2027] },
      dossier: {
        dossierId: d.id,
        campaignId: d.campaignId ?? CAMPAIGN,
        year: d.year,
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
      now: at(9),
      jurisdiction: { unitId: HA_NAM, level: 'province', unitPath: HA_NAM_PATH },
      deadline: `${d.year}-10-31`,
    },
    { type: 'ReceiveDossier', actor: agency, now: at(10), level: 'province', assignedAgencyUnitId: RECEIVING_AGENCY },
  ];
  for (const command of commands) {
    const ctx: CommandContext = { actor: command.actor, source: 'submissions' };
    await handleCommand(store, dossierDecider, dossierStreamId(d.id), command, ctx);
  }
}

/** Every key of a response, at any depth. */
const keysOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(keysOf)
    : value && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)])
      : [];

/** The strings a person reads: labels, reason texts and messages. */
const wordsOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(wordsOf)
    : value && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => (typeof v === 'string' && /(Label|Text|^message|^summary)$/.test(k) ? [v] : wordsOf(v)))
      : [];
/** English level, status and grade words that must never reach a person (machine codes stay in machine fields). */
const ENGLISH_WORDS =
  /\b(central|province|district|commune|draft|submitted|received|returned|amended|withdrawn|forwarded|open|opened|finalised|finalized|awaiting|pending|excellent|good|fair|passed|failed|required|invalid|level)\b/i;

jest.setTimeout(600000);

/** A parsed JSON response body, typed as JSON.parse types it: the expectations check its shape. */
type JsonBody = ReturnType<typeof JSON.parse>;

describe('appraisal routing, arithmetic and lists (e2e, real PostgreSQL/Kafka/FerretDB)', () => {
  let platform: TestPlatform;
  const tokens = new Map<string, string>();
  const seen: unknown[] = [];

  async function api(as: Actor, method: string, path: string, body?: unknown): Promise<{ status: number; body: JsonBody }> {
    const key = `${as.id}|${as.role}|${as.unitId}`;
    if (!tokens.has(key)) tokens.set(key, await platform.token(as));
    const res = await fetch(`${platform.url('councils')}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens.get(key)}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : undefined;
    seen.push(parsed);
    return { status: res.status, body: parsed };
  }
  const expectStatus = async (call: Promise<{ status: number; body: JsonBody }>, status: number): Promise<JsonBody> => {
    const res = await call;
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const cases = (as: Actor, query = '') => expectStatus(api(as, 'GET', `/cases?campaignId=${CAMPAIGN}${query}`), 200);
  const caseOf = async (dossierId: string) =>
    ((await cases(SECRETARY)) as { dossierId: string; caseId: string }[]).find((c) => c.dossierId === dossierId);

  beforeAll(async () => {
    platform = await startTestPlatform([COUNCILS_SERVICE, SUBMISSIONS_SERVICE]);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('routes by edition, keeps unroutable dossiers waiting with a reason, scores exactly and ranks with the dossier', async () => {
    // The members' agencies are registered units (the shipped seed).
    const admin: Actor = { id: 'admin', role: 'admin', unitId: 'vn', level: 'central', unitPath: ['vn'] };
    const seed = await fetch(`${platform.url('submissions')}/units/seed`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await platform.token(admin)}` },
    });
    expect(seed.status).toBe(200);
    // --- Two councils for two editions of the same movement (once the units have reached councils).
    await platform.eventually(
      () =>
        expectStatus(api(FRONT_CHAIR, 'POST', '/councils', council(`hd-probe-${run}`, [{ campaignId: `probe-${run}`, year: 2020 }])), 201),
      60000,
    );
    await expectStatus(
      api(FRONT_CHAIR, 'POST', '/councils', { ...council(C2025, [{ campaignId: CAMPAIGN, year: 2025 }]), editions: [] }),
      400,
    );
    await expectStatus(api(FRONT_CHAIR, 'POST', '/councils', council(C2025, [{ campaignId: CAMPAIGN, year: 2025 }])), 201);
    await expectStatus(api(FRONT_CHAIR, 'POST', '/councils', council(C2026, [{ campaignId: CAMPAIGN, year: 2026 }])), 201);
    // A tie-break given as one string is refused: the rule is an ordered array.
    const stringRule = council(`hd-x-${run}`, [{ campaignId: CAMPAIGN, year: 2026 }]);
    stringRule.regulations = { ...stringRule.regulations, tieBreak: 'higher-top-criterion-then-dossier-id' as unknown as string[] };
    await expectStatus(api(FRONT_CHAIR, 'POST', '/councils', stringRule), 400);

    const criteriaSetId = `tc-${run}`;
    await expectStatus(
      api(SECRETARY, 'POST', '/criteria-sets', {
        criteriaSetId,
        councilId: C2026,
        campaignId: CAMPAIGN,
        year: 2026,
        fieldCode: FIELD,
        criteria: CRITERIA,
        bands: GRADE_BANDS,
      }),
      201,
    );
    await expectStatus(api(SECRETARY, 'POST', `/criteria-sets/${criteriaSetId}/publish`, { version: 1 }), 200);

    // --- Received dossiers: this year's go to this year's council, last year's to last year's; 2027 has none.
    const received = [D4, D1, D2, D3, LAST_YEAR, NEXT_YEAR];
    for (const [i, d] of received.entries()) await receiveDossier(platform, d, i + 1);
    const all = await platform
      .eventually(async () => {
        const list = await cases(SECRETARY);
        expect(list).toHaveLength(received.length);
        return list as Array<Record<string, JsonBody>>;
      }, 60000)
      .catch(async (error) => {
        const log = await platform
          .service('councils')
          .infra.store.readAll({ limit: 1000 })
          .catch((e: Error) => e.message);
        const types = Array.isArray(log) ? log.map((e) => `${e.type} ${e.streamId}`) : log;
        throw new Error(`${error}\n${JSON.stringify(types)}`);
      });
    const byDossier = (id: string) => all.find((c) => c.dossierId === id)!;
    for (const d of [D4, D1, D2, D3])
      expect(byDossier(d.id)).toMatchObject({
        councilId: C2026,
        status: 'open',
        statusLabel: 'Đang thẩm định',
        levelLabel: 'cấp tỉnh',
        title: d.title,
        authors: [{ name: d.author }],
      });
    expect(byDossier(LAST_YEAR.id)).toMatchObject({ councilId: C2025, status: 'open' });
    const waiting = byDossier(NEXT_YEAR.id);
    expect(waiting).toMatchObject({
      status: 'awaiting-council',
      statusLabel: 'Chờ xác định Hội đồng thẩm định',
      waiting: { reason: 'no-council', candidateCouncilIds: [] },
    });
    expect(waiting.councilId).toBeUndefined();
    expect(waiting.waiting.reasonText).toContain('Chưa có Hội đồng thẩm định');

    // Filters: edition, council, field and status.
    expect(((await cases(SECRETARY, '&year=2026')) as { dossierId: string }[]).map((c) => c.dossierId).sort()).toEqual(
      [D1, D2, D3, D4].map((d) => d.id).sort(),
    );
    expect(await cases(SECRETARY, `&councilId=${C2025}`)).toHaveLength(1);
    expect(await cases(SECRETARY, '&status=awaiting-council')).toHaveLength(1);
    expect(await cases(SECRETARY, '&fieldCode=vhnt')).toHaveLength(0);
    await expectStatus(api(SECRETARY, 'GET', '/cases?status=cho-xu-ly'), 400);
    // Another province's secretary sees none of it; the auditor sees all.
    const namDinh: Actor = {
      id: 'tk-nam-dinh',
      role: 'council-secretary',
      unitId: 'vn-nam-dinh',
      level: 'province',
      unitPath: ['vn', 'vn-nam-dinh'],
    };
    expect(await cases(namDinh)).toHaveLength(0);
    expect(await cases(AUDITOR)).toHaveLength(received.length);

    // --- The waiting dossier: routing it again before a council exists tells why; a standing council for 2027 takes it.
    const retry = await expectStatus(api(SECRETARY, 'POST', `/cases/${encodeURIComponent(waiting.caseId as string)}/route`, {}), 422);
    expect(retry).toMatchObject({ code: 'no-council' });
    await expectStatus(
      api(FRONT_CHAIR, 'POST', '/councils', council(STANDING, [{ campaignId: CAMPAIGN, year: 2025 }], [FIELD], { standing: true })),
      201,
    );
    await expectStatus(
      api(FRONT_CHAIR, 'POST', `/councils/${C2026}/editions`, { edition: { campaignId: CAMPAIGN, year: 2027 }, reason: 'Giao thêm đợt' }),
      422,
    );
    await expectStatus(
      api(FRONT_CHAIR, 'POST', `/councils/${STANDING}/editions`, {
        edition: { campaignId: CAMPAIGN, year: 2027 },
        reason: 'Giao thẩm định đợt 2027',
      }),
      200,
    );
    const routed = await expectStatus(api(SECRETARY, 'POST', `/cases/${encodeURIComponent(waiting.caseId as string)}/route`, {}), 200);
    expect(routed.events[0]).toMatchObject({ type: 'councils.EvaluationCaseOpened', data: { councilId: STANDING } });

    // --- A general council set up later: a new 2026 dossier now matches two councils and waits; the secretary chooses.
    await expectStatus(api(FRONT_CHAIR, 'POST', '/councils', council(GENERAL, [{ campaignId: CAMPAIGN, year: 2026 }], [])), 201);
    await receiveDossier(platform, AMBIGUOUS, 20);
    const ambiguous = await platform.eventually(async () => {
      const c = await caseOf(AMBIGUOUS.id);
      expect(c).toBeDefined();
      return c!;
    }, 60000);
    expect(ambiguous).toMatchObject({
      status: 'awaiting-council',
      waiting: { reason: 'several-councils', candidateCouncilIds: [C2026, GENERAL].sort() },
    });
    expect(await expectStatus(api(SECRETARY, 'POST', `/cases/${encodeURIComponent(ambiguous.caseId)}/route`, {}), 422)).toMatchObject({
      code: 'several-councils',
    });
    expect(
      await expectStatus(api(SECRETARY, 'POST', `/cases/${encodeURIComponent(ambiguous.caseId)}/route`, { councilId: C2025 }), 422),
    ).toMatchObject({ code: 'council-not-matching' });
    await expectStatus(
      api(actor('m-lhh', 'council-member'), 'POST', `/cases/${encodeURIComponent(ambiguous.caseId)}/route`, { councilId: C2026 }),
      403,
    );
    const chosen = await expectStatus(
      api(SECRETARY, 'POST', `/cases/${encodeURIComponent(ambiguous.caseId)}/route`, { councilId: C2026 }),
      200,
    );
    expect(chosen.events[0]).toMatchObject({ type: 'councils.EvaluationCaseOpened', data: { councilId: C2026 } });
    await platform.eventually(async () => expect(await caseOf(AMBIGUOUS.id)).toMatchObject({ status: 'open', councilId: C2026 }));

    // --- Scoring in exact decimals: seven members on four cases.
    const scored = [D4, D1, D2, D3];
    const path = (d: DossierSpec, tail = '') => `/cases/${encodeURIComponent(byDossier(d.id).caseId as string)}${tail}`;
    for (const d of scored) await expectStatus(api(SECRETARY, 'POST', path(d, '/assign'), { memberIds: MEMBER_IDS }), 200);
    const memberTotals = new Map<string, number[]>();
    for (const d of scored) {
      const totals: number[] = [];
      for (const [i, m] of MEMBER_IDS.entries()) {
        const sheet = { criteriaVersion: 1, scores: CRITERIA.map((c, k) => ({ criterionCode: c.code, value: d.sheets![i][k] })) };
        totals.push((await expectStatus(api(who(m), 'POST', path(d, '/scores'), sheet), 201)).total as number);
      }
      memberTotals.set(d.id, totals);
    }
    expect(memberTotals.get(D2.id)).toEqual(MEMBER_IDS.map(() => 6.08)); // 6.075, not 6.07
    expect(memberTotals.get(D3.id)).toEqual(MEMBER_IDS.map(() => 9.08));
    expect(memberTotals.get(D1.id)).toEqual([8.28, 8.3, 8.3, 8.3, 8.3, 8.33, 8.33]);
    for (const d of scored)
      await expectStatus(api(SECRETARY, 'POST', path(d, '/finalise'), { meetingDate: '2026-09-20', minutesRef: 'BB-05/HĐTĐ' }), 200);
    const results = await platform.eventually(async () => {
      const list = await cases(SECRETARY, `&councilId=${C2026}&status=finalised`);
      expect(list).toHaveLength(4);
      return new Map((list as { dossierId: string }[]).map((c) => [c.dossierId, c]));
    });
    expect(results.get(D1.id)).toMatchObject({ aggregateScore: 8.3, grade: 'tot', gradeLabel: 'Tốt', statusLabel: 'Đã chốt kết quả' }); // 8.3042857…, not 8.31
    expect(results.get(D2.id)).toMatchObject({ aggregateScore: 6.08, grade: 'dat' });
    expect(results.get(D3.id)).toMatchObject({ aggregateScore: 9.08, grade: 'xuat-sac' });
    expect(results.get(D4.id)).toMatchObject({ aggregateScore: 8.3 });

    // --- Ranking: D1 and D4 tie at 8.30; the first step (top criterion 8.14 vs 8.00) puts D1 first although D4 came in earlier.
    const ranking = await expectStatus(
      api(SECRETARY, 'POST', '/rankings/publish', { councilId: C2026, campaignId: CAMPAIGN, year: 2026, fieldCode: FIELD }),
      200,
    );
    expect(ranking.tieBreak).toEqual(['higher-top-criterion', 'earlier-receipt', 'dossier-id']);
    expect((ranking.entries as { dossierId: string; score: number }[]).map((e) => [e.dossierId, e.score])).toEqual([
      [D3.id, 9.08],
      [D1.id, 8.3],
      [D4.id, 8.3],
      [D2.id, 6.08],
    ]);
    const rankings = await platform.eventually(async (): Promise<JsonBody> => {
      const docs = await expectStatus(api(SECRETARY, 'GET', `/rankings?campaignId=${CAMPAIGN}&year=2026&fieldCode=${FIELD}`), 200);
      expect(docs).toHaveLength(1);
      return docs;
    });
    expect(rankings[0].entries[0]).toMatchObject({
      rank: 1,
      title: D3.title,
      fieldCode: FIELD,
      nominatingUnitId: 'vn-ha-nam-phu-ly',
      nominatingUnitName: 'Thành phố Phủ Lý',
      authors: [{ name: D3.author }],
    });

    // --- Nothing internal and nothing English in what was read.
    const composition = await expectStatus(api(FRONT_CHAIR, 'GET', `/councils/${C2026}/composition`), 200);
    expect(composition.editions).toEqual([{ campaignId: CAMPAIGN, year: 2026 }]);
    expect(keysOf(seen).filter((k) => k.startsWith('_'))).toEqual([]);
    const words = wordsOf(seen);
    expect(words.length).toBeGreaterThan(20);
    expect(words.filter((w) => ENGLISH_WORDS.test(w))).toEqual([]);
  });
  it('a standing council for a level and fields takes the editions it serves; a dossier of an edition it does not serve waits', async () => {
    interface CaseRow {
      caseId: string;
      dossierId: string;
      councilId?: string;
      status: string;
      waiting?: { reason: string; reasonText: string; candidateCouncilIds: string[] };
    }
    const call = async <T>(as: Actor, method: string, path: string, body: unknown, status: number): Promise<T> =>
      (await expectStatus(api(as, method, path, body), status)) as T;
    // Another campaign, field Văn hóa - Nghệ thuật: no council of the first test matches it.
    const campaign = `dkst-tt-${run}`;
    const standing = `hd-tt-vhnt-${run}`;
    const spec = (n: number, year: number, fieldCode = 'vhnt'): DossierSpec => ({
      id: `hs-${run}-tt-${n}`,
      title: `Sáng tác về quê hương số ${n}`,
      author: 'Hoàng Văn Thơ',
      year,
      fieldCode,
      campaignId: campaign,
    });
    const listed = (query = '') => call<CaseRow[]>(SECRETARY, 'GET', `/cases?campaignId=${campaign}${query}`, undefined, 200);
    const rowOf = (dossierId: string) =>
      platform.eventually(async () => {
        const row = (await listed()).find((c) => c.dossierId === dossierId);
        expect(row).toBeDefined();
        return row!;
      }, 60000);
    const route = (caseId: string, status: number) =>
      call<{ code?: string; events?: { type: string; data: unknown }[] }>(
        SECRETARY,
        'POST',
        `/cases/${encodeURIComponent(caseId)}/route`,
        {},
        status,
      );

    // Established as standing for the province level and one field, serving the 2026 edition of the campaign.
    await call(
      FRONT_CHAIR,
      'POST',
      '/councils',
      council(standing, [{ campaignId: campaign, year: 2026 }], ['vhnt'], { standing: true }),
      201,
    );
    await platform.eventually(async () =>
      expect(await call<object>(FRONT_CHAIR, 'GET', `/councils/${standing}/composition`, undefined, 200)).toMatchObject({
        level: 'province',
        standing: true,
        fieldCodes: ['vhnt'],
        editions: [{ campaignId: campaign, year: 2026 }],
      }),
    );

    // A dossier of the served edition and field goes to it on receipt, with nobody routing it by hand.
    const served = spec(1, 2026);
    await receiveDossier(platform, served, 1);
    expect(await rowOf(served.id)).toMatchObject({ councilId: standing, status: 'open', statusLabel: 'Đang thẩm định' });

    // The 2027 edition is not served yet, nor is another field: both wait, with the reason the secretary reads.
    const nextYear = spec(2, 2027);
    const otherField = spec(3, 2026, FIELD);
    await receiveDossier(platform, nextYear, 2);
    await receiveDossier(platform, otherField, 3);
    for (const d of [nextYear, otherField]) {
      const row = await rowOf(d.id);
      expect(row).toMatchObject({
        status: 'awaiting-council',
        statusLabel: 'Chờ xác định Hội đồng thẩm định',
        waiting: { reason: 'no-council', candidateCouncilIds: [] },
      });
      expect(row.councilId).toBeUndefined();
      expect(row.waiting?.reasonText).toContain('Chưa có Hội đồng thẩm định');
      expect(row.waiting?.reasonText).toContain(`năm ${d.year}`);
    }
    expect(await listed('&status=awaiting-council')).toHaveLength(2);

    // The standing council takes on the 2027 edition: a 2027 dossier received from now on goes to it directly,
    // and the one that waited is routed to it on request. The other field still waits.
    const edition = { edition: { campaignId: campaign, year: 2027 }, reason: 'Giao thẩm định đợt 2027' };
    await call(FRONT_CHAIR, 'POST', `/councils/${standing}/editions`, edition, 200);
    const later = spec(4, 2027);
    await receiveDossier(platform, later, 4);
    expect(await rowOf(later.id)).toMatchObject({ councilId: standing, status: 'open' });
    const routed = await route((await rowOf(nextYear.id)).caseId, 200);
    expect(routed.events?.[0]).toMatchObject({ type: 'councils.EvaluationCaseOpened', data: { councilId: standing } });
    expect(await route((await rowOf(otherField.id)).caseId, 422)).toMatchObject({ code: 'no-council' });

    expect(keysOf(seen).filter((k) => k.startsWith('_'))).toEqual([]);
    expect(wordsOf(seen).filter((w) => ENGLISH_WORDS.test(w))).toEqual([]);
  });
});
