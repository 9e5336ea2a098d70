import type { AwardDecidedData, AwardRevokedData } from '@cem/contracts';
import { RECOGNITION_EVENTS as E } from '@cem/contracts';
import type { Projection, ReadModelDocument } from '@cem/read-models';
import type { HeldAward } from './award-decision.decide';

/** Awards in force per dossier: the lookup behind "one dossier never receives the same award twice". */
export type AwardsHeldDoc = ReadModelDocument & { awards: HeldAward[] };

export const awardsHeldProjection: Projection<AwardsHeldDoc> = {
  name: 'recognition.awards-held',
  collection: 'awards_held',
  version: 1,
  eventTypes: [E.AwardDecided, E.AwardRevoked],
  documentIds: (event) => {
    const dossierId = (event.data as { dossierId?: string }).dossierId;
    return dossierId ? [dossierId] : [];
  },
  apply(doc, event, id) {
    const data = event.data as AwardDecidedData | AwardRevokedData;
    const others = (doc?.awards ?? []).filter((a) => a.proposalId !== data.proposalId);
    const awards = event.type === E.AwardDecided ? [...others, { proposalId: data.proposalId, awardCode: data.awardCode }] : others;
    return awards.length ? { _id: id, awards } : null;
  },
};
