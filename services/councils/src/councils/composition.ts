import type { CouncilMember, CouncilMemberRole, DomainEvent } from '@cem/contracts';
import { COUNCILS_EVENTS as E } from '@cem/contracts';
import type { MemberAddedData, MemberRemovedData, MemberReplacedData } from '@cem/contracts';
import { dayOf } from './domain-rule';

/** One person's seat on the council for a span of days: [from, until). */
export interface Tenure {
  memberId: string;
  personName: string;
  personId?: string;
  agencyUnitId: string;
  agencyName: string;
  role: CouncilMemberRole;
  from: string;
  /** First day the person no longer sits; absent while the seat is held. */
  until?: string;
  endReason?: string;
}

export interface MembershipHistory {
  tenures: readonly Tenure[];
}

export function tenureOf(member: CouncilMember): Tenure {
  const { effectiveFrom, personId, ...rest } = member;
  return { ...rest, ...(personId ? { personId } : {}), from: dayOf(effectiveFrom) };
}

const sitsOn = (t: Tenure, day: string) => t.from <= day && (t.until === undefined || day < t.until);

/** Who sat on the council on a date (the question asked when membership is renewed mid-year). */
export function compositionOn(council: MembershipHistory, date: string): Tenure[] {
  const day = dayOf(date);
  return council.tenures.filter((t) => sitsOn(t, day));
}

export function seatOn(council: MembershipHistory, memberId: string, date: string): Tenure | undefined {
  return compositionOn(council, date).find((t) => t.memberId === memberId);
}

/** The seat a member holds now (not ended), whatever its start date. */
export function openTenure(council: MembershipHistory, memberId: string): Tenure | undefined {
  return council.tenures.find((t) => t.memberId === memberId && t.until === undefined);
}

function closeTenure(tenures: readonly Tenure[], memberId: string, until: string, reason: string): Tenure[] {
  return tenures.map((t) => (t.memberId === memberId && t.until === undefined ? { ...t, until: dayOf(until), endReason: reason } : t));
}

/** Membership history after a membership event; shared by the decider and the composition read model. */
export function applyMembershipEvent(tenures: readonly Tenure[], event: DomainEvent): Tenure[] {
  switch (event.type) {
    case E.MemberAdded:
      return [...tenures, tenureOf((event.data as MemberAddedData).member)];
    case E.MemberReplaced: {
      const d = event.data as MemberReplacedData;
      const newMember = { ...d.newMember, effectiveFrom: d.effectiveFrom };
      return [...closeTenure(tenures, d.oldMemberId, d.effectiveFrom, d.reason), tenureOf(newMember)];
    }
    case E.MemberRemoved: {
      const d = event.data as MemberRemovedData;
      return closeTenure(tenures, d.memberId, d.effectiveFrom, d.reason);
    }
    default:
      return [...tenures];
  }
}
