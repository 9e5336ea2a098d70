import type { RankingPublishedData, RecordedEvent } from '@cem/contracts';
import { COUNCILS_EVENTS as E } from '@cem/contracts';
import type { Projection, ReadModelDocument } from '@cem/read-models';

/** The latest ranking per field, campaign edition and level; a new revision replaces the old one. */
export type RankingDoc = RankingPublishedData & ReadModelDocument;

export const rankingDocId = (r: Pick<RankingPublishedData, 'councilId' | 'campaignId' | 'year' | 'fieldCode' | 'level'>) =>
  `${r.councilId}|${r.campaignId}|${r.year}|${r.fieldCode}|${r.level}`;

export function applyRanking(doc: RankingDoc | null, event: RecordedEvent): RankingDoc | null {
  if (event.type !== E.RankingPublished) return doc;
  const data = event.data as RankingPublishedData;
  return { ...data, _id: rankingDocId(data) };
}

export const rankingsProjection: Projection<RankingDoc> = {
  name: 'councils.rankings',
  collection: 'council_rankings',
  version: 1,
  indexes: [{ fields: { campaignId: 1, year: 1, fieldCode: 1, level: 1 } }],
  eventTypes: [E.RankingPublished],
  documentIds: (event) => [rankingDocId(event.data as RankingPublishedData)],
  apply: applyRanking,
};
