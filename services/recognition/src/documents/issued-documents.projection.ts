import type { AwardDecidedData, DocumentIssuedData, RecordedEvent } from '@cem/contracts';
import { RECOGNITION_EVENTS as E } from '@cem/contracts';
import type { Projection, ReadModelDocument } from '@cem/read-models';

/**
 * Where each issued document's event is (its stream), so that a verification or a download finds it by the id
 * printed on the document; the answer itself is then read from the event log.
 */
export type IssuedDocumentDoc = ReadModelDocument &
  Pick<DocumentIssuedData, 'documentId' | 'kind' | 'proposalIds' | 'sha256' | 'issuedAt' | 'decisionNumber' | 'jurisdictionUnitId'> & {
    streamId: string;
    recipientName?: string;
  };

export const issuedDocumentsProjection: Projection<IssuedDocumentDoc> = {
  name: 'recognition.issued-documents',
  collection: 'issued_documents',
  version: 1,
  indexes: [],
  eventTypes: [E.DocumentIssued],
  documentIds: (event) => [(event.data as DocumentIssuedData).documentId],
  apply(_doc, event: RecordedEvent, id) {
    const d = event.data as DocumentIssuedData;
    const { documentId, kind, proposalIds, sha256, issuedAt, decisionNumber, jurisdictionUnitId } = d;
    return {
      _id: id,
      ...{ documentId, kind, proposalIds, sha256, issuedAt, decisionNumber, jurisdictionUnitId },
      streamId: event.streamId,
      ...(d.recipient ? { recipientName: d.recipient.name } : {}),
    };
  },
};

/** One award decision (number, jurisdiction): the works decided under it and the versions of its document. */
export type AwardDecisionDoc = ReadModelDocument & {
  jurisdictionUnitId: string;
  jurisdictionUnitPath?: string[];
  decisionNumber: string;
  decisionDate: string;
  signer: string;
  year: number;
  proposalIds: string[];
  documents: Pick<DocumentIssuedData, 'documentId' | 'sha256' | 'issuedAt'>[];
};

export const awardDecisionId = (jurisdictionUnitId: string, decisionNumber: string) => `${jurisdictionUnitId}|${decisionNumber}`;

export const awardDecisionsProjection: Projection<AwardDecisionDoc> = {
  name: 'recognition.award-decisions',
  collection: 'award_decisions',
  version: 1,
  indexes: [],
  eventTypes: [E.AwardDecided, E.DocumentIssued],
  documentIds(event) {
    const d = event.data as { jurisdictionUnitId: string; decisionNumber: string; kind?: string };
    if (event.type === E.DocumentIssued && d.kind !== 'award-decision') return [];
    return [awardDecisionId(d.jurisdictionUnitId, d.decisionNumber)];
  },
  apply(doc, event: RecordedEvent, id) {
    if (event.type === E.AwardDecided) {
      const d = event.data as AwardDecidedData;
      const base: AwardDecisionDoc = doc ?? {
        _id: id,
        jurisdictionUnitId: d.jurisdictionUnitId,
        ...(d.jurisdictionUnitPath ? { jurisdictionUnitPath: d.jurisdictionUnitPath } : {}),
        decisionNumber: d.decisionNumber,
        decisionDate: d.decisionDate,
        signer: d.signer,
        year: d.year,
        proposalIds: [],
        documents: [],
      };
      return base.proposalIds.includes(d.proposalId) ? base : { ...base, proposalIds: [...base.proposalIds, d.proposalId] };
    }
    if (!doc) return doc;
    const { documentId, sha256, issuedAt } = event.data as DocumentIssuedData;
    return { ...doc, documents: [...doc.documents.filter((v) => v.documentId !== documentId), { documentId, sha256, issuedAt }] };
  },
};
