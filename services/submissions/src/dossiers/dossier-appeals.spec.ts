import { COUNCILS_EVENTS as E, RecordedEvent } from '@cem/contracts';
import { appealsOf } from './dossier-appeals';

const recorded = (type: string, data: Record<string, unknown>): RecordedEvent =>
  ({ type, data, metadata: { occurredAt: '2026-06-01T00:00:00Z' } }) as unknown as RecordedEvent;

const filed = (caseId: string, level: string) =>
  recorded(E.AppealFiled, {
    appealId: 'kn-1',
    caseId,
    dossierId: 'hs-1',
    councilId: `hd-${level}`,
    level,
    appellantKind: 'author',
    filedAt: '2026-06-01T08:00:00Z',
    grounds: 'Chưa xem xét số liệu',
    contested: { aggregateScore: 7.5, gradeLabel: 'Khá' },
  });

describe('the appeals a dossier lineage shows', () => {
  it('folds filing, decision and reopening per case (appeal ids repeat across levels)', () => {
    const appeals = appealsOf([
      filed('hs-1@district', 'district'),
      recorded(E.AppealDecided, {
        appealId: 'kn-1',
        caseId: 'hs-1@district',
        outcome: 'rejected',
        reasons: 'Không có căn cứ',
        decidedAt: '2026-06-05T00:00:00Z',
      }),
      filed('hs-1@province', 'province'),
      recorded(E.AppealDecided, {
        appealId: 'kn-1',
        caseId: 'hs-1@province',
        outcome: 'upheld',
        reasons: 'Có căn cứ',
        decidedAt: '2026-09-05T00:00:00Z',
      }),
      recorded(E.CaseReopened, { appealId: 'kn-1', caseId: 'hs-1@province' }),
    ]);
    expect(appeals).toEqual([
      expect.objectContaining({ level: 'district', outcomeLabel: 'Không chấp nhận kiến nghị', reasons: 'Không có căn cứ' }),
      expect.objectContaining({
        level: 'province',
        outcomeLabel: 'Chấp nhận kiến nghị',
        reopenedScoring: true,
        contestedGradeLabel: 'Khá',
      }),
    ]);
    expect(appeals[0].reopenedScoring).toBeUndefined();
  });
});
