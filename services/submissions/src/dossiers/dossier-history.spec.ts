import { DRAFTED, FORWARDED_TO_CITY, RECEIVED_AT_CITY, RECEIVED_AT_DISTRICT, RETURNED_AT_DISTRICT, SUBMITTED } from './dossier.fixtures';
import { recorded } from './recorded.fixtures';
import { historyOf, lineageOf, summaryOf } from './dossier-history';

describe('dossier views folded from the stream', () => {
  const journey = recorded([DRAFTED, SUBMITTED, RECEIVED_AT_DISTRICT, FORWARDED_TO_CITY, RECEIVED_AT_CITY]);

  it('lineage goes up level by level, with who forwarded it on what basis, and back down to the origin', () => {
    const lineage = lineageOf(journey)!;
    expect(lineage.up).toEqual([
      expect.objectContaining({
        level: 'district',
        jurisdictionUnitId: 'vn-hcm-binh-chanh',
        arrivedBy: 'submission',
        receivedBy: 'vn-hcm-binh-chanh-phong-noi-vu',
        forwardedAt: expect.any(String),
        basis: 'authority-override',
      }),
      expect.objectContaining({ level: 'province', jurisdictionUnitId: 'vn-hcm', arrivedBy: 'forwarding', receivedBy: 'vn-hcm-so-khcn' }),
    ]);
    expect(lineage.down.slice(0, -1)).toEqual([...lineage.up].reverse());
    expect(lineage.down.at(-1)).toEqual({
      level: 'origin',
      nominatingUnitId: 'vn-hcm-binh-chanh-tan-kien',
      nominatingUnitPath: ['vn', 'vn-hcm', 'vn-hcm-binh-chanh', 'vn-hcm-binh-chanh-tan-kien'],
    });
  });

  it('a re-submission after a return starts the level afresh', () => {
    const lineage = lineageOf(recorded([DRAFTED, SUBMITTED, RECEIVED_AT_DISTRICT, RETURNED_AT_DISTRICT, SUBMITTED]))!;
    expect(lineage.up).toHaveLength(1);
    expect(lineage.up[0].receivedAt).toBeUndefined();
  });

  it('a stream without a draft has no lineage and no summary', () => {
    expect(lineageOf([])).toBeNull();
    expect(summaryOf([])).toBeNull();
  });

  it('history lists each event with when, who, role, unit, level and reason', () => {
    const history = historyOf(recorded([DRAFTED, SUBMITTED, RECEIVED_AT_DISTRICT, RETURNED_AT_DISTRICT]));
    expect(history.map((h) => h.version)).toEqual([1, 2, 3, 4]);
    expect(history[1]).toMatchObject({ type: 'submissions.DossierSubmitted', level: 'district', jurisdictionUnitId: 'vn-hcm-binh-chanh' });
    expect(history[3]).toMatchObject({
      type: 'submissions.DossierReturned',
      reason: expect.any(String),
      role: 'system',
      at: '2024-01-01T00:00:00Z',
    });
  });
});
