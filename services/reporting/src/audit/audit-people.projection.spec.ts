import { COUNCILS_EVENTS as C } from '@cem/contracts';
import type { RecordedEvent } from '@cem/contracts';
import { recorded } from '../shared/recorded-event.fixtures';
import { AuditPersonDoc, auditPeopleProjection } from './audit-people.projection';

function project(events: RecordedEvent[]): Map<string, AuditPersonDoc> {
  const docs = new Map<string, AuditPersonDoc>();
  for (const event of events) {
    if (!auditPeopleProjection.eventTypes.includes(event.type)) continue;
    for (const id of auditPeopleProjection.documentIds(event)) {
      const next = auditPeopleProjection.apply(docs.get(id) ?? null, event, id);
      if (next) docs.set(id, next);
    }
  }
  return docs;
}

const seat = (memberId: string, personName: string) => ({
  memberId,
  personName,
  agencyUnitId: 'vn-ha-nam',
  agencyName: 'MTTQ',
  role: 'member',
});

describe("the audit's register of council members (names for the history lines)", () => {
  it('names every member a council was established with, added or replaced by', () => {
    const docs = project([
      recorded(C.CouncilEstablished, { councilId: 'hd-1', members: [seat('m-1', 'Phạm Thị Liên'), seat('m-2', 'Lê Văn Khoa')] }),
      recorded(C.MemberAdded, { councilId: 'hd-1', member: seat('m-3', 'Bùi Thị Nga') }),
      recorded(C.MemberReplaced, { councilId: 'hd-1', oldMemberId: 'm-2', newMember: seat('m-4', 'Lê Thị Hoa') }),
      recorded(C.CouncilEstablished, { councilId: 'hd-2', members: [seat('m-1', 'Phạm Thị Liên')] }),
    ]);
    expect(Object.fromEntries([...docs].map(([id, d]) => [id, d.name]))).toEqual({
      'member:m-1': 'Phạm Thị Liên',
      'member:m-2': 'Lê Văn Khoa',
      'member:m-3': 'Bùi Thị Nga',
      'member:m-4': 'Lê Thị Hoa',
    });
  });
});
