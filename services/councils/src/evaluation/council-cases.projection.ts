import type {
  AdministrativeLevel,
  CaseDossierSnapshot,
  CaseFinalisedData,
  CaseStatus,
  CouncilGrade,
  DossierAwaitingCouncilData,
  EvaluationCaseOpenedData,
  MembersAssignedData,
  RecordedEvent,
  RoutingWaitReason,
} from '@cem/contracts';
import { CASE_STATUS_LABELS_VI, COUNCILS_EVENTS as E, LEVEL_PHRASES_VI } from '@cem/contracts';
import type { Projection, ReadModelDocument } from '@cem/read-models';

/**
 * One row per case (or per received dossier still waiting for a council) for the council's list: the dossier as
 * received, where the case stands and, once finalised, its result. Scores are never here before finalisation.
 */
export interface CouncilCaseDoc extends ReadModelDocument {
  caseId: string;
  dossierId: string;
  /** Absent while the dossier waits for a council. */
  councilId?: string;
  level: AdministrativeLevel;
  levelLabel: string;
  jurisdictionUnitId: string;
  jurisdictionUnitPath: string[];
  campaignId: string;
  year: number;
  fieldCode: string;
  title: string;
  dossierType: string;
  nominatingUnitId: string;
  authors: { name: string }[];
  receivedAt: string;
  status: CaseStatus;
  statusLabel: string;
  /** Why it waits (awaiting-council only). */
  waiting?: { reason: RoutingWaitReason; reasonText: string; candidateCouncilIds: string[] };
  assignedMemberIds: string[];
  aggregateScore?: number;
  grade?: CouncilGrade;
  gradeLabel?: string;
  accepted?: boolean;
  recommendedUpward: boolean;
  honourProposed: boolean;
  /** How many appeals were filed against the case's result. */
  appeals?: number;
  /** Scoring was reopened after an upheld appeal (the earlier result is in the case's history). */
  reopened?: boolean;
}

type CaseFacts = Pick<
  EvaluationCaseOpenedData,
  'caseId' | 'dossierId' | 'level' | 'jurisdictionUnitId' | 'jurisdictionUnitPath' | 'receivedAt'
> & {
  dossier: CaseDossierSnapshot;
};

function fromDossier(id: string, f: CaseFacts, status: CaseStatus, previous: CouncilCaseDoc | null): CouncilCaseDoc {
  const d = f.dossier;
  return {
    _id: id,
    caseId: f.caseId,
    dossierId: f.dossierId,
    level: f.level,
    levelLabel: LEVEL_PHRASES_VI[f.level],
    jurisdictionUnitId: f.jurisdictionUnitId,
    jurisdictionUnitPath: f.jurisdictionUnitPath,
    campaignId: d.campaignId,
    year: d.year,
    fieldCode: d.fieldCode,
    title: d.title,
    dossierType: d.type,
    nominatingUnitId: d.nominatingUnitId,
    authors: d.authors.map((a) => ({ name: a.name })),
    receivedAt: f.receivedAt,
    status,
    statusLabel: CASE_STATUS_LABELS_VI[status],
    assignedMemberIds: previous?.assignedMemberIds ?? [],
    recommendedUpward: previous?.recommendedUpward ?? false,
    honourProposed: previous?.honourProposed ?? false,
  };
}

export function applyCouncilCase(doc: CouncilCaseDoc | null, event: RecordedEvent, id: string): CouncilCaseDoc | null {
  switch (event.type) {
    case E.DossierAwaitingCouncil: {
      const d = event.data as DossierAwaitingCouncilData;
      if (doc && doc.status !== 'awaiting-council') return doc;
      return {
        ...fromDossier(id, d, 'awaiting-council', doc),
        waiting: { reason: d.reason, reasonText: d.reasonText, candidateCouncilIds: d.candidateCouncilIds },
      };
    }
    case E.EvaluationCaseOpened: {
      const d = event.data as EvaluationCaseOpenedData;
      return { ...fromDossier(id, d, 'open', doc), councilId: d.councilId };
    }
  }
  if (!doc) return null;
  switch (event.type) {
    case E.MembersAssigned: {
      const ids = (event.data as MembersAssignedData).memberIds;
      return { ...doc, assignedMemberIds: [...doc.assignedMemberIds, ...ids.filter((m) => !doc.assignedMemberIds.includes(m))] };
    }
    case E.CaseFinalised: {
      const d = event.data as CaseFinalisedData;
      return {
        ...doc,
        status: 'finalised',
        statusLabel: CASE_STATUS_LABELS_VI.finalised,
        aggregateScore: d.aggregateScore,
        grade: d.grade,
        gradeLabel: d.gradeLabel,
        accepted: d.accepted,
      };
    }
    case E.AppealFiled:
      return { ...doc, status: 'under-appeal', statusLabel: CASE_STATUS_LABELS_VI['under-appeal'], appeals: (doc.appeals ?? 0) + 1 };
    case E.AppealDecided:
      // Rejected (or upheld without reopening): the result stands; a reopening follows as CaseReopened.
      return doc.status === 'under-appeal' ? { ...doc, status: 'finalised', statusLabel: CASE_STATUS_LABELS_VI.finalised } : doc;
    case E.CaseReopened: {
      const { aggregateScore: _a, grade: _g, gradeLabel: _l, accepted: _c, ...rest } = doc;
      return { ...rest, status: 'open', statusLabel: CASE_STATUS_LABELS_VI.open, reopened: true };
    }
    case E.DossierRecommendedUpward:
      return { ...doc, recommendedUpward: true };
    case E.HonourProposed:
      return { ...doc, honourProposed: true };
    default:
      return doc;
  }
}

/** The council's cases and the dossiers waiting for a council, for the secretary's list (GET /cases). */
export const councilCasesProjection: Projection<CouncilCaseDoc> = {
  name: 'councils.cases',
  collection: 'council_cases',
  version: 1,
  indexes: [{ fields: { jurisdictionUnitId: 1, status: 1 } }, { fields: { councilId: 1, campaignId: 1, year: 1, fieldCode: 1 } }],
  eventTypes: [
    E.DossierAwaitingCouncil,
    E.EvaluationCaseOpened,
    E.MembersAssigned,
    E.CaseFinalised,
    E.DossierRecommendedUpward,
    E.HonourProposed,
    E.AppealFiled,
    E.AppealDecided,
    E.CaseReopened,
  ],
  documentIds: (event) => [(event.data as { caseId: string }).caseId],
  apply: applyCouncilCase,
};
