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
  ensure(state.status !== 'revoked', 'award-revoked', 'the award has been revoked');
  ensure(
    state.decision && (state.status === 'decided' || state.status === 'issued'),
    'not-decided',
    'no award has been decided on this proposal',
  );
  return state as Decided;
}

function decideAward(command: Extract<AwardDecisionCommand, { type: 'DecideAward' }>, current: ExistingProposal): ProposalEvent[] {
  const { award, proposalId } = command;
  const p = current.proposal;
  ensure(!current.decision, 'already-decided', 'an award has already been decided on this proposal');
  ensure(current.status === 'verified', 'not-verified', 'the Emulation and Reward Board has not verified the achievements');
  ensure(award.level === p.level, 'award-level-mismatch', `${award.name} is a ${award.level} award; the proposal is at ${p.level} level`);
  ensure(!award.campaignId || award.campaignId === p.campaignId, 'award-campaign-mismatch', `${award.name} belongs to another campaign`);
  const twice = command.heldAwards.find((h) => h.awardCode === award.awardCode && h.proposalId !== proposalId);
  ensure(!twice, 'award-already-held', `the dossier already holds ${award.name}`, { proposalId: twice?.proposalId });
  const recipients = command.recipients ?? p.recipients;
  const refused = recipients.filter((r) => !award.recipientKinds.includes(r.kind));
  ensure(!refused.length, 'recipient-kind-not-eligible', `${award.name} is not given to ${refused.map((r) => r.kind).join(', ')}`);
  ensure(command.signer?.trim(), 'signer-required', 'the decision names its signer');
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
      ensure(current.status === 'decided', 'already-issued', 'the award has already been handed over');
      ensure(
        dayOf(command.ceremonyDate) >= dayOf(decided.decision.decisionDate),
        'ceremony-before-decision',
        'the ceremony cannot precede the decision',
      );
      const { ceremonyDate, certificateNumber } = command;
      return [{ type: E.AwardIssued, data: { ...keysOf(decided), ceremonyDate, ...(certificateNumber ? { certificateNumber } : {}) } }];
    }
    case 'RevokeAward': {
      proposalPolicy.assert('revoke', command.actor, current.proposal);
      ensure(command.reason?.trim(), 'reason-required', 'revoking an award needs a reason');
      const decided = requireDecided(current);
      ensure(
        dayOf(command.decisionDate) >= dayOf(decided.decision.decisionDate),
        'revocation-before-decision',
        'a revocation cannot precede the award decision',
      );
      const { reason, decisionNumber, decisionDate } = command;
      return [{ type: E.AwardRevoked, data: { ...keysOf(decided), reason, decisionNumber, decisionDate } }];
    }
  }
}
