import type { AdministrativeLevel, CouncilGrade } from '@cem/contracts';
import { ADMINISTRATIVE_LEVELS } from '@cem/contracts';
import type { DossierStatisticsDoc, LevelFacts } from './dossier-statistics.projection';

/** One row per year, level, unit and field: the counters the reports and exports show. */
export interface StatisticsRow {
  key: string;
  year: number;
  level: AdministrativeLevel;
  unitId: string;
  /** Empty for unit commendations, which belong to no field. */
  fieldCode: string;
  dossiersSubmitted: number;
  dossiersReceived: number;
  accepted: number;
  byGrade: Record<Exclude<CouncilGrade, 'khong-dat'>, number>;
  awards: number;
}

export const statisticsKey = (year: number, level: AdministrativeLevel, unitId: string, fieldCode: string) =>
  `${year}|${level}|${unitId}|${fieldCode}`;

const emptyRow = (year: number, level: AdministrativeLevel, unitId: string, fieldCode: string): StatisticsRow => ({
  key: statisticsKey(year, level, unitId, fieldCode),
  ...{ year, level, unitId, fieldCode },
  ...{ dossiersSubmitted: 0, dossiersReceived: 0, accepted: 0, awards: 0 },
  byGrade: { 'xuat-sac': 0, tot: 0, kha: 0, dat: 0 },
});

function count(row: StatisticsRow, f: LevelFacts): void {
  row.dossiersSubmitted += Number(f.submitted);
  row.dossiersReceived += Number(f.received);
  row.accepted += Number(f.accepted);
  if (f.grade && f.grade !== 'khong-dat') row.byGrade[f.grade] += 1;
  row.awards += Object.keys(f.awards).length;
}

const byKey = (a: StatisticsRow, b: StatisticsRow) =>
  a.year - b.year ||
  ADMINISTRATIVE_LEVELS.indexOf(a.level) - ADMINISTRATIVE_LEVELS.indexOf(b.level) ||
  a.unitId.localeCompare(b.unitId) ||
  a.fieldCode.localeCompare(b.fieldCode);

/** Rolls the per-dossier documents up into counters per key; documents whose year or unit is unknown are skipped. */
export function statisticsRows(docs: DossierStatisticsDoc[]): StatisticsRow[] {
  const rows = new Map<string, StatisticsRow>();
  for (const doc of docs) {
    if (doc.year === undefined) continue;
    for (const level of ADMINISTRATIVE_LEVELS) {
      const facts = doc.levels[level];
      if (!facts?.unitId) continue;
      const key = statisticsKey(doc.year, level, facts.unitId, doc.fieldCode ?? '');
      const row = rows.get(key) ?? emptyRow(doc.year, level, facts.unitId, doc.fieldCode ?? '');
      count(row, facts);
      rows.set(key, row);
    }
  }
  return [...rows.values()].sort(byKey);
}
