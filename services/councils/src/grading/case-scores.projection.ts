import type { CaseFinalisedData, RecordedEvent } from '@cem/contracts';
import { COUNCILS_EVENTS as E } from '@cem/contracts';
import type { Projection, ReadModelDocument } from '@cem/read-models';

/**
 * A case's result and individual scores. Built from CaseFinalised alone, so before finalisation there is no
 * document to leak: scoring stays independent until the meeting.
 */
export type CaseScoresDoc = CaseFinalisedData & ReadModelDocument;

export function applyCaseScores(_doc: CaseScoresDoc | null, event: RecordedEvent): CaseScoresDoc | null {
  // An upheld appeal reopened the scoring: the case has no result (nor a place in a new ranking) until finalised again.
  if (event.type === E.CaseReopened) return null;
  if (event.type !== E.CaseFinalised) return _doc;
  const data = event.data as CaseFinalisedData;
  return { ...data, _id: data.caseId };
}

export const caseScoresProjection: Projection<CaseScoresDoc> = {
  name: 'councils.case-scores',
  collection: 'council_case_scores',
  version: 1,
  indexes: [{ fields: { councilId: 1, campaignId: 1, year: 1, fieldCode: 1 } }],
  eventTypes: [E.CaseFinalised, E.CaseReopened],
  documentIds: (event) => [(event.data as CaseFinalisedData).caseId],
  apply: applyCaseScores,
};
