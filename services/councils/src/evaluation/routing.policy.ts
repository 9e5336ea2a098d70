import { allOf, atLevel, definePolicy, hasRole, sameUnit } from '@cem/identity';
import type { AdministrativeLevel } from '@cem/contracts';

export interface RoutingScope {
  level: AdministrativeLevel;
  jurisdictionUnitId: string;
}

/**
 * Who routes a waiting dossier by hand (chooses among several councils, or retries once a council exists): the
 * secretaries and chairs of the jurisdiction's councils and its Front chair, acting at that unit and level.
 */
export const routingPolicy = definePolicy<RoutingScope, 'route'>({
  route: allOf(
    hasRole('council-secretary', 'council-chair', 'front-chair'),
    sameUnit((r: RoutingScope) => r.jurisdictionUnitId),
    atLevel((r: RoutingScope) => r.level),
  ),
});
