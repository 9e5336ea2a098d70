import { Readable } from 'stream';
import { Controller, Get, Inject, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDateOrTime, IsId, ValidationFailed } from '@cem/contracts';
import { foldedTextClauses } from '@cem/read-models';
import { Roles, SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
import { AUDIT_SUBJECT_KINDS, AuditSubjectDoc, AuditSubjectKind, auditSubjectsProjection } from './audit-subjects.projection';
import { auditExport, wholeExportChunks } from './audit-export';
import { parseAnchors, verifyArchive } from './archive-verification';
import { decisionHistory } from './decision-history';
import { dossierStateAsOf, proposalStateAsOf } from './dossier-state';
import type { HistorySubject } from './decision-history';
import { personNames } from './person-names';
import { subjectEvents } from './subject-events';
import {
  AuditExportResponse,
  ChainVerificationResponse,
  DossierHistoryResponse,
  DossierStateAsOfResponse,
  AuditSearchResultResponse,
  ProposalHistoryResponse,
  ProposalStateAsOfResponse,
} from '../shared/responses';

@ApiSchema({ description: 'Thời điểm cần xem trạng thái' })
export class AsOfQuery {
  @ApiPropertyOptional({
    example: '2026-09-30T17:00:00+07:00',
    description: 'Thời điểm cần xem trạng thái (ngày YYYY-MM-DD hoặc thời điểm ISO-8601); mặc định: bây giờ',
  })
  @IsOptional()
  @IsCalendarDateOrTime()
  asOf?: string;
}

@ApiSchema({ description: 'Phạm vi xuất nhật ký kiểm tra' })
export class AuditExportQuery {
  @ApiPropertyOptional({ example: 'hs-2024-0001', description: 'Chỉ xuất lịch sử của hồ sơ này; bỏ trống: toàn bộ nhật ký' })
  @IsOptional()
  @Type(() => String)
  @IsId()
  dossierId?: string;

  @ApiPropertyOptional({
    example: 'dn-hs-2024-0001',
    description: 'Chỉ xuất lịch sử của đề nghị khen thưởng này (và quyết định khen thưởng trên nó); không dùng cùng dossierId',
  })
  @IsOptional()
  @Type(() => String)
  @IsId()
  proposalId?: string;
}

@ApiSchema({ description: 'Tìm hồ sơ, đề nghị khen thưởng, quyết định khen thưởng' })
export class AuditSearchQuery {
  @ApiPropertyOptional({ example: 'phan mem de dieu', description: 'Từ khóa (không cần dấu): tên, tác giả, người nhận, số quyết định, mã' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: AUDIT_SUBJECT_KINDS, description: 'Chỉ tìm loại này' })
  @IsOptional()
  @IsIn(AUDIT_SUBJECT_KINDS)
  kind?: AuditSubjectKind;

  @ApiPropertyOptional({ example: 50, description: 'Số kết quả tối đa (1-200, mặc định 50), mới nhất trước' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

/**
 * Kiểm tra, giám sát: read-only replay of every decision from the reporting service's archive. A history reads
 * only the streams the audit index (audit-streams.projection.ts) lists for its dossier or proposal.
 */
@Controller('audit')
@Roles('auditor')
export class AuditController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @ApiOkResponse({ type: AuditSearchResultResponse, isArray: true })
  @Get('search')
  async search(@Query() query: AuditSearchQuery) {
    await this.infra.readModelsCaughtUp();
    const clauses = [...(query.kind ? [{ kind: query.kind }] : []), ...foldedTextClauses('searchText', query.q)];
    const docs = await this.infra.documents
      .collection<AuditSubjectDoc>(auditSubjectsProjection.collection)
      .find(clauses.length ? { $and: clauses } : {}, { sort: { occurredAt: -1, _id: 1 }, limit: query.limit ?? 50 });
    return docs.map(
      ({ _id: _i, _position: _p, searchText: _s, authors: _a, owners: _o, ...row }: AuditSubjectDoc & { _position?: unknown }) => row,
    );
  }

  /** The history of a subject, its people named (council members by the archive's register of members). */
  private async history(subject: HistorySubject) {
    const events = await subjectEvents(this.infra, subject);
    return decisionHistory(events, subject, await personNames(this.infra.documents, events));
  }

  @ApiOkResponse({ type: DossierHistoryResponse })
  @Get('dossiers/:id/history')
  async dossierHistory(@Param('id') dossierId: string) {
    return { dossierId, history: await this.history({ dossierId }) };
  }

  @ApiOkResponse({ type: ProposalHistoryResponse })
  @Get('proposals/:id/history')
  async proposalHistory(@Param('id') proposalId: string) {
    return { proposalId, history: await this.history({ proposalId }) };
  }

  @ApiOkResponse({ type: DossierStateAsOfResponse })
  @Get('dossiers/:id/state')
  async dossierState(@Param('id') dossierId: string, @Query() query: AsOfQuery) {
    const events = await subjectEvents(this.infra, { dossierId });
    return dossierStateAsOf(events, dossierId, query.asOf ? new Date(query.asOf) : new Date());
  }

  @ApiOkResponse({ type: ProposalStateAsOfResponse })
  @Get('proposals/:id/state')
  async proposalState(@Param('id') proposalId: string, @Query() query: AsOfQuery) {
    const events = await subjectEvents(this.infra, { proposalId });
    return proposalStateAsOf(events, proposalId, query.asOf ? new Date(query.asOf) : new Date());
  }

  @ApiOkResponse({ type: AuditExportResponse })
  @Get('export')
  async export(@Query() query: AuditExportQuery) {
    if (query.dossierId && query.proposalId) {
      throw new ValidationFailed('Chỉ chọn một: hồ sơ (dossierId) hoặc đề nghị khen thưởng (proposalId)');
    }
    const subject: HistorySubject | undefined = query.dossierId
      ? { dossierId: query.dossierId }
      : query.proposalId
        ? { proposalId: query.proposalId }
        : undefined;
    if (subject) {
      const events = await subjectEvents(this.infra, subject);
      return auditExport(this.infra.store, events, subject, await personNames(this.infra.documents, events));
    }
    // The whole archive is streamed (same JSON shape): the head first, then a page of rows at a time.
    return new StreamableFile(Readable.from(wholeExportChunks(this.infra.store)), { type: 'application/json; charset=utf-8' });
  }

  /**
   * The archive's hash chains, and the archive against every signed anchor published to `<prefix>cem.anchors`:
   * its own (truncated or removed streams, removed events, re-hashed edits) and the other stores' (the copies it
   * keeps of their events). The other stores' databases are theirs: `npm run audit -- verify-stores` checks them.
   */
  @ApiOkResponse({ type: ChainVerificationResponse })
  @Get('verify')
  async verify() {
    const { anchors, bus, store } = this.infra;
    const published = anchors && bus.readTopic ? parseAnchors((await bus.readTopic(anchors.topic)).map((m) => m.value)) : undefined;
    return verifyArchive(store, {
      archiveStore: anchors?.storeName ?? '',
      anchors: published,
      trustedPublicKeys: anchors?.trustedPublicKeys ?? [],
    });
  }
}
