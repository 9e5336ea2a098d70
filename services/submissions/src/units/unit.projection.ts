import { AdministrativeLevel, RecordedEvent, SUBMISSIONS_EVENTS as E, UnitKind, UnitRegisteredData } from '@cem/contracts';
import type { Projection } from '@cem/read-models';

/** One document per unit: what handlers resolve unit ids against (an unknown id is refused before deciding). */
export type UnitDoc = {
  _id: string;
  unitId: string;
  name: string;
  kind: UnitKind;
  level: AdministrativeLevel;
  parentUnitId: string | null;
  unitPath: string[];
};

export function applyUnit(doc: UnitDoc | null, event: RecordedEvent): UnitDoc | null {
  if (event.type !== E.UnitRegistered) return doc;
  const u = event.data as UnitRegisteredData;
  return {
    _id: u.unitId,
    unitId: u.unitId,
    name: u.name,
    kind: u.kind,
    level: u.level,
    parentUnitId: u.parentUnitId ?? null,
    unitPath: u.unitPath,
  };
}

export const unitProjection: Projection<UnitDoc> = {
  name: 'submissions.units',
  collection: 'units',
  version: 1,
  indexes: [{ fields: { parentUnitId: 1 } }, { fields: { level: 1 } }],
  eventTypes: [E.UnitRegistered],
  documentIds: (event) => [(event.data as UnitRegisteredData).unitId],
  apply: (doc, event) => applyUnit(doc, event),
};
