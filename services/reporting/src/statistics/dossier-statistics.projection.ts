import type { AdministrativeLevel, CouncilGrade, RecordedEvent } from '@cem/contracts';
import { COUNCILS_EVENTS, RECOGNITION_EVENTS, SUBMISSIONS_EVENTS } from '@cem/contracts';
import type { Projection, ReadModelDocument } from '@cem/read-models';

/** What one dossier did at one level: the flags the statistics count. */
export interface LevelFacts {
  unitId?: string;
  submitted: boolean;
  received: boolean;
  accepted: boolean;
  grade?: CouncilGrade;
  /** Awards in force (proposal id -> award code); a revocation removes its entry. */
  awards: Record<string, string>;
}

/**
 * One document per dossier (or per award without a dossier, i.e. a unit commendation). Statistics are counted
 * from these rather than per key directly because the events that carry the unit (submission, receipt) and
 * those that carry the outcome (finalisation) are different events, and `apply` sees one event at a time.
 */
export type DossierStatisticsDoc = ReadModelDocument & {
  year?: number;
  fieldCode?: string;
  levels: Partial<Record<AdministrativeLevel, LevelFacts>>;
};

const S = SUBMISSIONS_EVENTS;
const C = COUNCILS_EVENTS;
const R = RECOGNITION_EVENTS;

type Data = {
  dossierId?: string;
  proposalId?: string;
  level?: AdministrativeLevel;
  toLevel?: AdministrativeLevel;
  jurisdictionUnitId?: string;
  toJurisdictionUnitId?: string;
  year?: number;
  fieldCode?: string;
  dossier?: { year?: number; fieldCode?: string };
  accepted?: boolean;
  grade?: CouncilGrade;
  awardCode?: string;
};

export const statisticsDocId = (d: Data): string | undefined =>
  d.dossierId ? d.dossierId : d.proposalId ? `award:${d.proposalId}` : undefined;

const emptyLevel = (): LevelFacts => ({ submitted: false, received: false, accepted: false, awards: {} });

function atLevel(
  doc: DossierStatisticsDoc,
  level: AdministrativeLevel,
  change: (f: LevelFacts) => Partial<LevelFacts>,
): DossierStatisticsDoc {
  const current = doc.levels[level] ?? emptyLevel();
  return { ...doc, levels: { ...doc.levels, [level]: { ...current, ...change(current) } } };
}

/** Year and field arrive with the draft, the receipt or the finalisation; the first one seen stays. */
function withFacts(doc: DossierStatisticsDoc, d: Data): DossierStatisticsDoc {
  const year = doc.year ?? d.year ?? d.dossier?.year;
  const fieldCode = doc.fieldCode ?? d.fieldCode ?? d.dossier?.fieldCode;
  return { ...doc, ...(year !== undefined ? { year } : {}), ...(fieldCode ? { fieldCode } : {}) };
}

const unitOr = (unitId: string | undefined) => (f: LevelFacts) => (f.unitId ? {} : unitId ? { unitId } : {});

export function applyDossierStatistics(doc: DossierStatisticsDoc | null, event: RecordedEvent, id: string): DossierStatisticsDoc {
  const d = event.data as Data;
  const base = withFacts(doc ?? { _id: id, levels: {} }, d);
  switch (event.type) {
    case S.DossierSubmitted:
      return atLevel(base, d.level!, (f) => ({ ...unitOr(d.jurisdictionUnitId)(f), submitted: true }));
    case S.DossierForwarded:
      return atLevel(base, d.toLevel!, (f) => ({ ...unitOr(d.toJurisdictionUnitId)(f), submitted: true }));
    case S.DossierReceived:
      return atLevel(base, d.level!, (f) => ({ ...unitOr(d.jurisdictionUnitId)(f), submitted: true, received: true }));
    case C.CaseFinalised:
      return atLevel(base, d.level!, () => ({ accepted: Boolean(d.accepted), grade: d.grade }));
    case R.AwardDecided:
      return atLevel(base, d.level!, (f) => ({
        ...unitOr(d.jurisdictionUnitId)(f),
        awards: { ...f.awards, [d.proposalId!]: d.awardCode! },
      }));
    case R.AwardRevoked:
      return atLevel(base, d.level!, (f) => ({ awards: Object.fromEntries(Object.entries(f.awards).filter(([p]) => p !== d.proposalId)) }));
    default:
      return base;
  }
}

export const dossierStatisticsProjection: Projection<DossierStatisticsDoc> = {
  name: 'reporting.dossier-statistics',
  collection: 'dossier_statistics',
  version: 1,
  indexes: [{ fields: { year: 1, fieldCode: 1 } }],
  eventTypes: [
    S.DossierDrafted,
    S.DossierSubmitted,
    S.DossierReceived,
    S.DossierForwarded,
    C.CaseFinalised,
    R.AwardDecided,
    R.AwardRevoked,
  ],
  documentIds: (event) => {
    const id = statisticsDocId(event.data as Data);
    return id ? [id] : [];
  },
  apply: applyDossierStatistics,
};
