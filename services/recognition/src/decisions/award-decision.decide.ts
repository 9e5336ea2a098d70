import type { Actor, AwardDefinedData, AwardKeys, AwardRecipient } from '@cem/contracts';
import { RECOGNITION_EVENTS as E } from '@cem/contracts';
import { proposalPolicy } from '../proposals/proposal.policy';
import { requireProposal } from '../proposals/proposal-stage.decide';
import type { ExistingProposal, ProposalEvent, ProposalState } from '../proposals/proposal.state';
import { dayOf, ensure } from '../shared/domain-rule';

/** An award the dossier already holds (not revoked), as the handler found it in the awards read model. */
export interface HeldAward {
  proposalId: string;
  awardCode: string;
}

export type AwardDecisionCommand =
  | {
      type: 'DecideAward';
      actor: Actor;
      proposalId: string;
      /** The catalogue entry, looked up by the handler. */
      award: AwardDefinedData;
      /** Awards the proposal's dossier already holds, looked up by the handler. */
      heldAwards: HeldAward[];
      decisionNumber: string;
      decisionDate: string;
      signer: string;
      /** Defaults to the proposal's recipients. */
      recipients?: AwardRecipient[];
      /** Căn cứ printed in the decision; defaults to the law and its decree (documents/legal-bases.ts). */
      legalBases?: string[];
      /** The heading of the decision, e.g. 'ỦY BAN NHÂN DÂN TỈNH HÀ NAM'. */
      issuingAuthority?: string;
    }
  | { type: 'IssueAward'; actor: Actor; proposalId: string; ceremonyDate: string; certificateNumber?: string }
  | { type: 'RevokeAward'; actor: Actor; proposalId: string; reason: string; decisionNumber: string; decisionDate: string };

type Decided = ExistingProposal & { decision: NonNullable<ExistingProposal['decision']> };

function keysOf(state: Decided): AwardKeys {
  const { proposalId, dossierId, fieldCode, level, jurisdictionUnitId, year } = state.proposal;
  return {
    proposalId,
    ...(dossierId ? { dossierId } : {}),
    awardCode: state.decision.awardCode,
    level,
    jurisdictionUnitId,
    year,
    ...(fieldCode ? { fieldCode } : {}),
  };
}

function requireDecided(state: ExistingProposal): Decided {
  ensure(state.status !== 'revoked', 'award-revoked', 'Khen thưởng đã bị thu hồi');
  ensure(
    state.decision && (state.status === 'decided' || state.status === 'issued'),
    'not-decided',
    'Đề nghị này chưa có quyết định khen thưởng',
  );
  return state as Decided;
}

function decideAward(command: Extract<AwardDecisionCommand, { type: 'DecideAward' }>, current: ExistingProposal): ProposalEvent[] {
  const { award, proposalId } = command;
  const p = current.proposal;
  ensure(!current.decision, 'already-decided', 'Đề nghị này đã có quyết định khen thưởng');
  ensure(current.status === 'verified', 'not-verified', 'Ban Thi đua - Khen thưởng chưa thẩm định thành tích');
  ensure(award.level === p.level, 'award-level-mismatch', `${award.name} is a ${award.level} award; the proposal is at ${p.level} level`);
  ensure(!award.campaignId || award.campaignId === p.campaignId, 'award-campaign-mismatch', `${award.name} belongs to another campaign`);
  const twice = command.heldAwards.find((h) => h.awardCode === award.awardCode && h.proposalId !== proposalId);
  ensure(!twice, 'award-already-held', `Hồ sơ đã được khen thưởng ${award.name}`, { proposalId: twice?.proposalId });
  const recipients = command.recipients ?? p.recipients;
  const refused = recipients.filter((r) => !award.recipientKinds.includes(r.kind));
  ensure(!refused.length, 'recipient-kind-not-eligible', `${award.name} is not given to ${refused.map((r) => r.kind).join(', ')}`);
  ensure(command.signer?.trim(), 'signer-required', 'Quyết định phải ghi người ký');
  return [
    {
      type: E.AwardDecided,
      data: {
        proposalId,
        ...(p.dossierId ? { dossierId: p.dossierId } : {}),
        awardCode: award.awardCode,
        awardName: award.name,
        level: p.level,
        jurisdictionUnitId: p.jurisdictionUnitId,
        year: p.year,
        ...(p.fieldCode ? { fieldCode: p.fieldCode } : {}),
        ...(p.campaignId ? { campaignId: p.campaignId } : {}),
        title: p.title,
        decisionNumber: command.decisionNumber,
        decisionDate: command.decisionDate,
        signer: command.signer,
        recipients,
        jurisdictionUnitPath: p.jurisdictionUnitPath,
        ...(command.legalBases?.length ? { legalBases: command.legalBases } : {}),
        ...(command.issuingAuthority ? { issuingAuthority: command.issuingAuthority } : {}),
        ...(p.nominatingUnitName ? { nominatingUnitName: p.nominatingUnitName } : {}),
      },
    },
  ];
}

export function decideAwardDecision(command: AwardDecisionCommand, state: ProposalState): ProposalEvent[] {
  const current = requireProposal(state, command.proposalId);
  switch (command.type) {
    case 'DecideAward':
      proposalPolicy.assert('decide', command.actor, current.proposal);
      return decideAward(command, current);
    case 'IssueAward': {
      proposalPolicy.assert('issue', command.actor, current.proposal);
      const decided = requireDecided(current);
      ensure(current.status === 'decided', 'already-issued', 'Khen thưởng đã được trao tặng');
      ensure(
        dayOf(command.ceremonyDate) >= dayOf(decided.decision.decisionDate),
        'ceremony-before-decision',
        'Ngày trao tặng không thể trước ngày quyết định',
      );
      const { ceremonyDate, certificateNumber } = command;
      return [{ type: E.AwardIssued, data: { ...keysOf(decided), ceremonyDate, ...(certificateNumber ? { certificateNumber } : {}) } }];
    }
    case 'RevokeAward': {
      proposalPolicy.assert('revoke', command.actor, current.proposal);
      ensure(command.reason?.trim(), 'reason-required', 'Thu hồi khen thưởng cần nêu lý do');
      const decided = requireDecided(current);
      ensure(
        dayOf(command.decisionDate) >= dayOf(decided.decision.decisionDate),
        'revocation-before-decision',
        'Thu hồi không thể trước ngày quyết định khen thưởng',
      );
      const { reason, decisionNumber, decisionDate } = command;
      return [{ type: E.AwardRevoked, data: { ...keysOf(decided), reason, decisionNumber, decisionDate } }];
    }
  }
}
