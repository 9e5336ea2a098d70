import type { Actor, CampaignEditionRef, CouncilEstablishedData, CouncilMember, CouncilRegulations } from '@cem/contracts';
import { COUNCILS_EVENTS as E, NotFoundError } from '@cem/contracts';
import type { Decider } from '@cem/decider';
import { openTenure } from './composition';
import { councilPolicy } from './council.policy';
import { CouncilEvent, CouncilState, EstablishedCouncil, evolveCouncil, initialCouncilState, servesEdition } from './council.state';
import { dayOf, ensure } from './domain-rule';
import { assertValidRegulations } from './regulations.rules';

/**
 * The units registered (submissions' unit tree, copied into this service) among the members' agencies, looked up
 * by the adapter: every member's agency must be one of them.
 */
interface KnowsUnits {
  registeredAgencyUnitIds: readonly string[];
}

export type CouncilCommand =
  | ({ type: 'EstablishCouncil'; actor: Actor; council: CouncilEstablishedData } & KnowsUnits)
  | ({ type: 'AddMember'; actor: Actor; councilId: string; member: CouncilMember; reason: string } & KnowsUnits)
  | ({
      type: 'ReplaceMember';
      actor: Actor;
      councilId: string;
      oldMemberId: string;
      newMember: Omit<CouncilMember, 'effectiveFrom'>;
      effectiveFrom: string;
      reason: string;
    } & KnowsUnits)
  | { type: 'RemoveMember'; actor: Actor; councilId: string; memberId: string; effectiveFrom: string; reason: string }
  | {
      type: 'AmendRegulations';
      actor: Actor;
      councilId: string;
      regulations: CouncilRegulations;
      effectiveFrom: string;
      reason: string;
    }
  | { type: 'AddEdition'; actor: Actor; councilId: string; edition: CampaignEditionRef; reason: string };

/** Chair and secretary seats are never left empty: they change hands only by replacement. */
const LEADING_ROLES = ['chair', 'secretary'];

function requireRegisteredAgencies(members: readonly Pick<CouncilMember, 'memberId' | 'agencyUnitId'>[], registered: readonly string[]): void {
  const unknown = members.filter((m) => !registered.includes(m.agencyUnitId));
  ensure(
    !unknown.length,
    'agency-not-registered',
    `Cơ quan công tác của thành viên phải là đơn vị đã đăng ký: ${unknown.map((m) => `${m.memberId} (${m.agencyUnitId})`).join(', ')}`,
    { agencyUnitIds: unknown.map((m) => m.agencyUnitId) },
  );
}

function establish(actor: Actor, c: CouncilEstablishedData, registered: readonly string[]): CouncilEvent[] {
  councilPolicy.assert('establish', actor, c);
  ensure(
    c.jurisdictionUnitPath[c.jurisdictionUnitPath.length - 1] === c.jurisdictionUnitId,
    'invalid-jurisdiction-path',
    'the jurisdiction unit path must end with the jurisdiction unit',
  );
  const editions = c.editions ?? [];
  ensure(editions.length, 'editions-required', 'Quyết định thành lập phải nêu ít nhất một đợt (phong trào, năm) Hội đồng thẩm định');
  const editionKeys = editions.map((e) => `${e.campaignId}|${e.year}`);
  ensure(new Set(editionKeys).size === editionKeys.length, 'duplicate-edition', 'Một đợt được nêu hai lần');
  const ids = c.members.map((m) => m.memberId);
  ensure(new Set(ids).size === ids.length, 'duplicate-member', 'a person appears twice among the members');
  for (const role of LEADING_ROLES) {
    const count = c.members.filter((m) => m.role === role).length;
    ensure(count === 1, `one-${role}-required`, `the council needs exactly one ${role} (found ${count})`);
  }
  const early = c.members.filter((m) => dayOf(m.effectiveFrom) < dayOf(c.decision.date));
  ensure(!early.length, 'member-before-decision', 'no member can sit before the establishing decision');
  assertValidRegulations(c.regulations, c.members.length);
  requireRegisteredAgencies(c.members, registered);
  return [{ type: E.CouncilEstablished, data: c }];
}

function requireEstablished(state: CouncilState, councilId: string): EstablishedCouncil {
  if (state.status !== 'established') throw new NotFoundError(`council ${councilId} does not exist`);
  return state;
}

function requireReason(reason: string): void {
  ensure(reason?.trim(), 'reason-required', 'a membership or regulation change needs a reason');
}

