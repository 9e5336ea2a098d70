import type { Rule } from '@cem/identity';
import { allOf, atLevel, definePolicy, hasRole, sameUnit } from '@cem/identity';
import type { ProposalRecord } from './proposal.state';

type Scope = Pick<ProposalRecord, 'level' | 'jurisdictionUnitId' | 'origin'>;

/** Everything on a proposal happens at the level and unit the proposal was made for. */
const atProposalUnit = allOf<Scope>(
  sameUnit((p: Scope) => p.jurisdictionUnitId),
  atLevel((p: Scope) => p.level),
);

/** Whoever proposed corrects a sent-back proposal: the council for honours, the standing body for commendations. */
const proposer: Rule<Scope> = (actor, p) =>
  p.origin === 'council' ? hasRole('council-chair', 'council-secretary')(actor, p) : hasRole('standing-body')(actor, p);

/**
 * The plans' chain: the Emulation and Reward Board verifies achievements (thẩm định thành tích), the People's
 * Committee decides (quyết định khen thưởng) and may withdraw its decision.
 */
export const proposalPolicy = definePolicy<
  Scope,
  'propose-commendation' | 'verify' | 'send-back' | 'resubmit' | 'decide' | 'issue' | 'revoke'
>({
  'propose-commendation': allOf(hasRole('standing-body'), atProposalUnit),
  verify: allOf(hasRole('emulation-board'), atProposalUnit),
  'send-back': allOf(hasRole('emulation-board'), atProposalUnit),
  resubmit: allOf(proposer, atProposalUnit),
  decide: allOf(hasRole('authority'), atProposalUnit),
  issue: allOf(hasRole('authority', 'emulation-board'), atProposalUnit),
  revoke: allOf(hasRole('authority'), atProposalUnit),
});
