import type { RecordedEvent } from '@cem/contracts';
import type { Projection } from '@cem/read-models';

/**
 * The audit's index over the archive: for each dossier and each proposal, the streams holding an event about
 * it (and, for a dossier, the proposals made for it). A history then reads those streams by id instead of the
 * whole archive; the selection rules (decision-history.ts) run on them unchanged, so the answer is the same.
 */
export type AuditStreamsDoc = {
  _id: string;
  streams: string[];
  /** Dossier subjects only: the proposals whose events name the dossier. */
  proposals: string[];
};

export const dossierSubject = (dossierId: string) => `dossier:${dossierId}`;
export const proposalSubject = (proposalId: string) => `proposal:${proposalId}`;

type Data = {
  dossierId?: unknown;
  dossier?: { dossierId?: unknown };
  caseId?: unknown;
  proposalId?: unknown;
  entries?: { dossierId?: unknown }[];
};

const dataOf = (e: RecordedEvent) => (e.data && typeof e.data === 'object' ? (e.data as Data) : {});
const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/**
 * Every dossier an event may name: directly, by its snapshot, in a ranking, or by a case id `${dossierId}@level`
 * (each prefix before an '@', so an id containing '@' is not missed; the history's own rule then decides).
 */
export function dossiersNamedBy(e: RecordedEvent): string[] {
  const d = dataOf(e);
  const ids = new Set<string>();
  if (str(d.dossierId)) ids.add(d.dossierId);
  if (str(d.dossier?.dossierId)) ids.add(d.dossier.dossierId);
  if (str(d.caseId)) for (let at = d.caseId.indexOf('@'); at > 0; at = d.caseId.indexOf('@', at + 1)) ids.add(d.caseId.slice(0, at));
  if (Array.isArray(d.entries)) for (const entry of d.entries) if (str(entry?.dossierId)) ids.add(entry.dossierId);
  return [...ids];
}

export const proposalNamedBy = (e: RecordedEvent): string | undefined => {
  const id = dataOf(e).proposalId;
  return str(id) ? id : undefined;
};

export const auditStreamsProjection: Projection<AuditStreamsDoc> = {
  name: 'audit-streams',
  collection: 'audit_streams',
  version: 1,
  eventTypes: [],
  // Every archived event, types this release does not know included: the whole-archive history showed them too.
  allEventTypes: true,
  documentIds: (e) => {
    const proposal = proposalNamedBy(e);
    return [...dossiersNamedBy(e).map(dossierSubject), ...(proposal ? [proposalSubject(proposal)] : [])];
  },
  apply: (doc, e, id) => {
    const streams = doc?.streams ?? [];
    const proposals = doc?.proposals ?? [];
    const proposal = id.startsWith('dossier:') ? proposalNamedBy(e) : undefined;
    return {
      _id: id,
      streams: streams.includes(e.streamId) ? streams : [...streams, e.streamId],
      proposals: proposal && !proposals.includes(proposal) ? [...proposals, proposal] : proposals,
    };
  },
};
