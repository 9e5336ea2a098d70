import type { Actor } from '@cem/contracts';
import { COUNCILS_EVENTS as E, ForbiddenError } from '@cem/contracts';
import { seatOn, Tenure } from '../councils/composition';
import { councilPolicy } from '../councils/council.policy';
import type { CouncilState } from '../councils/council.state';
import { ensure } from '../councils/domain-rule';
import { requireCaseCouncil, requireOpenCase } from './case-guards';
import { conflictReason, detectConflicts } from './conflicts';
import { EvaluationCaseEvent, EvaluationCaseState, isRecused } from './evaluation-case.state';

export interface AssignMembers {
  type: 'AssignMembers';
  actor: Actor;
  caseId: string;
  memberIds: string[];
  assignedAt: string;
  council: CouncilState;
}

export interface DeclareConflict {
  type: 'DeclareConflict';
  actor: Actor;
  caseId: string;
  memberId: string;
  reason: string;
  declaredAt: string;
}

/** Assignment records who was asked; conflicts found on the dossier recuse the member in the same step. */
export function assignMembers(command: AssignMembers, state: EvaluationCaseState): EvaluationCaseEvent[] {
  const c = requireOpenCase(state, command.caseId);
  const council = requireCaseCouncil(c, command.council);
  councilPolicy.assert('assign', command.actor, council);
  const seats: Tenure[] = [];
  for (const memberId of new Set(command.memberIds)) {
    const seat = seatOn(council, memberId, command.assignedAt);
    ensure(seat, 'not-on-council', `${memberId} không là thành viên Hội đồng vào ngày ${command.assignedAt.slice(0, 10)}`);
    if (!c.assigned.includes(memberId)) seats.push(seat);
  }
  ensure(seats.length, 'already-assigned', 'Mọi thành viên được nêu đều đã được phân công');
  const { caseId, dossierId, councilId, fieldCode } = c;
  const events: EvaluationCaseEvent[] = [
    {
      type: E.MembersAssigned,
      data: {
        caseId,
        dossierId,
        councilId,
        fieldCode,
        title: c.dossier.title,
        memberIds: seats.map((s) => s.memberId),
        assignedAt: command.assignedAt,
      },
    },
  ];
  for (const seat of seats) {
    const conflicts = detectConflicts(seat, c.dossier, c.jurisdictionUnitId);
    if (!conflicts.length) continue;
    const memberId = seat.memberId;
    events.push(...conflicts.map((k): EvaluationCaseEvent => ({ type: E.ConflictDetected, data: { caseId, memberId, ...k } })));
    events.push({ type: E.MemberRecused, data: { caseId, memberId, reason: conflictReason(conflicts) } });
  }
  return events;
}

export function declareConflict(command: DeclareConflict, state: EvaluationCaseState): EvaluationCaseEvent[] {
  const c = requireOpenCase(state, command.caseId);
  const { caseId, memberId, reason, declaredAt } = command;
  if (command.actor.id !== memberId) throw new ForbiddenError('Chỉ chính thành viên được khai báo xung đột lợi ích của mình');
  ensure(c.assigned.includes(memberId), 'not-assigned', `${memberId} chưa được phân công chấm hồ sơ ${caseId}`);
  ensure(!isRecused(c, memberId), 'already-recused', `${memberId} đã không tham gia thẩm định hồ sơ ${caseId}`);
  ensure(reason?.trim(), 'reason-required', 'Khai báo xung đột lợi ích cần nêu lý do');
  return [
    { type: E.ConflictDeclared, data: { caseId, memberId, reason, declaredAt } },
    { type: E.MemberRecused, data: { caseId, memberId, reason } },
  ];
}
