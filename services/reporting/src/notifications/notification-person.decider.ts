import type { Actor, NotificationPreferencesSetData, NotificationsReadData } from '@cem/contracts';
import { REPORTING_EVENTS as E } from '@cem/contracts';
import type { Decider } from '@cem/decider';
import { ensure } from '../shared/domain-rule';

export type NotificationPersonEvent =
  | { type: typeof E.NotificationPreferencesSet; data: NotificationPreferencesSetData }
  | { type: typeof E.NotificationsRead; data: NotificationsReadData };

export type PreferencesInput = Pick<NotificationPreferencesSetData, 'channels' | 'kinds' | 'digestHour' | 'reminderDays' | 'email'>;

export type NotificationPersonCommand =
  | { type: 'SetNotificationPreferences'; actor: Actor; preferences: PreferencesInput; now: string }
  | { type: 'MarkNotificationsRead'; actor: Actor; notificationIds: string[]; now: string };

export interface NotificationPersonState {
  preferences: NotificationPreferencesSetData | null;
  read: ReadonlySet<string>;
}

export const notificationPersonStreamId = (personId: string) => `notification-person-${personId}`;

/**
 * A person's own notification settings and reads. Only the person records them (the route passes the token's
 * actor); the identity saved with the preferences is what the daily digest addresses and matches against.
 */
export const notificationPersonDecider: Decider<NotificationPersonState, NotificationPersonCommand, NotificationPersonEvent> = {
  initialState: () => ({ preferences: null, read: new Set() }),
  evolve(state, event) {
    if (event.type === E.NotificationPreferencesSet) return { ...state, preferences: event.data };
    return { ...state, read: new Set([...state.read, ...event.data.notificationIds]) };
  },
  decide(command, state) {
    const { actor } = command;
    if (command.type === 'MarkNotificationsRead') {
      const fresh = [...new Set(command.notificationIds)].filter((id) => !state.read.has(id));
      // Marking again what is already read records nothing (a double click, a retried request).
      if (!fresh.length) return [];
      return [{ type: E.NotificationsRead, data: { personId: actor.id, notificationIds: fresh, readAt: command.now } }];
    }
    const p = command.preferences;
    ensure(!p.channels.includes('email') || !!p.email, 'email-address-required', 'Cần địa chỉ thư điện tử để nhận thư tổng hợp hằng ngày');
    ensure(
      p.channels.includes('portal'),
      'portal-channel-required',
      'Thông báo luôn hiển thị trên cổng thông tin, không tắt được kênh này',
    );
    return [
      {
        type: E.NotificationPreferencesSet,
        data: {
          personId: actor.id,
          ...(actor.name ? { name: actor.name } : {}),
          role: actor.role,
          unitId: actor.unitId,
          level: actor.level,
          unitPath: [...actor.unitPath],
          ...(p.email ? { email: p.email } : {}),
          channels: [...new Set(p.channels)],
          kinds: [...new Set(p.kinds)],
          digestHour: p.digestHour,
          reminderDays: p.reminderDays,
          setAt: command.now,
        },
      },
    ];
  },
};
