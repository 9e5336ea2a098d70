import type {
  ConflictDeclaredData,
  ConflictDetectedData,
  ConflictKind,
  MemberRecusedData,
  MembersAssignedData,
  RecordedEvent,
} from '@cem/contracts';
import { COUNCILS_EVENTS as E } from '@cem/contracts';
import type { Projection, ReadModelDocument } from '@cem/read-models';
import { workItemId } from './work-queue.projection';

/** What a conflict kind means, as the council's secretary reads it. */
export const CONFLICT_KIND_LABELS_VI: Record<ConflictKind, string> = {
  author: 'Là tác giả của hồ sơ',
  owner: 'Là chủ sở hữu của hồ sơ',
  'nominating-unit': 'Thuộc đơn vị đề cử hồ sơ',
};

/**
 * One member on one case of a council, kept for the council's conflict register: the conflicts found on the
 * dossier (ConflictDetected), the one the member declared (ConflictDeclared) and the resulting recusal. A row
 * exists from the assignment on (the conflict events name no council); the register lists those with a conflict.
 */
export interface CouncilConflictDoc extends ReadModelDocument {
  councilId: string;
  caseId: string;
  dossierId: string;
  title: string;
  memberId: string;
  assignedAt: string;
  hasConflict: boolean;
  detected: Array<{ kind: ConflictKind; kindLabel: string; matched: string; detectedAt: string }>;
  declared?: { reason: string; declaredAt: string };
  recused: boolean;
  recusalReason?: string;
}

export function applyCouncilConflict(doc: CouncilConflictDoc | null, event: RecordedEvent, id: string): CouncilConflictDoc | null {
  if (event.type === E.MembersAssigned) {
    if (doc) return doc;
    const d = event.data as MembersAssignedData;
    return {
      _id: id,
      councilId: d.councilId,
      caseId: d.caseId,
      dossierId: d.dossierId,
      title: d.title,
      memberId: id.slice(0, id.length - d.caseId.length - 1),
      assignedAt: d.assignedAt,
      hasConflict: false,
      detected: [],
      recused: false,
    };
  }
  if (!doc) return null;
  switch (event.type) {
    case E.ConflictDetected: {
      const d = event.data as ConflictDetectedData;
      const entry = { kind: d.kind, kindLabel: CONFLICT_KIND_LABELS_VI[d.kind], matched: d.matched, detectedAt: event.metadata.occurredAt };
      return { ...doc, hasConflict: true, detected: [...doc.detected, entry] };
    }
    case E.ConflictDeclared: {
      const d = event.data as ConflictDeclaredData;
      return { ...doc, hasConflict: true, declared: { reason: d.reason, declaredAt: d.declaredAt } };
    }
    case E.MemberRecused:
      return { ...doc, recused: true, recusalReason: (event.data as MemberRecusedData).reason };
    default:
      return doc;
  }
}

const membersOf = (event: RecordedEvent): string[] =>
  event.type === E.MembersAssigned ? (event.data as MembersAssignedData).memberIds : [(event.data as { memberId: string }).memberId];

/** Xung đột lợi ích của thành viên: a council's register, queried by councilId and hasConflict. */
export const councilConflictsProjection: Projection<CouncilConflictDoc> = {
  name: 'councils.conflicts',
  collection: 'council_conflicts',
  version: 1,
  indexes: [{ fields: { councilId: 1, hasConflict: 1 } }],
  eventTypes: [E.MembersAssigned, E.ConflictDetected, E.ConflictDeclared, E.MemberRecused],
  documentIds: (event) => membersOf(event).map((m) => workItemId(m, (event.data as { caseId: string }).caseId)),
  apply: applyCouncilConflict,
};
