import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Actor, COUNCILS_EVENTS, DocumentIssuedData, RECOGNITION_EVENTS, RecordedEvent } from '@cem/contracts';
import { EventEnvelope } from '@cem/messaging';
import { startTestPlatform, TestPlatform } from '@cem/testing';
import { ALL_VIETNAMESE, VIETNAMESE_LETTERS } from '../src/documents/documents.fixtures';
import { HonourProposedHandler } from '../src/proposals/honour-proposed.handler';
import { RECOGNITION_SERVICE } from '../src/recognition.service';

/**
 * Official documents on the real recognition app (PostgreSQL, Kafka, FerretDB): a decision with two works, its
 * certificates and decision document issued, downloaded (the SHA-256 of the download is the event's), read back by
 * pdftotext, verified on the public route without a token, and verified as revoked once the award is withdrawn.
 */
const run = Math.random().toString(36).slice(2, 8);
const HA_NAM = ['vn', 'vn-ha-nam'];
const at = (role: Actor['role'], unitPath = HA_NAM, level: Actor['level'] = 'province'): Actor => ({
  id: `u-${role}-${unitPath.at(-1)}-${run}`,
  name: `${role} ${unitPath.at(-1)}`,
  role,
  unitId: unitPath.at(-1)!,
  level,
  unitPath,
});
const authority = at('authority');
const board = at('emulation-board');
const namDinh = at('authority', ['vn', 'vn-nam-dinh']);
const AWARD = `giai-ha-nam-${run}`;
const P1 = `honour-doc-1-${run}`;
const P2 = `honour-doc-2-${run}`;
const NUMBER = `${Math.floor(Math.random() * 9000) + 100}/QĐ-UBND`;
const TITLE_1 = `Giải pháp số hóa sổ đăng ký hộ tịch (${VIETNAMESE_LETTERS})`;
const RECIPIENTS_1 = [
  { name: 'Nguyễn Thị Hường', kind: 'individual' },
  { name: `Tổ hợp tác ${VIETNAMESE_LETTERS.toLocaleUpperCase('vi')}`, kind: 'collective' },
];

