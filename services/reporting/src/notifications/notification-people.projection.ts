import type { DigestDeliveryFailedData, DigestDispatchedData, NotificationPreferencesSetData, NotificationsReadData } from '@cem/contracts';
import { REPORTING_EVENTS as E } from '@cem/contracts';
import type { Projection, ReadModelDocument } from '@cem/read-models';

/** A person's notification settings, what they have read, and their last daily digest. */
export type NotificationPersonDoc = ReadModelDocument & {
  preferences?: NotificationPreferencesSetData;
  /** True when the person asked for the e-mail digest and gave an address (what the digest job scans). */
  wantsEmail: boolean;
  readIds: string[];
  lastDigest?: { day: string; dispatchedAt: string; notificationIds: string[]; failed?: boolean };
};

/** Most recent reads kept; older ids are of notifications long resolved. */
export const MAX_READ_IDS = 2000;

export const notificationPeopleProjection: Projection<NotificationPersonDoc> = {
  name: 'reporting.notification-people',
  collection: 'notification_people',
  version: 1,
  indexes: [{ fields: { wantsEmail: 1 } }],
  eventTypes: [E.NotificationPreferencesSet, E.NotificationsRead, E.DigestDispatched, E.DigestDeliveryFailed],
  documentIds: (event) => [(event.data as { personId: string }).personId],
  apply(doc, event, id) {
    const base: NotificationPersonDoc = doc ?? { _id: id, wantsEmail: false, readIds: [] };
    switch (event.type) {
      case E.NotificationPreferencesSet: {
        const preferences = event.data as NotificationPreferencesSetData;
        return { ...base, preferences, wantsEmail: preferences.channels.includes('email') && !!preferences.email };
      }
      case E.NotificationsRead: {
        const d = event.data as NotificationsReadData;
        return { ...base, readIds: [...new Set([...base.readIds, ...d.notificationIds])].slice(-MAX_READ_IDS) };
      }
      case E.DigestDispatched: {
        const d = event.data as DigestDispatchedData;
        return { ...base, lastDigest: { day: d.day, dispatchedAt: d.dispatchedAt, notificationIds: d.notificationIds } };
      }
      case E.DigestDeliveryFailed: {
        const d = event.data as DigestDeliveryFailedData;
        return base.lastDigest?.day === d.day ? { ...base, lastDigest: { ...base.lastDigest, failed: true } } : base;
      }
      default:
        return base;
    }
  },
};
