import type { RecordedEvent } from '@cem/contracts';
import type { Projection, ReadModelDocument } from '@cem/read-models';
import { COUNCIL_EVENT_TYPES, EstablishedCouncil, evolveCouncil } from './council.state';

/** The council with its whole membership history, so `compositionOn(doc, date)` answers "who sat on date D". */
export type CouncilCompositionDoc = EstablishedCouncil & ReadModelDocument;

export function applyCouncilComposition(doc: CouncilCompositionDoc | null, event: RecordedEvent): CouncilCompositionDoc | null {
  const next = evolveCouncil(doc ?? { status: 'none' }, event);
  return next.status === 'established' ? { ...next, _id: next.councilId } : null;
}

export const councilCompositionProjection: Projection<CouncilCompositionDoc> = {
  name: 'councils.council-composition',
  collection: 'council_composition',
  version: 1,
  indexes: [{ fields: { jurisdictionUnitId: 1 } }],
  eventTypes: COUNCIL_EVENT_TYPES,
  documentIds: (event) => [(event.data as { councilId: string }).councilId],
  apply: (doc, event) => applyCouncilComposition(doc, event),
};
