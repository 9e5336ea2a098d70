import type {
  CaseFinalisedData,
  CaseReopenedData,
  MemberRecusedData,
  MembersAssignedData,
  RecordedEvent,
  ScoreRevisedData,
  ScoreSubmittedData,
} from '@cem/contracts';
import { COUNCILS_EVENTS as E } from '@cem/contracts';
import type { Projection, ReadModelDocument } from '@cem/read-models';

/** One row of a member's work queue: a case they were asked to score and where they stand. */
export interface WorkItemDoc extends ReadModelDocument {
  memberId: string;
  caseId: string;
  dossierId: string;
  councilId: string;
  fieldCode: string;
  title: string;
  assignedAt: string;
  status: 'to-score' | 'scored' | 'recused';
  /** Only the member's own total: others' scores are never in a member's queue. */
  ownTotal?: number;
  scoredAt?: string;
  revisions: number;
  recusalReason?: string;
  caseFinalised: boolean;
}

export const workItemId = (memberId: string, caseId: string) => `${memberId}|${caseId}`;

export function applyWorkItem(doc: WorkItemDoc | null, event: RecordedEvent, id: string): WorkItemDoc | null {
  if (event.type === E.MembersAssigned) {
    const d = event.data as MembersAssignedData;
    const memberId = id.slice(0, id.length - d.caseId.length - 1);
    return (
      doc ?? {
        _id: id,
        memberId,
        caseId: d.caseId,
        dossierId: d.dossierId,
        councilId: d.councilId,
        fieldCode: d.fieldCode,
        title: d.title,
        assignedAt: d.assignedAt,
        status: 'to-score',
        revisions: 0,
        caseFinalised: false,
      }
    );
  }
  if (!doc) return null;
  switch (event.type) {
    case E.MemberRecused:
      return { ...doc, status: 'recused', recusalReason: (event.data as MemberRecusedData).reason };
    case E.ScoreSubmitted: {
      const d = event.data as ScoreSubmittedData;
      return { ...doc, status: 'scored', ownTotal: d.total, scoredAt: d.submittedAt };
    }
    case E.ScoreRevised: {
      const d = event.data as ScoreRevisedData;
      return { ...doc, ownTotal: d.total, scoredAt: d.submittedAt, revisions: d.revision };
    }
    case E.CaseFinalised:
      return { ...doc, caseFinalised: true };
    case E.CaseReopened:
      // Back in the queue: the member revises the score (with a reason) for the new finalisation.
      return { ...doc, caseFinalised: false };
    default:
      return doc;
  }
}

function affectedMembers(event: RecordedEvent): string[] {
  switch (event.type) {
    case E.MembersAssigned:
      return (event.data as MembersAssignedData).memberIds;
    case E.CaseFinalised:
      return (event.data as CaseFinalisedData).assignedMemberIds;
    case E.CaseReopened:
      return (event.data as CaseReopenedData).memberIds;
    default:
      return [(event.data as { memberId: string }).memberId];
  }
}

/** A member's work queue and progress: query by memberId (open items: caseFinalised false, status to-score). */
export const workQueueProjection: Projection<WorkItemDoc> = {
  name: 'councils.work-queue',
  collection: 'council_work_queue',
  version: 1,
  indexes: [{ fields: { memberId: 1, caseFinalised: 1 } }],
  eventTypes: [E.MembersAssigned, E.MemberRecused, E.ScoreSubmitted, E.ScoreRevised, E.CaseFinalised, E.CaseReopened],
  documentIds: (event) => affectedMembers(event).map((m) => workItemId(m, (event.data as { caseId: string }).caseId)),
  apply: applyWorkItem,
};
