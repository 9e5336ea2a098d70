import type { RecordedEvent } from '@cem/contracts';
import { RECOGNITION_EVENTS as E } from '@cem/contracts';
import { decidedData } from '../proposals/proposal.fixtures';
import { AwardedWorksDoc, awardedWorksProjection as projection } from './awarded-works.projection';

let seq = 0;
const recorded = (type: string, data: object): RecordedEvent => ({
  id: `e-${++seq}`,
  streamId: 's',
  streamVersion: seq,
  schemaVersion: 1,
  type,
  data,
  metadata: {
    actor: { id: 'a', role: 'authority', unitId: 'vn-ha-nam', level: 'province', unitPath: [] },
    occurredAt: '2019-11-20T00:00:00Z',
    correlationId: 'c',
    source: 'recognition',
  },
  position: { tx: seq, pos: seq },
  recordedAt: '2019-11-20T00:00:00Z',
  hash: '',
});

/** Runs events through the projection the way the runner does: per document id, in order. */
function project(events: RecordedEvent[]): Map<string, AwardedWorksDoc> {
  const docs = new Map<string, AwardedWorksDoc>();
  for (const event of events) {
    for (const id of projection.documentIds(event)) {
      const next = projection.apply(docs.get(id) ?? null, event, id);
      if (next) docs.set(id, next);
      else docs.delete(id);
    }
  }
  return docs;
}

const second = { ...decidedData, proposalId: 'p-2', dossierId: 'd-2', title: 'Phần mềm quản lý hồ sơ', decisionDate: '2019-11-18' };
const keys = { awardCode: decidedData.awardCode, level: 'province', jurisdictionUnitId: 'vn-ha-nam', year: 2019, fieldCode: 'khcn' };

describe('awarded works (Gương người Việt đoàn kết sáng tạo)', () => {
  it('lists decided works per year, level and field, ordered by decision date, with the ceremony date', () => {
    const docs = project([
      recorded(E.AwardDecided, decidedData),
      recorded(E.AwardDecided, second),
      recorded(E.AwardIssued, { ...keys, proposalId: 'p-1', dossierId: 'd-1', ceremonyDate: '2019-12-05' }),
    ]);
    const doc = docs.get('2019:province:khcn')!;
    expect(doc.works.map((w) => [w.proposalId, w.ceremonyDate])).toEqual([
      ['p-2', undefined],
      ['p-1', '2019-12-05'],
    ]);
    expect(doc.works[1]).toMatchObject({
      title: 'Máy gieo hạt cải tiến',
      decisionNumber: '1234/QĐ-UBND',
      recipients: [{ name: 'Nguyễn Văn A', kind: 'individual' }],
    });
  });

  it('drops revoked works, and the list itself once empty', () => {
    const revoke = (proposalId: string, dossierId: string) =>
      recorded(E.AwardRevoked, { ...keys, proposalId, dossierId, reason: 'x', decisionNumber: '9/QĐ-UBND', decisionDate: '2020-01-01' });
    const partly = project([recorded(E.AwardDecided, decidedData), recorded(E.AwardDecided, second), revoke('p-1', 'd-1')]);
    expect(partly.get('2019:province:khcn')!.works.map((w) => w.proposalId)).toEqual(['p-2']);
    const emptied = project([recorded(E.AwardDecided, decidedData), revoke('p-1', 'd-1')]);
    expect(emptied.size).toBe(0);
  });

  it('leaves unit commendations off the list of works', () => {
    const commendation = { ...decidedData, proposalId: 'c-1', dossierId: undefined, fieldCode: undefined };
    expect(project([recorded(E.AwardDecided, commendation)]).size).toBe(0);
  });
});
