import type { DigestDeliveryFailedData, DigestDispatchedData } from '@cem/contracts';
import { REPORTING_EVENTS as E } from '@cem/contracts';
import type { Decider } from '@cem/decider';
import { ensure } from '../shared/domain-rule';

export type DigestEvent =
  { type: typeof E.DigestDispatched; data: DigestDispatchedData } | { type: typeof E.DigestDeliveryFailed; data: DigestDeliveryFailedData };

export type DigestCommand =
  | { type: 'DispatchDigest'; digest: Omit<DigestDispatchedData, 'dispatchedAt'>; now: string }
  | { type: 'RecordDigestFailure'; personId: string; day: string; reason: string; now: string };

export interface DigestState {
  status: 'none' | 'dispatched' | 'failed';
  attempts: number;
}

/** Attempts per person per day when the mail server keeps refusing. */
export const MAX_DIGEST_ATTEMPTS = 3;

/** One stream per person per day: whoever appends first sends; a second replica loses the race (409) and sends nothing. */
export const digestStreamId = (personId: string, day: string) => `notification-digest-${personId}-${day}`;

export const digestDecider: Decider<DigestState, DigestCommand, DigestEvent> = {
  initialState: () => ({ status: 'none', attempts: 0 }),
  evolve: (state, event) =>
    event.type === E.DigestDispatched ? { status: 'dispatched', attempts: state.attempts + 1 } : { ...state, status: 'failed' },
  decide(command, state) {
    if (command.type === 'RecordDigestFailure') {
      ensure(state.status === 'dispatched', 'digest-not-dispatched', 'Chưa gửi thư tổng hợp nào trong ngày để ghi nhận lỗi');
      const { personId, day, reason, now } = command;
      return [{ type: E.DigestDeliveryFailed, data: { personId, day, reason, failedAt: now } }];
    }
    ensure(state.status !== 'dispatched', 'digest-already-sent', `Đã gửi thư tổng hợp ngày ${command.digest.day}`);
    ensure(state.attempts < MAX_DIGEST_ATTEMPTS, 'digest-attempts-exhausted', `Đã thử gửi ${MAX_DIGEST_ATTEMPTS} lần trong ngày`);
    return [{ type: E.DigestDispatched, data: { ...command.digest, dispatchedAt: command.now } }];
  },
};
