import { createHash } from 'crypto';
import { Controller, Get, HttpCode, Inject, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { v5 as uuidv5 } from 'uuid';
import { Actor, DomainRuleViolation, ValidationFailed } from '@cem/contracts';
import { handleNewStreamCommands, NewStreamCommand } from '@cem/decider';
import { CurrentActor, Roles, SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
import { editionYearsOf, fieldCodesOf } from '../campaigns/campaign.queries';
import { DossierCommand, dossierDecider, dossierStreamId } from '../dossiers/dossier.decider';
import { initialDossierState } from '../dossiers/dossier.state';
import { byActor, findCampaign, nowIso, requireCampaign, requireUnit } from '../shared/lookups';
import { DossierImportResponse } from '../shared/responses';
import { checkHeader, ImportFacts, parseRow, problemLine, RowProblem } from './dossier-import.rows';
import { importTemplate, readImportFile, XLSX_TYPE } from './dossier-import.workbook';
import { ImportDossiersQuery, ImportTemplateQuery } from './dossier-imports.dto';

/** Namespace of the ids an import derives from its file (uuid v5): the same file again opens the same dossiers. */
const IMPORT_NAMESPACE = 'b0f6a0f2-61a4-4d0e-93c8-5c8f0d4a7e21';
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

interface UploadedBytes {
  buffer: Buffer;
}
interface FileResponse {
  setHeader(name: string, value: string): void;
  send(body: Buffer): void;
}

/** A refused import: nothing recorded; every problem with its row, column and reason. */
function rejected(problems: RowProblem[], rowsRead: number): DomainRuleViolation {
  const rows = new Set(problems.map((p) => p.row)).size;
  return new DomainRuleViolation(
    'import-rejected',
    `Không nhập hồ sơ nào: ${rows} dòng có lỗi (trên ${rowsRead} dòng). Sửa các dòng được báo rồi nhập lại cả tệp.`,
    { errors: problems.map((p) => ({ ...p, text: problemLine(p) })), rowsRead },
  );
}

@ApiTags('dossier-imports')
@ApiBearerAuth()
@Controller('dossier-imports')
export class DossierImportsController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @ApiOkResponse({
    description: 'Tệp mẫu Excel (.xlsx): trang "Danh sách hồ sơ" và trang "Hướng dẫn"',
    content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary', description: 'Tệp mẫu', example: 'mau-nhap-ho-so.xlsx' } } },
  })
  @ApiOperation({ summary: 'Tải tệp mẫu Excel để nhập danh sách hồ sơ của đơn vị (kèm các lĩnh vực của phong trào nếu nêu)' })
  @Get('template')
  async template(@Query() q: ImportTemplateQuery, @Res() res: FileResponse): Promise<void> {
    const doc = q.campaignId ? await findCampaign(this.infra, q.campaignId) : null;
    const fields = doc ? Object.fromEntries(Object.values(doc.fields).map((f) => [f.fieldCode, f.name])) : {};
    const bytes = await importTemplate(doc?.campaign ? { campaignId: doc.campaignId, name: doc.campaign.name, fields } : undefined);
    res.setHeader('content-type', XLSX_TYPE);
    res.setHeader('content-disposition', 'attachment; filename="mau-nhap-danh-sach-ho-so.xlsx"');
    res.send(bytes);
  }

  @ApiCreatedResponse({ type: DossierImportResponse })
  @ApiOperation({
    summary: 'Nhập danh sách hồ sơ của đơn vị từ tệp Excel theo mẫu: tất cả hoặc không hồ sơ nào',
    description:
      'Mỗi dòng là một bản nháp hồ sơ của đơn vị người nhập. Mọi dòng được kiểm tra trước; nếu có dòng sai, không hồ sơ nào được ghi ' +
      'và câu trả lời 422 (import-rejected) liệt kê từng dòng, cột và lý do (details.errors). Nhập lại đúng tệp đã nhập không tạo hồ sơ trùng.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'Tệp Excel (.xlsx) theo mẫu', example: 'danh-sach.xlsx' } },
    },
  })
  @Post()
  @HttpCode(201)
  @Roles('unit-officer', 'submitter')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } }))
  async import(@CurrentActor() actor: Actor, @Query() q: ImportDossiersQuery, @UploadedFile() file: UploadedBytes | undefined) {
    if (!file) throw new ValidationFailed('Yêu cầu không hợp lệ: cần trường "file" (multipart) chứa tệp Excel');
    await requireUnit(this.infra, actor.unitId);
    const campaign = await requireCampaign(this.infra, q.campaignId);
    const { header, rows } = await readImportFile(file.buffer);
    const headerProblems = checkHeader(header);
    if (headerProblems.length) throw rejected(headerProblems, rows.length);
    if (!rows.length) throw new ValidationFailed('Tệp không có dòng hồ sơ nào');

    const fileHash = createHash('sha256').update(file.buffer).digest('hex');
    const seed = `dossier-import:${actor.unitId}:${q.campaignId}:${q.year}:${fileHash}`;
    const facts: ImportFacts = {
      campaignId: q.campaignId,
      year: q.year,
      fields: Object.fromEntries(Object.values(campaign.fields).map((f) => [f.fieldCode, f.name])),
    };
    const now = nowIso();
    const campaignFacts = { fieldCodes: fieldCodesOf(campaign), editionYears: editionYearsOf(campaign) };
    const problems: RowProblem[] = [];
    const items: (NewStreamCommand<DossierCommand> & { row: number; title: string })[] = [];
    for (const raw of rows) {
      const dossierId = `hs-${uuidv5(`${seed}#${raw.row}`, IMPORT_NAMESPACE)}`;
      const parsed = parseRow(raw, facts, dossierId);
      if (!('draft' in parsed)) {
        problems.push(...parsed.problems);
        continue;
      }
      const command: DossierCommand = { type: 'DraftDossier', actor, now, dossier: parsed.draft, campaign: campaignFacts };
      // The dossier rules the form's draft obeys (edition open, field of the campaign, the actor's unit...).
      try {
        dossierDecider.decide(command, initialDossierState());
      } catch (error) {
        problems.push({ row: raw.row, message: (error as Error).message });
        continue;
      }
      items.push({ streamId: dossierStreamId(dossierId), command, row: raw.row, title: parsed.draft.title });
    }
    if (problems.length) throw rejected(problems, rows.length);

    const { outcomes, appended } = await handleNewStreamCommands(this.infra.store, dossierDecider, items, {
      ...byActor(this.infra, actor),
      occurredAt: now,
      idempotencySeed: seed,
    });
    const refused = outcomes.flatMap((o, i) => ('error' in o ? [{ row: items[i].row, message: o.error.message }] : []));
    if (refused.length) throw rejected(refused, rows.length);
    return {
      campaignId: q.campaignId,
      year: q.year,
      imported: items.length,
      alreadyImported: !appended,
      dossiers: items.map((it) => ({
        row: it.row,
        dossierId: (it.command as { dossier: { dossierId: string } }).dossier.dossierId,
        title: it.title,
      })),
    };
  }
}
