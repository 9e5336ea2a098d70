import { comparePositions, type LogPosition, type RecordedEvent } from '@cem/contracts';
import type { EventStore } from '@cem/event-store';
import { ProjectionCheckpoints, type DocumentStore } from '@cem/read-models';
import type { ServiceInfra } from '@cem/service-kit';
import { readWholeLog } from './audit-log';
import {
  AuditStreamsDoc,
  auditStreamsProjection,
  dossiersNamedBy,
  dossierSubject,
  proposalNamedBy,
  proposalSubject,
} from './audit-streams.projection';
import type { HistorySubject } from './decision-history';

/** The ports the audit reads: the archive and the read models beside it (a service's, or the CLI's own connections). */
export type AuditPorts = Pick<ServiceInfra, 'store' | 'documents'>;

const proposalOf = (subject: Exclude<HistorySubject, { dossierId: string }>) =>
  'proposalId' in subject ? subject.proposalId : subject.awardDecisionId;

/**
 * The streams the audit index lists for `subject` (for a dossier, also those of the proposals made for it,
 * and of `extraProposals`), and those proposals.
 */
async function indexedStreams(
  documents: DocumentStore,
  subject: HistorySubject,
  extraProposals: string[] = [],
): Promise<{ streams: Set<string>; proposals: string[] }> {
  const index = documents.collection<AuditStreamsDoc>(auditStreamsProjection.collection);
  const streams = new Set<string>();
  if ('dossierId' in subject) {
    const doc = await index.get(dossierSubject(subject.dossierId));
    doc?.streams.forEach((s) => streams.add(s));
    const proposals = [...new Set([...(doc?.proposals ?? []), ...extraProposals])];
    const docs = proposals.length ? await index.getMany(proposals.map(proposalSubject)) : [];
    for (const p of docs) p.streams.forEach((s) => streams.add(s));
    return { streams, proposals };
  }
  const proposal = proposalOf(subject);
  const doc = await index.get(proposalSubject(proposal));
  doc?.streams.forEach((s) => streams.add(s));
  return { streams, proposals: [proposal] };
}

/** The streams' events in global order: one query where the store can (one round trip instead of about five). */
async function readStreams(store: EventStore, streams: Iterable<string>): Promise<RecordedEvent[]> {
  const ids = [...streams];
  if (store.readStreams) return store.readStreams(ids);
  const events = (await Promise.all(ids.map((s) => store.readStream(s)))).flat();
  return events.sort((a, b) => comparePositions(a.position, b.position));
}

/**
 * The archived events a history of `subject` can draw on: every event of every stream the audit index lists
 * for it (for a dossier, also for the proposals made for it), in global order. A superset of what the
 * history selects; read by stream id (the store's index) rather than from the whole archive.
 */
export async function subjectEvents(infra: ServiceInfra, subject: HistorySubject): Promise<RecordedEvent[]> {
  // Read-your-writes like the whole-archive read it replaces: everything archived so far is indexed.
  await infra.readModelsCaughtUp();
  return readStreams(infra.store, (await indexedStreams(infra.documents, subject)).streams);
}

const TAIL_PAGE = 1000;

/** How a reader outside the service found a subject's events. */
export interface SubjectEventsRead {
  events: RecordedEvent[];
  /** `index`: the audit index, plus the archive's events it had not applied yet; `archive`: the whole archive (no usable index). */
  via: 'index' | 'archive';
  /** Events archived after the index's checkpoint, read to complete it. */
  tail: number;
}

/**
 * The same events for a reader outside the reporting service (the `npm run audit` CLI), which cannot wait for
 * the service's projections: the audit index as far as its checkpoint, then the archive's events after that
 * checkpoint (the few the service had not applied yet, or all it missed while it was down), so the answer is
 * the same as the HTTP endpoint's. Without an index of this release (never built, or being rebuilt after a
 * version change) it reads the whole archive, as the CLI did before the index existed.
 */
export async function subjectEventsOutsideService(ports: AuditPorts, subject: HistorySubject): Promise<SubjectEventsRead> {
  const checkpoint = (await new ProjectionCheckpoints(ports.documents).load([auditStreamsProjection.name])).get(
    auditStreamsProjection.name,
  );
  if (!checkpoint || checkpoint.version !== auditStreamsProjection.version) {
    const events = await readWholeLog(ports.store);
    return { events, via: 'archive', tail: events.length };
  }
  const tail: RecordedEvent[] = [];
  let after: LogPosition = { tx: checkpoint.tx, pos: checkpoint.pos };
  for (;;) {
    const page = await ports.store.readAll({ after, limit: TAIL_PAGE });
    tail.push(...page);
    if (page.length < TAIL_PAGE) break;
    after = page[page.length - 1].position;
  }
  // The tail's own links: a proposal made for the dossier after the checkpoint, and every event naming one.
  const dossierId = 'dossierId' in subject ? subject.dossierId : undefined;
  const newProposals = dossierId ? tail.filter((e) => dossiersNamedBy(e).includes(dossierId)).flatMap((e) => proposalNamedBy(e) ?? []) : [];
  const indexed = await indexedStreams(ports.documents, subject, newProposals);
  const streams = indexed.streams;
  const proposals = new Set(indexed.proposals);
  for (const e of tail) {
    const proposal = proposalNamedBy(e);
    if ((dossierId && dossiersNamedBy(e).includes(dossierId)) || (proposal && proposals.has(proposal))) streams.add(e.streamId);
  }
  return { events: await readStreams(ports.store, streams), via: 'index', tail: tail.length };
}
