import type { CouncilEstablishedData, CouncilMember, MemberAddedData, MemberReplacedData, RecordedEvent } from '@cem/contracts';
import { COUNCILS_EVENTS as C } from '@cem/contracts';
import type { Projection } from '@cem/read-models';

/**
 * The names of the people the archive's events name by id without them acting (a council member a conflict
 * was detected for, a member recused by the system): each council member's `memberId` to the name the council's
 * establishing decision (or the later addition, replacement) gave. The history lines read people by name.
 */
export type AuditPersonDoc = {
  _id: string;
  name: string;
};

export const auditPersonId = (memberId: string) => `member:${memberId}`;

function membersOf(e: RecordedEvent): CouncilMember[] {
  switch (e.type) {
    case C.CouncilEstablished:
      return (e.data as CouncilEstablishedData).members ?? [];
    case C.MemberAdded:
      return [(e.data as MemberAddedData).member];
    case C.MemberReplaced:
      return [(e.data as MemberReplacedData).newMember];
    default:
      return [];
  }
}

export const auditPeopleProjection: Projection<AuditPersonDoc> = {
  name: 'reporting.audit-people',
  collection: 'audit_people',
  version: 1,
  eventTypes: [C.CouncilEstablished, C.MemberAdded, C.MemberReplaced],
  documentIds: (e) => membersOf(e).map((m) => auditPersonId(m.memberId)),
  apply: (doc, e, id) => {
    const member = membersOf(e).find((m) => auditPersonId(m.memberId) === id);
    return member ? { _id: id, name: member.personName } : doc;
  },
};
