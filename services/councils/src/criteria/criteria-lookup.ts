import type { CriteriaSetPublishedData } from '@cem/contracts';
import { loadState } from '@cem/decider';
import type { ServiceInfra } from '@cem/service-kit';
import { ensure } from '../councils/domain-rule';
import { criteriaSetDecider, criteriaSetStreamId, currentCriteria } from './criteria-set.decider';
import type { CriteriaSetDoc } from './criteria-sets.projection';
import { criteriaSetsProjection } from './criteria-sets.projection';

export interface CriteriaScope {
  /** The case's council: its own criteria apply, never another council's. */
  councilId?: string;
  campaignId: string;
  year: number;
  fieldCode: string;
}

/**
 * The criteria version in force for an edition and field. The read model finds the set (the latest published
 * when several exist); the version itself comes from the set's stream, so a publication that the projection
 * has not applied yet is still honoured.
 */
export async function criteriaInForce(infra: ServiceInfra, scope: CriteriaScope): Promise<CriteriaSetPublishedData> {
  await infra.readModelsCaughtUp();
  // Callers pass whole cases; only the three scope fields may reach the filter.
  const { councilId, campaignId, year, fieldCode } = scope;
  // The council's own set; a set that predates council ownership (no councilId) is the fallback.
  const candidates = await infra.documents
    .collection<CriteriaSetDoc>(criteriaSetsProjection.collection)
    .find({ campaignId, year, fieldCode, inForceVersion: { $gte: 1 } }, { sort: { publishedAt: -1 }, limit: 200 });
  const doc = candidates.find((d) => councilId !== undefined && d.councilId === councilId) ?? candidates.find((d) => !d.councilId);
  ensure(doc, 'no-published-criteria', `Chưa ban hành bộ tiêu chí cho đợt ${campaignId} năm ${year}, lĩnh vực ${fieldCode}`);
  const { state } = await loadState(infra.store, criteriaSetDecider, criteriaSetStreamId(doc.criteriaSetId));
  const current = currentCriteria(state);
  ensure(current, 'no-published-criteria', `Bộ tiêu chí ${doc.criteriaSetId} chưa có phiên bản được ban hành`);
  return current;
}
