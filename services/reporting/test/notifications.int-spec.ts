import request from 'supertest';
import { Actor, NewEvent, SUBMISSIONS_EVENTS as S } from '@cem/contracts';
import { startTestPlatform, TestPlatform } from '@cem/testing';
import { SUBMISSIONS_SERVICE } from '../../submissions/src/submissions.service';
import { DigestScheduler } from '../src/notifications/digest.scheduler';
import { REPORTING_SERVICE } from '../src/reporting.service';

/**
 * Notifications on the real servers: submissions' events reach reporting through Kafka, the person sees what
 * they must act on in the portal's API, and the daily digest goes through a real SMTP server (Mailpit, started by
 * deploy/local/mailpit.sh; tools/test.sh and deploy/local/up.sh start it) and is read back through its HTTP API.
 */
const SMTP_URL = process.env.CEM_SMTP_URL ?? 'smtp://127.0.0.1:1025';
const MAILPIT_URL = (process.env.CEM_MAILPIT_URL ?? 'http://127.0.0.1:8025').replace(/\/+$/, '');

interface MailpitSummary {
  ID: string;
  Subject: string;
  To: { Address: string }[];
}

async function mailsTo(address: string): Promise<MailpitSummary[]> {
  const response = await fetch(`${MAILPIT_URL}/api/v1/search?query=${encodeURIComponent(`to:"${address}"`)}`);
  if (!response.ok) throw new Error(`Mailpit answered ${response.status} at ${MAILPIT_URL}`);
  return ((await response.json()) as { messages: MailpitSummary[] }).messages;
}

const mailText = async (id: string) =>
  (await (await fetch(`${MAILPIT_URL}/api/v1/message/${id}`)).json()) as { Text: string; HTML: string };

const PHU_LY = ['vn', 'vn-ha-nam', 'vn-ha-nam-phu-ly'];