function requireNotBeforeEstablishment(council: EstablishedCouncil, effectiveFrom: string): void {
  ensure(
    dayOf(effectiveFrom) >= dayOf(council.decision.date),
    'effective-before-establishment',
    'a change cannot take effect before the council was established',
  );
}

function requireOpenSeat(council: EstablishedCouncil, memberId: string, effectiveFrom: string) {
  const seat = openTenure(council, memberId);
  ensure(seat, 'not-a-member', `${memberId} does not currently sit on the council`);
  // A change on the seat's first day would leave an empty tenure nobody can reason about.
  ensure(dayOf(effectiveFrom) > seat.from, 'effective-before-seat', `the change must take effect after ${seat.from}`);
  return seat;
}

function decide(command: CouncilCommand, state: CouncilState): CouncilEvent[] {
  if (command.type === 'EstablishCouncil') {
    ensure(state.status === 'none', 'council-exists', `council ${command.council.councilId} already exists`);
    return establish(command.actor, command.council, command.registeredAgencyUnitIds);
  }
  const council = requireEstablished(state, command.councilId);
  councilPolicy.assert('renew', command.actor, council);
  requireReason(command.reason);
  const { councilId } = council;
  switch (command.type) {
    case 'AddMember': {
      const { member } = command;
      requireNotBeforeEstablishment(council, member.effectiveFrom);
      ensure(!openTenure(council, member.memberId), 'already-member', `${member.memberId} already sits on the council`);
      ensure(!LEADING_ROLES.includes(member.role), 'leading-role-taken', 'chair and secretary change only by replacement');
      requireRegisteredAgencies([member], command.registeredAgencyUnitIds);
      return [{ type: E.MemberAdded, data: { councilId, member, reason: command.reason } }];
    }
    case 'ReplaceMember': {
      const { newMember, effectiveFrom } = command;
      requireNotBeforeEstablishment(council, effectiveFrom);
      const old = requireOpenSeat(council, command.oldMemberId, effectiveFrom);
      ensure(!openTenure(council, newMember.memberId), 'already-member', `${newMember.memberId} already sits on the council`);
      requireRegisteredAgencies([newMember], command.registeredAgencyUnitIds);
      const leading = [old.role, newMember.role].filter((r) => LEADING_ROLES.includes(r));
      ensure(
        !leading.length || old.role === newMember.role,
        'leading-role-mismatch',
        'the chair or the secretary is replaced by someone taking the same role',
      );
      return [
        {
          type: E.MemberReplaced,
          data: { councilId, oldMemberId: old.memberId, newMember: { ...newMember, effectiveFrom }, effectiveFrom, reason: command.reason },
        },
      ];
    }
    case 'RemoveMember': {
      const seat = requireOpenSeat(council, command.memberId, command.effectiveFrom);
      ensure(!LEADING_ROLES.includes(seat.role), 'leading-role-required', 'the chair or secretary can only be replaced');
      const remaining = council.tenures.filter((t) => t.until === undefined).length - 1;
      ensure(
        remaining >= council.regulations.quorum,
        'quorum-above-membership',
        `removing leaves ${remaining} members, below the quorum of ${council.regulations.quorum}`,
      );
      const { memberId, effectiveFrom, reason } = command;
      return [{ type: E.MemberRemoved, data: { councilId, memberId, effectiveFrom, reason } }];
    }
    case 'AddEdition': {
      const { edition, reason } = command;
      ensure(council.standing, 'not-a-standing-council', 'Chỉ Hội đồng thường trực được giao thêm đợt; Hội đồng theo đợt được thành lập cho các đợt đã nêu');
      ensure(
        !servesEdition({ editions: council.editions ?? [] }, edition.campaignId, edition.year),
        'edition-already-served',
        `Hội đồng đã thẩm định đợt ${edition.campaignId} năm ${edition.year}`,
      );
      return [{ type: E.CouncilEditionAdded, data: { councilId, edition, reason } }];
    }
    case 'AmendRegulations': {
      requireNotBeforeEstablishment(council, command.effectiveFrom);
      assertValidRegulations(command.regulations, council.tenures.filter((t) => t.until === undefined).length);
      const { regulations, effectiveFrom, reason } = command;
      return [{ type: E.RegulationsAmended, data: { councilId, regulations, effectiveFrom, reason } }];
    }
  }
}

export const councilDecider: Decider<CouncilState, CouncilCommand, CouncilEvent> = {
  initialState: initialCouncilState,
  evolve: (state, event) => evolveCouncil(state, event),
  decide,
};

export const councilStreamId = (councilId: string) => `council-${councilId}`;
