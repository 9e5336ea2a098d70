import type { AwardDefinedData } from '@cem/contracts';
import { RECOGNITION_EVENTS as E } from '@cem/contracts';
import type { Projection, ReadModelDocument } from '@cem/read-models';

export type AwardCatalogueDoc = ReadModelDocument & AwardDefinedData;

/** Danh mục giải thưởng: one document per award code. */
export const awardCatalogueProjection: Projection<AwardCatalogueDoc> = {
  name: 'recognition.award-catalogue',
  collection: 'award_catalogue',
  version: 1,
  indexes: [{ fields: { level: 1 } }],
  eventTypes: [E.AwardDefined],
  documentIds: (event) => [(event.data as AwardDefinedData).awardCode],
  apply: (_doc, event, id) => ({ _id: id, ...(event.data as AwardDefinedData) }),
};
