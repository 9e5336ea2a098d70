import request from 'supertest';
import { Actor, COUNCILS_EVENTS as C, NewEvent, SUBMISSIONS_EVENTS as S, systemActor } from '@cem/contracts';
import { testPgUrl } from '@cem/event-store/testing';
import { createMongoDocumentStore, rebuildProjections } from '@cem/read-models';
import { testMongoUrl } from '@cem/read-models/testing';
import { startTestPlatform, TestPlatform } from '@cem/testing';
import { councilStreamId } from '../../councils/src/councils/council.decider';
import { evaluationCaseStreamId } from '../../councils/src/evaluation/evaluation-case.decider';
import { dossierStreamId } from '../../submissions/src/dossiers/dossier.decider';
import { auditPeopleProjection } from '../src/audit/audit-people.projection';
import { auditStreamsProjection } from '../src/audit/audit-streams.projection';
import type { HistoryRow } from '../src/audit/decision-history';
import { historyCommand } from '../src/cli/audit.commands';
import { REPORTING_SERVICE } from '../src/reporting.service';

/**
 * The auditor's search and timelines on the real servers (PostgreSQL archive, FerretDB read models): an amended
 * dossier found by its current authors (its former ones as "trước đây"), the system acting for no unit, council
 * members named in the lines, and `npm run audit -- history` reading through the same audit index as the API.
 */
const HA_NAM = ['vn', 'vn-ha-nam'];
const PHU_LY = [...HA_NAM, 'vn-ha-nam-phu-ly'];
const person = (id: string, name: string, role: Actor['role'], unitPath: string[], level: Actor['level']): Actor => ({
  id,
  name,
  role,
  unitId: unitPath.at(-1)!,
  level,
  unitPath,
});
const officer = person('cb-phu-ly', 'Trịnh Văn Bảo', 'unit-officer', PHU_LY, 'district');
const lien = person('hd-lien', 'Phạm Thị Liên', 'council-member', HA_NAM, 'province');
const chair = person('hd-chair', 'Nguyễn Hữu Thắng', 'council-chair', HA_NAM, 'province');
const auditor = person('kiem-tra', 'Đặng Thanh Hương', 'auditor', ['vn'], 'central');
const system = systemActor('councils');

const run = Math.random().toString(36).slice(2, 8);
const DOSSIER = `hs-audit-${run}`;
const CASE = `${DOSSIER}@province`;
const COUNCIL = `hd-ha-nam-${run}`;
const TITLE = 'Phần mềm quản lý đê điều';

let clock = 0;
const meta = (actor: Actor, source: string, extra: Partial<NewEvent['metadata']> = {}): NewEvent['metadata'] => ({
  actor,
  occurredAt: new Date(Date.UTC(2026, 11, 2, 5, 0, clock++)).toISOString(),
  correlationId: `audit-${run}`,
  source,
  ...extra,
});
const member = (memberId: string, personName: string, role: string) => ({
  memberId,
  personName,
  agencyUnitId: 'vn-ha-nam',
  agencyName: 'Ủy ban MTTQ tỉnh Hà Nam',
  role,
  effectiveFrom: '2026-01-01',
});

