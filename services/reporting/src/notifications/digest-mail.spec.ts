import { composeDigest, digestDue } from './digest-mail';
import type { InboxItem } from './inbox';
import type { NotificationPersonDoc } from './notification-people.projection';

const person = (extra: Partial<NotificationPersonDoc> = {}): NotificationPersonDoc => ({
  _id: 'p1',
  wantsEmail: true,
  readIds: [],
  preferences: {
    personId: 'p1',
    name: 'Nguyễn Thị Lan',
    role: 'unit-officer',
    unitId: 'u',
    level: 'district',
    unitPath: ['u'],
    email: 'lan@phuly.gov.vn',
    channels: ['portal', 'email'],
    kinds: ['dossier-returned'],
    digestHour: 7,
    reminderDays: 3,
    setAt: '2026-09-01T00:00:00Z',
  },
  ...extra,
});
const item = (id: string, read = false): InboxItem => ({
  id,
  kind: 'dossier-returned',
  kindLabel: 'Hồ sơ bị trả lại để bổ sung',
  title: `Hồ sơ "Đề tài ${id}" bị trả lại để bổ sung`,
  detail: 'Lý do: Thiếu bản mô tả <giải pháp>',
  link: `/don-vi/ho-so/${id}`,
  at: '2026-09-03T02:00:00Z',
  read,
});
// 08:30 in Vietnam on 5 September 2026.
const NOW = new Date('2026-09-05T01:30:00Z');

describe('the daily digest', () => {
  it('is due once the person’s hour has come (Vietnam time) and today’s was not sent', () => {
    expect(digestDue(person(), NOW)).toBe(true);
    expect(digestDue(person(), new Date('2026-09-04T23:30:00Z'))).toBe(false); // 06:30 in Vietnam
    expect(digestDue(person({ lastDigest: { day: '2026-09-05', dispatchedAt: '', notificationIds: [] } }), NOW)).toBe(false);
    expect(digestDue(person({ lastDigest: { day: '2026-09-05', dispatchedAt: '', notificationIds: [], failed: true } }), NOW)).toBe(true);
    expect(digestDue(person({ lastDigest: { day: '2026-09-04', dispatchedAt: '', notificationIds: [] } }), NOW)).toBe(true);
    const noEmail = person();
    noEmail.preferences!.channels = ['portal'];
    expect(digestDue(noEmail, NOW)).toBe(false);
  });

  it('lists what is new, then what still waits, in Vietnamese, escaping the HTML', () => {
    const mail = composeDigest(
      person({ lastDigest: { day: '2026-09-04', dispatchedAt: '', notificationIds: ['old'] } }),
      [item('new'), item('old'), item('seen', true)],
      NOW,
      'https://thidua.hanam.gov.vn/',
    )!;
    expect(mail.to).toBe('lan@phuly.gov.vn');
    expect(mail.subject).toBe('Thông báo việc cần xử lý ngày 05/09/2026: 1 việc mới');
    expect(mail.text).toContain('Kính gửi Nguyễn Thị Lan,');
    expect(mail.text).toContain('Việc mới cần xử lý (1):\n- Hồ sơ "Đề tài new" bị trả lại để bổ sung. Lý do: Thiếu bản mô tả <giải pháp>');
    expect(mail.text).toContain('Việc còn chờ xử lý (1):\n- Hồ sơ "Đề tài old"');
    expect(mail.text).toContain('https://thidua.hanam.gov.vn/thong-bao');
    expect(mail.text).not.toContain('seen');
    expect(mail.html).toContain('&lt;giải pháp&gt;');
    expect(mail.html).toContain('href="https://thidua.hanam.gov.vn/don-vi/ho-so/new"');
    expect(mail.notificationIds).toEqual(['new', 'old']);
  });

  it('sends nothing when nothing is new since the last digest', () => {
    const p = person({ lastDigest: { day: '2026-09-04', dispatchedAt: '', notificationIds: ['old'] } });
    expect(composeDigest(p, [item('old'), item('seen', true)], NOW, 'http://x')).toBeNull();
    expect(composeDigest(person(), [], NOW, 'http://x')).toBeNull();
  });
});
