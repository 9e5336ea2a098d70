import { COUNCILS_EVENTS as E } from '@cem/contracts';
import { compositionOn } from './composition';
import { councilAfter, councilEstablished, khcnReplacedInJune } from './council.fixtures';
import { regulationsOn } from './council.state';

const ids = (date: string, council = councilAfter([councilEstablished(), khcnReplacedInJune])) =>
  compositionOn(council, date).map((t) => t.memberId);

describe('compositionOn: who sat on the council on a date', () => {
  it('nobody before the establishing decision', () => {
    expect(ids('2019-01-14')).toEqual([]);
  });

  it('the replaced member until the day before the replacement, the replacement from that day', () => {
    expect(ids('2019-05-31')).toContain('m-khcn');
    expect(ids('2019-05-31')).not.toContain('m-khcn-2');
    expect(ids('2019-06-01T07:00:00+07:00'.slice(0, 10))).toContain('m-khcn-2');
    expect(ids('2019-08-20T09:00:00Z')).not.toContain('m-khcn');
    expect(ids('2019-08-20')).toHaveLength(6);
  });

  it('keeps the end and its reason in the history', () => {
    const council = councilAfter([councilEstablished(), khcnReplacedInJune]);
    expect(council.tenures.find((t) => t.memberId === 'm-khcn')).toMatchObject({
      from: '2019-01-15',
      until: '2019-06-01',
      endReason: 'Thay đổi nhân sự Sở Khoa học và Công nghệ',
    });
  });

  it('drops a removed member from the removal date', () => {
    const removed = {
      type: E.MemberRemoved,
      data: { councilId: 'hd-ha-nam', memberId: 'm-lhh', effectiveFrom: '2019-09-01', reason: 'Nghỉ hưu' },
    };
    const council = councilAfter([councilEstablished(), removed]);
    expect(ids('2019-08-31', council)).toContain('m-lhh');
    expect(ids('2019-09-01', council)).not.toContain('m-lhh');
  });

  it('answers which regulations were in force on a date', () => {
    const amended = {
      type: E.RegulationsAmended,
      data: {
        councilId: 'hd-ha-nam',
        regulations: { quorum: 4, aggregation: 'median', tieBreak: 'dossier-id' },
        effectiveFrom: '2020-01-01',
        reason: 'x',
      },
    };
    const council = councilAfter([councilEstablished(), amended]);
    expect(regulationsOn(council, '2019-12-31').quorum).toBe(3);
    expect(regulationsOn(council, '2020-01-01T10:00:00Z').aggregation).toBe('median');
  });
});
