import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  APPLICANT_KIND_LABELS_VI,
  APPLICANT_KINDS,
  ApplicantKind,
  DOSSIER_TYPE_LABELS_VI,
  DOSSIER_TYPES,
  DossierSnapshot,
  DossierType,
} from '@cem/contracts';
import type { DossierDraft } from '../dossiers/dossier.decider';
import { normaliseVietnamese } from '../dossiers/search-text';

/**
 * The import of a unit's list of dossiers from a spreadsheet (pure: no Nest, no store). One row is one dossier
 * draft of the nominating unit; every problem is reported with its row number and column, in Vietnamese, and
 * the caller records nothing unless every row is valid.
 */

export interface ImportColumn {
  key: 'stt' | 'title' | 'type' | 'field' | 'applicantKind' | 'authors' | 'owners' | 'summary';
  heading: string;
  width: number;
  required: boolean;
  /** What the instructions sheet says about the column. */
  note: string;
}

const list = (labels: Record<string, string>) => Object.values(labels).join('; ');

export const IMPORT_COLUMNS: ImportColumn[] = [
  { key: 'stt', heading: 'STT', width: 6, required: false, note: 'Số thứ tự (không bắt buộc, không được nhập vào hệ thống)' },
  { key: 'title', heading: 'Tên hồ sơ', width: 48, required: true, note: 'Tên sáng kiến, giải pháp, công trình...' },
  { key: 'type', heading: 'Loại hồ sơ', width: 22, required: true, note: `Một trong: ${list(DOSSIER_TYPE_LABELS_VI)}` },
  {
    key: 'field',
    heading: 'Lĩnh vực',
    width: 26,
    required: true,
    note: 'Tên hoặc mã một lĩnh vực của phong trào (xem danh sách bên dưới)',
  },
  { key: 'applicantKind', heading: 'Cá nhân / Tập thể', width: 18, required: true, note: `Một trong: ${list(APPLICANT_KIND_LABELS_VI)}` },
  {
    key: 'authors',
    heading: 'Tác giả, nhóm tác giả',
    width: 40,
    required: true,
    note: 'Họ và tên; nhiều người cách nhau bằng dấu chấm phẩy (;)',
  },
  {
    key: 'owners',
    heading: 'Chủ sở hữu, đồng sở hữu',
    width: 36,
    required: false,
    note: 'Tên; nhiều chủ sở hữu cách nhau bằng dấu chấm phẩy (;)',
  },
  { key: 'summary', heading: 'Tóm tắt nội dung', width: 60, required: false, note: 'Không bắt buộc' },
];

export const IMPORT_SHEET = 'Danh sách hồ sơ';
export const MAX_IMPORT_ROWS = 500;

/** A row as read from the sheet: its number in the sheet (header = 1) and the text of each column. */
export interface RawRow {
  row: number;
  cells: string[];
}

export interface RowProblem {
  row: number;
  column?: string;
  message: string;
}

export interface ImportFacts {
  campaignId: string;
  year: number;
  /** The campaign's fields: code -> name. */
  fields: Record<string, string>;
}

export type ParsedRow = { row: number; draft: DossierDraft; problems: [] } | { row: number; problems: RowProblem[] };

const fold = (s: string) => normaliseVietnamese(s);
const heading = (key: ImportColumn['key']) => IMPORT_COLUMNS.find((c) => c.key === key)!.heading;

/** The file's header must name the template's columns in order (diacritics, case and an asterisk aside). */
export function checkHeader(header: string[]): RowProblem[] {
  const got = header.map((h) => fold(h.replace(/\(\*\)|\*/g, '')));
  const missing = IMPORT_COLUMNS.filter((c, i) => got[i] !== fold(c.heading));
  return missing.length
    ? [
        {
          row: 1,
          message: `Tệp không theo mẫu: dòng tiêu đề phải là ${IMPORT_COLUMNS.map((c) => `"${c.heading}"`).join(', ')} (khác ở cột ${missing
            .map((c) => `"${c.heading}"`)
            .join(', ')})`,
        },
      ]
    : [];
}

