import type { UnitRegisteredData } from '@cem/contracts';
import { SUBMISSIONS_EVENTS } from '@cem/contracts';
import type { Projection, ReadModelDocument } from '@cem/read-models';

/** The unit registry as archived from submissions: who reports to whom, and names for the exports. */
export type UnitDoc = ReadModelDocument & UnitRegisteredData;

export const unitsProjection: Projection<UnitDoc> = {
  name: 'reporting.units',
  collection: 'units',
  version: 1,
  indexes: [{ fields: { parentUnitId: 1 } }],
  eventTypes: [SUBMISSIONS_EVENTS.UnitRegistered],
  documentIds: (event) => [(event.data as UnitRegisteredData).unitId],
  apply: (_doc, event, id) => ({ _id: id, ...(event.data as UnitRegisteredData) }),
};
