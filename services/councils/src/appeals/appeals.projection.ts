import type {
  AdministrativeLevel,
  AppealAssignedData,
  AppealDecidedData,
  AppealFiledData,
  AppealOutcome,
  AppellantKind,
  ContestedResult,
  RecordedEvent,
} from '@cem/contracts';
import { APPEAL_OUTCOME_LABELS_VI, COUNCILS_EVENTS as E } from '@cem/contracts';
import type { Projection, ReadModelDocument } from '@cem/read-models';

export const APPEAL_STATUSES = ['filed', 'assigned', 'decided'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export const APPEAL_STATUS_LABELS_VI: Record<AppealStatus, string> = {
  filed: 'Đã tiếp nhận, chờ giao giải quyết',
  assigned: 'Đang giải quyết',
  decided: 'Đã giải quyết',
};

/** One row per appeal: the list the councils, the appellants and the portal read (GET /appeals). */
export interface AppealDoc extends ReadModelDocument {
  appealId: string;
  caseId: string;
  dossierId: string;
  title: string;
  councilId: string;
  level: AdministrativeLevel;
  jurisdictionUnitPath: string[];
  nominatingUnitId: string;
  campaignId: string;
  year: number;
  fieldCode: string;
  appellantKind: AppellantKind;
  appellantId: string;
  appellantUnitId: string;
  grounds: string;
  filedAt: string;
  windowEndsOn: string;
  handledBy: string;
  contested: ContestedResult;
  status: AppealStatus;
  statusLabel: string;
  toCouncilId?: string;
  toJurisdictionUnitId?: string;
  assignedAt?: string;
  outcome?: AppealOutcome;
  outcomeLabel?: string;
  reasons?: string;
  reopenScoring?: boolean;
  decidedAt?: string;
}

export const appealDocId = (caseId: string, appealId: string) => `${caseId}|${appealId}`;

export function applyAppeal(doc: AppealDoc | null, event: RecordedEvent, id: string): AppealDoc | null {
  switch (event.type) {
    case E.AppealFiled: {
      const d = event.data as AppealFiledData;
      return { _id: id, ...d, status: 'filed', statusLabel: APPEAL_STATUS_LABELS_VI.filed };
    }
    case E.AppealAssigned: {
      const d = event.data as AppealAssignedData;
      if (!doc) return null;
      return {
        ...doc,
        status: 'assigned',
        statusLabel: APPEAL_STATUS_LABELS_VI.assigned,
        toCouncilId: d.toCouncilId,
        toJurisdictionUnitId: d.toJurisdictionUnitId,
        assignedAt: d.assignedAt,
      };
    }
    case E.AppealDecided: {
      const d = event.data as AppealDecidedData;
      if (!doc) return null;
      return {
        ...doc,
        status: 'decided',
        statusLabel: APPEAL_STATUS_LABELS_VI.decided,
        outcome: d.outcome,
        outcomeLabel: APPEAL_OUTCOME_LABELS_VI[d.outcome],
        reasons: d.reasons,
        reopenScoring: d.reopenScoring,
        decidedAt: d.decidedAt,
      };
    }
    default:
      return doc;
  }
}

export const appealsProjection: Projection<AppealDoc> = {
  name: 'councils.appeals',
  collection: 'council_appeals',
  version: 1,
  indexes: [{ fields: { councilId: 1, status: 1 } }, { fields: { toCouncilId: 1, status: 1 } }, { fields: { appellantUnitId: 1 } }],
  eventTypes: [E.AppealFiled, E.AppealAssigned, E.AppealDecided],
  documentIds: (event) => {
    const d = event.data as { caseId: string; appealId: string };
    return [appealDocId(d.caseId, d.appealId)];
  },
  apply: applyAppeal,
};