describe('notifications of what a person must act on, and the daily digest by e-mail', () => {
  let platform: TestPlatform;
  let previousSmtp: string | undefined;
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const officer: Actor = {
    id: `u-lan-${run}`,
    name: 'Nguyễn Thị Lan',
    role: 'unit-officer',
    unitId: 'vn-ha-nam-phu-ly',
    level: 'district',
    unitPath: PHU_LY,
  };
  const colleague: Actor = { ...officer, id: `u-minh-${run}`, name: 'Lê Văn Minh' };
  const standingBody: Actor = {
    id: `u-mttq-${run}`,
    role: 'standing-body',
    unitId: 'vn-ha-nam',
    level: 'province',
    unitPath: ['vn', 'vn-ha-nam'],
  };
  const email = `lan-${run}@phuly.hanam.gov.vn`;
  const dossierId = `hs-${run}`;

  const as = async (actor: Actor) => {
    const token = await platform.token(actor);
    const agent = request(platform.url('reporting'));
    const auth = <T extends request.Test>(t: T) => t.set('Authorization', `Bearer ${token}`);
    return {
      get: (path: string) => auth(agent.get(path)),
      post: (path: string, body: object = {}) => auth(agent.post(path)).send(body),
      put: (path: string, body: object = {}) => auth(agent.put(path)).send(body),
    };
  };

  beforeAll(async () => {
    previousSmtp = process.env.CEM_SMTP_URL;
    process.env.CEM_SMTP_URL = SMTP_URL;
    platform = await startTestPlatform([SUBMISSIONS_SERVICE, REPORTING_SERVICE]);
  }, 60000);
  afterAll(async () => {
    await platform?.stop();
    if (previousSmtp === undefined) delete process.env.CEM_SMTP_URL;
    else process.env.CEM_SMTP_URL = previousSmtp;
  }, 60000);

  it('lists a returned dossier and a report due, mails one digest a day (never two, not even from two replicas)', async () => {
    // Phủ Lý's dossier, submitted to the province and returned by Sở KH&CN, as the submissions service records it.
    const meta = (occurredAt: string): NewEvent['metadata'] => ({
      actor: officer,
      occurredAt,
      correlationId: `notify-${run}`,
      source: 'submissions',
    });
    const now = new Date();
    await platform.service('submissions').infra.store.append(`dossier-${dossierId}`, [
      {
        type: S.DossierDrafted,
        data: {
          dossierId,
          campaignId: 'ha-nam-sang-tao',
          year: 2026,
          fieldCode: 'khcn',
          type: 'solution',
          title: 'Sổ tay điện tử cho cán bộ phường',
          summary: '',
          applicantKind: 'individual',
          authors: [{ name: 'Trần Văn Đức' }],
          owners: [],
          nominatingUnitId: 'vn-ha-nam-phu-ly',
          nominatingUnitPath: PHU_LY,
          attachments: [],
          draftedAt: now.toISOString(),
        },
        metadata: meta(now.toISOString()),
      },
      {
        type: S.DossierSubmitted,
        data: {
          dossierId,
          level: 'province',
          jurisdictionUnitId: 'vn-ha-nam',
          jurisdictionUnitPath: ['vn', 'vn-ha-nam'],
          submittedAt: now.toISOString(),
        },
        metadata: meta(now.toISOString()),
      },
      {
        type: S.DossierReturned,
        data: {
          dossierId,
          level: 'province',
          jurisdictionUnitId: 'vn-ha-nam',
          reason: 'Thiếu bản mô tả giải pháp',
          returnedAt: now.toISOString(),
        },
        metadata: meta(now.toISOString()),
      },
    ]);
    // The province's standing body opens a reporting period: the districts report within two days.
    const dueBy = new Date(now.getTime() + 2 * 86_400_000 - 3_600_000).toISOString();
    const opened = await (
      await as(standingBody)
    ).post('/periods', {
      periodId: `bc-${run}`,
      year: 2026,
      kind: 'yearly',
      title: 'Báo cáo kết quả phong trào năm 2026',
      deadlines: [{ level: 'district', dueBy }],
    });
    expect(opened.status).toBe(201);

    const lan = await as(officer);
    const inbox = await platform.eventually(async () => {
      const res = await lan.get(`/people/${officer.id}/notifications`);
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(2);
      return res.body as { items: { id: string; kind: string; title: string; detail?: string; read: boolean }[]; unread: number };
    }, 30000);
    expect(inbox.unread).toBe(2);
    expect(inbox.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'dossier-returned',
          title: 'Hồ sơ "Sổ tay điện tử cho cán bộ phường" bị trả lại để bổ sung',
          detail: 'Lý do: Thiếu bản mô tả giải pháp',
          link: `/don-vi/ho-so/${dossierId}`,
        }),
        expect.objectContaining({ kind: 'report-due', title: 'Còn 2 ngày đến hạn nộp báo cáo "Báo cáo kết quả phong trào năm 2026"' }),
      ]),
    );

    // Only the person reads their own notifications and settings; a colleague is told why.
    const minh = await as(colleague);
    const refused = await minh.get(`/people/${officer.id}/notifications`);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/chính người nhận thông báo/);
    expect(
      (
        await minh.put(`/people/${officer.id}/notification-preferences`, {
          channels: ['portal'],
          kinds: [],
          digestHour: 7,
          reminderDays: 3,
        })
      ).status,
    ).toBe(403);
    // The colleague's own list has the unit's returned dossier and report too (same unit, same role).
    expect((await minh.get(`/people/${colleague.id}/notifications`)).body.items).toHaveLength(2);

    // Preferences: the e-mail channel needs an address; then the digest at hour 0 (due whenever the test runs).
    const noAddress = await lan.put(`/people/${officer.id}/notification-preferences`, {
      channels: ['portal', 'email'],
      kinds: ['dossier-returned', 'report-due'],
      digestHour: 0,
      reminderDays: 3,
    });
    expect(noAddress.status).toBe(422);
    expect(noAddress.body.message).toMatch(/Cần địa chỉ thư điện tử/);
    const saved = await lan.put(`/people/${officer.id}/notification-preferences`, {
      email,
      channels: ['portal', 'email'],
      kinds: ['dossier-returned', 'report-due'],
      digestHour: 0,
      reminderDays: 3,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual(expect.objectContaining({ saved: true, email, digestHour: 0 }));

    // Two replicas' digest jobs at the same moment: one mail.
    const infra = platform.service('reporting').infra;
    const first = platform.service('reporting').app.get(DigestScheduler);
    const otherReplica = new DigestScheduler(infra);
    const [a, b] = await Promise.all([first.runOnce(), otherReplica.runOnce()]);
    otherReplica.onModuleDestroy();
    expect([...a.sent, ...b.sent]).toEqual([officer.id]);

    const mails = await platform.eventually(async () => {
      const found = await mailsTo(email);
      expect(found).toHaveLength(1);
      return found;
    }, 15000);
    expect(mails[0].Subject).toMatch(/^Thông báo việc cần xử lý ngày \d{2}\/\d{2}\/\d{4}: 2 việc mới$/);
    const body = await mailText(mails[0].ID);
    expect(body.Text).toContain('Kính gửi Nguyễn Thị Lan,');
    expect(body.Text).toContain('Việc mới cần xử lý (2):');
    expect(body.Text).toContain('- Hồ sơ "Sổ tay điện tử cho cán bộ phường" bị trả lại để bổ sung. Lý do: Thiếu bản mô tả giải pháp');
    expect(body.Text).toContain('- Còn 2 ngày đến hạn nộp báo cáo "Báo cáo kết quả phong trào năm 2026"');
    expect(body.HTML).toContain(`/don-vi/ho-so/${dossierId}`);

    // A second run the same day sends nothing.
    expect((await first.runOnce()).sent).toEqual([]);
    expect(await mailsTo(email)).toHaveLength(1);
    expect((await lan.get(`/people/${officer.id}/notification-preferences`)).body.lastDigestDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // Marking one as read: listed as read, counted once, and marking it again records nothing.
    const returnedId = inbox.items.find((i) => i.kind === 'dossier-returned')!.id;
    expect((await lan.post(`/people/${officer.id}/notifications/read`, { notificationIds: [returnedId] })).body).toEqual({ marked: 1 });
    expect((await lan.post(`/people/${officer.id}/notifications/read`, { notificationIds: [returnedId] })).body).toEqual({ marked: 0 });
    const after = (await lan.get(`/people/${officer.id}/notifications`)).body as typeof inbox;
    expect(after.unread).toBe(1);
    expect(after.items.find((i) => i.id === returnedId)?.read).toBe(true);
    expect((await lan.get(`/people/${officer.id}/notifications?unread=true`)).body.items).toHaveLength(1);
  }, 120000);
});
