import type { AdministrativeLevel } from '@cem/contracts';
import type { ServiceInfra } from '@cem/service-kit';
import { ensure } from './domain-rule';
import { CouncilCompositionDoc, councilCompositionProjection } from './council-composition.projection';

export interface CouncilScopeQuery {
  level: AdministrativeLevel;
  jurisdictionUnitId: string;
  fieldCode: string;
}

/**
 * The council that appraises a field at a unit: one naming the field wins over one covering every field
 * (empty fieldCodes), so a specialised council can sit beside a general one.
 */
export async function findCouncilFor(infra: ServiceInfra, q: CouncilScopeQuery): Promise<CouncilCompositionDoc | undefined> {
  const candidates = await infra.documents
    .collection<CouncilCompositionDoc>(councilCompositionProjection.collection)
    .find({ level: q.level, jurisdictionUnitId: q.jurisdictionUnitId }, { sort: { _id: 1 } });
  return (
    candidates.find((c) => c.fieldCodes.includes(q.fieldCode)) ?? candidates.find((c) => c.fieldCodes.length === 0)
  );
}

export async function requireCouncilFor(infra: ServiceInfra, q: CouncilScopeQuery): Promise<CouncilCompositionDoc> {
  const council = await findCouncilFor(infra, q);
  ensure(
    council,
    'no-council',
    `no appraisal council is established at ${q.level} level for unit ${q.jurisdictionUnitId} and field ${q.fieldCode}`,
    { ...q },
  );
  return council;
}
