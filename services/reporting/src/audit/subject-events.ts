import { comparePositions, type RecordedEvent } from '@cem/contracts';
import type { ServiceInfra } from '@cem/service-kit';
import { AuditStreamsDoc, auditStreamsProjection, dossierSubject, proposalSubject } from './audit-streams.projection';
import type { HistorySubject } from './decision-history';

/**
 * The archived events a history of `subject` can draw on: every event of every stream the audit index lists
 * for it (for a dossier, also for the proposals made for it), in global order. A superset of what the
 * history selects; read by stream id (the store's index) rather than from the whole archive.
 */
export async function subjectEvents(infra: ServiceInfra, subject: HistorySubject): Promise<RecordedEvent[]> {
  // Read-your-writes like the whole-archive read it replaces: everything archived so far is indexed.
  await infra.readModelsCaughtUp();
  const index = infra.documents.collection<AuditStreamsDoc>(auditStreamsProjection.collection);
  const streams = new Set<string>();
  if ('dossierId' in subject) {
    const doc = await index.get(dossierSubject(subject.dossierId));
    doc?.streams.forEach((s) => streams.add(s));
    const proposals = doc?.proposals.length ? await index.getMany(doc.proposals.map(proposalSubject)) : [];
    for (const p of proposals) p.streams.forEach((s) => streams.add(s));
  } else {
    const doc = await index.get(proposalSubject('proposalId' in subject ? subject.proposalId : subject.awardDecisionId));
    doc?.streams.forEach((s) => streams.add(s));
  }
  const events = (await Promise.all([...streams].map((s) => infra.store.readStream(s)))).flat();
  return events.sort((a, b) => comparePositions(a.position, b.position));
}
