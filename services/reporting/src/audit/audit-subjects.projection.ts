import type {
  AwardDecidedData,
  AwardRevokedData,
  DossierAmendedData,
  DossierDraftedData,
  ProposalFacts,
  ProposalResubmittedData,
  RecordedEvent,
} from '@cem/contracts';
import { RECOGNITION_EVENTS as R, SUBMISSIONS_EVENTS as S } from '@cem/contracts';
import { normaliseVietnamese, Projection, ReadModelDocument } from '@cem/read-models';

export const AUDIT_SUBJECT_KINDS = ['dossier', 'proposal', 'award'] as const;
export type AuditSubjectKind = (typeof AUDIT_SUBJECT_KINDS)[number];

export const AUDIT_SUBJECT_LABELS_VI: Record<AuditSubjectKind, string> = {
  dossier: 'Hồ sơ',
  proposal: 'Đề nghị khen thưởng',
  award: 'Quyết định khen thưởng',
};

/**
 * What an auditor can look for (Kiểm tra, giám sát): every dossier, honour proposal and award decision in the
 * archive, found by the folded words of its title, its people (authors, owners, recipients), its id and, for an
 * award, the decision number and the award's name. The timeline of a proposal or an award is the proposal's.
 * `people` are the current ones: an amendment (a resubmission) that changes the authors or owners (recipients)
 * replaces them there. The names it removed stay findable, listed apart as `formerPeople` ("trước đây"): an
 * auditor may look for who was once named on a dossier.
 */
export interface AuditSubjectDoc extends ReadModelDocument {
  kind: AuditSubjectKind;
  kindLabel: string;
  /** The dossier id, or the proposal id for a proposal and for the award decided on it. */
  subjectId: string;
  dossierId?: string;
  proposalId?: string;
  title: string;
  /** The current authors and owners (a dossier) or recipients (a proposal, an award). */
  people: string[];
  /** Names an amendment or a resubmission removed (trước đây), still found by the search. */
  formerPeople?: string[];
  /** A dossier's current authors and owners apart, so an amendment of one list keeps the other. */
  authors?: string[];
  owners?: string[];
  year?: number;
  level?: string;
  /** The award decision: "Quyết định số …, ngày …, người ký …: <award>". */
  detail?: string;
  revoked?: boolean;
  occurredAt: string;
  searchText: string;
}

export const auditSubjectId = (kind: AuditSubjectKind, id: string) => `${kind}:${id}`;

const names = (people: ReadonlyArray<{ name: string }>) => people.map((p) => p.name);

function withSearchText(doc: AuditSubjectDoc): AuditSubjectDoc {
  const words = [doc.subjectId, doc.title, ...doc.people, ...(doc.formerPeople ?? []), doc.detail ?? ''];
  return { ...doc, searchText: normaliseVietnamese(words.join(' ')) };
}

/** The doc with `people` replaced: whoever is no longer named joins `formerPeople` (and leaves it when named again). */
function withPeople(doc: AuditSubjectDoc, people: string[], fields: Partial<AuditSubjectDoc> = {}): AuditSubjectDoc {
  const current = [...new Set(people)];
  const former = [...new Set([...(doc.formerPeople ?? []), ...doc.people])].filter((n) => !current.includes(n));
  const { formerPeople: _formerPeople, ...rest } = doc;
  return withSearchText({ ...rest, ...fields, people: current, ...(former.length ? { formerPeople: former } : {}) });
}

function fresh(kind: AuditSubjectKind, id: string, event: RecordedEvent, fields: Partial<AuditSubjectDoc>): AuditSubjectDoc {
  return {
    _id: auditSubjectId(kind, id),
    kind,
    kindLabel: AUDIT_SUBJECT_LABELS_VI[kind],
    subjectId: id,
    title: '',
    people: [],
    occurredAt: event.metadata.occurredAt,
    searchText: '',
    ...fields,
  };
}