describe('official documents: PDF, SHA-256 in the event log, public verification', () => {
  let platform: TestPlatform;
  const dir = mkdtempSync(join(tmpdir(), 'cem-documents-'));
  const as = async (actor: Actor) => {
    const token = await platform.token(actor);
    const agent = request(platform.url('recognition'));
    return {
      get: (path: string) => agent.get(path).set('Authorization', `Bearer ${token}`),
      post: (path: string, body: object = {}) => agent.post(path).set('Authorization', `Bearer ${token}`).send(body),
    };
  };
  const pdfText = (bytes: Buffer) => {
    const file = join(dir, `${createHash('sha256').update(bytes).digest('hex')}.pdf`);
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  };
  const download = async (documentId: string, actor = authority) => {
    const response = await (
      await as(actor)
    )
      .get(`/documents/${documentId}/pdf`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    return response;
  };
  const issuedEvents = async (streamId: string) =>
    (await platform.service('recognition').infra.store.readStream(streamId))
      .filter((e) => e.type === RECOGNITION_EVENTS.DocumentIssued)
      .map((e) => e.data as DocumentIssuedData);

  beforeAll(async () => {
    platform = await startTestPlatform([RECOGNITION_SERVICE]);
    const recognition = platform.service('recognition').infra;
    for (const [proposalId, title, recipients] of [
      [P1, TITLE_1, RECIPIENTS_1],
      [P2, 'Mô hình xử lý rác thải hữu cơ tại hộ gia đình', [{ name: 'Trần Văn Đức', kind: 'individual' }]],
    ] as const) {
      const data = {
        proposalId,
        caseId: `case-${proposalId}`,
        dossierId: `hs-${proposalId}`,
        councilId: `hd-ha-nam-${run}`,
        level: 'province',
        jurisdictionUnitId: 'vn-ha-nam',
        jurisdictionUnitPath: HA_NAM,
        campaignId: `dkst-${run}`,
        year: 2026,
        fieldCode: 'khcn',
        title,
        grade: 'xuat-sac',
        score: 92,
        rank: 1,
        recipients,
        nominatingUnitId: 'vn-ha-nam-duy-tien',
        nominatingUnitName: 'UBND huyện Duy Tiên',
      };
      const metadata = { actor: at('council-chair'), occurredAt: '2026-10-01T09:00:00Z', correlationId: proposalId, source: 'councils' };
      const event = { id: `documents-${proposalId}`, type: COUNCILS_EVENTS.HonourProposed, data, metadata };
      await new HonourProposedHandler(recognition).receiveProposal(
        data as never,
        new EventEnvelope(event as unknown as RecordedEvent, 'recognition'),
      );
    }
    const asBoard = await as(board);
    const asAuthority = await as(authority);
    expect(
      (
        await asAuthority.post('/awards', {
          awardCode: AWARD,
          name: 'Giải thưởng Người Hà Nam đoàn kết sáng tạo',
          level: 'province',
          grantingUnitId: 'vn-ha-nam',
          recipientKinds: ['individual', 'collective'],
        })
      ).status,
    ).toBe(201);
    for (const proposalId of [P1, P2]) {
      expect((await asBoard.post(`/proposals/${proposalId}/verify`)).status).toBe(200);
      const decided = await asAuthority.post(`/proposals/${proposalId}/decide`, {
        awardCode: AWARD,
        decisionNumber: NUMBER,
        decisionDate: '2026-11-20',
        signer: 'Phó Chủ tịch UBND tỉnh Trương Quốc Huy',
        issuingAuthority: 'Ủy ban nhân dân tỉnh Hà Nam',
        legalBases: [
          'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022',
          'Căn cứ Kế hoạch số 338/KH-UBND của Ủy ban nhân dân tỉnh',
        ],
      });
      expect(decided.status).toBe(200);
    }
  }, 120000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await platform?.stop();
  }, 60000);

  let certificates: DocumentIssuedData[] = [];
  let decisionDocument: DocumentIssuedData;

  it('issues one certificate per recipient, records each SHA-256 in an event, and issues nothing twice', async () => {
    const asBoard = await as(board);
    const first = await asBoard.post(`/proposals/${P1}/certificates`);
    expect(first.status).toBe(200);
    certificates = first.body as DocumentIssuedData[];
    expect(certificates.map((c) => c.recipient?.name).sort()).toEqual(RECIPIENTS_1.map((r) => r.name).sort());
    expect(certificates.every((c) => c.certificateKind === 'giay-chung-nhan' && /^[0-9a-f]{64}$/.test(c.sha256))).toBe(true);
    expect(await issuedEvents(`proposal-${P1}`)).toEqual(certificates);

    const again = await asBoard.post(`/proposals/${P1}/certificates`);
    expect(again.body).toEqual(certificates);
    expect(await issuedEvents(`proposal-${P1}`)).toHaveLength(2);
    const listed = await asBoard.get('/proposals?status=decided');
    const rows = listed.body as { proposalId: string; certificates: { documentId: string }[] }[];
    const row = rows.find((p) => p.proposalId === P1)!;
    expect(row.certificates.map((c) => c.documentId).sort()).toEqual(certificates.map((c) => c.documentId).sort());
  });

  it('downloads each certificate as the very file recorded: its SHA-256 is the event’s, every Vietnamese letter is in its text', async () => {
    let all = '';
    for (const certificate of certificates) {
      const response = await download(certificate.documentId);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/application\/pdf/);
      const bytes = response.body as Buffer;
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(certificate.sha256);
      expect(bytes.length).toBe(certificate.size);
      const text = pdfText(bytes).normalize('NFC');
      all += text;
      const lacking = [...new Set([...TITLE_1, ...certificate.recipient!.name])].filter((ch) => !text.includes(ch));
      expect(lacking).toEqual([]);
      const flat = text.replace(/\s+/g, ' ');
      // The collective's made-up name is one long word: the line breaks inside it, hence the comparison without spaces.
      expect(flat.replace(/\s/g, '')).toContain(certificate.recipient!.name.replace(/\s/g, ''));
      expect(flat).toContain(`Quyết định số ${NUMBER} ngày 20 tháng 11 năm 2026`);
      expect(flat).toContain(certificate.verificationUrl);
      expect(certificate.verificationUrl).toMatch(new RegExp(`/xac-minh/${certificate.documentId}$`));
    }
    // Lower case in the work's title, upper case in the collective's name: every letter printed somewhere.
    expect([...ALL_VIETNAMESE].filter((ch) => !all.includes(ch))).toEqual([]);
  });

  it('issues the decision document with both works, authors and units, and downloads it with the recorded hash', async () => {
    const issued = await (await as(authority)).post(`/proposals/${P2}/decision-document`);
    expect(issued.status).toBe(200);
    decisionDocument = issued.body as DocumentIssuedData;
    expect(decisionDocument.proposalIds.sort()).toEqual([P1, P2].sort());
    expect((await (await as(board)).post(`/proposals/${P1}/decision-document`)).body.documentId).toBe(decisionDocument.documentId);

    const response = await download(decisionDocument.documentId);
    expect(
      createHash('sha256')
        .update(response.body as Buffer)
        .digest('hex'),
    ).toBe(decisionDocument.sha256);
    const text = pdfText(response.body as Buffer).replace(/\s+/g, ' ');
    for (const phrase of [
      `Số: ${NUMBER}`,
      'QUYẾT ĐỊNH',
      'ỦY BAN NHÂN DÂN TỈNH HÀ NAM',
      'Căn cứ Kế hoạch số 338/KH-UBND của Ủy ban nhân dân tỉnh;',
      'Phó Chủ tịch UBND tỉnh Trương Quốc Huy',
      'Mô hình xử lý rác thải hữu cơ tại hộ gia đình',
      'Cá nhân Trần Văn Đức',
      'UBND huyện Duy Tiên',
    ])
      expect(text).toContain(phrase);
  });

  it('verifies without a token: genuine and current, the hash in hand matches; an unknown id is not genuine', async () => {
    const publicApi = request(platform.url('recognition'));
    const [certificate] = certificates;
    const verified = await publicApi.get(`/public/documents/${certificate.documentId}`).query({ sha256: certificate.sha256 });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      genuine: true,
      status: 'current',
      hashMatches: true,
      recipientName: certificate.recipient!.name,
    });
    const tampered = await publicApi.get(`/public/documents/${certificate.documentId}`).query({ sha256: 'f'.repeat(64) });
    expect(tampered.body.hashMatches).toBe(false);
    const unknown = await publicApi.get('/public/documents/khong-co-van-ban-nay');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/không phải văn bản do hệ thống phát hành/);
    expect((await publicApi.get(`/documents/${certificate.documentId}/pdf`)).status).toBe(401);
    expect((await download(certificate.documentId, namDinh)).status).toBe(404);
  });

  it('a revoked award’s certificate verifies as revoked; the decision stays current with that work marked revoked', async () => {
    const revoked = await (
      await as(authority)
    ).post(`/proposals/${P1}/revoke`, {
      reason: 'Phát hiện sao chép giải pháp đã công bố',
      decisionNumber: '1500/QĐ-UBND',
      decisionDate: '2027-01-15',
    });
    expect(revoked.status).toBe(200);
    const publicApi = request(platform.url('recognition'));
    const certificate = await publicApi.get(`/public/documents/${certificates[0].documentId}`);
    expect(certificate.body).toMatchObject({ genuine: true, status: 'revoked' });
    expect(certificate.body.statusLabel).toMatch(/thu hồi/);
    expect(certificate.body.works[0].revocation).toMatchObject({
      decisionNumber: '1500/QĐ-UBND',
      reason: 'Phát hiện sao chép giải pháp đã công bố',
    });
    const decision = await publicApi.get(`/public/documents/${decisionDocument.documentId}`);
    expect(decision.body.status).toBe('current');
    const works = decision.body.works as { proposalId: string; revoked: boolean }[];
    expect(works.find((w) => w.proposalId === P1)?.revoked).toBe(true);
    expect((await (await as(board)).post(`/proposals/${P1}/certificates`)).status).toBe(422);
    // The revoked award's certificate can still be downloaded as issued (same bytes, same hash).
    const again = await download(certificates[0].documentId);
    expect(
      createHash('sha256')
        .update(again.body as Buffer)
        .digest('hex'),
    ).toBe(certificates[0].sha256);
  });

  it('finds every award of a person or a unit without diacritics, within the reader’s jurisdiction, revoked ones marked', async () => {
    type Entry = { proposalId: string; status: string; awardName: string; year: number; revocation?: { decisionNumber: string } };
    const history = async (actor: Actor, query: Record<string, string>) => {
      const response = await (await as(actor)).get('/award-history').query(query);
      return { status: response.status, rows: response.body as Entry[] };
    };
    const huong = await history(board, { q: 'nguyen thi huong' });
    expect(huong.status).toBe(200);
    expect(huong.rows.map((r) => r.proposalId)).toEqual([P1]);
    expect(huong.rows[0]).toMatchObject({ status: 'revoked', awardName: 'Giải thưởng Người Hà Nam đoàn kết sáng tạo', year: 2026 });
    expect(huong.rows[0].revocation?.decisionNumber).toBe('1500/QĐ-UBND');
    expect((await history(board, { q: 'Trần Văn ĐỨC' })).rows.map((r) => r.proposalId)).toEqual([P2]);
    expect((await history(board, { q: 'duy tien', year: '2026' })).rows.map((r) => r.proposalId).sort()).toEqual([P1, P2].sort());
    expect((await history(board, { q: 'duy tien', includeRevoked: 'false' })).rows.map((r) => r.proposalId)).toEqual([P2]);
    expect((await history(board, { q: 'duy tien', kind: 'collective' })).rows.map((r) => r.proposalId)).toEqual([P1]);
    // A district of Hà Nam sees its own awards and below, not the province's; another province sees none of them.
    const duyTien = at('unit-officer', [...HA_NAM, 'vn-ha-nam-duy-tien'], 'district');
    expect((await history(duyTien, { q: 'duy tien' })).rows).toEqual([]);
    expect((await history(namDinh, { q: 'duy tien' })).rows).toEqual([]);
    expect((await history(at('auditor', ['vn'], 'central'), { q: 'duy tien' })).rows).toHaveLength(2);
    expect((await history(at('submitter'), { q: 'duy tien' })).status).toBe(403);
    expect((await history(board, { year: 'hai nghin' })).status).toBe(400);
  });
});
