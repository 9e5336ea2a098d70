import type {
  CampaignLaunchedData,
  DossierDraftedData,
  DossierReturnedData,
  MembersAssignedData,
  NotificationKind,
  ProposalReceivedData,
  ProposalSentBackData,
  RecordedEvent,
  ReportingDeadline,
  ReportingPeriodOpenedData,
  Role,
  SubmissionDeadlineSetData,
} from '@cem/contracts';
import { COUNCILS_EVENTS as C, RECOGNITION_EVENTS as R, REPORTING_EVENTS as P, SUBMISSIONS_EVENTS as S } from '@cem/contracts';
import type { Projection, ReadModelDocument } from '@cem/read-models';

/**
 * Who a notification is for, as keys a person's token matches: `person:<sub>` for a named person (a council
 * member assigned a case) and `unit:<unitId>:<role>` for everyone holding a role at a unit (the officers of the
 * unit whose dossier was returned). Matchable with a plain `$in` on the array.
 */
export const personKey = (personId: string) => `person:${personId}`;
export const unitRoleKey = (unitId: string, role: string) => `unit:${unitId}:${role}`;

/** The people who act for the nominating unit on its dossiers (amend, submit again). */
export const DOSSIER_ROLES: Role[] = ['unit-officer', 'submitter'];
/** Those who resubmit a proposal sent back (recognition's resubmit rule). */
export const PROPOSAL_ROLES: Role[] = ['council-chair', 'council-secretary', 'standing-body'];

/** A notification raised by an event: the event's id is the notification's id. */
export interface EventNotification {
  id: string;
  kind: NotificationKind;
  at: string;
  audience: string[];
  title: string;
  detail?: string;
  link: string;
  /** Set once the thing asked for was done (the dossier submitted again, the proposal resubmitted). */
  resolvedAt?: string;
}

export type SubjectKind = 'dossier' | 'case' | 'proposal' | 'campaign' | 'submission-deadline' | 'report-period';

/**
 * One document per thing people are notified about (a dossier, a case, a proposal) or that a reminder is
 * computed from (a campaign's name, a submission deadline, a reporting period), with the facts the texts need,
 * so no lookup in another collection is needed when a notification is raised.
 */
export type NotificationSubjectDoc = ReadModelDocument & {
  subject: SubjectKind;
  audience: string[];
  items: EventNotification[];
  title?: string;
  campaignId?: string;
  year?: number;
  nominatingUnitId?: string;
  /** A dossier's status as far as reminders care: draft, submitted, returned, received, withdrawn. */
  status?: string;
  /** Submission deadline: level, jurisdiction (absent: the whole level) and instant. */
  level?: string;
  jurisdictionUnitId?: string;
  deadline?: string;
  /** Reporting period: who opened it and its deadlines per level. */
  openedByUnitId?: string;
  deadlines?: ReportingDeadline[];
};

const SUBJECT_EVENTS = [
  S.CampaignLaunched,
  S.SubmissionDeadlineSet,
  S.DossierDrafted,
  S.DossierSubmitted,
  S.DossierReceived,
  S.DossierReturned,
  S.DossierWithdrawn,
  S.DossierAmended,
  C.MembersAssigned,
  C.ScoreSubmitted,
  C.MemberRecused,
  C.CaseFinalised,
  R.ProposalReceived,
  R.CommendationProposed,
  R.ProposalSentBack,
  R.ProposalResubmitted,
  P.ReportingPeriodOpened,
];

type Data = Record<string, unknown>;
const str = (data: Data, key: string) => data[key] as string;

export const deadlineDocId = (d: Pick<SubmissionDeadlineSetData, 'campaignId' | 'year' | 'level' | 'jurisdictionUnitId'>) =>
  `submission-deadline:${d.campaignId}:${d.year}:${d.level}:${d.jurisdictionUnitId ?? '*'}`;

function documentIds(event: RecordedEvent): string[] {
  const d = event.data as Data;
  switch (event.type) {
    case S.CampaignLaunched:
      return [`campaign:${str(d, 'campaignId')}`];
    case S.SubmissionDeadlineSet:
      return [deadlineDocId(event.data as SubmissionDeadlineSetData)];
    case C.MembersAssigned:
    case C.ScoreSubmitted:
    case C.MemberRecused:
    case C.CaseFinalised:
      return [`case:${str(d, 'caseId')}`];
    case R.ProposalReceived:
    case R.CommendationProposed:
    case R.ProposalSentBack:
    case R.ProposalResubmitted:
      return [`proposal:${str(d, 'proposalId')}`];
    case P.ReportingPeriodOpened:
      return [`report-period:${str(d, 'periodId')}`];
    default:
      return [`dossier:${str(d, 'dossierId')}`];
  }
}

const fresh = (id: string, subject: SubjectKind): NotificationSubjectDoc => ({ _id: id, subject, audience: [], items: [] });
const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
const resolveOpen = (items: EventNotification[], kind: NotificationKind, at: string) =>
  items.map((n) => (n.kind === kind && !n.resolvedAt ? { ...n, resolvedAt: at } : n));

