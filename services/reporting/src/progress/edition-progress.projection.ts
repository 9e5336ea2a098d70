import type { AdministrativeLevel, CaseProgressStage, ProposalStatus } from '@cem/contracts';
import { COUNCILS_EVENTS as C, RECOGNITION_EVENTS as R, SUBMISSIONS_EVENTS as S } from '@cem/contracts';
import type { Projection, ReadModelDocument } from '@cem/read-models';

/** The dossier statuses submissions gives a dossier (an amendment keeps it "returned" until it is lodged again). */
export const PROGRESS_DOSSIER_STATUSES = ['draft', 'submitted', 'received', 'returned', 'withdrawn', 'forwarded'] as const;
export type ProgressDossierStatus = (typeof PROGRESS_DOSSIER_STATUSES)[number];

/** Where a dossier stands at one level: the jurisdiction unit that holds it there and its status there. */
export interface DossierAtLevel {
  unitId: string;
  status: ProgressDossierStatus;
}

interface Edition {
  campaignId?: string;
  year?: number;
}

/** One dossier of an edition: a draft sits with its nominating unit; once lodged, it has a status per level. */
export type DossierProgressDoc = ReadModelDocument &
  Edition & {
    kind: 'dossier';
    nominatingUnitId?: string;
    /** Status while it was never lodged: draft, or withdrawn as a draft. */
    draftStatus: 'draft' | 'withdrawn';
    levels: Partial<Record<AdministrativeLevel, DossierAtLevel>>;
    /** The level it was last lodged with (withdrawal applies there). */
    current?: AdministrativeLevel;
  };

/** One evaluation case (a dossier at a level) and how far its council has come. */
export type CaseProgressDoc = ReadModelDocument &
  Edition & {
    kind: 'case';
    level?: AdministrativeLevel;
    unitId?: string;
    stage: CaseProgressStage;
    accepted?: boolean;
  };

/** One honour proposal (or commendation) of an edition, to its award decision. */
export type ProposalProgressDoc = ReadModelDocument &
  Edition & {
    kind: 'proposal';
    level?: AdministrativeLevel;
    unitId?: string;
    status: ProposalStatus;
  };

/** The campaign edition itself (opened in submissions), so an unknown edition is told apart from an empty one. */
export type EditionDoc = ReadModelDocument & Edition & { kind: 'edition' };

/** The campaign's name and launching unit, copied onto its editions. */
export type CampaignDoc = ReadModelDocument & { kind: 'campaign'; campaignId: string; name: string; launchedByUnitId: string };

export type EditionProgressDoc = DossierProgressDoc | CaseProgressDoc | ProposalProgressDoc | EditionDoc | CampaignDoc;

type Data = {
  dossierId?: string;
  caseId?: string;
  proposalId?: string;
  campaignId?: string;
  year?: number;
  name?: string;
  launchedByUnitId?: string;
  nominatingUnitId?: string;
  level?: AdministrativeLevel;
  fromLevel?: AdministrativeLevel;
  toLevel?: AdministrativeLevel;
  jurisdictionUnitId?: string;
  toJurisdictionUnitId?: string;
  dossier?: { campaignId?: string; year?: number; nominatingUnitId?: string };
  accepted?: boolean;
  reopenScoring?: boolean;
  outcome?: string;
};

export const editionDocId = (campaignId: string, year: number) => `edition:${campaignId}:${year}`;
export const campaignDocId = (campaignId: string) => `campaign:${campaignId}`;

const DOSSIER_EVENTS: string[] = [
  S.DossierDrafted,
  S.DossierSubmitted,
  S.DossierReceived,
  S.DossierReturned,
  S.DossierWithdrawn,
  S.DossierForwarded,
];
const CASE_EVENTS: string[] = [
  C.DossierAwaitingCouncil,
  C.EvaluationCaseOpened,
  C.MembersAssigned,
  C.ScoreSubmitted,
  C.ScoreRevised,
  C.CaseFinalised,
  C.AppealFiled,
  C.AppealDecided,
  C.CaseReopened,
];
const PROPOSAL_EVENTS: string[] = [
  R.ProposalReceived,
  R.CommendationProposed,
  R.AchievementsVerified,
  R.ProposalSentBack,
  R.ProposalResubmitted,
  R.AwardDecided,
  R.AwardIssued,
  R.AwardRevoked,
];

