import type { PersonNames, RecordedEvent } from '@cem/contracts';
import type { DocumentStore } from '@cem/read-models';
import { actorNames } from './decision-history';
import { AuditPersonDoc, auditPeopleProjection, auditPersonId } from './audit-people.projection';

const memberIdOf = (e: RecordedEvent): string | undefined => {
  const id = (e.data as { memberId?: unknown } | undefined)?.memberId;
  return typeof id === 'string' && id ? id : undefined;
};

/**
 * Who is who in a history: the actors of `events` by the names their tokens carried, then the council members
 * the events name without acting, from the archive's register of members (audit-people.projection.ts). One
 * read of that register, and only when such a member is left.
 */
export async function personNames(documents: DocumentStore, events: RecordedEvent[]): Promise<PersonNames> {
  const known = actorNames(events);
  const missing = [...new Set(events.map(memberIdOf).filter((id): id is string => Boolean(id) && !known(id!)))];
  if (!missing.length) return known;
  const docs = await documents.collection<AuditPersonDoc>(auditPeopleProjection.collection).getMany(missing.map(auditPersonId));
  const members = new Map(docs.map((d) => [d._id, d.name]));
  return actorNames(events, (id) => members.get(auditPersonId(id)));
}
