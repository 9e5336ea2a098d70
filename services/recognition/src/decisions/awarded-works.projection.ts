import type { AdministrativeLevel, AwardDecidedData, AwardRecipient, RecordedEvent } from '@cem/contracts';
import { RECOGNITION_EVENTS as E } from '@cem/contracts';
import type { Projection, ReadModelDocument } from '@cem/read-models';

/** One awarded work as published in "Gương người Việt đoàn kết sáng tạo". */
export interface AwardedWork {
  proposalId: string;
  dossierId: string;
  title: string;
  awardCode: string;
  awardName: string;
  recipients: AwardRecipient[];
  decisionNumber: string;
  decisionDate: string;
  ceremonyDate?: string;
}

/** The public list for one year, level and field. */
export type AwardedWorksDoc = ReadModelDocument & {
  year: number;
  level: AdministrativeLevel;
  fieldCode: string;
  works: AwardedWork[];
};

type AwardEventData = { dossierId?: string; fieldCode?: string; year: number; level: AdministrativeLevel };

export const awardedWorksId = (year: number, level: AdministrativeLevel, fieldCode: string) => `${year}:${level}:${fieldCode}`;

// Unit commendations are not works (no dossier, no field): they stay off the public list.
const listedWork = (data: AwardEventData): data is AwardEventData & { dossierId: string; fieldCode: string } =>
  Boolean(data.dossierId && data.fieldCode);

const byDecision = (a: AwardedWork, b: AwardedWork) =>
  a.decisionDate.localeCompare(b.decisionDate) || a.title.localeCompare(b.title, 'vi') || a.proposalId.localeCompare(b.proposalId);

function workOf(d: AwardDecidedData & { dossierId: string }): AwardedWork {
  const { proposalId, dossierId, title, awardCode, awardName, recipients, decisionNumber, decisionDate } = d;
  return { proposalId, dossierId, title, awardCode, awardName, recipients, decisionNumber, decisionDate };
}

/** Awarded works per year, level and field; a revoked award leaves the list, an emptied list is deleted. */
export const awardedWorksProjection: Projection<AwardedWorksDoc> = {
  name: 'recognition.awarded-works',
  collection: 'awarded_works',
  version: 1,
  indexes: [{ fields: { year: 1, level: 1, fieldCode: 1 } }],
  eventTypes: [E.AwardDecided, E.AwardIssued, E.AwardRevoked],
  documentIds(event) {
    const data = event.data as AwardEventData;
    return listedWork(data) ? [awardedWorksId(data.year, data.level, data.fieldCode)] : [];
  },
  apply(doc, event: RecordedEvent, id) {
    const data = event.data as AwardEventData & { proposalId: string };
    if (!listedWork(data)) return doc;
    const current: AwardedWorksDoc = doc ?? { _id: id, year: data.year, level: data.level, fieldCode: data.fieldCode, works: [] };
    const others = current.works.filter((w) => w.proposalId !== data.proposalId);
    const existing = current.works.find((w) => w.proposalId === data.proposalId);
    switch (event.type) {
      case E.AwardDecided:
        return { ...current, works: [...others, workOf(event.data as AwardDecidedData & { dossierId: string })].sort(byDecision) };
      case E.AwardIssued:
        if (!existing) return current;
        return {
          ...current,
          works: [...others, { ...existing, ceremonyDate: (event.data as { ceremonyDate: string }).ceremonyDate }].sort(byDecision),
        };
      case E.AwardRevoked:
        return others.length ? { ...current, works: others } : null;
      default:
        return current;
    }
  },
};