/** The first campaign and year seen stay (the draft, or the receipt's snapshot, or a council's event). */
function withEdition<T extends Edition>(doc: T, d: Data): T {
  const campaignId = doc.campaignId ?? d.campaignId ?? d.dossier?.campaignId;
  const year = doc.year ?? d.year ?? d.dossier?.year;
  return { ...doc, ...(campaignId ? { campaignId } : {}), ...(year !== undefined ? { year } : {}) };
}

function atLevel(doc: DossierProgressDoc, level: AdministrativeLevel, unitId: string | undefined, status: ProgressDossierStatus) {
  const holder = unitId ?? doc.levels[level]?.unitId;
  if (!holder) return doc;
  return { ...doc, levels: { ...doc.levels, [level]: { unitId: holder, status } } };
}

export function applyDossierProgress(
  doc: DossierProgressDoc | null,
  event: { type: string; data: unknown },
  id: string,
): DossierProgressDoc {
  const d = event.data as Data;
  const base = withEdition<DossierProgressDoc>(doc ?? { _id: id, kind: 'dossier', draftStatus: 'draft', levels: {} }, d);
  const nominating = base.nominatingUnitId ?? d.nominatingUnitId ?? d.dossier?.nominatingUnitId;
  const next: DossierProgressDoc = nominating ? { ...base, nominatingUnitId: nominating } : base;
  switch (event.type) {
    case S.DossierSubmitted:
      return { ...atLevel(next, d.level!, d.jurisdictionUnitId, 'submitted'), current: d.level! };
    case S.DossierReceived:
      return { ...atLevel(next, d.level!, d.jurisdictionUnitId, 'received'), current: d.level! };
    case S.DossierReturned:
      return atLevel(next, d.level!, d.jurisdictionUnitId, 'returned');
    case S.DossierForwarded:
      return {
        ...atLevel(atLevel(next, d.fromLevel!, undefined, 'forwarded'), d.toLevel!, d.toJurisdictionUnitId, 'submitted'),
        current: d.toLevel!,
      };
    case S.DossierWithdrawn:
      return next.current ? atLevel(next, next.current, undefined, 'withdrawn') : { ...next, draftStatus: 'withdrawn' };
    default:
      return next;
  }
}

const OPEN_STAGES: CaseProgressStage[] = ['awaiting-council', 'open'];

export function applyCaseProgress(doc: CaseProgressDoc | null, event: { type: string; data: unknown }, id: string): CaseProgressDoc {
  const d = event.data as Data;
  const base = withEdition<CaseProgressDoc>(doc ?? { _id: id, kind: 'case', stage: 'awaiting-council' }, d);
  const facts = {
    ...((base.level ?? d.level) ? { level: base.level ?? d.level } : {}),
    ...((base.unitId ?? d.jurisdictionUnitId) ? { unitId: base.unitId ?? d.jurisdictionUnitId } : {}),
  };
  const next: CaseProgressDoc = { ...base, ...facts };
  switch (event.type) {
    case C.DossierAwaitingCouncil:
      return doc ? next : { ...next, stage: 'awaiting-council' };
    case C.EvaluationCaseOpened:
      return OPEN_STAGES.includes(next.stage) ? { ...next, stage: 'open' } : next;
    case C.MembersAssigned:
      return OPEN_STAGES.includes(next.stage) ? { ...next, stage: 'assigned' } : next;
    case C.ScoreSubmitted:
    case C.ScoreRevised:
      return next.stage === 'finalised' || next.stage === 'under-appeal' ? next : { ...next, stage: 'scoring' };
    case C.CaseFinalised:
      return { ...next, stage: 'finalised', accepted: Boolean(d.accepted) };
    case C.AppealFiled:
      return { ...next, stage: 'under-appeal' };
    case C.AppealDecided:
      // An upheld appeal that reopens the scoring is followed by CaseReopened; otherwise the result stands.
      return next.stage === 'under-appeal' ? { ...next, stage: 'finalised' } : next;
    case C.CaseReopened: {
      const { accepted: _dropped, ...rest } = next;
      return { ...rest, stage: 'scoring' };
    }
    default:
      return next;
  }
}

