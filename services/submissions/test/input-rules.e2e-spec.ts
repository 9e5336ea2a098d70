import { randomUUID } from 'crypto';
import type { OpenAPIObject } from '@nestjs/swagger';
import request from 'supertest';
import { Actor, eventsTopic, Role } from '@cem/contracts';
import { openApiGaps } from '@cem/service-kit';
import { startTestPlatform, TestPlatform } from '@cem/testing';
import { COUNCILS_SERVICE } from '../../councils/src/councils.service';
import { RECOGNITION_SERVICE } from '../../recognition/src/recognition.service';
import { REPORTING_SERVICE } from '../../reporting/src/reporting.service';
import { SUBMISSIONS_SERVICE } from '../src/submissions.service';

/**
 * The shared input rules (libs/contracts/src/validation, docs/security.md "Quy tắc dữ liệu đầu vào") on the
 * four real apps: impossible dates, control and bidi characters, over-long text and years out of range are
 * a 400 naming the field, and a refused command writes nothing.
 */
const HA_NAM_PATH = ['vn', 'vn-ha-nam'];
const TAN_KIEN_PATH = ['vn', 'vn-hcm', 'vn-hcm-binh-chanh', 'vn-hcm-binh-chanh-tan-kien'];
const at = (role: Role, unitPath: string[]): Actor => ({
  id: `${role}-${unitPath[unitPath.length - 1]}`,
  role,
  unitId: unitPath[unitPath.length - 1],
  level: (['central', 'province', 'district', 'commune'] as const)[unitPath.length - 1],
  unitPath,
});
const COMMUNE_OFFICER = at('unit-officer', TAN_KIEN_PATH);
const CITY_BOARD = at('emulation-board', ['vn', 'vn-hcm']);
const FRONT_CHAIR = at('front-chair', HA_NAM_PATH);
const AUTHORITY = at('authority', HA_NAM_PATH);
const AUDITOR = at('auditor', ['vn']);
const STANDING_BODY = at('standing-body', HA_NAM_PATH);
const ADMIN = at('admin', ['vn']);
const CAMPAIGN = `hcm-${randomUUID().slice(0, 8)}`;

