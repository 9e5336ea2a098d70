import { SUBMISSIONS_EVENTS as E } from '@cem/contracts';
import { applyDossierList, dossierListProjection, DossierListDoc } from './dossier-list.projection';
import { AT_CITY, AT_DISTRICT, DOSSIER_ID, DRAFTED, RETURNED_AT_DISTRICT } from './dossier.fixtures';
import type { DossierEvent } from './dossier.state';
import { recorded } from './recorded.fixtures';
import { matchesSearch } from './search-text';

const fold = (events: DossierEvent[]) => recorded(events).reduce<DossierListDoc | null>(applyDossierList, null);

describe('dossier list projection', () => {
  it('creates the row when the dossier is drafted', () => {
    expect(fold([DRAFTED])).toMatchObject({
      _id: DOSSIER_ID,
      status: 'draft',
      statusLabel: 'Bản nháp',
      type: 'initiative',
      typeLabel: 'Sáng kiến',
      authors: ['Nguyễn Văn Đức', 'Trần Thị Bình'],
      authorPersonIds: ['p-duc'],
      nominatingUnitId: 'vn-hcm-binh-chanh-tan-kien',
      level: null,
      reached: [],
      searchText: 'sang kien so hoa ho so mot cua nguyen van duc tran thi binh',
    });
  });

  it('follows the dossier up the levels, remembering every jurisdiction it reached', () => {
    expect(fold(AT_DISTRICT)).toMatchObject({
      status: 'received',
      level: 'district',
      jurisdictionUnitId: 'vn-hcm-binh-chanh',
      receivingAgencyUnitId: 'vn-hcm-binh-chanh-phong-noi-vu',
      reached: ['district:vn-hcm-binh-chanh'],
    });
    expect(fold(AT_CITY)).toMatchObject({
      status: 'received',
      statusLabel: 'Đã tiếp nhận',
      level: 'province',
      jurisdictionUnitId: 'vn-hcm',
      receivingAgencyUnitId: 'vn-hcm-so-khcn',
      reached: ['district:vn-hcm-binh-chanh', 'province:vn-hcm'],
    });
  });

  it('shows a returned dossier with its reason, and amendments in search', () => {
    const amended: DossierEvent = {
      type: E.DossierAmended,
      data: {
        dossierId: DOSSIER_ID,
        changes: { title: 'Giải pháp số hóa hồ sơ', authors: [{ name: 'Lê Văn Cường' }] },
        amendedAt: '2024-09-20T00:00:00Z',
      },
    };
    const returned = fold([...AT_DISTRICT, RETURNED_AT_DISTRICT]);
    expect(returned).toMatchObject({
      status: 'returned',
      statusLabel: 'Trả lại để bổ sung',
      lastReason: 'Thiếu xác nhận hiệu quả áp dụng',
    });
    const doc = fold([...AT_DISTRICT, RETURNED_AT_DISTRICT, amended])!;
    expect(doc).toMatchObject({ status: 'returned', title: 'Giải pháp số hóa hồ sơ', authors: ['Lê Văn Cường'], authorPersonIds: [] });
    expect(matchesSearch(doc.searchText, 'giai phap cuong')).toBe(true);
    expect(matchesSearch(doc.searchText, 'sang kien')).toBe(false);
  });

  it('finds "sáng kiến" when searching "sang kien"', () => {
    expect(matchesSearch(fold(AT_CITY)!.searchText, 'sang kien')).toBe(true);
  });

  it('ignores events of a dossier it never saw drafted, and routes by dossier id', () => {
    const [, submitted] = recorded(AT_DISTRICT);
    expect(applyDossierList(null, submitted)).toBeNull();
    expect(dossierListProjection.documentIds(submitted)).toEqual([DOSSIER_ID]);
    expect(dossierListProjection.eventTypes).toContain(E.DossierForwarded);
  });
});
