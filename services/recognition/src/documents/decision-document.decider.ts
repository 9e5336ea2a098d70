import type { Actor, AwardDecidedData, DocumentIssuedData } from '@cem/contracts';
import { RECOGNITION_EVENTS as E } from '@cem/contracts';
import type { Decider } from '@cem/decider';
import { proposalPolicy } from '../proposals/proposal.policy';
import type { ProposalRecord } from '../proposals/proposal.state';
import { ensure } from '../shared/domain-rule';

/**
 * The award decision as a document: every award decided under one number in one jurisdiction is one decision with
 * its list. Each issuance is a version; a version issued after more works were decided under the number supersedes
 * the previous one. Asking again with the same list issues nothing.
 */
export interface DecisionDocumentState {
  versions: DocumentIssuedData[];
}

export interface IssueDecisionDocument {
  type: 'IssueDecisionDocument';
  actor: Actor;
  /** The proposal the request was made on (the access policy's record). */
  proposal: ProposalRecord;
  /** Every award decided under the number, from the event log, in the list's order. */
  decisions: AwardDecidedData[];
  /** The rendered version, to be recorded if the list changed. */
  document: DocumentIssuedData;
}

export type DecisionDocumentEvent = { type: typeof E.DocumentIssued; data: DocumentIssuedData };

/** Decision numbers contain '/', which stream ids keep as they are. */
export const decisionDocumentStreamId = (jurisdictionUnitId: string, decisionNumber: string) =>
  `award-decision-${jurisdictionUnitId}-${decisionNumber}`;

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

export const decisionDocumentDecider: Decider<DecisionDocumentState, IssueDecisionDocument, DecisionDocumentEvent> = {
  initialState: () => ({ versions: [] }),
  evolve: (state, event) => (event.type === E.DocumentIssued ? { versions: [...state.versions, event.data] } : state),
  decide(command, state) {
    proposalPolicy.assert('issue', command.actor, command.proposal);
    const { decisions, document } = command;
    ensure(decisions.length, 'not-decided', 'Đề nghị này chưa có quyết định khen thưởng');
    const proposalIds = decisions.map((d) => d.proposalId);
    ensure(sameList(proposalIds, document.proposalIds), 'document-list-mismatch', 'Danh sách của văn bản khác danh sách quyết định');
    ensure(document.kind === 'award-decision', 'document-kind-mismatch', 'Văn bản không phải quyết định khen thưởng');
    const latest = state.versions.at(-1);
    if (latest && sameList(latest.proposalIds, proposalIds)) return [];
    return [{ type: E.DocumentIssued, data: { ...document, ...(latest ? { supersedes: latest.documentId } : {}) } }];
  },
};
