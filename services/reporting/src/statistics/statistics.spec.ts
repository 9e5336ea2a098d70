import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { RecordedEvent } from '@cem/contracts';
import { COUNCILS_EVENTS as C, RECOGNITION_EVENTS as R, SUBMISSIONS_EVENTS as S } from '@cem/contracts';
import { DossierStatisticsDoc, dossierStatisticsProjection as projection } from './dossier-statistics.projection';
import { STATISTICS_HEADINGS, toCsv, toXlsx } from './statistics.export';
import { recorded } from '../shared/recorded-event.fixtures';
import { statisticsRows } from './statistics.rows';

function project(events: RecordedEvent[]): DossierStatisticsDoc[] {
  const docs = new Map<string, DossierStatisticsDoc>();
  for (const e of events) {
    if (!projection.eventTypes.includes(e.type)) continue;
    for (const id of projection.documentIds(e)) docs.set(id, projection.apply(docs.get(id) ?? null, e, id)!);
  }
  return [...docs.values()];
}

const BC = 'vn-hcm-binh-chanh';
const snapshot = (dossierId: string, fieldCode: string) => ({ dossierId, campaignId: 'hcm-2024', year: 2024, fieldCode });
const submittedAndReceived = (dossierId: string, fieldCode = 'khcn') => [
  recorded(S.DossierDrafted, snapshot(dossierId, fieldCode)),
  recorded(S.DossierSubmitted, { dossierId, level: 'district', jurisdictionUnitId: BC }),
  recorded(S.DossierReceived, { dossierId, level: 'district', jurisdictionUnitId: BC, dossier: snapshot(dossierId, fieldCode) }),
];
const finalised = (dossierId: string, grade: string, accepted = true) =>
  recorded(C.CaseFinalised, {
    caseId: `${dossierId}@district`,
    dossierId,
    level: 'district',
    year: 2024,
    fieldCode: 'khcn',
    grade,
    accepted,
  });
const award = (type: string, proposalId: string, dossierId?: string, fieldCode?: string) =>
  recorded(type, { proposalId, dossierId, awardCode: 'gt-hcm', level: 'district', jurisdictionUnitId: BC, year: 2024, fieldCode });

const events = [
  ...submittedAndReceived('d1'),
  ...submittedAndReceived('d2'),
  ...submittedAndReceived('d3'),
  ...submittedAndReceived('d4', 'vhnt'),
  recorded(S.DossierDrafted, snapshot('d5', 'khcn')),
  recorded(S.DossierSubmitted, { dossierId: 'd5', level: 'district', jurisdictionUnitId: BC }),
  finalised('d1', 'xuat-sac'),
  finalised('d2', 'kha'),
  finalised('d3', 'khong-dat', false),
  award(R.AwardDecided, 'p1', 'd1', 'khcn'),
  award(R.AwardDecided, 'p2', 'd2', 'khcn'),
  award(R.AwardRevoked, 'p2', 'd2', 'khcn'),
  recorded(S.DossierForwarded, {
    dossierId: 'd1',
    fromLevel: 'district',
    toLevel: 'province',
    fromJurisdictionUnitId: BC,
    toJurisdictionUnitId: 'vn-hcm',
  }),
  award(R.AwardDecided, 'c1'),
];

describe('statistics', () => {
  const rows = statisticsRows(project(events));

  it('counts submitted, received, accepted, grades and awards in force, per year, level, unit and field', () => {
    expect(rows.map((r) => r.key)).toEqual([
      `2024|province|vn-hcm|khcn`,
      `2024|district|${BC}|`,
      `2024|district|${BC}|khcn`,
      `2024|district|${BC}|vhnt`,
    ]);
    expect(rows[2]).toMatchObject({
      dossiersSubmitted: 4,
      dossiersReceived: 3,
      accepted: 2,
      byGrade: { 'xuat-sac': 1, tot: 0, kha: 1, dat: 0 },
      awards: 1,
    });
    expect(rows[0]).toMatchObject({ dossiersSubmitted: 1, dossiersReceived: 0, accepted: 0, awards: 0 });
    expect(rows[1]).toMatchObject({ fieldCode: '', awards: 1, dossiersSubmitted: 0 });
    expect(rows[3]).toMatchObject({ dossiersSubmitted: 1, dossiersReceived: 1, accepted: 0 });
  });

  it('a re-delivered event changes nothing (flags, not increments)', () => {
    const again = [...events, ...submittedAndReceived('d1'), finalised('d1', 'xuat-sac')];
    expect(statisticsRows(project(again))).toEqual(rows);
  });

  it('exports CSV with Vietnamese headings that parses back to the same figures', () => {
    const csv = toCsv(rows, { unitNames: { [BC]: 'Huyện Bình Chánh' }, fieldNames: { khcn: 'Khoa học - Công nghệ' } });
    expect(csv.startsWith('\ufeff')).toBe(true);
    const records: Record<string, string>[] = parse(csv, { bom: true, columns: true });
    expect(Object.keys(records[0])).toEqual(STATISTICS_HEADINGS);
    expect(records[2]).toMatchObject({
      Năm: '2024',
      Cấp: 'Huyện/Quận',
      'Đơn vị': 'Huyện Bình Chánh',
      'Lĩnh vực': 'Khoa học - Công nghệ',
      'Số hồ sơ đăng ký': '4',
      'Số hồ sơ được tiếp nhận': '3',
      'Số được nghiệm thu': '2',
      'Xuất sắc': '1',
      Khá: '1',
      'Số giải thưởng': '1',
    });
    expect(records[1]['Lĩnh vực']).toBe('Khen thưởng đơn vị');
  });

  it('exports XLSX that exceljs reads back with the same headings and numbers', async () => {
    const buffer = await toXlsx(rows);
    expect(Buffer.isBuffer(buffer)).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Thống kê')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(STATISTICS_HEADINGS);
    expect(sheet.rowCount).toBe(rows.length + 1);
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual([2024, 'Huyện/Quận', BC, 'khcn', 4, 3, 2, 1, 0, 1, 0, 1]);
  });
});
