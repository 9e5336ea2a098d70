import { allOf, atLevel, definePolicy, hasRole, sameUnit } from '@cem/identity';
import type { AdministrativeLevel } from '@cem/contracts';

export interface CouncilScope {
  level: AdministrativeLevel;
  jurisdictionUnitId: string;
}

const atCouncilUnit = <R extends CouncilScope>() =>
  allOf<R>(
    sameUnit((c: R) => c.jurisdictionUnitId),
    atLevel((c: R) => c.level),
  );

/**
 * Who may act on a council and its cases. The Front chair at the council's own unit establishes and renews it
 * (the plans: "do Chủ tịch Ủy ban MTTQ cùng cấp quyết định thành lập"); the secretary runs the case work; the
 * chair signs off meeting outcomes and proposals.
 */
export const councilPolicy = definePolicy<CouncilScope, 'establish' | 'renew' | 'assign' | 'finalise' | 'propose' | 'decide-appeal'>({
  establish: allOf(hasRole('front-chair'), atCouncilUnit()),
  renew: allOf(hasRole('front-chair'), atCouncilUnit()),
  assign: allOf(hasRole('council-secretary'), atCouncilUnit()),
  finalise: allOf(hasRole('council-chair', 'council-secretary'), atCouncilUnit()),
  propose: allOf(hasRole('council-chair'), atCouncilUnit()),
  'decide-appeal': allOf(hasRole('council-chair'), atCouncilUnit()),
});
