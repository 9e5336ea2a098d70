import {
  AdministrativeLevel,
  ApplicantKind,
  DOSSIER_TYPE_LABELS_VI,
  DossierType,
  RecordedEvent,
  SUBMISSIONS_EVENTS as E,
} from '@cem/contracts';
import type { Projection } from '@cem/read-models';
import { DOSSIER_STATUS_LABELS_VI, DossierEvent, DossierStatus } from './dossier.state';
import { searchTextOf } from './search-text';

/** A level the dossier reached, as `${level}:${jurisdictionUnitId}`: matchable with a plain `$in`. */
export const reachedKey = (level: AdministrativeLevel, jurisdictionUnitId: string) => `${level}:${jurisdictionUnitId}`;

/** One row of "Danh sách hồ sơ"; the full history stays in the dossier's stream. */
export type DossierListDoc = {
  _id: string;
  dossierId: string;
  campaignId: string;
  year: number;
  fieldCode: string;
  type: DossierType;
  typeLabel: string;
  title: string;
  applicantKind: ApplicantKind;
  authors: string[];
  authorPersonIds: string[];
  nominatingUnitId: string;
  nominatingUnitPath: string[];
  status: DossierStatus;
  statusLabel: string;
  level: AdministrativeLevel | null;
  jurisdictionUnitId: string | null;
  receivingAgencyUnitId: string | null;
  /** Every level and jurisdiction the dossier was lodged with or forwarded to (see `reachedKey`). */
  reached: string[];
  /** SHA-256 of every attachment the dossier ever carried: who may see the dossier may download them. */
  attachmentHashes?: string[];
  lastReason: string | null;
  searchText: string;
  updatedAt: string;
};

const withStatus = (doc: DossierListDoc, status: DossierStatus, at: string): DossierListDoc => ({
  ...doc,
  status,
  statusLabel: DOSSIER_STATUS_LABELS_VI[status],
  updatedAt: at,
});

const withReached = (reached: string[], key: string) => (reached.includes(key) ? reached : [...reached, key]);

function drafted(event: DossierEvent & { type: typeof E.DossierDrafted }): DossierListDoc {
  const d = event.data;
  const authors = d.authors.map((a) => a.name);
  return {
    _id: d.dossierId,
    dossierId: d.dossierId,
    campaignId: d.campaignId,
    year: d.year,
    fieldCode: d.fieldCode,
    type: d.type,
    typeLabel: DOSSIER_TYPE_LABELS_VI[d.type],
    title: d.title,
    applicantKind: d.applicantKind,
    authors,
    authorPersonIds: d.authors.flatMap((a) => (a.personId ? [a.personId] : [])),
    nominatingUnitId: d.nominatingUnitId,
    nominatingUnitPath: d.nominatingUnitPath,
    status: 'draft',
    statusLabel: DOSSIER_STATUS_LABELS_VI.draft,
    level: null,
    jurisdictionUnitId: null,
    receivingAgencyUnitId: null,
    reached: [],
    attachmentHashes: d.attachments.map((a) => a.sha256),
    lastReason: null,
    searchText: searchTextOf(d.title, authors),
    updatedAt: d.draftedAt,
  };
}

/** Pure fold of a dossier's events into its list row. Events of other streams leave the row as it is. */
export function applyDossierList(doc: DossierListDoc | null, recorded: RecordedEvent): DossierListDoc | null {
  const event = recorded as unknown as DossierEvent;
  if (event.type === E.DossierDrafted) return doc ?? drafted(event);
  if (!doc) return null;
  switch (event.type) {
    case E.DossierSubmitted: {
      const { level, jurisdictionUnitId, submittedAt } = event.data;
      return {
        ...withStatus(doc, 'submitted', submittedAt),
        level,
        jurisdictionUnitId,
        receivingAgencyUnitId: null,
        reached: withReached(doc.reached, reachedKey(level, jurisdictionUnitId)),
      };
    }
    case E.DossierReceived:
      return { ...withStatus(doc, 'received', event.data.receivedAt), receivingAgencyUnitId: event.data.receivingAgencyUnitId };
    case E.DossierReturned:
      return { ...withStatus(doc, 'returned', event.data.returnedAt), lastReason: event.data.reason };
    case E.DossierAmended: {
      const { title = doc.title, type = doc.type, applicantKind = doc.applicantKind, authors } = event.data.changes;
      const names = authors ? authors.map((a) => a.name) : doc.authors;
      return {
        ...doc,
        title,
        type,
        typeLabel: DOSSIER_TYPE_LABELS_VI[type],
        applicantKind,
        authors: names,
        authorPersonIds: authors ? authors.flatMap((a) => (a.personId ? [a.personId] : [])) : doc.authorPersonIds,
        searchText: searchTextOf(title, names),
        attachmentHashes: [...new Set([...(doc.attachmentHashes ?? []), ...(event.data.changes.attachments ?? []).map((a) => a.sha256)])],
        updatedAt: event.data.amendedAt,
      };
    }
    case E.DossierWithdrawn:
      return { ...withStatus(doc, 'withdrawn', event.data.withdrawnAt), lastReason: event.data.reason };
    case E.DossierForwarded: {
      const { toLevel, toJurisdictionUnitId, forwardedAt } = event.data;
      return {
        ...withStatus(doc, 'forwarded', forwardedAt),
        level: toLevel,
        jurisdictionUnitId: toJurisdictionUnitId,
        receivingAgencyUnitId: null,
        reached: withReached(doc.reached, reachedKey(toLevel, toJurisdictionUnitId)),
      };
    }
    default:
      return doc;
  }
}

const DOSSIER_EVENT_TYPES = [
  E.DossierDrafted,
  E.DossierSubmitted,
  E.DossierReceived,
  E.DossierReturned,
  E.DossierAmended,
  E.DossierWithdrawn,
  E.DossierForwarded,
];

export const dossierListProjection: Projection<DossierListDoc> = {
  name: 'submissions.dossier-list',
  collection: 'dossier_list',
  // 2: attachment hashes (who may see a dossier may download its attachments).
  version: 2,
  // What the list filters on: the visibility rule's fields (dossier-visibility.policy.ts), the criteria, and
  // the list's order. The embedded store narrows by the first field of each; MongoDB uses them for each
  // branch of the visibility $or. (FerretDB v1.24 creates them but evaluates filters by a scan: docs/benchmarks.md.)
  indexes: [
    { fields: { attachmentHashes: 1 } },
    { fields: { nominatingUnitId: 1 } },
    { fields: { nominatingUnitPath: 1 } },
    { fields: { authorPersonIds: 1 } },
    { fields: { reached: 1 } },
    { fields: { campaignId: 1 } },
    { fields: { status: 1 } },
    { fields: { updatedAt: -1, _id: 1 } },
  ],
  eventTypes: DOSSIER_EVENT_TYPES,
  documentIds: (event) => [(event.data as { dossierId: string }).dossierId],
  apply: (doc, event) => applyDossierList(doc, event),
};
