import type { AwardDecidedData, RecordedEvent } from '@cem/contracts';
import { RECOGNITION_EVENTS as E } from '@cem/contracts';
import type { Projection, ReadModelDocument } from '@cem/read-models';
import { evolveProposal, IssuedCertificate, ProposalEvent, ProposalRecord, ProposalStatus } from './proposal.state';

/** A proposal as the board and the authority see it in their work lists. */
export type ProposalDoc = ReadModelDocument & {
  status: ProposalStatus;
  proposal: ProposalRecord;
  decision?: AwardDecidedData;
  lastReason?: string;
  /** The certificates issued (one per recipient), for the download links. */
  certificates?: IssuedCertificate[];
};

const PROPOSAL_EVENTS = [
  E.ProposalReceived,
  E.CommendationProposed,
  E.AchievementsVerified,
  E.ProposalSentBack,
  E.ProposalResubmitted,
  E.AwardDecided,
  E.AwardIssued,
  E.AwardRevoked,
  E.DocumentIssued,
];

/** Folds with the aggregate's own evolve, so the list never disagrees with what the decider will accept. */
export const proposalsProjection: Projection<ProposalDoc> = {
  name: 'recognition.proposals',
  collection: 'proposals',
  version: 2,
  indexes: [{ fields: { status: 1 } }, { fields: { 'proposal.dossierId': 1 } }],
  eventTypes: PROPOSAL_EVENTS,
  documentIds: (event) => {
    // A certificate belongs to its proposal; the decision document (its own stream) to none of them.
    if (event.type === E.DocumentIssued) {
      const d = event.data as { kind: string; proposalIds: string[] };
      return d.kind === 'certificate' ? d.proposalIds : [];
    }
    return [(event.data as { proposalId: string }).proposalId];
  },
  apply(doc, event: RecordedEvent, id) {
    const state = evolveProposal(
      doc ? { status: doc.status, proposal: doc.proposal, decision: doc.decision, certificates: doc.certificates } : { status: 'none' },
      event as unknown as ProposalEvent,
    );
    if (state.status === 'none') return doc;
    const reason = event.metadata.reason ?? (event.data as { reason?: string }).reason;
    return {
      _id: id,
      status: state.status,
      proposal: state.proposal,
      ...(state.decision ? { decision: state.decision } : {}),
      ...(state.certificates?.length ? { certificates: state.certificates } : {}),
      ...(reason ? { lastReason: reason } : doc?.lastReason ? { lastReason: doc.lastReason } : {}),
    };
  },
};
