import type { Actor, CampaignEditionRef, CouncilEstablishedData, CouncilMember, CouncilRegulations } from '@cem/contracts';
import { COUNCIL_MEMBER_ROLE_LABELS_VI, COUNCILS_EVENTS as E, NotFoundError } from '@cem/contracts';
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

function requireRegisteredAgencies(
  members: readonly Pick<CouncilMember, 'memberId' | 'agencyUnitId'>[],
  registered: readonly string[],
): void {
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
    'Đường dẫn đơn vị phải kết thúc bằng đơn vị địa bàn của Hội đồng',
  );
  const editions = c.editions ?? [];
  ensure(editions.length, 'editions-required', 'Quyết định thành lập phải nêu ít nhất một đợt (phong trào, năm) Hội đồng thẩm định');
  const editionKeys = editions.map((e) => `${e.campaignId}|${e.year}`);
  ensure(new Set(editionKeys).size === editionKeys.length, 'duplicate-edition', 'Một đợt được nêu hai lần');
  const ids = c.members.map((m) => m.memberId);
  ensure(new Set(ids).size === ids.length, 'duplicate-member', 'Một người xuất hiện hai lần trong danh sách thành viên');
  for (const role of LEADING_ROLES) {
    const count = c.members.filter((m) => m.role === role).length;
    ensure(
      count === 1,
      `one-${role}-required`,
      `Hội đồng cần đúng một ${COUNCIL_MEMBER_ROLE_LABELS_VI[role as 'chair' | 'secretary']} (hiện có ${count})`,
    );
  }
  const early = c.members.filter((m) => dayOf(m.effectiveFrom) < dayOf(c.decision.date));
  ensure(!early.length, 'member-before-decision', 'Không thành viên nào được tham gia trước ngày quyết định thành lập');
  assertValidRegulations(c.regulations, c.members.length);
  requireRegisteredAgencies(c.members, registered);
  return [{ type: E.CouncilEstablished, data: c }];
}

function requireEstablished(state: CouncilState, councilId: string): EstablishedCouncil {
  if (state.status !== 'established') throw new NotFoundError(`Không tìm thấy Hội đồng ${councilId}`);
  return state;
}

function requireReason(reason: string): void {
  ensure(reason?.trim(), 'reason-required', 'Thay đổi thành viên hoặc quy chế cần nêu lý do');
}

function requireNotBeforeEstablishment(council: EstablishedCouncil, effectiveFrom: string): void {
  ensure(
    dayOf(effectiveFrom) >= dayOf(council.decision.date),
    'effective-before-establishment',
    'Thay đổi không thể có hiệu lực trước ngày thành lập Hội đồng',
  );
}

function requireOpenSeat(council: EstablishedCouncil, memberId: string, effectiveFrom: string) {
  const seat = openTenure(council, memberId);
  ensure(seat, 'not-a-member', `${memberId} hiện không là thành viên Hội đồng`);
  // A change on the seat's first day would leave an empty tenure nobody can reason about.
  ensure(dayOf(effectiveFrom) > seat.from, 'effective-before-seat', `Thay đổi phải có hiệu lực sau ngày ${seat.from}`);
  return seat;
}

function decide(command: CouncilCommand, state: CouncilState): CouncilEvent[] {
  if (command.type === 'EstablishCouncil') {
    ensure(state.status === 'none', 'council-exists', `Hội đồng ${command.council.councilId} đã được thành lập`);
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
      ensure(!openTenure(council, member.memberId), 'already-member', `${member.memberId} đã là thành viên Hội đồng`);
      ensure(!LEADING_ROLES.includes(member.role), 'leading-role-taken', 'Chủ tịch và Thư ký Hội đồng chỉ thay đổi bằng cách thay thế');
      requireRegisteredAgencies([member], command.registeredAgencyUnitIds);
      return [{ type: E.MemberAdded, data: { councilId, member, reason: command.reason } }];
    }
    case 'ReplaceMember': {
      const { newMember, effectiveFrom } = command;
      requireNotBeforeEstablishment(council, effectiveFrom);
      const old = requireOpenSeat(council, command.oldMemberId, effectiveFrom);
      ensure(!openTenure(council, newMember.memberId), 'already-member', `${newMember.memberId} đã là thành viên Hội đồng`);
      requireRegisteredAgencies([newMember], command.registeredAgencyUnitIds);
      const leading = [old.role, newMember.role].filter((r) => LEADING_ROLES.includes(r));
      ensure(
        !leading.length || old.role === newMember.role,
        'leading-role-mismatch',
        'Người thay Chủ tịch hoặc Thư ký Hội đồng phải đảm nhận đúng vai trò đó',
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
      ensure(!LEADING_ROLES.includes(seat.role), 'leading-role-required', 'Chủ tịch hoặc Thư ký Hội đồng chỉ có thể được thay thế');
      const remaining = council.tenures.filter((t) => t.until === undefined).length - 1;
      ensure(
        remaining >= council.regulations.quorum,
        'quorum-above-membership',
        `Miễn nhiệm sẽ còn ${remaining} thành viên, dưới số tối thiểu ${council.regulations.quorum}`,
      );
      const { memberId, effectiveFrom, reason } = command;
      return [{ type: E.MemberRemoved, data: { councilId, memberId, effectiveFrom, reason } }];
    }
    case 'AddEdition': {
      const { edition, reason } = command;
      ensure(
        council.standing,
        'not-a-standing-council',
        'Chỉ Hội đồng thường trực được giao thêm đợt; Hội đồng theo đợt được thành lập cho các đợt đã nêu',
      );
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
