import type {
  AdministrativeLevel,
  AwardDecidedData,
  AwardIssuedData,
  AwardRecipient,
  AwardRevokedData,
  RecordedEvent,
} from '@cem/contracts';
import { RECOGNITION_EVENTS as E } from '@cem/contracts';
import { normaliseVietnamese, type Projection, type ReadModelDocument } from '@cem/read-models';

/**
 * Award history (tra cứu lịch sử khen thưởng): every award decided, one document per award, across years, levels
 * and movements, with the recipients' names folded for search without diacritics. Officers check a person's or a
 * unit's earlier awards here before proposing another (eligibility).
 */
export type AwardHistoryStatus = 'decided' | 'issued' | 'revoked';

export type AwardHistoryDoc = ReadModelDocument & {
  proposalId: string;
  awardCode: string;
  awardName: string;
  level: AdministrativeLevel;
  year: number;
  campaignId?: string;
  fieldCode?: string;
  title: string;
  decisionNumber: string;
  decisionDate: string;
  signer: string;
  jurisdictionUnitId: string;
  jurisdictionUnitPath: string[];
  recipients: AwardRecipient[];
  nominatingUnitName?: string;
  status: AwardHistoryStatus;
  ceremonyDate?: string;
  revocation?: { decisionNumber: string; decisionDate: string; reason: string };
  /** Folded names (recipients, nominating unit) and title: what a query without diacritics matches. */
  searchText: string;
};

function fromDecision(d: AwardDecidedData, id: string): AwardHistoryDoc {
  const { proposalId, awardCode, awardName, level, year, campaignId, fieldCode, title, decisionNumber, decisionDate, signer } = d;
  return {
    _id: id,
    ...{ proposalId, awardCode, awardName, level, year, title, decisionNumber, decisionDate, signer },
    ...(campaignId ? { campaignId } : {}),
    ...(fieldCode ? { fieldCode } : {}),
    jurisdictionUnitId: d.jurisdictionUnitId,
    // Decisions recorded before the path was carried: the jurisdiction unit alone.
    jurisdictionUnitPath: d.jurisdictionUnitPath ?? [d.jurisdictionUnitId],
    recipients: d.recipients.map(({ name, kind }) => ({ name, kind })),
    ...(d.nominatingUnitName ? { nominatingUnitName: d.nominatingUnitName } : {}),
    status: 'decided',
    searchText: normaliseVietnamese([...d.recipients.map((r) => r.name), d.nominatingUnitName ?? '', d.title].join(' ')),
  };
}

export const awardHistoryProjection: Projection<AwardHistoryDoc> = {
  name: 'recognition.award-history',
  collection: 'award_history',
  version: 1,
  indexes: [{ fields: { year: -1 } }, { fields: { level: 1 } }],
  eventTypes: [E.AwardDecided, E.AwardIssued, E.AwardRevoked],
  documentIds: (event) => [(event.data as { proposalId: string }).proposalId],
  apply(doc, event: RecordedEvent, id) {
    switch (event.type) {
      case E.AwardDecided:
        return fromDecision(event.data as AwardDecidedData, id);
      case E.AwardIssued:
        return doc ? { ...doc, status: 'issued', ceremonyDate: (event.data as AwardIssuedData).ceremonyDate } : doc;
      case E.AwardRevoked: {
        if (!doc) return doc;
        const { decisionNumber, decisionDate, reason } = event.data as AwardRevokedData;
        return { ...doc, status: 'revoked', revocation: { decisionNumber, decisionDate, reason } };
      }
      default:
        return doc;
    }
  },
};
