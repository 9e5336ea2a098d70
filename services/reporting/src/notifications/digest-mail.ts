import type { InboxItem } from './inbox';
import type { NotificationPersonDoc } from './notification-people.projection';
import { vietnamDate, vietnamDay, vietnamHour } from './vietnam-time';

export interface DigestMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  notificationIds: string[];
}

/** The person asked for the e-mail digest, their hour has come today (Vietnam time) and today's was not sent. */
export function digestDue(person: NotificationPersonDoc, now: Date): boolean {
  const p = person.preferences;
  if (!p?.email || !p.channels.includes('email')) return false;
  if (vietnamHour(now) < p.digestHour) return false;
  const last = person.lastDigest;
  return !last || last.day !== vietnamDay(now) || !!last.failed;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const line = (i: InboxItem) => `- ${i.title}${i.detail ? `. ${i.detail}` : ''}`;

/**
 * The day's digest: what is new since the last digest, then what is still waiting (unread). Nothing new: no
 * mail (a person is not mailed the same list every day). Every word in Vietnamese.
 */
export function composeDigest(person: NotificationPersonDoc, items: InboxItem[], now: Date, portalUrl: string): DigestMail | null {
  const email = person.preferences?.email;
  if (!email) return null;
  const mailedBefore = new Set(person.lastDigest && !person.lastDigest.failed ? person.lastDigest.notificationIds : []);
  const unread = items.filter((i) => !i.read);
  const fresh = unread.filter((i) => !mailedBefore.has(i.id));
  if (!fresh.length) return null;
  const pending = unread.filter((i) => mailedBefore.has(i.id));
  const day = vietnamDate(vietnamDay(now));
  const base = portalUrl.replace(/\/$/, '');
  const name = person.preferences?.name;
  const subject = `Thông báo việc cần xử lý ngày ${day}: ${fresh.length} việc mới`;
  const text = [
    `Kính gửi ${name ?? 'Quý cán bộ'},`,
    '',
    `Việc mới cần xử lý (${fresh.length}):`,
    ...fresh.map(line),
    ...(pending.length ? ['', `Việc còn chờ xử lý (${pending.length}):`, ...pending.map(line)] : []),
    '',
    `Xem chi tiết và đánh dấu đã xem: ${base}/thong-bao`,
    `Thay đổi cách nhận thông báo: ${base}/thong-bao/thiet-lap`,
    '',
    'Thư này được gửi tự động mỗi ngày một lần từ Nền tảng Phong trào thi đua sáng tạo; vui lòng không trả lời.',
  ].join('\n');
  const list = (xs: InboxItem[]) =>
    `<ul>${xs
      .map(
        (i) => `<li><a href="${escapeHtml(base + i.link)}">${escapeHtml(i.title)}</a>${i.detail ? `<br>${escapeHtml(i.detail)}` : ''}</li>`,
      )
      .join('')}</ul>`;
  const html = [
    `<p>Kính gửi ${escapeHtml(name ?? 'Quý cán bộ')},</p>`,
    `<h3>Việc mới cần xử lý (${fresh.length})</h3>`,
    list(fresh),
    ...(pending.length ? [`<h3>Việc còn chờ xử lý (${pending.length})</h3>`, list(pending)] : []),
    `<p><a href="${escapeHtml(base)}/thong-bao">Xem chi tiết và đánh dấu đã xem</a> · <a href="${escapeHtml(base)}/thong-bao/thiet-lap">Thay đổi cách nhận thông báo</a></p>`,
    '<p>Thư này được gửi tự động mỗi ngày một lần từ Nền tảng Phong trào thi đua sáng tạo; vui lòng không trả lời.</p>',
  ].join('\n');
  return { to: email, subject, text, html, notificationIds: unread.map((i) => i.id) };
}
