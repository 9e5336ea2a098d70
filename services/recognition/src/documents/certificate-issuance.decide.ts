import type { Actor, DocumentIssuedData } from '@cem/contracts';
import { RECOGNITION_EVENTS as E } from '@cem/contracts';
import { proposalPolicy } from '../proposals/proposal.policy';
import { requireProposal } from '../proposals/proposal-stage.decide';
import type { ProposalEvent, ProposalState } from '../proposals/proposal.state';
import { ensure } from '../shared/domain-rule';

/** Issue the certificates of a decided award: one per recipient, rendered and hashed by the adapter beforehand. */
export interface IssueCertificates {
  type: 'IssueCertificates';
  actor: Actor;
  proposalId: string;
  documents: DocumentIssuedData[];
}

/**
 * A certificate is issued for a decided (or presented) award that stands, once per recipient named in the decision:
 * a recipient who already holds one gets nothing new (asking again is harmless).
 */
export function decideCertificates(command: IssueCertificates, state: ProposalState): ProposalEvent[] {
  const current = requireProposal(state, command.proposalId);
  proposalPolicy.assert('issue', command.actor, current.proposal);
  ensure(current.status !== 'revoked', 'award-revoked', 'Khen thưởng đã bị thu hồi: không cấp giấy chứng nhận');
  const decision = current.decision;
  ensure(decision, 'not-decided', 'Đề nghị này chưa có quyết định khen thưởng');
  const named = new Set(decision.recipients.map((r) => r.name));
  const held = new Set((current.certificates ?? []).map((c) => c.recipientName));
  const unknown = command.documents.find((d) => d.kind !== 'certificate' || !d.recipient || !named.has(d.recipient.name));
  ensure(!unknown, 'recipient-not-in-decision', `Quyết định không ghi tên ${unknown?.recipient?.name ?? ''}`);
  return command.documents
    .filter((d) => !held.has(d.recipient!.name))
    .map((d) => ({ type: E.DocumentIssued, data: { ...d, proposalIds: [command.proposalId] } }));
}
