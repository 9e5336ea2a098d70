import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import {
  Actor,
  ADMINISTRATIVE_LEVELS,
  AdministrativeLevel,
  AwardRecipient,
  IsId,
  IsLine,
  IsYear,
  RECIPIENT_KINDS,
  RecipientKind,
} from '@cem/contracts';
import { matchesSearch } from '@cem/read-models';
import { ScopedActors, SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
import { AwardHistoryDoc, awardHistoryProjection } from './award-history.projection';

const SEE_ALL = new Set(['auditor', 'admin']);
const MAX_ROWS = 500;

@ApiSchema({ description: 'Tra cứu lịch sử khen thưởng: tên cá nhân, tập thể, đơn vị (gõ có dấu hoặc không dấu)' })
export class AwardHistoryQuery {
  @ApiPropertyOptional({ description: 'Tên người, tập thể, đơn vị hoặc công trình; không phân biệt dấu', example: 'nguyen thi huong' })
  @IsOptional()
  @IsLine()
  q?: string;
  @ApiPropertyOptional({ enum: RECIPIENT_KINDS, description: 'Chỉ những khen thưởng có đối tượng loại này' })
  @IsOptional()
  @IsIn(RECIPIENT_KINDS)
  kind?: RecipientKind;
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsYear() year?: number;
  @ApiPropertyOptional({ enum: ADMINISTRATIVE_LEVELS }) @IsOptional() @IsIn(ADMINISTRATIVE_LEVELS) level?: AdministrativeLevel;
  @ApiPropertyOptional({ example: 'ha-nam-doan-ket-sang-tao' }) @IsOptional() @IsId() campaignId?: string;
  @ApiPropertyOptional({ description: 'Gồm cả khen thưởng đã bị thu hồi (mặc định: có)', example: true })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeRevoked?: 'true' | 'false';
}

@ApiSchema({ description: 'Quyết định thu hồi khen thưởng' })
export class AwardHistoryRevocation {
  @ApiProperty({ example: '1500/QĐ-UBND' }) decisionNumber!: string;
  @ApiProperty({ example: '2027-01-15' }) decisionDate!: string;
  @ApiProperty({ example: 'Phát hiện sao chép giải pháp đã công bố' }) reason!: string;
}

@ApiSchema({ description: 'Một khen thưởng trong lịch sử: hình thức, cấp, năm, phong trào, quyết định, đối tượng, tình trạng' })
export class AwardHistoryEntry {
  @ApiProperty() proposalId!: string;
  @ApiProperty() awardCode!: string;
  @ApiProperty({ description: 'Hình thức khen thưởng', example: 'Giải thưởng Người Hà Nam đoàn kết sáng tạo' }) awardName!: string;
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS }) level!: string;
  @ApiProperty() year!: number;
  @ApiPropertyOptional() campaignId?: string;
  @ApiPropertyOptional() fieldCode?: string;
  @ApiProperty({ description: 'Công trình, giải pháp, thành tích', example: 'Máy gieo hạt cải tiến' }) title!: string;
  @ApiProperty() decisionNumber!: string;
  @ApiProperty() decisionDate!: string;
  @ApiProperty() signer!: string;
  @ApiProperty() jurisdictionUnitId!: string;
  @ApiProperty({ type: [AwardRecipient] }) recipients!: AwardRecipient[];
  @ApiPropertyOptional() nominatingUnitName?: string;
  @ApiProperty({
    enum: ['decided', 'issued', 'revoked'],
    description: 'decided (đã quyết định), issued (đã trao tặng), revoked (đã thu hồi)',
  })
  status!: string;
  @ApiPropertyOptional({ description: 'Ngày trao tặng', example: '2026-12-01' }) ceremonyDate?: string;
  @ApiPropertyOptional({ type: AwardHistoryRevocation }) revocation?: AwardHistoryRevocation;
}

const inScope = (doc: AwardHistoryDoc, scoped: Actor[]) => scoped.some((a) => doc.jurisdictionUnitPath.includes(a.unitId));

/** Lịch sử khen thưởng: awards of the reader's jurisdiction and below, newest first. */
@Controller('award-history')
export class AwardHistoryController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @ApiOkResponse({ type: AwardHistoryEntry, isArray: true })
  @Get()
  async list(@ScopedActors() scoped: Actor[], @Query() query: AwardHistoryQuery): Promise<AwardHistoryEntry[]> {
    await this.infra.readModelsCaughtUp();
    const docs = await this.infra.documents.collection<AwardHistoryDoc>(awardHistoryProjection.collection).find(
      {
        ...(query.year !== undefined ? { year: query.year } : {}),
        ...(query.level ? { level: query.level } : {}),
        ...(query.campaignId ? { campaignId: query.campaignId } : {}),
      },
      { sort: { decisionDate: -1, _id: 1 } },
    );
    const all = SEE_ALL.has(scoped[0]?.role ?? '');
    return docs
      .filter((d) => all || inScope(d, scoped))
      .filter((d) => !query.q || matchesSearch(d.searchText, query.q))
      .filter((d) => !query.kind || d.recipients.some((r) => r.kind === query.kind))
      .filter((d) => query.includeRevoked !== 'false' || d.status !== 'revoked')
      .slice(0, MAX_ROWS)
      .map(({ _id, searchText, jurisdictionUnitPath, ...entry }) => entry);
  }
}