function byLabelOrCode<K extends string>(value: string, codes: readonly K[], labels: Record<K, string>): K | undefined {
  const v = fold(value);
  return codes.find((code) => fold(code) === v || fold(labels[code]) === v);
}

const names = (cell: string) =>
  cell
    .split(/[;\n]/)
    .map((n) => n.trim())
    .filter(Boolean);

/** The columns of DossierSnapshot a field's problem is reported under. */
const COLUMN_OF: Record<string, ImportColumn['key']> = {
  title: 'title',
  summary: 'summary',
  authors: 'authors',
  owners: 'owners',
  type: 'type',
  fieldCode: 'field',
  applicantKind: 'applicantKind',
};

/** One row into a dossier draft, or every problem found in it. `dossierId` is given by the caller. */
export function parseRow(raw: RawRow, facts: ImportFacts, dossierId: string): ParsedRow {
  const cell = (key: ImportColumn['key']) => (raw.cells[IMPORT_COLUMNS.findIndex((c) => c.key === key)] ?? '').trim();
  const problems: RowProblem[] = [];
  const problem = (key: ImportColumn['key'], message: string) => problems.push({ row: raw.row, column: heading(key), message });
  for (const c of IMPORT_COLUMNS) if (c.required && !cell(c.key)) problem(c.key, `Thiếu ${c.heading.toLowerCase()}`);

  const type = cell('type') ? byLabelOrCode<DossierType>(cell('type'), DOSSIER_TYPES, DOSSIER_TYPE_LABELS_VI) : undefined;
  if (cell('type') && !type) problem('type', `Loại hồ sơ "${cell('type')}" không có trong danh mục (${list(DOSSIER_TYPE_LABELS_VI)})`);
  const kind = cell('applicantKind')
    ? byLabelOrCode<ApplicantKind>(cell('applicantKind'), APPLICANT_KINDS, APPLICANT_KIND_LABELS_VI)
    : undefined;
  if (cell('applicantKind') && !kind) problem('applicantKind', `"${cell('applicantKind')}" không phải Cá nhân hoặc Tập thể`);
  const fieldCodes = Object.keys(facts.fields);
  const fieldCode = cell('field') ? byLabelOrCode(cell('field'), fieldCodes, facts.fields) : undefined;
  if (cell('field') && !fieldCode) {
    problem(
      'field',
      `Lĩnh vực "${cell('field')}" không thuộc phong trào (${Object.values(facts.fields).join('; ') || 'chưa có lĩnh vực'})`,
    );
  }
  const authors = names(cell('authors'));
  const owners = names(cell('owners'));
  if (kind === 'collective' && !owners.length) problem('owners', 'Hồ sơ của tập thể phải ghi chủ sở hữu');
  if (problems.length) return { row: raw.row, problems };

  const draft: DossierDraft = {
    dossierId,
    campaignId: facts.campaignId,
    year: facts.year,
    fieldCode: fieldCode!,
    type: type!,
    title: cell('title'),
    summary: cell('summary'),
    applicantKind: kind!,
    authors: authors.map((name) => ({ name })),
    owners: owners.map((name) => ({ name })),
    attachments: [],
  };
  // The same field rules as a dossier drafted in the form (lengths, characters, counts).
  const errors = validateSync(plainToInstance(DossierSnapshot, { ...draft, nominatingUnitId: 'import', nominatingUnitPath: ['import'] }), {
    forbidUnknownValues: false,
  });
  for (const e of errors.filter((x) => x.property !== 'attachments')) {
    const key = COLUMN_OF[e.property];
    if (key) problem(key, `${heading(key)} không hợp lệ (quá dài, quá nhiều mục hoặc có ký tự không được phép)`);
    else problems.push({ row: raw.row, message: `Dữ liệu không hợp lệ (${e.property})` });
  }
  return problems.length ? { row: raw.row, problems } : { row: raw.row, draft, problems: [] };
}

/** The report a person reads: one line per problem, "Dòng 5, cột «Loại hồ sơ»: ...". */
export const problemLine = (p: RowProblem) => `Dòng ${p.row}${p.column ? `, cột «${p.column}»` : ''}: ${p.message}`;
