import type { NotificationKind } from '@cem/contracts';
import { NOTIFICATION_KIND_LABELS_VI, NOTIFICATION_KINDS } from '@cem/contracts';
import { type NotificationSubjectDoc, personKey, unitRoleKey } from './notification-subjects.projection';
import { vietnamDateTime } from './vietnam-time';

/** The person asking, as their token (or their saved preferences) says. */
export interface Recipient {
  personId: string;
  role: string;
  unitId: string;
  unitPath: string[];
  level: string;
}

export interface InboxSettings {
  kinds: readonly NotificationKind[];
  /** Remind this many days before a deadline. */
  reminderDays: number;
}

export const DEFAULT_SETTINGS: InboxSettings = { kinds: NOTIFICATION_KINDS, reminderDays: 3 };

export interface InboxItem {
  id: string;
  kind: NotificationKind;
  kindLabel: string;
  title: string;
  detail?: string;
  link: string;
  /** When it was raised (for a reminder: when the reminder window opened). */
  at: string;
  /** For reminders: the deadline. */
  dueBy?: string;
  read: boolean;
}

export interface InboxFacts {
  /** Subjects whose audience matches the person's keys, and every deadline, reporting period and campaign. */
  subjects: NotificationSubjectDoc[];
  /** Periods the person's unit has already reported for. */
  reportedPeriodIds: ReadonlySet<string>;
  readIds: ReadonlySet<string>;
}

/** The keys (see notification-subjects) a person's identity matches. */
export const recipientKeys = (r: Recipient): string[] => [personKey(r.personId), unitRoleKey(r.unitId, r.role)];

const DAY_MS = 86_400_000;
const DOSSIER_ROLES = new Set(['unit-officer', 'submitter']);
const REPORTING_ROLES = new Set(['unit-officer', 'agency-officer', 'standing-body']);
const OPEN_DOSSIER = new Set(['draft', 'returned']);

/** Days left, rounded up: a deadline 30 hours away is "còn 2 ngày". */
const daysLeft = (deadline: string, now: Date) => Math.ceil((Date.parse(deadline) - now.getTime()) / DAY_MS);
const windowOpens = (deadline: string, days: number) => new Date(Date.parse(deadline) - days * DAY_MS).toISOString();

function inWindow(deadline: string | undefined, now: Date, days: number): deadline is string {
  if (!deadline) return false;
  const left = Date.parse(deadline) - now.getTime();
  return left > 0 && left <= days * DAY_MS;
}

/** Notifications raised by events: returned dossiers, assigned cases, proposals sent back; done ones drop out. */
function eventItems(r: Recipient, facts: InboxFacts): InboxItem[] {
  const keys = new Set(recipientKeys(r));
  return facts.subjects.flatMap((s) =>
    s.items
      .filter((n) => !n.resolvedAt && n.audience.some((k) => keys.has(k)))
      .map((n) => ({
        id: n.id,
        kind: n.kind,
        kindLabel: NOTIFICATION_KIND_LABELS_VI[n.kind],
        title: n.title,
        ...(n.detail ? { detail: n.detail } : {}),
        link: n.link,
        at: n.at,
        read: facts.readIds.has(n.id),
      })),
  );
}

/**
 * "Còn N ngày đến hạn nộp hồ sơ": for the officers of a unit that still has drafts (or returned dossiers) in a
 * campaign edition, the nearest submission deadline that applies to them (a deadline for their jurisdiction, or
 * one for the whole level) within the reminder window.
 */
function submissionReminders(r: Recipient, facts: InboxFacts, now: Date, days: number): InboxItem[] {
  if (!DOSSIER_ROLES.has(r.role)) return [];
  const open = facts.subjects.filter((s) => s.subject === 'dossier' && s.nominatingUnitId === r.unitId && OPEN_DOSSIER.has(s.status ?? ''));
  const editions = new Map<string, number>();
  for (const d of open) editions.set(`${d.campaignId}|${d.year}`, (editions.get(`${d.campaignId}|${d.year}`) ?? 0) + 1);
  const campaignName = (id: string) => facts.subjects.find((s) => s._id === `campaign:${id}`)?.title ?? id;
  const items: InboxItem[] = [];
  for (const [edition, count] of editions) {
    const [campaignId, year] = edition.split('|');
    const deadline = facts.subjects
      .filter((s) => s.subject === 'submission-deadline' && s.campaignId === campaignId && String(s.year) === year)
      .filter((s) => !s.jurisdictionUnitId || r.unitPath.includes(s.jurisdictionUnitId))
      .filter((s) => inWindow(s.deadline, now, days))
      .sort((a, b) => Date.parse(a.deadline!) - Date.parse(b.deadline!))[0];
    if (!deadline?.deadline) continue;
    const id = `${deadline._id}|${r.unitId}`;
    items.push({
      id,
      kind: 'submission-deadline',
      kindLabel: NOTIFICATION_KIND_LABELS_VI['submission-deadline'],
      title: `Còn ${daysLeft(deadline.deadline, now)} ngày đến hạn nộp hồ sơ phong trào "${campaignName(campaignId)}" năm ${year}`,
      detail: `Đơn vị còn ${count} hồ sơ chưa nộp; hạn nộp ${vietnamDateTime(deadline.deadline)}`,
      link: '/don-vi',
      at: windowOpens(deadline.deadline, days),
      dueBy: deadline.deadline,
      read: facts.readIds.has(id),
    });
  }
  return items;
}

/** "Sắp đến hạn nộp báo cáo": a period opened above the person's unit sets a deadline for its level, not yet reported. */
function reportReminders(r: Recipient, facts: InboxFacts, now: Date, days: number): InboxItem[] {
  if (!REPORTING_ROLES.has(r.role)) return [];
  return facts.subjects
    .filter((s) => s.subject === 'report-period' && !!s.openedByUnitId && r.unitPath.includes(s.openedByUnitId))
    .filter((s) => !facts.reportedPeriodIds.has(s._id.slice('report-period:'.length)))
    .flatMap((s) => {
      const dueBy = s.deadlines?.find((d) => d.level === r.level)?.dueBy;
      if (!inWindow(dueBy, now, days)) return [];
      const id = `${s._id}|${r.unitId}`;
      return [
        {
          id,
          kind: 'report-due' as const,
          kindLabel: NOTIFICATION_KIND_LABELS_VI['report-due'],
          title: `Còn ${daysLeft(dueBy, now)} ngày đến hạn nộp báo cáo "${s.title}"`,
          detail: `Hạn nộp ${vietnamDateTime(dueBy)}; đơn vị chưa gửi báo cáo`,
          link: '/bao-cao',
          at: windowOpens(dueBy, days),
          dueBy,
          read: facts.readIds.has(id),
        },
      ];
    });
}

/** Everything the person must act on now, newest first, limited to the kinds they want. */
export function inbox(r: Recipient, facts: InboxFacts, now: Date, settings: InboxSettings = DEFAULT_SETTINGS): InboxItem[] {
  const wanted = new Set(settings.kinds);
  return [
    ...eventItems(r, facts),
    ...submissionReminders(r, facts, now, settings.reminderDays),
    ...reportReminders(r, facts, now, settings.reminderDays),
  ]
    .filter((i) => wanted.has(i.kind))
    .sort((a, b) => b.at.localeCompare(a.at) || a.id.localeCompare(b.id));
}
