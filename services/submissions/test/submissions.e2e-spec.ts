import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import { Actor, COUNCILS_EVENTS, eventsTopic, RecordedEvent } from '@cem/contracts';
import { encodeEvent } from '@cem/messaging';
import { actorAt, hcmCampaign, HCM, HCM_MANDATES, mandateBody, path, startTestPlatform, TestPlatform } from '@cem/testing';
import { SUBMISSIONS_SERVICE } from '../src/submissions.service';
import { MAX_ATTACHMENT_BYTES } from '../src/dossiers/dossier-content.rules';

/**
 * Plan 338/KH-UBND of Bình Chánh implements the city's movement: a commune of Bình Chánh nominates a dossier,
 * the district's assigned agency (Phòng Nội vụ, Công văn 2717/UBND) receives and forwards it, the city's
 * field agency (Sở KH&CN) receives it; a council's recommendation then takes it to central.
 */

const {
  admin: ADMIN,
  cityBoard: CITY_BOARD,
  cityAgency: CITY_AGENCY,
  districtOfficer: DISTRICT_OFFICER,
  districtAgency: DISTRICT_AGENCY,
  tanKien: TAN_KIEN,
  vinhLocA: VINH_LOC_A,
  binhChanhAuthority: BINH_CHANH_AUTHORITY,
} = HCM;
const CU_CHI_AGENCY = actorAt('agency-officer', 'district', path('cuChiNoiVu'));
const HA_NAM_ADMIN = actorAt('admin', 'province', path('haNam'));

const CAMPAIGN = 'hcm-sang-tao-2021-2025';

