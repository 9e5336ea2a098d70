import type { AdministrativeLevel, ReportingDeadline } from '@cem/contracts';

export interface PeriodDeadlines {
  deadlines: ReportingDeadline[];
}

/** The instant after which a report from this level is late; undefined when the period sets none for it. */
export function dueByFor(period: PeriodDeadlines, level: AdministrativeLevel): string | undefined {
  return period.deadlines.find((d) => d.level === level)?.dueBy;
}

/** Compared as instants, so '2024-11-01T00:00:00+07:00' and a UTC timestamp compare correctly. */
export function isPast(dueBy: string | undefined, at: string | Date): boolean {
  return dueBy !== undefined && new Date(at).getTime() > new Date(dueBy).getTime();
}
