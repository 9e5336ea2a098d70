import type { CriteriaSetDraftedData, CriteriaSetPublishedData, RecordedEvent } from '@cem/contracts';
import { COUNCILS_EVENTS as E } from '@cem/contracts';
import type { Projection, ReadModelDocument } from '@cem/read-models';

/** A criteria set with its version in force; answers "which criteria apply to campaign, year and field". */
export interface CriteriaSetDoc extends ReadModelDocument {
  criteriaSetId: string;
  /** The owning council (absent on sets drafted before criteria belonged to a council). */
  councilId?: string;
  campaignId: string;
  year: number;
  fieldCode: string;
  /** The draft awaiting publication, if any. */
  draftVersion?: number;
  /** The published version in force (absent until the first publication). */
  current?: CriteriaSetPublishedData;
  /** Flat copies of current.version and current.publishedAt, for filters and sorts on any document store. */
  inForceVersion?: number;
  publishedAt?: string;
  publishedVersions: number[];
}

export function applyCriteriaSet(doc: CriteriaSetDoc | null, event: RecordedEvent): CriteriaSetDoc | null {
  const d = event.data as CriteriaSetDraftedData;
  const base: CriteriaSetDoc = doc ?? {
    _id: d.criteriaSetId,
    criteriaSetId: d.criteriaSetId,
    ...(d.councilId ? { councilId: d.councilId } : {}),
    campaignId: d.campaignId,
    year: d.year,
    fieldCode: d.fieldCode,
    publishedVersions: [],
  };
  switch (event.type) {
    case E.CriteriaSetDrafted:
      return { ...base, draftVersion: d.version };
    case E.CriteriaSetPublished: {
      const { draftVersion: _published, ...rest } = base;
      const p = event.data as CriteriaSetPublishedData;
      return {
        ...rest,
        current: p,
        inForceVersion: p.version,
        publishedAt: p.publishedAt,
        publishedVersions: [...base.publishedVersions, p.version],
      };
    }
    default:
      return doc;
  }
}

export const criteriaSetsProjection: Projection<CriteriaSetDoc> = {
  name: 'councils.criteria-sets',
  collection: 'council_criteria_sets',
  // 2: the owning council.
  version: 2,
  indexes: [{ fields: { campaignId: 1, year: 1, fieldCode: 1 } }],
  eventTypes: [E.CriteriaSetDrafted, E.CriteriaSetPublished],
  documentIds: (event) => [(event.data as { criteriaSetId: string }).criteriaSetId],
  apply: applyCriteriaSet,
};
