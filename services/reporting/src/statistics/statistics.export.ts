import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { LEVEL_LABELS_VI } from '@cem/contracts';
import type { StatisticsRow } from './statistics.rows';

export interface ExportLabels {
  /** Unit names by id; the id is shown where a name is missing. */
  unitNames?: Record<string, string>;
  /** Field names by code. */
  fieldNames?: Record<string, string>;
}

interface Column {
  heading: string;
  width: number;
  value: (row: StatisticsRow, labels: ExportLabels) => string | number;
}

/** One column list for CSV and XLSX, in the users' words. */
const COLUMNS: Column[] = [
  { heading: 'Năm', width: 8, value: (r) => r.year },
  { heading: 'Cấp', width: 20, value: (r) => LEVEL_LABELS_VI[r.level] },
  { heading: 'Đơn vị', width: 36, value: (r, l) => l.unitNames?.[r.unitId] ?? r.unitId },
  { heading: 'Lĩnh vực', width: 28, value: (r, l) => (r.fieldCode ? (l.fieldNames?.[r.fieldCode] ?? r.fieldCode) : 'Khen thưởng đơn vị') },
  { heading: 'Số hồ sơ đăng ký', width: 16, value: (r) => r.dossiersSubmitted },
  { heading: 'Số hồ sơ được tiếp nhận', width: 16, value: (r) => r.dossiersReceived },
  { heading: 'Số được nghiệm thu', width: 16, value: (r) => r.accepted },
  { heading: 'Xuất sắc', width: 10, value: (r) => r.byGrade['xuat-sac'] },
  { heading: 'Tốt', width: 10, value: (r) => r.byGrade.tot },
  { heading: 'Khá', width: 10, value: (r) => r.byGrade.kha },
  { heading: 'Đạt', width: 10, value: (r) => r.byGrade.dat },
  { heading: 'Số giải thưởng', width: 14, value: (r) => r.awards },
];

export const STATISTICS_HEADINGS = COLUMNS.map((c) => c.heading);

const cells = (row: StatisticsRow, labels: ExportLabels) => COLUMNS.map((c) => c.value(row, labels));

/** UTF-8 with a byte-order mark, so that Excel opens the Vietnamese headings correctly. */
export function toCsv(rows: StatisticsRow[], labels: ExportLabels = {}): string {
  return '\ufeff' + stringify([STATISTICS_HEADINGS, ...rows.map((r) => cells(r, labels))]);
}

export async function toXlsx(rows: StatisticsRow[], labels: ExportLabels = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Thống kê');
  sheet.columns = COLUMNS.map((c) => ({ header: c.heading, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  rows.forEach((r) => sheet.addRow(cells(r, labels)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
