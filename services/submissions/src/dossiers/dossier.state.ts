import type { AdministrativeLevel, DossierDraftedData, SUBMISSIONS_EVENTS, SubmissionsEvent } from '@cem/contracts';
import { DOSSIER_STATUS_LABELS_VI as SHARED_DOSSIER_STATUS_LABELS_VI } from '@cem/contracts';

type E = typeof SUBMISSIONS_EVENTS;
export type DossierEvent = SubmissionsEvent<
  | E['DossierDrafted']
  | E['DossierSubmitted']
  | E['DossierReceived']
  | E['DossierReturned']
  | E['DossierAmended']
  | E['DossierWithdrawn']
  | E['DossierForwarded']
  | E['ForwardingOverrideDecided']
>;

export const DOSSIER_STATUSES = ['draft', 'submitted', 'received', 'returned', 'withdrawn', 'forwarded'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** The glossary's words for each status (shared in @cem/contracts). */
export const DOSSIER_STATUS_LABELS_VI: Record<DossierStatus, string> = SHARED_DOSSIER_STATUS_LABELS_VI;

/** The dossier's passage through one level. */
export interface LineageEntry {
  level: AdministrativeLevel;
  jurisdictionUnitId: string;
  jurisdictionUnitPath: string[];
  submittedOrForwardedAt: string;
  receivedAt?: string;
  receivedBy?: string;
  forwardedAt?: string;
  decisionRef?: string;
  /** The competent authority's decision to send it up without a council recommendation, with its reason. */
  override?: { decisionRef: string; reason: string; decidedAt: string };
}

export type DossierFacts = Omit<DossierDraftedData, 'draftedAt'>;

export interface DossierState {
  dossier: DossierFacts | null;
  status: DossierStatus | null;
  currentLevel: AdministrativeLevel | null;
  /** One entry per level reached, bottom up; the identity stays the same across levels. */
  lineage: LineageEntry[];
}

export const initialDossierState = (): DossierState => ({ dossier: null, status: null, currentLevel: null, lineage: [] });

export const entryAt = (state: DossierState, level: AdministrativeLevel | null): LineageEntry | undefined =>
  state.lineage.find((e) => e.level === level);

const updateEntry = (state: DossierState, level: AdministrativeLevel, change: Partial<LineageEntry>): LineageEntry[] =>
  state.lineage.map((e) => (e.level === level ? { ...e, ...change } : e));

/** A re-submission after a return starts the level's entry afresh. */
const replaceEntry = (state: DossierState, entry: LineageEntry): LineageEntry[] => [
  ...state.lineage.filter((e) => e.level !== entry.level),
  entry,
];

export function evolveDossier(state: DossierState, event: DossierEvent): DossierState {
  switch (event.type) {
    case 'submissions.DossierDrafted': {
      const { draftedAt: _draftedAt, ...dossier } = event.data;
      return { ...state, dossier, status: 'draft' };
    }
    case 'submissions.DossierSubmitted': {
      const { level, jurisdictionUnitId, jurisdictionUnitPath, submittedAt } = event.data;
      const entry = { level, jurisdictionUnitId, jurisdictionUnitPath, submittedOrForwardedAt: submittedAt };
      return { ...state, status: 'submitted', currentLevel: level, lineage: replaceEntry(state, entry) };
    }
    case 'submissions.DossierReceived': {
      const { level, receivedAt, receivingAgencyUnitId } = event.data;
      return { ...state, status: 'received', lineage: updateEntry(state, level, { receivedAt, receivedBy: receivingAgencyUnitId }) };
    }
    case 'submissions.DossierReturned':
      return { ...state, status: 'returned' };
    case 'submissions.DossierAmended':
      return { ...state, dossier: state.dossier && { ...state.dossier, ...event.data.changes } };
    case 'submissions.DossierWithdrawn':
      return { ...state, status: 'withdrawn' };
    case 'submissions.ForwardingOverrideDecided': {
      const { level, decisionRef, reason, decidedAt } = event.data;
      return { ...state, lineage: updateEntry(state, level, { override: { decisionRef, reason, decidedAt } }) };
    }
    case 'submissions.DossierForwarded': {
      const { fromLevel, toLevel, toJurisdictionUnitId, toJurisdictionUnitPath, forwardedAt, decisionRef } = event.data;
      const lineage = [
        ...updateEntry(state, fromLevel, { forwardedAt, ...(decisionRef ? { decisionRef } : {}) }),
        {
          level: toLevel,
          jurisdictionUnitId: toJurisdictionUnitId,
          jurisdictionUnitPath: toJurisdictionUnitPath,
          submittedOrForwardedAt: forwardedAt,
        },
      ];
      return { ...state, status: 'forwarded', currentLevel: toLevel, lineage };
    }
  }
}