const PROPOSAL_STATUS_OF: Record<string, ProposalStatus> = {
  [R.ProposalReceived]: 'received',
  [R.CommendationProposed]: 'received',
  [R.ProposalResubmitted]: 'received',
  [R.AchievementsVerified]: 'verified',
  [R.ProposalSentBack]: 'sent-back',
  [R.AwardDecided]: 'decided',
  [R.AwardIssued]: 'issued',
  [R.AwardRevoked]: 'revoked',
};

export function applyProposalProgress(
  doc: ProposalProgressDoc | null,
  event: { type: string; data: unknown },
  id: string,
): ProposalProgressDoc {
  const d = event.data as Data;
  const base = withEdition<ProposalProgressDoc>(doc ?? { _id: id, kind: 'proposal', status: 'received' }, d);
  return {
    ...base,
    ...((base.level ?? d.level) ? { level: base.level ?? d.level } : {}),
    ...((base.unitId ?? d.jurisdictionUnitId) ? { unitId: base.unitId ?? d.jurisdictionUnitId } : {}),
    status: PROPOSAL_STATUS_OF[event.type] ?? base.status,
  };
}

function documentIds(event: { type: string; data: unknown }): string[] {
  const d = event.data as Data;
  if (event.type === S.CampaignLaunched) return d.campaignId ? [campaignDocId(d.campaignId)] : [];
  if (event.type === S.EditionOpened) return d.campaignId && d.year !== undefined ? [editionDocId(d.campaignId, d.year)] : [];
  if (DOSSIER_EVENTS.includes(event.type)) return d.dossierId ? [`dossier:${d.dossierId}`] : [];
  if (CASE_EVENTS.includes(event.type)) return d.caseId ? [`case:${d.caseId}`] : [];
  if (PROPOSAL_EVENTS.includes(event.type)) return d.proposalId ? [`proposal:${d.proposalId}`] : [];
  return [];
}

/** The campaign's name and launching unit reach its editions through the campaign document (see the query). */
export function applyEditionProgress(
  doc: EditionProgressDoc | null,
  event: { type: string; data: unknown },
  id: string,
): EditionProgressDoc {
  const d = event.data as Data;
  if (event.type === S.CampaignLaunched) {
    return { _id: id, kind: 'campaign', campaignId: d.campaignId!, name: d.name!, launchedByUnitId: d.launchedByUnitId! };
  }
  if (event.type === S.EditionOpened) return { _id: id, kind: 'edition', campaignId: d.campaignId!, year: d.year! };
  if (id.startsWith('dossier:')) return applyDossierProgress(doc as DossierProgressDoc | null, event, id);
  if (id.startsWith('case:')) return applyCaseProgress(doc as CaseProgressDoc | null, event, id);
  return applyProposalProgress(doc as ProposalProgressDoc | null, event, id);
}

/**
 * Toàn cảnh phong trào: one small document per dossier, evaluation case and proposal, each carrying its campaign
 * edition, level, unit and current status; the progress endpoint counts them for one edition (see progress.rows).
 * Counting per subject rather than keeping counters keeps the fold idempotent (a re-delivered event sets the same
 * status again) and makes a rebuild equal to the live read model.
 */
export const editionProgressProjection: Projection<EditionProgressDoc> = {
  name: 'reporting.edition-progress',
  collection: 'edition_progress',
  version: 1,
  indexes: [{ fields: { campaignId: 1, year: 1 } }],
  eventTypes: [S.CampaignLaunched, S.EditionOpened, ...DOSSIER_EVENTS, ...CASE_EVENTS, ...PROPOSAL_EVENTS],
  documentIds,
  apply: applyEditionProgress,
};
