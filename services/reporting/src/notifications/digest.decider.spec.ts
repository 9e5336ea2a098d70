import { DomainRuleViolation, REPORTING_EVENTS as E } from '@cem/contracts';
import { deciderSpec } from '@cem/decider/testing';
import { digestDecider, type DigestEvent } from './digest.decider';

const spec = deciderSpec(digestDecider);
const now = '2026-09-05T01:00:00.000Z';
const digest = { personId: 'p1', day: '2026-09-05', email: 'p1@ubnd.gov.vn', subject: 'Thông báo', notificationIds: ['a'] };
const dispatch = { type: 'DispatchDigest' as const, digest, now };
const dispatched: DigestEvent = { type: E.DigestDispatched, data: { ...digest, dispatchedAt: now } };
const failed: DigestEvent = {
  type: E.DigestDeliveryFailed,
  data: { personId: 'p1', day: '2026-09-05', reason: 'ECONNREFUSED', failedAt: now },
};
const fail = { type: 'RecordDigestFailure' as const, personId: 'p1', day: '2026-09-05', reason: 'ECONNREFUSED', now };

describe('one digest per person per day', () => {
  it('dispatches the day’s digest once; a second dispatch the same day is refused', () => {
    spec.given([]).when(dispatch).then([dispatched]);
    spec
      .given([dispatched])
      .when(dispatch)
      .thenThrows(DomainRuleViolation, /Đã gửi thư tổng hợp ngày 2026-09-05/);
  });

  it('after a refused hand-off the day may try again, three times at most', () => {
    spec.given([dispatched]).when(fail).then([failed]);
    spec.given([dispatched, failed]).when(dispatch).then([dispatched]);
    spec.given([dispatched, failed, dispatched, failed, dispatched, failed]).when(dispatch).thenThrows(DomainRuleViolation, /3 lần/);
  });

  it('a failure needs a dispatch to belong to', () => {
    spec
      .given([])
      .when(fail)
      .thenThrows(DomainRuleViolation, /Chưa gửi thư tổng hợp/);
    spec.given([dispatched, failed]).when(fail).thenThrows(DomainRuleViolation);
  });
});
