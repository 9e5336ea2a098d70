import { allOf, anyOf, atLevel, definePolicy, hasRole, sameUnit } from '@cem/identity';
import type { AwardDefinedData } from '@cem/contracts';

/**
 * The catalogue entry belongs to the unit that grants the award: its emulation board keeps the list, the
 * authority may also enter a form it signs; an administrator may seed any.
 */
export const awardCataloguePolicy = definePolicy<AwardDefinedData, 'define'>({
  define: anyOf(
    hasRole('admin'),
    allOf(
      hasRole('emulation-board', 'authority'),
      sameUnit((a: AwardDefinedData) => a.grantingUnitId),
      atLevel((a: AwardDefinedData) => a.level),
    ),
  ),
});
