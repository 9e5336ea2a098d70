import type { AdministrativeLevel, CaseProgressStage, ProposalStatus, ReportingDeadline, ReportStatus } from '@cem/contracts';
import { ADMINISTRATIVE_LEVELS, CASE_PROGRESS_STAGES, PROPOSAL_STATUSES, REPORT_STATUSES } from '@cem/contracts';
import { missingReports } from '../reports/missing-reports';
import type { EditionProgressDoc, ProgressDossierStatus } from './edition-progress.projection';
import { PROGRESS_DOSSIER_STATUSES } from './edition-progress.projection';

export type DossierCounts = Record<ProgressDossierStatus, number> & { total: number };
export type CaseCounts = Record<CaseProgressStage, number> & { total: number; accepted: number };
export type ProposalCounts = Record<ProposalStatus, number> & { total: number };
export type ReportCounts = Record<ReportStatus, number> & { expected: number };

export interface ProgressCounts {
  dossiers: DossierCounts;
  cases: CaseCounts;
  proposals: ProposalCounts;
  reports: ReportCounts;
}

/** One unit of an edition at its level. */
export interface UnitProgressRow extends ProgressCounts {
  level: AdministrativeLevel;
  unitId: string;
  unitName?: string;
  /** From the top down, ending with the unit (from the archived unit registry; empty when it is unknown). */
  unitPath: string[];
}

export interface LevelProgressRow extends ProgressCounts {
  level: AdministrativeLevel;
  units: number;
}

export interface RegisteredUnit {
  unitId: string;
  name: string;
  level: AdministrativeLevel;
  unitPath: string[];
}

export interface EditionPeriod {
  periodId: string;
  openedByUnitId: string;
  deadlines: ReportingDeadline[];
}

export interface EditionReport {
  periodId: string;
  unitId: string;
  level: AdministrativeLevel;
  reportId: string;
  submittedAt: string;
}

export interface ProgressInput {
  docs: EditionProgressDoc[];
  units: RegisteredUnit[];
  periods: EditionPeriod[];
  reports: EditionReport[];
  now: string | Date;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
export const emptyCounts = (): ProgressCounts => ({
  dossiers: { ...zeros(PROGRESS_DOSSIER_STATUSES), total: 0 },
  cases: { ...zeros(CASE_PROGRESS_STAGES), total: 0, accepted: 0 },
  proposals: { ...zeros(PROPOSAL_STATUSES), total: 0 },
  reports: { ...zeros(REPORT_STATUSES), expected: 0 },
});

function add(into: ProgressCounts, from: ProgressCounts): void {
  for (const part of ['dossiers', 'cases', 'proposals', 'reports'] as const) {
    const target = into[part] as Record<string, number>;
    for (const [k, v] of Object.entries(from[part] as Record<string, number>)) target[k] = (target[k] ?? 0) + v;
  }
}

/**
 * Counts one edition's documents per unit and level. Reports: every registered unit below the unit that opened a
 * period of the edition, at a level the period sets a deadline for, is expected to report (as the standing body's
 * follow-up counts them); a unit that reported without being expected is counted too.
 */
export function progressRows(input: ProgressInput): UnitProgressRow[] {
  const registry = new Map(input.units.map((u) => [u.unitId, u]));
  const rows = new Map<string, UnitProgressRow>();
  const bump = <K extends string>(counts: Record<K | 'total', number>, key: K) => {
    counts[key] += 1;
    counts.total += 1;
  };
  const row = (level: AdministrativeLevel | undefined, unitId: string | undefined): UnitProgressRow | undefined => {
    if (!unitId) return undefined;
    const lvl = level ?? registry.get(unitId)?.level;
    if (!lvl) return undefined;
    const key = `${lvl}|${unitId}`;
    let r = rows.get(key);
    if (!r) {
      const unit = registry.get(unitId);
      r = { level: lvl, unitId, unitPath: unit?.unitPath ?? [], ...(unit ? { unitName: unit.name } : {}), ...emptyCounts() };
      rows.set(key, r);
    }
    return r;
  };

  for (const doc of input.docs) {
    switch (doc.kind) {
      case 'dossier': {
        const levels = Object.entries(doc.levels) as [AdministrativeLevel, { unitId: string; status: ProgressDossierStatus }][];
        if (levels.length === 0) {
          const r = row(undefined, doc.nominatingUnitId);
          if (r) bump(r.dossiers, doc.draftStatus);
        }
        for (const [level, at] of levels) {
          const r = row(level, at.unitId);
          if (r) bump(r.dossiers, at.status);
        }
        break;
      }
      case 'case': {
        const r = row(doc.level, doc.unitId);
        if (!r) break;
        bump(r.cases, doc.stage);
        if (doc.stage === 'finalised' && doc.accepted) r.cases.accepted += 1;
        break;
      }
      case 'proposal': {
        const r = row(doc.level, doc.unitId);
        if (r) bump(r.proposals, doc.status);
        break;
      }
      default:
        break;
    }
  }

  for (const period of input.periods) {
    const submitted = input.reports.filter((r) => r.periodId === period.periodId);
    const levels = new Set(period.deadlines.map((d) => d.level));
    const expected = input.units
      .filter((u) => u.unitId !== period.openedByUnitId && u.unitPath.includes(period.openedByUnitId) && levels.has(u.level))
      .map((u) => ({ unitId: u.unitId, level: u.level }));
    const known = new Set(expected.map((u) => u.unitId));
    for (const r of submitted) if (!known.has(r.unitId)) expected.push({ unitId: r.unitId, level: r.level });
    const followUp = missingReports(period, expected, submitted, input.now);
    const late = new Set(followUp.late.map((u) => u.unitId));
    const count = (unit: { unitId: string; level: AdministrativeLevel }, status: ReportStatus) => {
      const r = row(unit.level, unit.unitId);
      if (!r) return;
      r.reports[status] += 1;
      r.reports.expected += 1;
    };
    followUp.late.forEach((u) => count(u, 'late'));
    followUp.missing.forEach((u) => count(u, 'missing'));
    followUp.pending.forEach((u) => count(u, 'pending'));
    submitted.filter((s) => !late.has(s.unitId)).forEach((s) => count(s, 'reported'));
  }

  return [...rows.values()].sort(
    (a, b) => ADMINISTRATIVE_LEVELS.indexOf(a.level) - ADMINISTRATIVE_LEVELS.indexOf(b.level) || a.unitId.localeCompare(b.unitId),
  );
}

/** Totals per level (top down, only levels with a row) and overall, from the rows a person may see. */
export function progressByLevel(rows: UnitProgressRow[]): { levels: LevelProgressRow[]; totals: ProgressCounts } {
  const totals = emptyCounts();
  const levels: LevelProgressRow[] = [];
  for (const level of ADMINISTRATIVE_LEVELS) {
    const at = rows.filter((r) => r.level === level);
    if (at.length === 0) continue;
    const sum: LevelProgressRow = { level, units: at.length, ...emptyCounts() };
    at.forEach((r) => add(sum, r));
    add(totals, sum);
    levels.push(sum);
  }
  return { levels, totals };
}
