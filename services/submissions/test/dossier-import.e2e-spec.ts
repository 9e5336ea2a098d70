import { randomUUID } from 'crypto';
import ExcelJS from 'exceljs';
import { Actor, Role } from '@cem/contracts';
import { startTestPlatform, TestPlatform } from '@cem/testing';
import { SUBMISSIONS_SERVICE } from '../src/submissions.service';

/**
 * Importing a unit's list of dossiers from Excel over HTTP on the real servers: the template is downloaded and
 * filled in as an officer would; a file with faulty rows records nothing and says which rows and why; a correct
 * file records every row as a draft of the unit; the same file again records nothing more.
 */
const HA_NAM = 'vn-ha-nam';
const PHU_LY_PATH = ['vn', HA_NAM, 'vn-ha-nam-phu-ly'];
const run = randomUUID().slice(0, 8);
const CAMPAIGN = `nhap-${run}`;
const YEAR = new Date().getUTCFullYear();

const actor = (id: string, role: Role, unitPath: string[], level: Actor['level']): Actor => ({
  id,
  name: id,
  role,
  unitId: unitPath[unitPath.length - 1],
  level,
  unitPath,
});
const ADMIN = actor('admin', 'admin', ['vn'], 'central');
const AUTHORITY = actor('authority-ha-nam', 'authority', ['vn', HA_NAM], 'province');
const OFFICER = actor(`officer-phu-ly-${run}`, 'unit-officer', PHU_LY_PATH, 'district');
const OUTSIDER = actor(`officer-binh-chanh-${run}`, 'unit-officer', ['vn', 'vn-hcm', 'vn-hcm-binh-chanh'], 'district');

type Row = Record<string, unknown>;

