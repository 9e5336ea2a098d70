import { Actor, MandateGrantedData, NotFoundError, Role, SUBMISSIONS_EVENTS as E, SubmissionsEvent } from '@cem/contracts';
import type { Decider } from '@cem/decider';
import { ensure, ensureAllowed, isWithin } from '../shared/rules';
import type { ResolvedUnit } from '../campaigns/campaign.decider';

export type MandateEvent = SubmissionsEvent<typeof E.MandateGranted | typeof E.MandateRevoked>;

export interface GrantMandate {
  type: 'GrantMandate';
  actor: Actor;
  mandateId: string;
  holder: ResolvedUnit;
  jurisdiction: ResolvedUnit;
  role: Role;
  /** yyyy-MM-dd: the decision's effective date. */
  from: string;
  decisionRef: string;
}

export interface RevokeMandate {
  type: 'RevokeMandate';
  actor: Actor;
  until: string;
  decisionRef: string;
}

export type MandateCommand = GrantMandate | RevokeMandate;

export type MandateState = { granted: false } | { granted: true; mandate: MandateGrantedData; until?: string };

/** Roles nobody acts in by mandate: administration and audit are the platform's own, not a jurisdiction's. */
const NOT_DELEGABLE: ReadonlySet<Role> = new Set<Role>(['admin', 'auditor', 'analyst']);

/** Only the jurisdiction's own competent authority (or the platform administrator) grants or ends its mandates. */
function ensureCompetent(actor: Actor, jurisdictionUnitId: string): void {
  ensureAllowed(
    actor.role === 'admin' || (actor.role === 'authority' && actor.unitId === jurisdictionUnitId && !actor.mandate),
    `Chỉ cấp có thẩm quyền của ${jurisdictionUnitId} được giao hoặc chấm dứt ủy quyền cho địa bàn này`,
  );
}

function grant(c: GrantMandate, state: MandateState): MandateEvent[] {
  ensureCompetent(c.actor, c.jurisdiction.unitId);
  ensure(!state.granted, 'mandate-exists', `Ủy quyền ${c.mandateId} đã có`);
  ensure(!NOT_DELEGABLE.has(c.role), 'role-not-delegable', `Không ủy quyền vai trò ${c.role}`);
  ensure(c.holder.unitId !== c.jurisdiction.unitId, 'mandate-to-itself', 'Đơn vị không cần ủy quyền cho chính mình');
  // The board under the Department of Home Affairs acts for its own province, never for another one.
  ensure(
    isWithin(c.holder.unitPath, c.jurisdiction.unitPath),
    'holder-outside-jurisdiction',
    `Đơn vị ${c.holder.unitId} không thuộc ${c.jurisdiction.unitId}`,
  );
  ensure(/^\d{4}-\d{2}-\d{2}$/.test(c.from), 'date-invalid', 'Ngày hiệu lực phải theo dạng yyyy-MM-dd');
  return [
    {
      type: E.MandateGranted,
      data: {
        mandateId: c.mandateId,
        holderUnitId: c.holder.unitId,
        holderUnitPath: c.holder.unitPath,
        jurisdictionUnitId: c.jurisdiction.unitId,
        jurisdictionUnitPath: c.jurisdiction.unitPath,
        jurisdictionLevel: c.jurisdiction.level,
        role: c.role,
        from: c.from,
        decisionRef: c.decisionRef,
      },
    },
  ];
}

function revoke(c: RevokeMandate, state: MandateState): MandateEvent[] {
  if (!state.granted) throw new NotFoundError('Không tìm thấy ủy quyền');
  ensureCompetent(c.actor, state.mandate.jurisdictionUnitId);
  ensure(!state.until, 'mandate-already-ended', `Ủy quyền đã chấm dứt từ ${state.until}`);
  ensure(/^\d{4}-\d{2}-\d{2}$/.test(c.until), 'date-invalid', 'Ngày chấm dứt phải theo dạng yyyy-MM-dd');
  ensure(c.until >= state.mandate.from, 'until-before-from', `Ngày chấm dứt trước ngày hiệu lực ${state.mandate.from}`);
  return [{ type: E.MandateRevoked, data: { mandateId: state.mandate.mandateId, until: c.until, decisionRef: c.decisionRef } }];
}

export const mandateDecider: Decider<MandateState, MandateCommand, MandateEvent> = {
  initialState: () => ({ granted: false }),
  decide: (command, state) => (command.type === 'GrantMandate' ? grant(command, state) : revoke(command, state)),
  evolve: (state, event) =>
    event.type === E.MandateGranted
      ? { granted: true, mandate: event.data }
      : state.granted
        ? { ...state, until: event.data.until }
        : state,
};
