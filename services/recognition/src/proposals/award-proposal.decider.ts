import type { Decider } from '@cem/decider';
import { AwardDecisionCommand, decideAwardDecision } from '../decisions/award-decision.decide';
import { decideCertificates, IssueCertificates } from '../documents/certificate-issuance.decide';
import { decideProposalStage, ProposalStageCommand } from './proposal-stage.decide';
import { evolveProposal, initialProposalState, ProposalEvent, ProposalState } from './proposal.state';

export type ProposalCommand = ProposalStageCommand | AwardDecisionCommand | IssueCertificates;

const DECISION_COMMANDS: ReadonlySet<ProposalCommand['type']> = new Set(['DecideAward', 'IssueAward', 'RevokeAward']);
const isDecisionCommand = (c: ProposalCommand): c is AwardDecisionCommand => DECISION_COMMANDS.has(c.type);

/** One aggregate from the council's proposal to the award and its withdrawal; each stage decides in its own slice. */
export const awardProposalDecider: Decider<ProposalState, ProposalCommand, ProposalEvent> = {
  initialState: initialProposalState,
  evolve: evolveProposal,
  decide: (command, state) => {
    if (command.type === 'IssueCertificates') return decideCertificates(command, state);
    return isDecisionCommand(command) ? decideAwardDecision(command, state) : decideProposalStage(command, state);
  },
};