describe("the auditor's search and timelines on the real servers", () => {
  let platform: TestPlatform;
  let token = '';
  const archive = () => platform.service('reporting').infra.store;
  const get = (path: string) => request(platform.url('reporting')).get(path).set('Authorization', `Bearer ${token}`);
  const at = (database: string) => ({
    pgUrl: testPgUrl(),
    schema: `${platform.prefix}reporting`,
    mongoUrl: testMongoUrl(),
    database,
  });
  const extraDatabases = () => [`cem_${platform.prefix}audit_copy`, `cem_${platform.prefix}audit_none`];

  beforeAll(async () => {
    platform = await startTestPlatform([REPORTING_SERVICE]);
    token = await platform.token(auditor);
    // The archive as reporting keeps it (the copies of the other contexts' events, same streams).
    await archive().append(councilStreamId(COUNCIL), [
      {
        type: C.CouncilEstablished,
        data: {
          councilId: COUNCIL,
          name: 'Hội đồng thẩm định sáng tạo tỉnh Hà Nam',
          level: 'province',
          jurisdictionUnitId: 'vn-ha-nam',
          jurisdictionUnitPath: HA_NAM,
          fieldCodes: [],
          decision: { number: '12/QĐ-MTTQ-BTT', date: '2026-01-01', signedBy: 'Chủ tịch Ủy ban MTTQ tỉnh' },
          members: [
            member('hd-chair', 'Nguyễn Hữu Thắng', 'chair'),
            member('hd-lien', 'Phạm Thị Liên', 'member'),
            member('hd-hoa', 'Lê Thị Hoa', 'member'),
          ],
          regulations: { quorum: 1, aggregation: 'mean', tieBreak: ['highest-min'] },
        },
        metadata: meta(person('mttq', 'Chủ tịch MTTQ', 'front-chair', HA_NAM, 'province'), 'councils'),
      },
    ]);
    await archive().append(dossierStreamId(DOSSIER), [
      {
        type: S.DossierDrafted,
        data: {
          dossierId: DOSSIER,
          year: 2026,
          title: TITLE,
          authors: [{ name: 'Nguyễn Văn Đức' }],
          owners: [{ name: 'Công ty Thủy lợi Hà Nam' }],
        },
        metadata: meta(officer, 'submissions'),
      },
      { type: S.DossierSubmitted, data: { dossierId: DOSSIER, level: 'province' }, metadata: meta(officer, 'submissions') },
      {
        type: S.DossierAmended,
        data: { dossierId: DOSSIER, changes: { authors: [{ name: 'Trần Thị Mai' }] }, amendedAt: '2026-12-02T05:00:10Z' },
        metadata: meta(officer, 'submissions'),
      },
    ]);
    await archive().append(evaluationCaseStreamId(CASE), [
      {
        type: C.EvaluationCaseOpened,
        data: { caseId: CASE, dossierId: DOSSIER, councilId: COUNCIL, level: 'province' },
        metadata: meta(system, 'councils'),
      },
      {
        type: C.ConflictDetected,
        data: { caseId: CASE, memberId: 'hd-hoa', kind: 'author', matched: 'Nguyễn Văn Đức' },
        metadata: meta(system, 'councils'),
      },
      {
        type: C.ConflictDeclared,
        data: { caseId: CASE, memberId: 'hd-lien', reason: 'Là đồng tác giả', declaredAt: '2026-12-02T05:00:20Z' },
        metadata: meta(lien, 'councils', { reason: 'Là đồng tác giả' }),
      },
      { type: C.ScoreSubmitted, data: { caseId: CASE, memberId: 'hd-chair', total: 90 }, metadata: meta(chair, 'councils') },
    ]);
  }, 120000);

  afterAll(async () => {
    if (!platform) return;
    for (const dbName of extraDatabases()) {
      const documents = await createMongoDocumentStore({ url: testMongoUrl(), dbName });
      await documents.dropDatabase();
      await documents.close();
    }
    await platform.stop();
  });

  it('finds an amended dossier by its current authors, and by the former ones as "trước đây"', async () => {
    const search = async (q: string) =>
      (await get(`/audit/search?q=${encodeURIComponent(q)}`).expect(200)).body as Record<string, unknown>[];
    const [byCurrent] = await platform.eventually(async () => {
      const rows = await search('tran thi mai');
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(byCurrent).toMatchObject({
      kind: 'dossier',
      subjectId: DOSSIER,
      people: ['Trần Thị Mai', 'Công ty Thủy lợi Hà Nam'],
      formerPeople: ['Nguyễn Văn Đức'],
    });
    expect(byCurrent).not.toHaveProperty('authors');
    expect(byCurrent).not.toHaveProperty('searchText');
    expect((await search('nguyen van duc')).map((r) => r.subjectId)).toEqual([DOSSIER]);
  });

  it('shows the system with no unit, a unit at its own level, and council members by name', async () => {
    const history = await platform.eventually(async () => {
      const { body } = await get(`/audit/dossiers/${DOSSIER}/history`).expect(200);
      expect((body.history as HistoryRow[]).map((r) => r.type)).toContain(C.ScoreSubmitted);
      return body.history as HistoryRow[];
    });
    const row = (type: string) => history.find((r) => r.type === type)!;
    // Phủ Lý is a district: it submitted to the province, which the line says.
    expect(row(S.DossierSubmitted)).toMatchObject({ unit: 'vn-ha-nam-phu-ly', level: 'district', what: 'Nộp hồ sơ lên cấp tỉnh' });
    expect(row(C.EvaluationCaseOpened)).toMatchObject({ who: 'Hệ thống (tự động)', role: 'system' });
    expect(row(C.EvaluationCaseOpened).unit).toBeUndefined();
    expect(row(C.EvaluationCaseOpened).level).toBeUndefined();
    // Lê Thị Hoa never acted on the case: her name comes from the council's composition in the archive.
    expect(row(C.ConflictDetected).what).toBe('Phát hiện xung đột lợi ích (Lê Thị Hoa)');
    expect(row(C.ConflictDeclared).what).toBe('Thành viên Phạm Thị Liên khai báo xung đột lợi ích');
    expect(row(C.ScoreSubmitted).what).toBe('Chấm điểm (Nguyễn Hữu Thắng)');
    expect(JSON.stringify(history)).not.toMatch(/hd-(hoa|lien|chair)\)/);
  });

  it('exports one subject at a time: a dossier or a proposal, never both in one request (400, nothing read)', async () => {
    const { body } = await get(`/audit/export?dossierId=${DOSSIER}&proposalId=honour-${CASE}`).expect(400);
    expect(body).toMatchObject({ code: 'validation-failed' });
    const proposal = await get(`/audit/export?proposalId=honour-${CASE}`).expect(200);
    expect(proposal.body).toMatchObject({ subject: { proposalId: `honour-${CASE}` }, history: [] });
    const state = await get(`/audit/proposals/honour-${CASE}/state`).expect(200);
    expect(state.body).toMatchObject({ proposalId: `honour-${CASE}`, awarded: false });
    expect(state.body).not.toHaveProperty('proposal');
  });

  it('answers `npm run audit -- history` through the audit index, exactly as the API does', async () => {
    const { body } = await get(`/audit/dossiers/${DOSSIER}/history`).expect(200);
    const live = at(`cem_${platform.prefix}reporting`);
    const outcome = await platform.eventually(async () => {
      const result = await historyCommand(live, { dossierId: DOSSIER });
      expect(result.rows).toEqual(body.history);
      return result;
    });
    expect(outcome.via).toBe('index');
    expect(outcome.lines.join('\n')).toContain('Hệ thống (tự động))  [councils] Mở hồ sơ thẩm định');
    expect(outcome.lines.join('\n')).toContain('Trịnh Văn Bảo (Cán bộ đơn vị, vn-ha-nam-phu-ly, cấp huyện)');
  });

  it('completes an index that lags the archive with the events after its checkpoint, and reads the whole archive without one', async () => {
    // An index built up to now (as a stopped reporting service would have left it), then one more decision archived.
    const [copy, none] = extraDatabases();
    const documents = await createMongoDocumentStore({ url: testMongoUrl(), dbName: copy });
    try {
      await rebuildProjections(archive(), documents, [auditStreamsProjection, auditPeopleProjection]);
    } finally {
      await documents.close();
    }
    await archive().append(evaluationCaseStreamId(CASE), [
      { type: C.MemberRecused, data: { caseId: CASE, memberId: 'hd-hoa', reason: 'Xung đột lợi ích' }, metadata: meta(system, 'councils') },
    ]);

    const lagging = await historyCommand(at(copy), { dossierId: DOSSIER });
    expect(lagging.via).toBe('index');
    expect(lagging.rows.at(-1)).toMatchObject({ type: C.MemberRecused, what: 'Thành viên Lê Thị Hoa không tham gia chấm' });
    expect(lagging.lines.at(-1)).toMatch(/archived events it had not indexed yet/);

    const whole = await historyCommand(at(none), { dossierId: DOSSIER });
    expect(whole.via).toBe('archive');
    // Without the register of members, Lê Thị Hoa (who never acted) keeps her id; everything else is the same.
    expect(whole.rows.map((r) => r.eventId)).toEqual(lagging.rows.map((r) => r.eventId));
  });
});
