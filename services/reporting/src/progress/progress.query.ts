import { Actor, ForbiddenError, NotFoundError } from '@cem/contracts';
import type { DocumentStore } from '@cem/read-models';
import { PeriodDoc, periodsProjection } from '../periods/periods.projection';
import { ReportDoc, reportsProjection } from '../reports/reports.projection';
import { UnitDoc, unitsProjection } from '../units/units.projection';
import { campaignDocId, EditionProgressDoc, editionDocId, editionProgressProjection } from './edition-progress.projection';
import { LevelProgressRow, ProgressCounts, progressByLevel, progressRows, UnitProgressRow } from './progress.rows';

export interface EditionProgress {
  campaignId: string;
  year: number;
  campaignName?: string;
  scopeUnitIds: string[];
  totals: ProgressCounts;
  levels: LevelProgressRow[];
  units: UnitProgressRow[];
  periods: { periodId: string; title: string }[];
}

/** Auditors and administrators see every unit; everyone else the units they act from and those below them. */
const SEES_ALL: Actor['role'][] = ['auditor', 'admin'];

/**
 * The scope of the answer: the unit asked for (which must lie in the caller's jurisdiction: 403 otherwise, with
 * the reason) or the caller's own jurisdiction. Returns the unit ids whose subtrees are shown; [] means all.
 */
export function progressScope(scoped: Actor[], unitId: string | undefined, unit: UnitDoc | null): string[] {
  const all = SEES_ALL.includes(scoped[0].role);
  if (!unitId) return all ? [] : scoped.map((a) => a.unitId);
  if (!unit) throw new NotFoundError(`Không tìm thấy đơn vị ${unitId}`);
  if (!all && !scoped.some((a) => unit.unitPath.includes(a.unitId))) {
    throw new ForbiddenError(
      `Đơn vị ${scoped[0].unitId} chỉ xem được tiến độ của đơn vị mình và các đơn vị cấp dưới; ${unit.name} nằm ngoài phạm vi này`,
      { rule: 'outside-jurisdiction', unitId },
    );
  }
  return [unitId];
}

/** Toàn cảnh phong trào of one edition, read from the read models (no event is replayed per request). */
export async function findEditionProgress(
  documents: DocumentStore,
  params: { campaignId: string; year: number; unitId?: string },
  scoped: Actor[],
  now: Date,
): Promise<EditionProgress> {
  const { campaignId, year } = params;
  const progress = documents.collection<EditionProgressDoc>(editionProgressProjection.collection);
  const units = documents.collection<UnitDoc>(unitsProjection.collection);
  const [edition, campaign] = await Promise.all([progress.get(editionDocId(campaignId, year)), progress.get(campaignDocId(campaignId))]);
  if (!edition) throw new NotFoundError(`Không tìm thấy đợt năm ${year} của phong trào ${campaignId}`);
  const scopeUnitIds = progressScope(scoped, params.unitId, params.unitId ? await units.get(params.unitId) : null);

  const [docs, periods] = await Promise.all([
    progress.find({ campaignId, year }),
    documents.collection<PeriodDoc>(periodsProjection.collection).find({ campaignId, year }, { sort: { _id: 1 } }),
  ]);
  const reports = periods.length
    ? await documents
        .collection<ReportDoc>(reportsProjection.collection)
        .find({ periodId: { $in: periods.map((p) => p.periodId) }, submitted: true })
    : [];
  // The registry entries needed: the units the documents name, and the units below those that opened a period.
  const named = new Set<string>();
  for (const d of docs) {
    if (d.kind === 'dossier') [d.nominatingUnitId, ...Object.values(d.levels).map((l) => l.unitId)].forEach((u) => u && named.add(u));
    if ((d.kind === 'case' || d.kind === 'proposal') && d.unitId) named.add(d.unitId);
  }
  reports.forEach((r) => named.add(r.unitId));
  const openers = [...new Set(periods.map((p) => p.openedByUnitId))];
  const registry = [...(await units.getMany([...named])), ...(openers.length ? await units.find({ unitPath: { $in: openers } }) : [])];
  const rows = progressRows({
    docs,
    units: [...new Map(registry.map((u) => [u.unitId, u])).values()].map((u) => ({
      unitId: u.unitId,
      name: u.name,
      level: u.level,
      unitPath: u.unitPath,
    })),
    periods,
    reports: reports.map((r) => ({ periodId: r.periodId, unitId: r.unitId, level: r.level, reportId: r._id, submittedAt: r.submittedAt! })),
    now,
  }).filter((r) => scopeUnitIds.length === 0 || scopeUnitIds.some((id) => r.unitPath.includes(id)));
  const { levels, totals } = progressByLevel(rows);
  return {
    campaignId,
    year,
    ...(campaign?.kind === 'campaign' ? { campaignName: campaign.name } : {}),
    scopeUnitIds,
    totals,
    levels,
    units: rows,
    periods: periods.map((p) => ({ periodId: p.periodId, title: p.title })),
  };
}
