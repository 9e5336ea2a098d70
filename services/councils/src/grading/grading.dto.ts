import { PageQuery } from '@cem/service-kit';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel, IsCalendarDateOrTime, IsId, IsLine, IsYear } from '@cem/contracts';

/** Nghiệm thu, xếp loại at the council meeting, citing its minutes (biên bản). */
@ApiSchema({ description: 'Nghiệm thu, xếp loại hồ sơ tại phiên họp Hội đồng' })
export class FinaliseCaseDto {
  @ApiProperty({ example: '2026-09-20' }) @IsCalendarDateOrTime() meetingDate!: string;
  @ApiProperty({ example: 'BB-05/HĐTĐ' }) @IsLine() minutesRef!: string;
}

/** Publishes a field's ranking; the time of publication (which decides the regulations applied) is the server's. */
@ApiSchema({ description: 'Công bố (hoặc công bố lại) bảng xếp hạng của lĩnh vực và đợt' })
export class PublishRankingDto {
  @ApiProperty({ example: 'hd-ha-nam-2026' }) @IsId() councilId!: string;
  @ApiProperty({ example: 'ha-nam-sang-tao' }) @IsId() campaignId!: string;
  @ApiProperty({ example: 2026 }) @IsYear() year!: number;
  @ApiProperty({ example: 'khcn' }) @IsId() fieldCode!: string;
}

@ApiSchema({ description: 'Bộ lọc bảng xếp hạng' })
export class RankingsQueryDto extends PageQuery {
  @ApiPropertyOptional({ example: 'ha-nam-sang-tao' }) @IsOptional() @IsId() campaignId?: string;
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsYear() year?: number;
  @ApiPropertyOptional({ example: 'khcn' }) @IsOptional() @IsId() fieldCode?: string;
  @ApiPropertyOptional({ enum: ADMINISTRATIVE_LEVELS }) @IsOptional() @IsIn(ADMINISTRATIVE_LEVELS) level?: AdministrativeLevel;
}

@ApiSchema({ description: 'Kiến nghị chuyển hồ sơ lên cấp trên' })
export class RecommendUpwardDto {
  @ApiProperty({ example: '15/QĐ-HĐTĐ' }) @IsLine() decisionRef!: string;
}

@ApiSchema({ description: 'Đề nghị tôn vinh, khen thưởng' })
export class ProposeHonourDto {
  @ApiPropertyOptional({ example: 'Người Hà Nam đoàn kết sáng tạo' }) @IsOptional() @IsLine() proposedAward?: string;
}
