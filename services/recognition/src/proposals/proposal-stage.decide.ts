import type { Actor, AwardRecipient, CommendationProposedData, HonourProposedData, ProposalReceivedData } from '@cem/contracts';
import { NotFoundError, PROPOSAL_STATUS_LABELS_VI, RECOGNITION_EVENTS as E } from '@cem/contracts';
import { ensure } from '../shared/domain-rule';
import { proposalPolicy } from './proposal.policy';
import type { ExistingProposal, ProposalEvent, ProposalState } from './proposal.state';

export type ProposalStageCommand =
  | { type: 'ReceiveHonourProposal'; proposal: HonourProposedData }
  | { type: 'ProposeCommendation'; actor: Actor; commendation: Omit<CommendationProposedData, 'proposedByUnitId'> }
  | { type: 'VerifyAchievements'; actor: Actor; proposalId: string; note?: string }
  | { type: 'SendBackProposal'; actor: Actor; proposalId: string; reason: string }
  | { type: 'ResubmitProposal'; actor: Actor; proposalId: string; note?: string; recipients?: AwardRecipient[] };

export function requireProposal(state: ProposalState, proposalId: string): ExistingProposal {
  if (state.status === 'none') throw new NotFoundError(`Không tìm thấy đề nghị ${proposalId}`);
  return state;
}

/** Copies field by field, so that whatever councils add to its event later does not leak into ours. */
function receivedFrom(p: HonourProposedData): ProposalReceivedData {
  const { proposalId, caseId, dossierId, councilId, level, jurisdictionUnitId, jurisdictionUnitPath } = p;
  const { campaignId, year, fieldCode, title, grade, score, rank, proposedAward } = p;
  const recipients = p.recipients.map(({ name, kind }) => ({ name, kind }));
  return {
    ...{ proposalId, caseId, dossierId, councilId, level, jurisdictionUnitId, jurisdictionUnitPath },
    ...{ campaignId, year, fieldCode, title, grade, score, rank, recipients },
    ...(proposedAward ? { proposedAward } : {}),
    ...(p.nominatingUnitId ? { nominatingUnitId: p.nominatingUnitId } : {}),
    ...(p.nominatingUnitName ? { nominatingUnitName: p.nominatingUnitName } : {}),
    ...(p.authors ? { authors: p.authors.map(({ name }) => ({ name })) } : {}),
  };
}

/** Verification and send-back both judge a proposal that is waiting for the board, and nothing else. */
function requireAwaitingBoard(state: ExistingProposal): void {
  ensure(state.status !== 'sent-back', 'awaiting-resubmission', 'Đề nghị đã bị trả lại và chưa được trình lại');
  ensure(
    state.status === 'received',
    'already-verified',
    `Đề nghị đã ở trạng thái ${PROPOSAL_STATUS_LABELS_VI[state.status] ?? state.status}`,
  );
}

export function decideProposalStage(command: ProposalStageCommand, state: ProposalState): ProposalEvent[] {
  switch (command.type) {
    case 'ReceiveHonourProposal': {
      // At-least-once delivery: the same council proposal arriving again changes nothing.
      if (state.status !== 'none') return [];
      return [{ type: E.ProposalReceived, data: receivedFrom(command.proposal) }];
    }
    case 'ProposeCommendation': {
      const { actor, commendation } = command;
      proposalPolicy.assert('propose-commendation', actor, { ...commendation, origin: 'commendation' });
      ensure(state.status === 'none', 'proposal-exists', `Đề nghị ${commendation.proposalId} đã tồn tại`);
      ensure(commendation.achievements?.trim(), 'achievements-required', 'Đề nghị khen thưởng đơn vị phải nêu thành tích');
      return [{ type: E.CommendationProposed, data: { ...commendation, proposedByUnitId: actor.unitId } }];
    }
    case 'VerifyAchievements': {
      const current = requireProposal(state, command.proposalId);
      proposalPolicy.assert('verify', command.actor, current.proposal);
      requireAwaitingBoard(current);
      const data = { proposalId: command.proposalId, verifiedBy: command.actor.id, ...(command.note ? { note: command.note } : {}) };
      return [{ type: E.AchievementsVerified, data }];
    }
    case 'SendBackProposal': {
      const current = requireProposal(state, command.proposalId);
      proposalPolicy.assert('send-back', command.actor, current.proposal);
      ensure(command.reason?.trim(), 'reason-required', 'Trả lại đề nghị cần nêu lý do');
      requireAwaitingBoard(current);
      return [{ type: E.ProposalSentBack, data: { proposalId: command.proposalId, sentBackBy: command.actor.id, reason: command.reason } }];
    }
    case 'ResubmitProposal': {
      const current = requireProposal(state, command.proposalId);
      proposalPolicy.assert('resubmit', command.actor, current.proposal);
      ensure(current.status === 'sent-back', 'not-sent-back', 'Chỉ đề nghị đã bị trả lại mới được trình lại');
      const { proposalId, note, recipients, actor } = command;
      return [
        {
          type: E.ProposalResubmitted,
          data: { proposalId, resubmittedBy: actor.id, ...(note ? { note } : {}), ...(recipients ? { recipients } : {}) },
        },
      ];
    }
  }
}
