import type { AdministrativeLevel } from '@cem/contracts';
import { allOf, atLevel, definePolicy, hasRole, sameUnit } from '@cem/identity';

interface ReportScope {
  unitId: string;
  level: AdministrativeLevel;
}

const atReportingUnit = allOf<ReportScope>(
  sameUnit((r: ReportScope) => r.unitId),
  atLevel((r: ReportScope) => r.level),
);

/**
 * A unit reports for itself; only the standing body of a unit sums its children's reports and sends the
 * total upward (the plans: "thông qua Phòng Nội vụ để tổng hợp", "Ban Phong trào Ủy ban MTTQ tỉnh tổng hợp").
 */
export const unitReportPolicy = definePolicy<ReportScope, 'submit' | 'amend' | 'aggregate'>({
  submit: allOf(hasRole('unit-officer', 'agency-officer', 'standing-body'), atReportingUnit),
  amend: allOf(hasRole('unit-officer', 'agency-officer', 'standing-body'), atReportingUnit),
  aggregate: allOf(hasRole('standing-body'), atReportingUnit),
});