describe('input rules on the real apps', () => {
  let platform: TestPlatform;
  const tokens = new Map<Actor, string>();

  const call = (context: string, actor: Actor) => {
    const url = platform.url(context);
    const auth = (r: request.Test) => r.set('Authorization', `Bearer ${tokens.get(actor)}`);
    return {
      get: (path: string) => auth(request(url).get(path)),
      post: (path: string, body: object) => auth(request(url).post(path).send(body)),
    };
  };
  const refused = (res: request.Response, field: string) => {
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation-failed');
    // NUL never reaches the DTOs: the HTTP pipeline refuses it first and names the path instead of the field.
    const named = res.body.details?.fields ? Object.keys(res.body.details.fields as object) : [res.body.details?.path];
    expect(named).toContain(field);
  };

  beforeAll(async () => {
    platform = await startTestPlatform([SUBMISSIONS_SERVICE, COUNCILS_SERVICE, RECOGNITION_SERVICE, REPORTING_SERVICE]);
    for (const actor of [COMMUNE_OFFICER, CITY_BOARD, FRONT_CHAIR, AUTHORITY, AUDITOR, STANDING_BODY, ADMIN]) {
      tokens.set(actor, await platform.token(actor));
    }
    // The access policy resolves units and campaigns before the body is validated: they must exist.
    await call('submissions', ADMIN).post('/units/seed', {}).expect(200);
    await call('submissions', CITY_BOARD).post('/campaigns', launch(CAMPAIGN, '2024-08-21')).expect(201);
    await platform.eventually(() => call('submissions', COMMUNE_OFFICER).get(`/campaigns/${CAMPAIGN}`).expect(200));
  });

  const launch = (campaignId: string, planDate: string) => ({
    campaignId,
    name: 'Phong trào thi đua sáng tạo',
    launchedByUnitId: 'vn-hcm',
    planNumber: '338/KH-UBND',
    planDate,
    period: { fromYear: 2021, toYear: 2025 },
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const draft = (overrides: Record<string, unknown>) => ({
    dossierId: `hs-${randomUUID().slice(0, 8)}`,
    campaignId: CAMPAIGN,
    year: 2024,
    fieldCode: 'khcn',
    type: 'initiative',
    title: 'Sáng kiến số hóa hồ sơ một cửa',
    summary: 'Dòng một\nDòng hai',
    applicantKind: 'collective',
    authors: [{ name: 'Nguyễn Văn Đức' }],
    owners: [],
    attachments: [],
    ...overrides,
  });

  it('refuses control and bidi characters, over-long text and absurd years in a dossier draft, writing nothing', async () => {
    const api = call('submissions', COMMUNE_OFFICER);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: 'Sáng kiến\u0000' }, 'title'],
      [{ title: 'a'.repeat(501) }, 'title'],
      [{ title: 'Hai\ndòng' }, 'title'],
      [{ summary: 'Mô tả \u001b[31m' }, 'summary'],
      [{ authors: [{ name: 'Trần \u202eThị' }] }, 'authors.0.name'],
      [{ authors: [{ name: 'Trần Thị', personId: 'p\u0000' }] }, 'authors.0.personId'],
      [{ year: 1800 }, 'year'],
      [{ year: 20240 }, 'year'],
      [{ fieldCode: 'kh\u200bcn' }, 'fieldCode'],
    ];
    for (const [patch, field] of cases) {
      const body = draft(patch);
      refused(await api.post('/dossiers', body), field);
      expect(await platform.service('submissions').infra.store.readStream(`dossier-${body.dossierId}`)).toHaveLength(0);
    }
  });

  it('refuses impossible calendar dates instead of rolling them forward', async () => {
    const campaignId = `ht-${randomUUID().slice(0, 8)}`;
    for (const date of ['2024-02-30', '2025-02-29', '2024-04-31']) {
      refused(await call('submissions', CITY_BOARD).post('/campaigns', launch(campaignId, date)), 'planDate');
    }
    expect(await platform.service('submissions').infra.store.readStream(`campaign-${campaignId}`)).toHaveLength(0);

    // Councils learn the unit tree from submissions' events: wait until Hà Nam is known there.
    const council = () =>
      call('councils', FRONT_CHAIR).post('/councils', {
        councilId: `hd-${randomUUID().slice(0, 8)}`,
        name: 'Hội đồng thẩm định',
        level: 'province',
        jurisdictionUnitId: 'vn-ha-nam',
        jurisdictionUnitPath: HA_NAM_PATH,
        fieldCodes: [],
        decision: { number: '12/QĐ-MTTQ', date: '2025-02-29', signedBy: 'Chủ tịch' },
        members: [
          { memberId: 'm1', personName: 'A', agencyUnitId: 'vn-ha-nam', agencyName: 'B', role: 'chair', effectiveFrom: '2024-04-31' },
        ],
        regulations: { quorum: 1, aggregation: 'weighted-mean', tieBreak: ['dossier-id'] },
      });
    const refusedCouncil = await platform.eventually(async () => {
      const res = await council();
      expect(res.status).not.toBe(404);
      return res;
    });
    refused(refusedCouncil, 'decision.date');
    expect(Object.keys(refusedCouncil.body.details.fields as object)).toContain('members.0.effectiveFrom');

    refused(await call('recognition', AUTHORITY).get('/public/awarded-works?year=1800'), 'year');

    const audit = call('reporting', AUDITOR);
    refused(await audit.get('/audit/dossiers/khong-co/state?asOf=2024-02-30'), 'asOf');
    refused(await audit.get('/audit/dossiers/khong-co/state?asOf=2024-04-31T10:00:00Z'), 'asOf');
    expect((await audit.get('/audit/dossiers/khong-co/state?asOf=2024-02-29')).status).not.toBe(400);
  });

  it('keeps years in range in bodies and queries', async () => {
    refused(
      await call('reporting', STANDING_BODY).post('/periods', {
        periodId: `p-${randomUUID().slice(0, 8)}`,
        year: 3000,
        kind: 'yearly',
        title: 'Báo cáo năm',
        deadlines: [{ level: 'district', dueBy: '2026-11-30' }],
      }),
      'year',
    );
    refused(await call('submissions', COMMUNE_OFFICER).get('/dossiers?year=99999'), 'year');
    refused(await call('submissions', COMMUNE_OFFICER).get(`/dossiers?q=${encodeURIComponent('a\u202eb')}`), 'q');
  });

  it('serves complete contracts: OpenAPI at /docs-json and AsyncAPI at /asyncapi.json, without a token', async () => {
    for (const context of ['submissions', 'councils', 'recognition', 'reporting']) {
      const openApi = await request(platform.url(context)).get('/docs-json').expect(200);
      expect(openApiGaps(openApi.body as OpenAPIObject)).toEqual([]);
      const asyncApi = await request(platform.url(context)).get('/asyncapi.json').expect(200);
      expect(asyncApi.body.asyncapi).toBe('3.0.0');
      expect(Object.values(asyncApi.body.channels as Record<string, { address: string }>).map((c) => c.address)).toContain(
        eventsTopic(context, ''),
      );
    }
  });
});
