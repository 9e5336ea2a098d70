import type { AdministrativeLevel } from '@cem/contracts';
import { dueByFor, isPast, PeriodDeadlines } from '../periods/reporting-period.deadlines';

export interface ExpectedUnit {
  unitId: string;
  level: AdministrativeLevel;
}

export interface SubmittedReport {
  unitId: string;
  reportId: string;
  submittedAt: string;
}

export interface ReportFollowUp {
  /** No report and the deadline has passed: the standing body chases these (đôn đốc). */
  missing: (ExpectedUnit & { dueBy: string })[];
  /** Reported, but after the deadline for the unit's level. */
  late: (ExpectedUnit & SubmittedReport & { dueBy: string })[];
  /** No report yet, still within the deadline (or the level has none). */
  pending: (ExpectedUnit & { dueBy?: string })[];
}

/** Which expected units have not reported past their deadline, which reported late, which may still report. */
export function missingReports(
  period: PeriodDeadlines,
  expectedUnits: ExpectedUnit[],
  submitted: SubmittedReport[],
  now: string | Date,
): ReportFollowUp {
  const byUnit = new Map(submitted.map((r) => [r.unitId, r]));
  const result: ReportFollowUp = { missing: [], late: [], pending: [] };
  for (const unit of expectedUnits) {
    const dueBy = dueByFor(period, unit.level);
    const report = byUnit.get(unit.unitId);
    if (report) {
      if (dueBy && isPast(dueBy, report.submittedAt)) result.late.push({ ...unit, ...report, dueBy });
    } else if (dueBy && isPast(dueBy, now)) {
      result.missing.push({ ...unit, dueBy });
    } else {
      result.pending.push({ ...unit, ...(dueBy ? { dueBy } : {}) });
    }
  }
  return result;
}