function applyDossier(doc: NotificationSubjectDoc | null, event: RecordedEvent, id: string): NotificationSubjectDoc | null {
  if (event.type === S.DossierDrafted) {
    const d = event.data as DossierDraftedData;
    return {
      ...fresh(id, 'dossier'),
      ...(doc ? { items: doc.items } : {}),
      title: d.title,
      campaignId: d.campaignId,
      year: d.year,
      nominatingUnitId: d.nominatingUnitId,
      status: 'draft',
      audience: DOSSIER_ROLES.map((r) => unitRoleKey(d.nominatingUnitId, r)),
    };
  }
  // Events of a dossier drafted before the archive began have nobody to notify.
  if (!doc) return null;
  const at = event.metadata.occurredAt;
  switch (event.type) {
    case S.DossierSubmitted:
      return { ...doc, status: 'submitted', items: resolveOpen(doc.items, 'dossier-returned', at) };
    case S.DossierReceived:
      return { ...doc, status: 'received' };
    case S.DossierWithdrawn:
      return { ...doc, status: 'withdrawn', items: resolveOpen(doc.items, 'dossier-returned', at) };
    case S.DossierAmended: {
      const title = (event.data as { changes?: { title?: string } }).changes?.title;
      return title ? { ...doc, title } : doc;
    }
    case S.DossierReturned: {
      const d = event.data as DossierReturnedData;
      const item: EventNotification = {
        id: event.id,
        kind: 'dossier-returned',
        at: d.returnedAt,
        audience: doc.audience,
        title: `Hồ sơ "${doc.title}" bị trả lại để bổ sung`,
        detail: `Lý do: ${d.reason}`,
        link: `/don-vi/ho-so/${encodeURIComponent(d.dossierId)}`,
      };
      return { ...doc, status: 'returned', items: [...doc.items, item] };
    }
    default:
      return doc;
  }
}

function applyProposal(doc: NotificationSubjectDoc | null, event: RecordedEvent, id: string): NotificationSubjectDoc | null {
  if (event.type === R.ProposalReceived || event.type === R.CommendationProposed) {
    const d = event.data as ProposalReceivedData & { proposedByUnitId?: string };
    const units = union([d.jurisdictionUnitId], d.proposedByUnitId ? [d.proposedByUnitId] : []);
    return {
      ...fresh(id, 'proposal'),
      ...(doc ? { items: doc.items } : {}),
      title: d.title,
      year: d.year,
      audience: units.flatMap((u) => PROPOSAL_ROLES.map((r) => unitRoleKey(u, r))),
    };
  }
  if (!doc) return null;
  if (event.type === R.ProposalResubmitted)
    return { ...doc, items: resolveOpen(doc.items, 'proposal-sent-back', event.metadata.occurredAt) };
  const d = event.data as ProposalSentBackData;
  const item: EventNotification = {
    id: event.id,
    kind: 'proposal-sent-back',
    at: event.metadata.occurredAt,
    audience: doc.audience,
    title: `Đề nghị khen thưởng "${doc.title}" bị trả lại`,
    detail: `Lý do: ${d.reason}`,
    link: '/hoi-dong',
  };
  return { ...doc, items: [...doc.items, item] };
}

export function applyNotificationSubject(
  doc: NotificationSubjectDoc | null,
  event: RecordedEvent,
  id: string,
): NotificationSubjectDoc | null {
  switch (event.type) {
    case S.CampaignLaunched:
      return { ...fresh(id, 'campaign'), title: (event.data as CampaignLaunchedData).name };
    case S.SubmissionDeadlineSet: {
      const d = event.data as SubmissionDeadlineSetData;
      return {
        ...fresh(id, 'submission-deadline'),
        campaignId: d.campaignId,
        year: d.year,
        level: d.level,
        ...(d.jurisdictionUnitId ? { jurisdictionUnitId: d.jurisdictionUnitId } : {}),
        deadline: d.deadline,
      };
    }
    case P.ReportingPeriodOpened: {
      const d = event.data as ReportingPeriodOpenedData;
      return { ...fresh(id, 'report-period'), title: d.title, year: d.year, openedByUnitId: d.openedByUnitId, deadlines: d.deadlines };
    }
    case C.MembersAssigned: {
      const d = event.data as MembersAssignedData;
      const audience = d.memberIds.map(personKey);
      const item: EventNotification = {
        id: event.id,
        kind: 'case-assigned',
        at: d.assignedAt,
        audience,
        title: `Được phân công thẩm định hồ sơ "${d.title}"`,
        link: `/tham-dinh/ho-so/${encodeURIComponent(d.caseId)}`,
      };
      const base = doc ?? { ...fresh(id, 'case'), title: d.title };
      return { ...base, audience: union(base.audience, audience), items: [...base.items, item] };
    }
    // A member who scored or recused has done what the assignment asked: it leaves their list; the case's
    // finalisation settles it for everyone still named.
    case C.ScoreSubmitted:
    case C.MemberRecused: {
      if (!doc) return null;
      const done = personKey((event.data as { memberId: string }).memberId);
      return {
        ...doc,
        items: doc.items.map((n) => (n.kind === 'case-assigned' ? { ...n, audience: n.audience.filter((k) => k !== done) } : n)),
      };
    }
    case C.CaseFinalised:
      return doc ? { ...doc, items: resolveOpen(doc.items, 'case-assigned', event.metadata.occurredAt) } : null;
    case R.ProposalReceived:
    case R.CommendationProposed:
    case R.ProposalSentBack:
    case R.ProposalResubmitted:
      return applyProposal(doc, event, id);
    default:
      return applyDossier(doc, event, id);
  }
}

export const notificationSubjectsProjection: Projection<NotificationSubjectDoc> = {
  name: 'reporting.notification-subjects',
  collection: 'notification_subjects',
  // 2: a member's score or recusal and the case's finalisation settle an assignment.
  version: 2,
  indexes: [{ fields: { audience: 1 } }, { fields: { subject: 1 } }],
  eventTypes: SUBJECT_EVENTS,
  documentIds,
  apply: applyNotificationSubject,
};
