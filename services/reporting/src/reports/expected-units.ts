import { ADMINISTRATIVE_LEVELS, AdministrativeLevel, ValidationFailed } from '@cem/contracts';
import type { DocumentStore } from '@cem/read-models';
import { UnitDoc, unitsProjection } from '../units/units.projection';
import type { ExpectedUnit } from './missing-reports';

/** Parses `unitId:level,unitId:level` as given on a status request. */
export function parseExpectedUnits(text: string): ExpectedUnit[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [unitId, level] = entry.split(':');
      if (!unitId || !ADMINISTRATIVE_LEVELS.includes(level as AdministrativeLevel)) {
        throw new ValidationFailed(`expected units are unitId:level pairs, got '${entry}'`);
      }
      return { unitId, level: level as AdministrativeLevel };
    });
}

/** The units registered under `unitId` (from archived submissions.UnitRegistered): those that report to it. */
export async function registeredChildren(documents: DocumentStore, unitId: string): Promise<ExpectedUnit[]> {
  const units = await documents.collection<UnitDoc>(unitsProjection.collection).find({ parentUnitId: unitId }, { sort: { _id: 1 } });
  return units.map((u) => ({ unitId: u.unitId, level: u.level }));
}