describe('submissions service (real PostgreSQL, Kafka, FerretDB)', () => {
  let platform: TestPlatform;
  let dataDir: string;
  const tokens = new Map<Actor, string>();

  const api = (actor: Actor) => {
    const url = platform.url('submissions');
    const auth = (r: request.Test) => r.set('Authorization', `Bearer ${tokens.get(actor)}`);
    return {
      get: (path: string) => auth(request(url).get(path)),
      post: (path: string, body: object = {}) => auth(request(url).post(path).send(body)),
      upload: (bytes: Buffer, name: string) =>
        auth(request(url).post('/attachments')).attach('file', bytes, { filename: name, contentType: 'application/pdf' }),
    };
  };
  const streamVersion = async (dossierId: string) =>
    (await platform.service('submissions').infra.store.readStream(`dossier-${dossierId}`)).length;

  const draft = (overrides: Record<string, unknown> = {}) => ({
    campaignId: CAMPAIGN,
    year: 2024,
    fieldCode: 'khcn',
    type: 'initiative',
    title: 'Sáng kiến số hóa hồ sơ một cửa',
    summary: 'Rút ngắn thời gian tiếp nhận hồ sơ hành chính tại xã',
    applicantKind: 'collective',
    authors: [{ name: 'Nguyễn Văn Đức', personId: 'p-duc', role: 'Chủ nhiệm' }, { name: 'Trần Thị Bình' }],
    owners: [{ name: 'UBND xã Tân Kiên', share: 100 }],
    attachments: [],
    ...overrides,
  });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cem-submissions-'));
    process.env.CEM_DATA_DIR = dataDir;
    platform = await startTestPlatform([SUBMISSIONS_SERVICE]);
    for (const actor of [
      ADMIN,
      HA_NAM_ADMIN,
      BINH_CHANH_AUTHORITY,
      CITY_BOARD,
      CITY_AGENCY,
      DISTRICT_OFFICER,
      DISTRICT_AGENCY,
      CU_CHI_AGENCY,
      TAN_KIEN,
      VINH_LOC_A,
    ]) {
      tokens.set(actor, await platform.token(actor));
    }
  });

  afterAll(async () => {
    await platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds the unit tree once, through the unit decider', async () => {
    const first = await api(ADMIN).post('/units/seed').expect(200);
    expect(first.body.registered).toBeGreaterThan(30);
    const again = await api(ADMIN).post('/units/seed').expect(200);
    expect(again.body).toEqual({ registered: 0, alreadyRegistered: first.body.registered });
    await api(TAN_KIEN).post('/units/seed').expect(403);
    const tanKien = await api(TAN_KIEN).get('/units/vn-hcm-binh-chanh-tan-kien').expect(200);
    expect(tanKien.body).toMatchObject({ level: 'commune', parentUnitId: 'vn-hcm-binh-chanh', unitPath: TAN_KIEN.unitPath });
    await api(TAN_KIEN).get('/units/vn-hcm-khong-co').expect(404);
  });

  it("records mandates: the city's board acts for the city, the district's Phòng Nội vụ for the district", async () => {
    for (const { grantedBy, body } of Object.values(HCM_MANDATES)) await api(grantedBy).post('/mandates', body).expect(201);
    // Bình Chánh cannot hand out the city's jurisdiction, nor may a unit of another province hold it.
    await api(BINH_CHANH_AUTHORITY)
      .post('/mandates', mandateBody('uq-x', 'vn-hcm-binh-chanh-phong-noi-vu', 'vn-hcm', 'unit-officer', '1/QĐ'))
      .expect(403);
    await api(ADMIN)
      .post('/mandates', mandateBody('uq-y', 'vn-ha-nam-so-noi-vu', 'vn-hcm', 'emulation-board', '1/QĐ'))
      .expect(422);
    const listed = await platform.eventually(async () => {
      const res = await api(TAN_KIEN).get('/mandates?jurisdictionUnitId=vn-hcm').expect(200);
      expect(res.body).toHaveLength(1);
      return res;
    });
    expect(listed.body[0]).toMatchObject({ holderUnitId: 'vn-hcm-so-noi-vu', role: 'emulation-board', decisionRef: '15/QĐ-UBND' });
  });

  it('forms an emulation cluster (cụm thi đua) of Bình Chánh communes; refuses unknown units and outsiders', async () => {
    const cluster = {
      clusterId: 'binh-chanh-cum-1',
      name: 'Cụm thi đua số 1',
      kind: 'cluster',
      organisingUnitId: 'vn-hcm-binh-chanh',
      headUnitId: 'vn-hcm-binh-chanh-tan-kien',
      memberUnitIds: ['vn-hcm-binh-chanh-tan-kien', 'vn-hcm-binh-chanh-vinh-loc-a', 'vn-hcm-binh-chanh-binh-hung'],
    };
    await api(DISTRICT_OFFICER)
      .post('/clusters')
      .send({ ...cluster, memberUnitIds: [...cluster.memberUnitIds, 'vn-hcm-khong-co'] })
      .expect(404);
    await api(CU_CHI_AGENCY).post('/clusters').send(cluster).expect(403);
    await api(DISTRICT_OFFICER)
      .post('/clusters')
      .send({ ...cluster, memberUnitIds: ['vn-hcm-binh-chanh-tan-kien'] })
      .expect(400);
    await api(DISTRICT_OFFICER).post('/clusters').send(cluster).expect(201);
    await api(DISTRICT_OFFICER).post('/clusters').send(cluster).expect(422); // formed once
    const listed = await api(DISTRICT_OFFICER).get('/clusters?organisingUnitId=vn-hcm-binh-chanh').expect(200);
    expect(listed.body).toEqual([
      expect.objectContaining({ clusterId: 'binh-chanh-cum-1', headUnitId: 'vn-hcm-binh-chanh-tan-kien', level: 'district' }),
    ]);
  });

  it('sets up the campaign: edition, field, agencies at city and district, deadline', async () => {
    const steps = hcmCampaign(CAMPAIGN, 'Phong trào thi đua sáng tạo và các giải thưởng sáng tạo Thành phố Hồ Chí Minh', '338/KH-UBND');
    await api(CITY_BOARD).post('/campaigns', steps.launch).expect(201);
    await api(CITY_BOARD).post(`/campaigns/${CAMPAIGN}/editions`, steps.edition).expect(201);
    await api(CITY_BOARD).post(`/campaigns/${CAMPAIGN}/fields`, steps.field).expect(201);
    await api(CITY_BOARD).post(`/campaigns/${CAMPAIGN}/receiving-agencies`, steps.cityAgency).expect(201);
    // The district organises its own part (Công văn 2717/UBND assigns the district's agencies).
    await api(DISTRICT_OFFICER).post(`/campaigns/${CAMPAIGN}/receiving-agencies`, steps.districtAgency).expect(201);
    // Far in the future so the test keeps passing; the deadline rule itself is covered by the decider's specs.
    await api(DISTRICT_OFFICER).post(`/campaigns/${CAMPAIGN}/deadlines`, steps.districtDeadline).expect(201);
    // Another district may not assign agencies in Bình Chánh; an unknown unit is refused before deciding.
    await api(CU_CHI_AGENCY)
      .post(`/campaigns/${CAMPAIGN}/receiving-agencies`, {
        fieldCode: 'khcn',
        jurisdictionUnitId: 'vn-hcm-binh-chanh',
        agencyUnitId: 'vn-hcm-binh-chanh-phong-vhtt',
      })
      .expect(403);
    await api(CITY_BOARD)
      .post(`/campaigns/${CAMPAIGN}/receiving-agencies`, {
        fieldCode: 'khcn',
        jurisdictionUnitId: 'vn-hcm-khong-co',
        agencyUnitId: 'vn-hcm-so-khcn',
      })
      .expect(404);

    // The campaign read model is eventually consistent: wait for all six events to be applied.
    const campaign = await platform.eventually(async () => {
      const res = await api(TAN_KIEN).get(`/campaigns/${CAMPAIGN}`).expect(200);
      expect(res.body.deadlines).toHaveLength(1);
      return res;
    });
    expect(campaign.body.campaign).toMatchObject({ planNumber: '338/KH-UBND', level: 'province' });
    expect(Object.keys(campaign.body.fields as object)).toEqual(['khcn']);
    expect(campaign.body.agencies).toHaveLength(2);
    expect(campaign.body.deadlines).toEqual([expect.objectContaining({ level: 'district', deadline: '2099-10-31' })]);
    expect((await platform.service('submissions').infra.store.readStream(`campaign-${CAMPAIGN}`)).length).toBe(6);
    // The board launched it for the city by its mandate: the event records the city and the board's own unit.
    const [launched] = await platform.service('submissions').infra.store.readStream(`campaign-${CAMPAIGN}`);
    expect(launched.metadata.actor).toMatchObject({
      id: CITY_BOARD.id,
      unitId: 'vn-hcm',
      mandate: { mandateId: 'uq-hcm-ban-tdkt', decisionRef: '15/QĐ-UBND', ownUnitId: 'vn-hcm-so-noi-vu' },
    });
  });

  let dossierId: string;
  let sha256: string;
  let size: number;

  it('stores an attachment by its SHA-256 and refuses one over the limit', async () => {
    const bytes = Buffer.from('%PDF-1.4 thuyết minh sáng kiến');
    const stored = await api(TAN_KIEN).upload(bytes, 'thuyet-minh.pdf').expect(201);
    expect(stored.body).toMatchObject({ size: bytes.length, name: 'thuyet-minh.pdf', contentType: 'application/pdf' });
    sha256 = stored.body.sha256;
    size = stored.body.size;
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    // Downloads go through a dossier the caller may see: none carries it yet.
    await api(TAN_KIEN).get(`/attachments/${sha256}`).expect(404);

    const tooBig = await api(TAN_KIEN).upload(Buffer.alloc(MAX_ATTACHMENT_BYTES + 1), 'qua-lon.pdf');
    expect(tooBig.status).toBe(413);
  });

  it('a commune drafts and submits to its district; the district agency receives and forwards; the city receives', async () => {
    const drafted = await api(TAN_KIEN)
      .post('/dossiers', draft({ attachments: [{ name: 'thuyet-minh.pdf', sha256, size, contentType: 'application/pdf' }] }))
      .expect(201);
    dossierId = drafted.body.dossierId;
    expect(await streamVersion(dossierId)).toBe(1);
    const back = await platform.eventually(() =>
      api(TAN_KIEN)
        .get(`/attachments/${sha256}`)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200),
    );
    expect(Buffer.compare(back.body as Buffer, Buffer.from('%PDF-1.4 thuyết minh sáng kiến'))).toBe(0);
    // Another commune does not see the dossier, so not its attachment either.
    await api(VINH_LOC_A).get(`/attachments/${sha256}`).expect(404);

    await api(TAN_KIEN).post(`/dossiers/${dossierId}/submit`).expect(200);
    await api(DISTRICT_AGENCY).post(`/dossiers/${dossierId}/receive`).expect(200);
    // Without a council recommendation, only after the district People's Committee decides so, with its reason.
    await api(DISTRICT_AGENCY).post(`/dossiers/${dossierId}/forward`, { decisionRef: '512/UBND-NV' }).expect(422);
    await api(DISTRICT_AGENCY)
      .post(`/dossiers/${dossierId}/forwarding-override`, { decisionRef: '512/UBND-NV', reason: 'Kịp hạn của Thành phố' })
      .expect(403);
    await api(BINH_CHANH_AUTHORITY)
      .post(`/dossiers/${dossierId}/forwarding-override`, {
        decisionRef: '512/UBND-NV',
        reason: 'Hội đồng cấp huyện chưa họp kịp hạn của Thành phố',
      })
      .expect(200);
    await api(DISTRICT_AGENCY).post(`/dossiers/${dossierId}/forward`, { decisionRef: '512/UBND-NV' }).expect(200);
    await api(CITY_AGENCY).post(`/dossiers/${dossierId}/receive`).expect(200);

    const detail = await api(TAN_KIEN).get(`/dossiers/${dossierId}`).expect(200);
    expect(detail.body).toMatchObject({ status: 'received', level: 'province', receivingAgencyUnitId: 'vn-hcm-so-khcn', version: 6 });
    expect(detail.body.dossier.attachments).toEqual([expect.objectContaining({ sha256 })]);
    expect((detail.body.history as { type: string }[]).map((h) => h.type)).toEqual([
      'submissions.DossierDrafted',
      'submissions.DossierSubmitted',
      'submissions.DossierReceived',
      'submissions.ForwardingOverrideDecided',
      'submissions.DossierForwarded',
      'submissions.DossierReceived',
    ]);
    expect(detail.body.history[3]).toMatchObject({
      actorId: BINH_CHANH_AUTHORITY.id,
      role: 'authority',
      reason: expect.stringContaining('chưa họp'),
    });
    expect(detail.body.history[4]).toMatchObject({
      actorId: DISTRICT_AGENCY.id,
      role: 'agency-officer',
      unitId: DISTRICT_AGENCY.unitId,
      level: 'province',
    });
    // What a person reads of the history is Vietnamese ("cấp tỉnh", not "cấp province"); codes stay in machine fields.
    expect((detail.body.history as { summary: string }[]).map((h) => h.summary)).toEqual([
      'Lập hồ sơ "Sáng kiến số hóa hồ sơ một cửa"',
      'Nộp hồ sơ lên cấp huyện',
      'Tiếp nhận hồ sơ tại cấp huyện',
      'Quyết định chuyển hồ sơ lên cấp trên (số ' + (detail.body.history[3].summary as string).split('(số ')[1],
      'Chuyển hồ sơ từ cấp huyện lên cấp tỉnh',
      'Tiếp nhận hồ sơ tại cấp tỉnh',
    ]);
    expect(detail.body.history[4]).toMatchObject({ roleLabel: 'Cán bộ cơ quan tiếp nhận', levelLabel: 'cấp tỉnh' });
    const readable = (detail.body.history as Record<string, unknown>[])
      .flatMap((h) => [h.summary, h.roleLabel, h.levelLabel])
      .filter(Boolean)
      .join(' | ');
    expect(readable).not.toMatch(/\b(central|province|district|commune|draft|submitted|received|forwarded|returned)\b/i);
    expect(JSON.stringify(detail.body)).not.toMatch(/"_(id|position)"/);
  });

  it('answers lineage both ways', async () => {
    const lineage = await api(CITY_AGENCY).get(`/dossiers/${dossierId}/lineage`).expect(200);
    expect(lineage.body.up).toEqual([
      expect.objectContaining({
        level: 'district',
        jurisdictionUnitId: 'vn-hcm-binh-chanh',
        arrivedBy: 'submission',
        receivedBy: 'vn-hcm-binh-chanh-phong-noi-vu',
        decisionRef: '512/UBND-NV',
        basis: 'authority-override',
        forwardedBy: expect.objectContaining({ unitId: 'vn-hcm-binh-chanh-phong-noi-vu' }),
      }),
      expect.objectContaining({ level: 'province', jurisdictionUnitId: 'vn-hcm', arrivedBy: 'forwarding', receivedBy: 'vn-hcm-so-khcn' }),
    ]);
    expect((lineage.body.down as { level: string }[]).map((s) => s.level)).toEqual(['province', 'district', 'origin']);
    expect(lineage.body.down[2]).toMatchObject({ nominatingUnitId: 'vn-hcm-binh-chanh-tan-kien' });

    // Downward from the city's entry: every dossier that reached it, with the commune it came from.
    const reached = await platform.eventually(async () => {
      const res = await api(CITY_AGENCY).get('/dossiers/lineage/reached?level=province&jurisdictionUnitId=vn-hcm').expect(200);
      expect(res.body).toHaveLength(1);
      return res.body[0] as object;
    });
    expect(reached).toMatchObject({
      dossierId,
      reachedTopDown: ['province:vn-hcm', 'district:vn-hcm-binh-chanh'],
      origin: { nominatingUnitId: 'vn-hcm-binh-chanh-tan-kien', nominatingUnitPath: TAN_KIEN.unitPath },
    });
  });

  it('finds "Sáng kiến" by "sang kien", only for those who may see it', async () => {
    const found = await platform.eventually(async () => {
      const res = await api(TAN_KIEN).get('/dossiers').query({ q: 'sang kien', fieldCode: 'khcn', year: 2024 }).expect(200);
      expect((res.body as { dossierId: string }[]).map((d) => d.dossierId)).toEqual([dossierId]);
      return res.body[0] as { title: string };
    });
    expect(found.title).toBe('Sáng kiến số hóa hồ sơ một cửa');
    await api(TAN_KIEN)
      .get('/dossiers')
      .query({ q: 'duc nguyen' })
      .expect(200)
      .expect((res) => expect(res.body).toHaveLength(1));
    await api(TAN_KIEN)
      .get('/dossiers')
      .query({ q: 'sang che' })
      .expect(200)
      .expect((res) => expect(res.body).toHaveLength(0));
    await api(CITY_AGENCY)
      .get('/dossiers')
      .query({ level: 'province', status: 'received' })
      .expect(200)
      .expect((res) => expect(res.body).toHaveLength(1));
    // A neighbouring commune and another district see nothing of it.
    await api(VINH_LOC_A)
      .get('/dossiers')
      .expect(200)
      .expect((res) => expect(res.body).toHaveLength(0));
    await api(CU_CHI_AGENCY)
      .get('/dossiers')
      .expect(200)
      .expect((res) => expect(res.body).toHaveLength(0));
    await api(CU_CHI_AGENCY).get(`/dossiers/${dossierId}`).expect(404); // outside the scope: not revealed
    // An administrator lists every dossier of the jurisdiction; another province's administrator sees none of it.
    const all = await api(ADMIN).get('/dossiers').expect(200);
    expect((all.body as { dossierId: string }[]).map((d) => d.dossierId)).toContain(dossierId);
    expect(JSON.stringify(all.body)).not.toMatch(/"_(id|position)"/);
    await api(HA_NAM_ADMIN)
      .get('/dossiers')
      .expect(200)
      .expect((res) => expect(res.body).toHaveLength(0));
  });

  describe('refuses bad commands and writes nothing', () => {
    it('missing or malformed fields -> 400', async () => {
      await api(TAN_KIEN).post('/dossiers', { campaignId: CAMPAIGN, dossierId: 'hs-thieu' }).expect(400);
      const badAuthor = await api(TAN_KIEN)
        .post('/dossiers', draft({ dossierId: 'hs-tac-gia', authors: [{ name: '' }] }))
        .expect(400);
      expect(badAuthor.body.details.fields).toHaveProperty(['authors.0.name']);
      await api(TAN_KIEN)
        .post('/dossiers', draft({ dossierId: 'hs-la', hacked: true }))
        .expect(400);
      expect(await streamVersion('hs-thieu')).toBe(0);
      expect(await streamVersion('hs-tac-gia')).toBe(0);
    });

    it('a field the campaign does not have -> 422; an unknown campaign or unit -> 404', async () => {
      const wrongField = await api(TAN_KIEN)
        .post('/dossiers', draft({ dossierId: 'hs-sai-linh-vuc', fieldCode: 'vhnt' }))
        .expect(422);
      expect(wrongField.body.code).toBe('field-not-in-campaign');
      expect(await streamVersion('hs-sai-linh-vuc')).toBe(0);
      await api(TAN_KIEN)
        .post('/dossiers', draft({ dossierId: 'hs-khong-phong-trao', campaignId: 'khong-co' }))
        .expect(404);
      expect(await streamVersion('hs-khong-phong-trao')).toBe(0);

      await api(TAN_KIEN)
        .post('/dossiers', draft({ dossierId: 'hs-nhap' }))
        .expect(201);
      await api(TAN_KIEN).post('/dossiers/hs-nhap/submit', { jurisdictionUnitId: 'vn-hcm-khong-co' }).expect(404);
      expect(await streamVersion('hs-nhap')).toBe(1);
    });

    it('an attachment never uploaded -> 422', async () => {
      const res = await api(TAN_KIEN)
        .post(
          '/dossiers',
          draft({
            dossierId: 'hs-tep-ma',
            attachments: [{ name: 'x.pdf', sha256: 'b'.repeat(64), size: 10, contentType: 'application/pdf' }],
          }),
        )
        .expect(422);
      expect(res.body.code).toBe('attachment-not-uploaded');
      expect(await streamVersion('hs-tep-ma')).toBe(0);
    });

    it("another district's officer acting on a Bình Chánh dossier -> 403", async () => {
      await api(TAN_KIEN).post('/dossiers/hs-nhap/submit').expect(200);
      await api(CU_CHI_AGENCY).post('/dossiers/hs-nhap/receive').expect(403);
      await api(CU_CHI_AGENCY).post('/dossiers/hs-nhap/return', { reason: 'Thiếu hồ sơ' }).expect(403);
      await api(VINH_LOC_A).post('/dossiers/hs-nhap/withdraw', { reason: 'Không phải của mình' }).expect(403);
      expect(await streamVersion('hs-nhap')).toBe(2);
    });
  });

  it('a returned dossier is amended and lodged again with the level that returned it; then withdrawn', async () => {
    await api(DISTRICT_AGENCY).post('/dossiers/hs-nhap/receive').expect(200);
    await api(DISTRICT_AGENCY).post('/dossiers/hs-nhap/return', {}).expect(400);
    await api(DISTRICT_AGENCY).post('/dossiers/hs-nhap/return', { reason: 'Thiếu bản thuyết minh' }).expect(200);
    await api(TAN_KIEN).post('/dossiers/hs-nhap/amend', { title: 'Sáng kiến số hóa hồ sơ (bổ sung)' }).expect(200);
    await api(TAN_KIEN).post('/dossiers/hs-nhap/submit').expect(200);
    await api(TAN_KIEN).post('/dossiers/hs-nhap/withdraw', { reason: 'Đơn vị rút để hoàn thiện' }).expect(200);
    const detail = await api(TAN_KIEN).get('/dossiers/hs-nhap').expect(200);
    expect(detail.body).toMatchObject({ status: 'withdrawn', title: 'Sáng kiến số hóa hồ sơ (bổ sung)', version: 7 });
    expect(detail.body.history[3]).toMatchObject({
      type: 'submissions.DossierReturned',
      reason: 'Thiếu bản thuyết minh',
      role: 'agency-officer',
    });
    await platform.eventually(async () => {
      const res = await api(CITY_AGENCY).get('/dossiers').query({ unitId: 'vn-hcm-binh-chanh' }).expect(200);
      // The city sees only what was forwarded to it, not the district's own withdrawn one.
      expect((res.body as { dossierId: string }[]).map((d) => d.dossierId)).toEqual([dossierId]);
      const district = await api(DISTRICT_AGENCY)
        .get('/dossiers')
        .query({ unitId: 'vn-hcm-binh-chanh-tan-kien', status: 'withdrawn' })
        .expect(200);
      expect((district.body as { dossierId: string }[]).map((d) => d.dossierId)).toEqual(['hs-nhap']);
    });
  });

  it('forwards to central on a council recommendation, once however often the message arrives', async () => {
    const recommended: RecordedEvent = {
      id: '0193a7c0-0000-7000-8000-00000000c0de',
      type: COUNCILS_EVENTS.DossierRecommendedUpward,
      streamId: 'case-1',
      streamVersion: 3,
      schemaVersion: 1,
      data: {
        caseId: 'case-1',
        dossierId,
        councilId: 'hd-hcm',
        fromLevel: 'province',
        toLevel: 'central',
        rank: 1,
        score: 92,
        grade: 'xuat-sac',
        decisionRef: '15/QĐ-HĐTĐ',
      },
      metadata: {
        actor: actorAt('council-chair', 'province', [...path('hcm'), 'vn-hcm-mttq']),
        occurredAt: new Date().toISOString(),
        correlationId: 'corr-1',
        source: 'councils',
      },
      position: { tx: 1, pos: 1 },
      recordedAt: new Date().toISOString(),
      hash: '0'.repeat(64),
    };
    const message = encodeEvent('councils', recommended, eventsTopic('councils', platform.prefix));
    const { bus } = platform.service('submissions').infra;
    await bus.publish([message]);
    await bus.publish([message]);

    const lineage = await platform.eventually(async () => {
      const res = await api(CITY_AGENCY).get(`/dossiers/${dossierId}/lineage`).expect(200);
      expect(res.body.up).toHaveLength(3);
      return res.body as { up: object[] };
    }, 60000);
    expect(lineage.up[1]).toMatchObject({ level: 'province', basis: 'council-recommendation', decisionRef: '15/QĐ-HĐTĐ' });
    expect(lineage.up[2]).toMatchObject({ level: 'central', jurisdictionUnitId: 'vn', arrivedBy: 'forwarding' });
    const events = await platform.service('submissions').infra.store.readStream(`dossier-${dossierId}`);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await streamVersion(dossierId)).toBe(events.length);
    expect(events.at(-1)).toMatchObject({
      type: 'submissions.DossierForwarded',
      metadata: { causationId: recommended.id, correlationId: 'corr-1' },
    });
  });
});
