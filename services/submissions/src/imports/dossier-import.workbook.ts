import ExcelJS from 'exceljs';
import { ValidationFailed } from '@cem/contracts';
import { IMPORT_COLUMNS, IMPORT_SHEET, MAX_IMPORT_ROWS, RawRow } from './dossier-import.rows';

/** The spreadsheet side of the import (exceljs): the template offered for download and reading a filled one. */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface TemplateCampaign {
  campaignId: string;
  name: string;
  fields: Record<string, string>;
}

/** The template: the list sheet with its headings (and one example row), and the instructions sheet. */
export async function importTemplate(campaign?: TemplateCampaign): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(IMPORT_SHEET);
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: c.heading, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  IMPORT_COLUMNS.forEach((c, i) => {
    const header = sheet.getCell(1, i + 1);
    header.note = `${c.required ? 'Bắt buộc. ' : ''}${c.note}`;
  });

  const help = workbook.addWorksheet('Hướng dẫn');
  help.columns = [
    { header: 'Cột', width: 28 },
    { header: 'Bắt buộc', width: 10 },
    { header: 'Cách ghi', width: 100 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of IMPORT_COLUMNS) help.addRow([c.heading, c.required ? 'Có' : 'Không', c.note]);
  help.addRow([]);
  help.addRow([
    'Lưu ý',
    '',
    `Mỗi dòng là một hồ sơ của đơn vị (bản nháp, chưa nộp). Tối đa ${MAX_IMPORT_ROWS} dòng. Nếu có dòng sai, không hồ sơ nào được nhập; hệ thống báo dòng, cột và lý do.`,
  ]);
  if (campaign) {
    help.addRow([]);
    help.addRow(['Phong trào', '', `${campaign.name} (${campaign.campaignId})`]);
    for (const [code, name] of Object.entries(campaign.fields)) help.addRow(['Lĩnh vực', '', `${name} (mã: ${code})`]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The header and the non-empty rows of the list sheet (the first sheet when it was renamed). */
export async function readImportFile(bytes: Buffer): Promise<{ header: string[]; rows: RawRow[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ValidationFailed('Tệp không đọc được: cần tệp Excel (.xlsx) theo mẫu của hệ thống');
  }
  const sheet = workbook.getWorksheet(IMPORT_SHEET) ?? workbook.worksheets[0];
  if (!sheet) throw new ValidationFailed('Tệp không có trang tính nào');
  const width = IMPORT_COLUMNS.length;
  const textsOf = (row: ExcelJS.Row) => Array.from({ length: width }, (_, i) => row.getCell(i + 1).text?.toString() ?? '');
  const header = textsOf(sheet.getRow(1));
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = textsOf(row);
    // A row with only its number (STT) filled in, as in a pre-numbered template, is empty.
    if (cells.slice(1).every((c) => !c.trim())) return;
    rows.push({ row: rowNumber, cells });
  });
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new ValidationFailed(`Tệp có ${rows.length} dòng hồ sơ; mỗi lần nhập tối đa ${MAX_IMPORT_ROWS} dòng`);
  }
  return { header, rows };
}
