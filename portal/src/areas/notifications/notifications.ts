import { useQuery } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { components } from '../../api/generated/reporting';
import { getSession } from '../../auth/session';

export type Notification = components['schemas']['NotificationResponse'];
export type NotificationList = components['schemas']['NotificationsResponse'];
export type NotificationPreferences = components['schemas']['NotificationPreferencesResponse'];
export type NotificationPreferencesInput = components['schemas']['NotificationPreferencesDto'];

/** The signed-in person's id: notifications are read and set only for oneself. */
export const me = () => getSession()?.user.sub ?? '';

export const NOTIFICATIONS_KEY = ['notifications'];

export function useNotifications(refetchInterval?: number) {
  const personId = me();
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, personId],
    enabled: Boolean(personId),
    refetchInterval,
    queryFn: () => data<NotificationList>(api.reporting.GET('/people/{personId}/notifications', { params: { path: { personId } } })),
  });
}

export const markRead = (notificationIds: string[]) =>
  data(api.reporting.POST('/people/{personId}/notifications/read', { params: { path: { personId: me() } }, body: { notificationIds } }));

export function usePreferences() {
  const personId = me();
  return useQuery({
    queryKey: ['notification-preferences', personId],
    enabled: Boolean(personId),
    queryFn: () =>
      data<NotificationPreferences>(api.reporting.GET('/people/{personId}/notification-preferences', { params: { path: { personId } } })),
  });
}

export const savePreferences = (body: NotificationPreferencesInput) =>
  data<NotificationPreferences>(
    api.reporting.PUT('/people/{personId}/notification-preferences', { params: { path: { personId: me() } }, body }),
  );

/** The kinds a person may choose, in the words the service uses. */
export const KIND_LABELS: Record<string, string> = {
  'dossier-returned': 'Hồ sơ bị trả lại để bổ sung',
  'case-assigned': 'Được phân công thẩm định hồ sơ',
  'submission-deadline': 'Sắp đến hạn nộp hồ sơ',
  'report-due': 'Sắp đến hạn nộp báo cáo',
  'proposal-sent-back': 'Đề nghị khen thưởng bị trả lại',
};
