import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import type { Actor } from '@cem/contracts';
import { TOTAL_COUNT_HEADER } from '@cem/service-kit';
import { fetchPost, HCM, mintTokens, setUpHcmCampaign, startTestPlatform, TestPlatform } from '@cem/testing';
import { SUBMISSIONS_SERVICE } from '../src/submissions.service';

/**
 * Lists are paged by the API (limit/skip, the total on request) in a fixed order that ends with the id, so
 * walking the pages gives every visible record exactly once; the page never widens what the actor may see.
 */

const { tanKien: TAN_KIEN, vinhLocA: VINH_LOC_A, auditor: AUDITOR } = HCM;
const CAMPAIGN = 'phan-trang-2024';

describe('list pages on the real app (PostgreSQL, Kafka, FerretDB)', () => {
  let platform: TestPlatform;
  let dataDir: string;
  let tokens = new Map<Actor, string>();
  const api = (actor: Actor) => {
    const url = platform.url('submissions');
    const auth = (r: request.Test) => r.set('Authorization', `Bearer ${tokens.get(actor)}`);
    return {
      get: (p: string) => auth(request(url).get(p)),
      post: (p: string, body: object = {}) => auth(request(url).post(p).send(body)),
    };
  };
  const ids = (res: request.Response) => (res.body as { dossierId: string }[]).map((d) => d.dossierId);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cem-list-pages-'));
    process.env.CEM_DATA_DIR = dataDir;
    platform = await startTestPlatform([SUBMISSIONS_SERVICE]);
    tokens = await mintTokens(platform.issuer, Object.values(HCM));
    await setUpHcmCampaign(
      fetchPost(() => platform.url('submissions'), tokens),
      { campaignId: CAMPAIGN, name: 'Phong trào phân trang', planNumber: '1/KH-PT', retry: (step) => platform.eventually(step) },
    );
    const draft = (n: number) => ({
      campaignId: CAMPAIGN,
      dossierId: `pt-${n}`,
      year: 2024,
      fieldCode: 'khcn',
      type: 'initiative',
      title: `Sáng kiến phân trang số ${n}`,
      summary: 'Hồ sơ để kiểm tra phân trang',
      applicantKind: 'collective',
      authors: [{ name: 'Nguyễn Văn Đức' }],
      owners: [{ name: 'UBND xã', share: 100 }],
      attachments: [],
    });
    await platform.eventually(() => api(TAN_KIEN).post('/dossiers', draft(0)).expect(201));
    for (let n = 1; n < 7; n++) await api(TAN_KIEN).post('/dossiers', draft(n)).expect(201);
    for (let n = 7; n < 9; n++) await api(VINH_LOC_A).post('/dossiers', draft(n)).expect(201);
    await platform.eventually(async () => expect(ids(await api(AUDITOR).get('/dossiers').expect(200))).toHaveLength(9));
  });

  afterAll(async () => {
    await platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('walks the pages of GET /dossiers: every visible dossier once, newest first, the total on request', async () => {
    const all = ids(await api(TAN_KIEN).get('/dossiers').expect(200));
    expect([...all].sort()).toEqual(['pt-0', 'pt-1', 'pt-2', 'pt-3', 'pt-4', 'pt-5', 'pt-6']);
    const walked: string[] = [];
    for (let skip = 0; skip < 9; skip += 3) {
      const page = await api(TAN_KIEN).get(`/dossiers?limit=3&skip=${skip}&total=true`).expect(200);
      expect(page.headers[TOTAL_COUNT_HEADER.toLowerCase()]).toBe('7');
      expect(page.body.length).toBeLessThanOrEqual(3);
      walked.push(...ids(page));
    }
    expect(walked).toEqual(all);
    // Without total=true there is no count; a filter narrows the total too.
    const plain = await api(TAN_KIEN).get('/dossiers?limit=2').expect(200);
    expect(plain.headers[TOTAL_COUNT_HEADER.toLowerCase()]).toBeUndefined();
    expect(ids(plain)).toEqual(all.slice(0, 2));
    const searched = await api(TAN_KIEN).get('/dossiers?q=phan%20trang%20so%205&total=true').expect(200);
    expect(ids(searched)).toEqual(['pt-5']);
    expect(searched.headers[TOTAL_COUNT_HEADER.toLowerCase()]).toBe('1');
  });

  it('counts only what the actor may see', async () => {
    const other = await api(VINH_LOC_A).get('/dossiers?total=true&limit=1').expect(200);
    expect(other.headers[TOTAL_COUNT_HEADER.toLowerCase()]).toBe('2');
    expect(ids(other)).toHaveLength(1);
    const auditor = await api(AUDITOR).get('/dossiers?total=true&limit=5&skip=5').expect(200);
    expect(auditor.headers[TOTAL_COUNT_HEADER.toLowerCase()]).toBe('9');
    expect(ids(auditor)).toHaveLength(4);
  });

  it('refuses a page outside the bounds with 400, nothing listed', async () => {
    for (const query of ['limit=0', 'limit=501', 'skip=-1', 'limit=abc', 'total=maybe']) {
      const res = await api(TAN_KIEN).get(`/dossiers?${query}`).expect(400);
      expect(res.body.message).toMatch(/Yêu cầu không hợp lệ/);
    }
  });

  it('pages the other lists the same way (units, campaigns, mandates, clusters)', async () => {
    const units = await api(TAN_KIEN).get('/units?limit=10&total=true').expect(200);
    const total = Number(units.headers[TOTAL_COUNT_HEADER.toLowerCase()]);
    expect(total).toBeGreaterThan(10);
    const walked: string[] = [];
    for (let skip = 0; skip < total; skip += 10) {
      const page = (await api(TAN_KIEN).get(`/units?limit=10&skip=${skip}`).expect(200)).body as { unitId: string }[];
      walked.push(...page.map((u) => u.unitId));
    }
    expect(walked).toHaveLength(total);
    expect(new Set(walked).size).toBe(total);
    const campaigns = await api(TAN_KIEN).get('/campaigns?limit=1&total=true').expect(200);
    expect(campaigns.headers[TOTAL_COUNT_HEADER.toLowerCase()]).toBe('1');
    const mandates = await api(TAN_KIEN).get('/mandates?limit=1&total=true').expect(200);
    expect(mandates.headers[TOTAL_COUNT_HEADER.toLowerCase()]).toBe('2');
    expect(mandates.body).toHaveLength(1);
    await api(TAN_KIEN).get('/clusters?limit=1&skip=0').expect(200);
    await api(TAN_KIEN).get('/units?limit=1000').expect(400);
  });
});
