import { DomainRuleViolation, REPORTING_EVENTS as E } from '@cem/contracts';
import { deciderSpec } from '@cem/decider/testing';
import { phuLyOfficer } from './notification.fixtures';
import { notificationPersonDecider, type PreferencesInput } from './notification-person.decider';

const spec = deciderSpec(notificationPersonDecider);
const now = '2026-09-05T01:00:00.000Z';
const prefs: PreferencesInput = {
  channels: ['portal', 'email'],
  kinds: ['dossier-returned'],
  digestHour: 7,
  reminderDays: 3,
  email: 'lan@phuly.gov.vn',
};
const set = { type: 'SetNotificationPreferences' as const, actor: phuLyOfficer, preferences: prefs, now };
const read = (...ids: string[]) => ({ type: 'MarkNotificationsRead' as const, actor: phuLyOfficer, notificationIds: ids, now });

describe('a person’s notification settings and reads', () => {
  it('records the preferences with the identity the digest addresses', () => {
    spec
      .given([])
      .when(set)
      .then([
        {
          type: E.NotificationPreferencesSet,
          data: {
            personId: 'u-phu-ly-officer',
            name: 'Nguyễn Thị Lan',
            role: 'unit-officer',
            unitId: 'vn-ha-nam-phu-ly',
            level: 'district',
            unitPath: ['vn', 'vn-ha-nam', 'vn-ha-nam-phu-ly'],
            email: 'lan@phuly.gov.vn',
            channels: ['portal', 'email'],
            kinds: ['dossier-returned'],
            digestHour: 7,
            reminderDays: 3,
            setAt: now,
          },
        },
      ]);
  });

  it('refuses the e-mail channel without an address, and turning the portal off', () => {
    spec
      .given([])
      .when({ ...set, preferences: { ...prefs, email: undefined } })
      .thenThrows(DomainRuleViolation, /Cần địa chỉ thư điện tử/);
    spec
      .given([])
      .when({ ...set, preferences: { ...prefs, channels: ['email'] } })
      .thenThrows(DomainRuleViolation, /luôn hiển thị trên cổng/);
  });

  it('marks as read only what was unread; marking again records nothing', () => {
    const first = { type: E.NotificationsRead, data: { personId: 'u-phu-ly-officer', notificationIds: ['a', 'b'], readAt: now } };
    spec
      .given([])
      .when(read('a', 'b', 'a'))
      .then([first]);
    spec.given([first]).when(read('b', 'a')).then([]);
    spec
      .given([first])
      .when(read('b', 'c'))
      .then([{ type: E.NotificationsRead, data: { personId: 'u-phu-ly-officer', notificationIds: ['c'], readAt: now } }]);
  });
});
