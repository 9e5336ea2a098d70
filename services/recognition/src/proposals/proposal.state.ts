import type {
  AchievementsVerifiedData,
  AwardDecidedData,
  AwardIssuedData,
  AwardRecipient,
  AwardRevokedData,
  CommendationProposedData,
  DocumentIssuedData,
  ProposalFacts,
  ProposalOrigin,
  ProposalReceivedData,
  ProposalResubmittedData,
  ProposalSentBackData,
} from '@cem/contracts';
import { RECOGNITION_EVENTS as E } from '@cem/contracts';

export type ProposalEvent =
  | { type: typeof E.ProposalReceived; data: ProposalReceivedData }
  | { type: typeof E.CommendationProposed; data: CommendationProposedData }
  | { type: typeof E.AchievementsVerified; data: AchievementsVerifiedData }
  | { type: typeof E.ProposalSentBack; data: ProposalSentBackData }
  | { type: typeof E.ProposalResubmitted; data: ProposalResubmittedData }
  | { type: typeof E.AwardDecided; data: AwardDecidedData }
  | { type: typeof E.AwardIssued; data: AwardIssuedData }
  | { type: typeof E.AwardRevoked; data: AwardRevokedData }
  | { type: typeof E.DocumentIssued; data: DocumentIssuedData };

/** One proposal's facts, whichever way it came in; dossier and field only for council proposals. */
export interface ProposalRecord extends ProposalFacts {
  origin: ProposalOrigin;
  dossierId?: string;
  fieldCode?: string;
  /** The dossier's nominating unit and authors (council proposals received since they were carried). */
  nominatingUnitId?: string;
  nominatingUnitName?: string;
  authors?: { name: string }[];
}

/** received -> (sent-back -> received)* -> verified -> decided -> issued; decided|issued -> revoked. */
export type ProposalStatus = 'received' | 'sent-back' | 'verified' | 'decided' | 'issued' | 'revoked';

/** A certificate issued for one recipient of the award (its PDF is rendered again from the events on download). */
export type IssuedCertificate = Pick<DocumentIssuedData, 'documentId' | 'sha256' | 'issuedAt'> & { recipientName: string };

export type ProposalState =
  | { status: 'none' }
  | {
      status: ProposalStatus;
      proposal: ProposalRecord;
      decision?: AwardDecidedData;
      issued?: AwardIssuedData;
      revocation?: AwardRevokedData;
      certificates?: IssuedCertificate[];
    };

export type ExistingProposal = Exclude<ProposalState, { status: 'none' }>;

/** Stream id of one proposal: the council's proposal id is reused, so a re-delivery lands on the same stream. */
export const proposalStreamId = (proposalId: string) => `proposal-${proposalId}`;

export const initialProposalState = (): ProposalState => ({ status: 'none' });

function factsOf(data: ProposalFacts): ProposalFacts {
  const { proposalId, level, jurisdictionUnitId, jurisdictionUnitPath, campaignId, year, title, recipients, proposedAward } = data;
  return { proposalId, level, jurisdictionUnitId, jurisdictionUnitPath, campaignId, year, title, recipients, proposedAward };
}

const withRecipients = (p: ProposalRecord, recipients?: AwardRecipient[]) => (recipients ? { ...p, recipients } : p);

export function evolveProposal(state: ProposalState, event: ProposalEvent): ProposalState {
  switch (event.type) {
    case E.ProposalReceived: {
      const { dossierId, fieldCode, nominatingUnitId, nominatingUnitName, authors } = event.data;
      const dossier = {
        dossierId,
        fieldCode,
        ...(nominatingUnitId ? { nominatingUnitId } : {}),
        ...(nominatingUnitName ? { nominatingUnitName } : {}),
        ...(authors ? { authors } : {}),
      };
      return { status: 'received', proposal: { ...factsOf(event.data), origin: 'council', ...dossier } };
    }
    case E.CommendationProposed:
      return { status: 'received', proposal: { ...factsOf(event.data), origin: 'commendation' } };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case E.AchievementsVerified:
      return { ...state, status: 'verified' };
    case E.ProposalSentBack:
      return { ...state, status: 'sent-back' };
    case E.ProposalResubmitted:
      return { ...state, status: 'received', proposal: withRecipients(state.proposal, event.data.recipients) };
    case E.AwardDecided:
      return { ...state, status: 'decided', decision: event.data };
    case E.AwardIssued:
      return { ...state, status: 'issued', issued: event.data };
    case E.AwardRevoked:
      return { ...state, status: 'revoked', revocation: event.data };
    case E.DocumentIssued: {
      const { kind, documentId, sha256, issuedAt, recipient } = event.data;
      // The decision document lives on its own stream; only certificates are the proposal's.
      if (kind !== 'certificate' || !recipient) return state;
      const certificates = (state.certificates ?? []).filter((c) => c.recipientName !== recipient.name);
      return { ...state, certificates: [...certificates, { documentId, sha256, issuedAt, recipientName: recipient.name }] };
    }
  }
}
