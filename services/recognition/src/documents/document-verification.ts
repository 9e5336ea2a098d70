import type { AwardRecipient, CertificateKind, DocumentIssuedData, DocumentKind } from '@cem/contracts';
import type { ProposalState } from '../proposals/proposal.state';

/**
 * What the public verification page says about a document, from the events alone (pure): found = genuine (issued
 * by the platform, its SHA-256 recorded); then current, superseded by a later issue, or revoked with its award.
 */
export const DOCUMENT_STATUSES = ['current', 'superseded', 'revoked'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const DOCUMENT_STATUS_LABELS_VI: Record<DocumentStatus, string> = {
  current: 'Văn bản thật, đang có hiệu lực',
  superseded: 'Văn bản thật nhưng đã được thay bằng bản phát hành sau',
  revoked: 'Văn bản thật nhưng khen thưởng đã bị thu hồi',
};

export interface VerifiedWork {
  proposalId: string;
  title: string;
  awardName: string;
  recipients: AwardRecipient[];
  revoked: boolean;
  revocation?: { decisionNumber: string; decisionDate: string; reason: string };
}

export interface DocumentVerification {
  documentId: string;
  kind: DocumentKind;
  certificateKind?: CertificateKind;
  genuine: true;
  status: DocumentStatus;
  statusLabel: string;
  sha256: string;
  issuedAt: string;
  decisionNumber: string;
  decisionDate: string;
  recipientName?: string;
  works: VerifiedWork[];
  supersededBy?: string;
  /** When a SHA-256 was given: whether it is the recorded one (the file in hand is the issued file, unaltered). */
  hashMatches?: boolean;
}

function workOf(state: ProposalState): VerifiedWork | undefined {
  if (state.status === 'none' || !state.decision) return undefined;
  const d = state.decision;
  const r = state.revocation;
  return {
    proposalId: d.proposalId,
    title: d.title,
    awardName: d.awardName,
    recipients: d.recipients,
    revoked: state.status === 'revoked',
    ...(r ? { revocation: { decisionNumber: r.decisionNumber, decisionDate: r.decisionDate, reason: r.reason } } : {}),
  };
}

/**
 * @param proposals the states of the document's proposals, folded from their streams now
 * @param stream every document issued on the document's stream (a later one of the same kind supersedes it)
 */
export function verifyIssuedDocument(
  issued: DocumentIssuedData,
  proposals: ProposalState[],
  stream: DocumentIssuedData[],
  sha256?: string,
): DocumentVerification {
  const works = proposals.map(workOf).filter((w): w is VerifiedWork => !!w);
  const later =
    issued.kind === 'award-decision'
      ? stream.filter((d) => d.kind === 'award-decision').at(-1)
      : stream.filter((d) => d.kind === 'certificate' && d.recipient?.name === issued.recipient?.name).at(-1);
  const supersededBy = later && later.documentId !== issued.documentId ? later.documentId : undefined;
  const revoked = works.length > 0 && works.every((w) => w.revoked);
  const status: DocumentStatus = revoked ? 'revoked' : supersededBy ? 'superseded' : 'current';
  return {
    documentId: issued.documentId,
    kind: issued.kind,
    ...(issued.certificateKind ? { certificateKind: issued.certificateKind } : {}),
    genuine: true,
    status,
    statusLabel: DOCUMENT_STATUS_LABELS_VI[status],
    sha256: issued.sha256,
    issuedAt: issued.issuedAt,
    decisionNumber: issued.decisionNumber,
    decisionDate: issued.decisionDate,
    ...(issued.recipient ? { recipientName: issued.recipient.name } : {}),
    works,
    ...(supersededBy ? { supersededBy } : {}),
    ...(sha256 ? { hashMatches: sha256.toLowerCase() === issued.sha256 } : {}),
  };
}