export function applyAuditSubject(doc: AuditSubjectDoc | null, event: RecordedEvent): AuditSubjectDoc | null {
  switch (event.type) {
    case S.DossierDrafted: {
      const d = event.data as DossierDraftedData;
      return withSearchText(
        fresh('dossier', d.dossierId, event, {
          dossierId: d.dossierId,
          title: d.title,
          people: [...new Set([...names(d.authors), ...names(d.owners)])],
          authors: names(d.authors),
          owners: names(d.owners),
          year: d.year,
        }),
      );
    }
    case S.DossierAmended: {
      if (!doc) return null;
      const { title, authors: newAuthors, owners: newOwners } = (event.data as DossierAmendedData).changes;
      if (!title && !newAuthors && !newOwners) return doc;
      const authors = newAuthors ? names(newAuthors) : (doc.authors ?? []);
      const owners = newOwners ? names(newOwners) : (doc.owners ?? []);
      return withPeople(doc, [...authors, ...owners], { ...(title ? { title } : {}), authors, owners });
    }
    case R.ProposalReceived:
    case R.CommendationProposed: {
      const d = event.data as ProposalFacts & { dossierId?: string };
      return withSearchText(
        fresh('proposal', d.proposalId, event, {
          proposalId: d.proposalId,
          ...(d.dossierId ? { dossierId: d.dossierId } : {}),
          title: d.title,
          people: names(d.recipients),
          year: d.year,
          level: d.level,
          ...(d.proposedAward ? { detail: `Đề nghị: ${d.proposedAward}` } : {}),
        }),
      );
    }
    case R.ProposalResubmitted: {
      const recipients = (event.data as ProposalResubmittedData).recipients;
      return doc && recipients ? withPeople(doc, names(recipients)) : doc;
    }
    case R.AwardDecided: {
      const d = event.data as AwardDecidedData;
      return withSearchText(
        fresh('award', d.proposalId, event, {
          proposalId: d.proposalId,
          ...(d.dossierId ? { dossierId: d.dossierId } : {}),
          title: d.title,
          people: names(d.recipients),
          year: d.year,
          level: d.level,
          detail: `Quyết định số ${d.decisionNumber} ngày ${d.decisionDate.slice(0, 10)}, người ký ${d.signer}: ${d.awardName}`,
        }),
      );
    }
    case R.AwardRevoked: {
      const d = event.data as AwardRevokedData;
      return doc ? { ...doc, revoked: true, detail: `${doc.detail ?? ''} (thu hồi theo Quyết định số ${d.decisionNumber})`.trim() } : doc;
    }
    default:
      return doc;
  }
}

function subjectOf(event: RecordedEvent): string[] {
  const d = event.data as { dossierId?: string; proposalId?: string };
  switch (event.type) {
    case S.DossierDrafted:
    case S.DossierAmended:
      return d.dossierId ? [auditSubjectId('dossier', d.dossierId)] : [];
    case R.AwardDecided:
    case R.AwardRevoked:
      return d.proposalId ? [auditSubjectId('award', d.proposalId)] : [];
    default:
      return d.proposalId ? [auditSubjectId('proposal', d.proposalId)] : [];
  }
}

/** The auditor's search over the archive (GET /audit/search). */
export const auditSubjectsProjection: Projection<AuditSubjectDoc> = {
  name: 'reporting.audit-subjects',
  collection: 'audit_subjects',
  // 2: current people apart from former ones (formerPeople), authors and owners kept apart.
  version: 2,
  indexes: [{ fields: { kind: 1, occurredAt: -1 } }, { fields: { occurredAt: -1 } }],
  eventTypes: [
    S.DossierDrafted,
    S.DossierAmended,
    R.ProposalReceived,
    R.CommendationProposed,
    R.ProposalResubmitted,
    R.AwardDecided,
    R.AwardRevoked,
  ],
  documentIds: subjectOf,
  apply: (doc, event) => applyAuditSubject(doc, event),
};
