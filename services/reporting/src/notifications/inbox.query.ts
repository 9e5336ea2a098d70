import type { ServiceInfra } from '@cem/service-kit';
import type { ReportDoc } from '../reports/reports.projection';
import { reportsProjection } from '../reports/reports.projection';
import { DEFAULT_SETTINGS, inbox, type InboxItem, type InboxSettings, type Recipient, recipientKeys } from './inbox';
import { type NotificationPersonDoc, notificationPeopleProjection } from './notification-people.projection';
import { type NotificationSubjectDoc, notificationSubjectsProjection } from './notification-subjects.projection';

/** Reminders are computed from these few, campaign-wide documents; each person's own ones are found by audience. */
const SHARED_SUBJECTS = ['campaign', 'submission-deadline', 'report-period'];
const LIMIT = 1000;

export const personDoc = (infra: ServiceInfra, personId: string) =>
  infra.documents.collection<NotificationPersonDoc>(notificationPeopleProjection.collection).get(personId);

export function settingsOf(person: NotificationPersonDoc | null): InboxSettings {
  const p = person?.preferences;
  return p ? { kinds: p.kinds, reminderDays: p.reminderDays } : DEFAULT_SETTINGS;
}

/** Loads what the person's inbox is computed from (read models only) and computes it. */
export async function loadInbox(infra: ServiceInfra, r: Recipient, person: NotificationPersonDoc | null, now: Date): Promise<InboxItem[]> {
  const subjects = infra.documents.collection<NotificationSubjectDoc>(notificationSubjectsProjection.collection);
  const [own, shared, reports] = await Promise.all([
    subjects.find({ audience: { $in: recipientKeys(r) } }, { limit: LIMIT }),
    subjects.find({ subject: { $in: SHARED_SUBJECTS } }, { limit: LIMIT }),
    infra.documents.collection<ReportDoc>(reportsProjection.collection).find({ unitId: r.unitId, submitted: true }, { limit: LIMIT }),
  ]);
  return inbox(
    r,
    { subjects: [...own, ...shared], reportedPeriodIds: new Set(reports.map((x) => x.periodId)), readIds: new Set(person?.readIds ?? []) },
    now,
    settingsOf(person),
  );
}
