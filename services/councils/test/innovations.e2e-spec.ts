import request from 'supertest';
import { Actor, NewEvent } from '@cem/contracts';
import { startTestPlatform, TestPlatform } from '@cem/testing';
import { SUBMISSIONS_SERVICE } from '../../submissions/src/submissions.service';
import { chair } from '../src/councils/council.fixtures';
import { COUNCILS_SERVICE } from '../src/councils.service';
import { caseOpened } from '../src/evaluation/evaluation-case.fixtures';
import { evaluationCaseStreamId } from '../src/evaluation/evaluation-case.decider';
import { caseFinalised } from '../src/grading/grading.fixtures';
import type { EvaluationCaseOpenedData } from '@cem/contracts';

/**
 * The innovation database (Hà Nam plan) on the real councils app: accepted works with their field and effect,
 * each further application in another unit recorded as an event, searchable without diacritics.
 */
const run = Math.random().toString(36).slice(2, 8);
const HA_NAM = ['vn', 'vn-ha-nam'];
const at = (role: Actor['role'], unitPath: string[], level: Actor['level']): Actor => ({
  id: `u-${role}-${unitPath.at(-1)}-${run}`,
  name: `${role} ${unitPath.at(-1)}`,
  role,
  unitId: unitPath.at(-1)!,
  level,
  unitPath,
});
const PHU_LY = [...HA_NAM, 'vn-ha-nam-phu-ly'];
const phuLyOfficer = at('unit-officer', PHU_LY, 'district');
const duyTienOfficer = at('unit-officer', [...HA_NAM, 'vn-ha-nam-duy-tien'], 'district');
const provinceBody = at('standing-body', HA_NAM, 'province');
const ACCEPTED = `hs-sk-${run}`;
const REJECTED = `hs-khong-dat-${run}`;

describe('innovation database: accepted works and their spread', () => {
  let platform: TestPlatform;
  const as = async (actor: Actor) => {
    const token = await platform.token(actor);
    const agent = request(platform.url('councils'));
    return {
      get: (path: string, query: object = {}) => agent.get(path).query(query).set('Authorization', `Bearer ${token}`),
      post: (path: string, body: object) => agent.post(path).set('Authorization', `Bearer ${token}`).send(body),
    };
  };
  const meta = (occurredAt: string): NewEvent['metadata'] => ({ actor: chair, occurredAt, correlationId: run, source: 'councils' });

  beforeAll(async () => {
    platform = await startTestPlatform([SUBMISSIONS_SERVICE, COUNCILS_SERVICE]);
    const admin = at('admin', ['vn'], 'central');
    await request(platform.url('submissions'))
      .post('/units/seed')
      .set('Authorization', `Bearer ${await platform.token(admin)}`)
      .expect(200);
    // Two works evaluated by the province council: one accepted, one not.
    const store = platform.service('councils').infra.store;
    for (const [dossierId, accepted, title] of [
      [ACCEPTED, true, 'Số hóa hồ sơ một cửa liên thông cấp xã'],
      [REJECTED, false, 'Ý tưởng chưa đạt yêu cầu'],
    ] as const) {
      const opened = caseOpened.data as EvaluationCaseOpenedData;
      await store.append(evaluationCaseStreamId(`${dossierId}@province`), [
        {
          type: caseOpened.type,
          data: { ...opened, caseId: `${dossierId}@province`, dossierId, dossier: { ...opened.dossier, dossierId, title } },
          metadata: meta('2026-04-10T09:00:00Z'),
        },
        {
          ...caseFinalised({ caseId: `${dossierId}@province`, dossierId, accepted, year: 2026 }),
          metadata: meta('2026-05-20T09:00:00Z'),
        },
      ]);
    }
    // The registered units reach councils over Kafka (copied into its own store).
    await platform.eventually(async () => {
      const res = await (await as(provinceBody)).post(`/innovations/${ACCEPTED}/applications`, { unitId: 'vn-ha-nam-phu-ly' });
      expect(res.status).toBe(400);
    }, 60000);
  }, 120000);
  afterAll(() => platform?.stop(), 60000);

  it('lists accepted works only, with field, effect and acceptance, found without diacritics', async () => {
    const list = await (await as(phuLyOfficer)).get('/innovations', { q: 'so hoa ho so mot cua' });
    expect(list.status).toBe(200);
    const works = list.body as { dossierId: string; fieldCode: string; summary: string; acceptances: { accepted: boolean }[] }[];
    expect(works.map((w) => w.dossierId)).toEqual([ACCEPTED]);
    expect(works[0]).toMatchObject({ fieldCode: 'khcn', summary: 'Giảm 30% điện năng tiêu thụ' });
    expect(works[0].acceptances[0].accepted).toBe(true);
    const all = (await (await as(phuLyOfficer)).get('/innovations', { year: 2026 })).body as { dossierId: string }[];
    expect(all.map((w) => w.dossierId)).not.toContain(REJECTED);
  });

  it('records each further application in another unit as an event, once per unit, by that unit or one above it', async () => {
    const phuLy = await as(phuLyOfficer);
    const first = await phuLy.post(`/innovations/${ACCEPTED}/applications`, {
      unitId: 'vn-ha-nam-phu-ly',
      appliedFrom: '2026-09-01',
      effect: 'Giảm 30% thời gian giải quyết thủ tục tại bộ phận một cửa',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ applicationCount: 1, events: ['councils.InnovationApplied'] });
    const events = await platform.service('councils').infra.store.readStream(`innovation-${ACCEPTED}`);
    expect(events.map((e) => e.type)).toEqual(['councils.InnovationApplied']);
    expect(events[0].data).toMatchObject({
      unitId: 'vn-ha-nam-phu-ly',
      unitName: expect.stringMatching(/Phủ Lý/),
      recordedByUnitId: 'vn-ha-nam-phu-ly',
    });

    const twice = await phuLy.post(`/innovations/${ACCEPTED}/applications`, {
      unitId: 'vn-ha-nam-phu-ly',
      appliedFrom: '2026-10-01',
      effect: 'Lần nữa',
    });
    expect(twice.status).toBe(422);
    expect(twice.body.code).toBe('already-applied');
    // Phủ Lý cannot record for Duy Tiên (403); the province's standing body can, for any unit below it.
    expect(
      (await phuLy.post(`/innovations/${ACCEPTED}/applications`, { unitId: 'vn-ha-nam-duy-tien', appliedFrom: '2026-10-01', effect: 'x' }))
        .status,
    ).toBe(403);
    const byProvince = await (
      await as(provinceBody)
    ).post(`/innovations/${ACCEPTED}/applications`, {
      unitId: 'vn-ha-nam-duy-tien',
      appliedFrom: '2026-10-15',
      effect: 'Áp dụng tại 18 xã, thị trấn',
    });
    expect(byProvince.status).toBe(200);
    expect(byProvince.body.applicationCount).toBe(2);
    const notAccepted = await (
      await as(duyTienOfficer)
    ).post(`/innovations/${REJECTED}/applications`, {
      unitId: 'vn-ha-nam-duy-tien',
      appliedFrom: '2026-10-15',
      effect: 'Thử nghiệm',
    });
    expect(notAccepted.status).toBe(422);
    expect(notAccepted.body.code).toBe('innovation-not-accepted');

    const listed = (await phuLy.get('/innovations', { q: '18 xa thi tran' })).body as {
      applications: { unitId: string; effect: string }[];
    }[];
    expect(listed).toHaveLength(1);
    expect(listed[0].applications.map((a) => a.unitId).sort()).toEqual(['vn-ha-nam-duy-tien', 'vn-ha-nam-phu-ly']);
  });
});
