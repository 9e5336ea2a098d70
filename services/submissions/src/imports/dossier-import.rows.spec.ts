import { checkHeader, IMPORT_COLUMNS, ImportFacts, parseRow, problemLine } from './dossier-import.rows';

const facts: ImportFacts = { campaignId: 'dkst', year: 2026, fields: { khcn: 'Khoa học - Công nghệ', 'van-hoa': 'Văn hóa' } };
const row = (cells: string[], n = 2) => ({ row: n, cells });

describe('reading one row of an imported list of dossiers', () => {
  it('takes labels or codes, with or without diacritics, and splits names on semicolons', () => {
    const parsed = parseRow(
      row([
        '1',
        'Phần mềm quản lý đê điều',
        'sang kien',
        'Khoa hoc - Cong nghe',
        'Tập thể',
        'Nguyễn Văn An; Trần Thị Bình',
        'Công ty Thủy lợi',
        '',
      ]),
      facts,
      'hs-1',
    );
    expect(parsed).toEqual({
      row: 2,
      problems: [],
      draft: {
        dossierId: 'hs-1',
        campaignId: 'dkst',
        year: 2026,
        fieldCode: 'khcn',
        type: 'initiative',
        title: 'Phần mềm quản lý đê điều',
        summary: '',
        applicantKind: 'collective',
        authors: [{ name: 'Nguyễn Văn An' }, { name: 'Trần Thị Bình' }],
        owners: [{ name: 'Công ty Thủy lợi' }],
        attachments: [],
      },
    });
  });

  it('reports every problem of the row with its column, in Vietnamese', () => {
    const parsed = parseRow(row(['', '', 'Bài thơ', 'Nông nghiệp', 'Tập thể', '', '', ''], 7), facts, 'hs-2');
    expect(parsed.problems.map(problemLine)).toEqual([
      'Dòng 7, cột «Tên hồ sơ»: Thiếu tên hồ sơ',
      'Dòng 7, cột «Tác giả, nhóm tác giả»: Thiếu tác giả, nhóm tác giả',
      expect.stringMatching(/^Dòng 7, cột «Loại hồ sơ»: Loại hồ sơ "Bài thơ" không có trong danh mục/),
      'Dòng 7, cột «Lĩnh vực»: Lĩnh vực "Nông nghiệp" không thuộc phong trào (Khoa học - Công nghệ; Văn hóa)',
      'Dòng 7, cột «Chủ sở hữu, đồng sở hữu»: Hồ sơ của tập thể phải ghi chủ sở hữu',
    ]);
  });

  it('applies the field rules of the form (a title that is too long)', () => {
    const parsed = parseRow(row(['', 'x'.repeat(2000), 'Giải pháp', 'khcn', 'Cá nhân', 'An', '', '']), facts, 'hs-3');
    expect(parsed.problems.map(problemLine)).toEqual([expect.stringContaining('Dòng 2, cột «Tên hồ sơ»: Tên hồ sơ không hợp lệ')]);
  });
});

describe('the header of an imported file', () => {
  it("must be the template's (case, diacritics and asterisks aside)", () => {
    expect(checkHeader(IMPORT_COLUMNS.map((c) => c.heading.toUpperCase()))).toEqual([]);
    expect(checkHeader(['STT', 'Tên', 'Loại'])[0].message).toMatch(/^Tệp không theo mẫu/);
  });
});