describe('importing a list of dossiers from Excel (e2e, real PostgreSQL/Kafka/FerretDB)', () => {
  let platform: TestPlatform;

  async function call(who: Actor, method: string, route: string, body?: unknown) {
    const headers: Record<string, string> = { authorization: `Bearer ${await platform.token(who)}` };
    if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
    return fetch(`${platform.url('submissions')}${route}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: body instanceof FormData ? body : JSON.stringify(body) }),
    });
  }
  async function expectJson<T = Row>(res: Promise<Response>, status: number): Promise<T> {
    const r = await res;
    const text = await r.text();
    if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const upload = (who: Actor, bytes: Buffer, year = YEAR, name = 'danh-sach.xlsx') => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    return call(who, 'POST', `/dossier-imports?campaignId=${CAMPAIGN}&year=${year}`, form);
  };

  /** The downloaded template with the given rows filled in below its header. */
  async function filled(template: Buffer, rows: string[][]): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Danh sách hồ sơ')!;
    rows.forEach((r) => sheet.addRow(r));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  beforeAll(async () => {
    platform = await startTestPlatform([SUBMISSIONS_SERVICE]);
  }, 120000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('offers the template, refuses a faulty file whole with a report per row, imports a correct one all at once', async () => {
    await expectJson(call(ADMIN, 'POST', '/units/seed'), 200);
    await expectJson(
      call(AUTHORITY, 'POST', '/campaigns', {
        campaignId: CAMPAIGN,
        name: 'Phong trào "Người Hà Nam đoàn kết sáng tạo"',
        launchedByUnitId: HA_NAM,
        planNumber: '3870/KH-UBND',
        planDate: `${YEAR}-01-05`,
        period: { fromYear: YEAR, toYear: YEAR + 1 },
      }),
      201,
    );
    await expectJson(
      call(AUTHORITY, 'POST', `/campaigns/${CAMPAIGN}/editions`, {
        year: YEAR,
        phases: [{ code: 'tiep-nhan', name: 'Tiếp nhận hồ sơ', opensOn: `${YEAR}-01-10`, closesOn: `${YEAR}-12-31` }],
      }),
      201,
    );
    await expectJson(call(AUTHORITY, 'POST', `/campaigns/${CAMPAIGN}/fields`, { fieldCode: 'khcn', name: 'Khoa học - Công nghệ' }), 201);
    await expectJson(call(AUTHORITY, 'POST', `/campaigns/${CAMPAIGN}/fields`, { fieldCode: 'van-hoa', name: 'Văn hóa - Nghệ thuật' }), 201);

    // --- The template: the list sheet with the headings, the instructions with the campaign's fields.
    const res = await call(OFFICER, 'GET', `/dossier-imports/template?campaignId=${CAMPAIGN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const template = Buffer.from(await res.arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Danh sách hồ sơ', 'Hướng dẫn']);
    expect((book.getWorksheet('Danh sách hồ sơ')!.getRow(1).values as unknown[]).slice(1)).toEqual([
      'STT',
      'Tên hồ sơ',
      'Loại hồ sơ',
      'Lĩnh vực',
      'Cá nhân / Tập thể',
      'Tác giả, nhóm tác giả',
      'Chủ sở hữu, đồng sở hữu',
      'Tóm tắt nội dung',
    ]);
    const help: string[] = [];
    book.getWorksheet('Hướng dẫn')!.eachRow((r) => help.push(r.getCell(3).text));
    expect(help).toContain('Văn hóa - Nghệ thuật (mã: van-hoa)');

    // --- A faulty file: nothing recorded; each faulty row named with its column and reason.
    const faulty = await filled(template, [
      ['1', `Chỉ có trong tệp lỗi ${run}`, 'Sáng kiến', 'Khoa học - Công nghệ', 'Cá nhân', 'Nguyễn Văn An', '', ''],
      ['2', '', 'Giải pháp', 'khcn', 'Cá nhân', 'Trần Thị Bình', '', ''],
      ['3', 'Chợ nông sản số', 'Giải pháp', 'Nông nghiệp', 'Tập thể', 'Lê Văn Cường', '', ''],
    ]);
    const refused = await expectJson<{ code: string; message: string; details: { errors: { row: number; text: string }[] } }>(
      upload(OFFICER, faulty),
      422,
    );
    expect(refused.code).toBe('import-rejected');
    expect(refused.message).toBe('Không nhập hồ sơ nào: 2 dòng có lỗi (trên 3 dòng). Sửa các dòng được báo rồi nhập lại cả tệp.');
    expect(refused.details.errors.map((e) => e.text)).toEqual([
      'Dòng 3, cột «Tên hồ sơ»: Thiếu tên hồ sơ',
      'Dòng 4, cột «Lĩnh vực»: Lĩnh vực "Nông nghiệp" không thuộc phong trào (Khoa học - Công nghệ; Văn hóa - Nghệ thuật)',
      'Dòng 4, cột «Chủ sở hữu, đồng sở hữu»: Hồ sơ của tập thể phải ghi chủ sở hữu',
    ]);
    // The dossier rules are the form's: an edition that is not open refuses every row.
    const noEdition = await expectJson<{ details: { errors: { text: string }[] } }>(
      upload(OFFICER, await filled(template, [['1', 'Năm chưa mở', 'Sáng kiến', 'khcn', 'Cá nhân', 'An', '', '']]), YEAR + 1),
      422,
    );
    expect(noEdition.details.errors[0].text).toMatch(new RegExp(`^Dòng 2: .*${YEAR + 1}`));
    // Not a spreadsheet; a unit outside the campaign's area.
    expect(await expectJson(upload(OFFICER, Buffer.from('không phải Excel')), 400)).toMatchObject({ code: 'validation-failed' });
    await expectJson(upload(OUTSIDER, faulty), 403);

    // --- A correct file: every row recorded as a draft of the officer's unit, at once.
    const good = await filled(template, [
      [
        '1',
        `Phần mềm quản lý đê điều ${run}`,
        'Giải pháp',
        'Khoa học - Công nghệ',
        'Tập thể',
        'Nguyễn Văn An; Trần Thị Bình',
        'Chi cục Thủy lợi Hà Nam',
        'Giảm 30% thời gian',
      ],
      ['2', `Mô hình nuôi cá lồng ${run}`, 'mo hinh', 'khcn', 'Tập thể', 'Lê Văn Cường', 'Hợp tác xã Lam Hạ', ''],
      ['3', `Ý tưởng chợ nông sản số ${run}`, 'Ý tưởng mới', 'Văn hóa - Nghệ thuật', 'Cá nhân', 'Mai Văn Dũng', '', ''],
    ]);
    const done = await expectJson<{ imported: number; alreadyImported: boolean; dossiers: { row: number; dossierId: string }[] }>(
      upload(OFFICER, good),
      201,
    );
    expect(done).toMatchObject({ imported: 3, alreadyImported: false });
    expect(done.dossiers.map((d) => d.row)).toEqual([2, 3, 4]);
    const again = await expectJson<{ imported: number; alreadyImported: boolean; dossiers: { dossierId: string }[] }>(
      upload(OFFICER, good),
      201,
    );
    expect(again).toMatchObject({ imported: 3, alreadyImported: true });
    expect(again.dossiers.map((d) => d.dossierId)).toEqual(done.dossiers.map((d) => d.dossierId));

    const detail = await expectJson<Row>(call(OFFICER, 'GET', `/dossiers/${done.dossiers[1].dossierId}`), 200);
    expect(detail).toMatchObject({
      status: 'draft',
      dossier: {
        type: 'model',
        applicantKind: 'collective',
        fieldCode: 'khcn',
        nominatingUnitId: 'vn-ha-nam-phu-ly',
        owners: [{ name: 'Hợp tác xã Lam Hạ' }],
      },
    });
    // The list shows the three imported drafts and nothing of the refused file (projected in log order).
    await platform.eventually(async () => {
      const listed = await expectJson<{ title: string }[]>(call(OFFICER, 'GET', `/dossiers?campaignId=${CAMPAIGN}&limit=100`), 200);
      const titles = listed.map((d) => d.title);
      expect(titles.filter((t) => t.endsWith(run)).sort()).toEqual(
        [`Mô hình nuôi cá lồng ${run}`, `Phần mềm quản lý đê điều ${run}`, `Ý tưởng chợ nông sản số ${run}`].sort(),
      );
      expect(titles).not.toContain(`Chỉ có trong tệp lỗi ${run}`);
    });
  }, 180000);
});
