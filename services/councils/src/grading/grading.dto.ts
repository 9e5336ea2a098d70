import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel, IsCalendarDateOrTime, IsId, IsLine, IsYear } from '@cem/contracts';

/** Nghiệm thu, xếp loại at the council meeting, citing its minutes (biên bản). */
export class FinaliseCaseDto {
  @ApiProperty({ example: '2026-09-20' }) @IsCalendarDateOrTime() meetingDate!: string;
  @ApiProperty({ example: 'BB-05/HĐTĐ' }) @IsLine() minutesRef!: string;
}

/** Publishes a field's ranking; the time of publication (which decides the regulations applied) is the server's. */
export class PublishRankingDto {
  @ApiProperty({ example: 'hd-ha-nam-2026' }) @IsId() councilId!: string;
  @ApiProperty({ example: 'ha-nam-sang-tao' }) @IsId() campaignId!: string;
  @ApiProperty({ example: 2026 }) @IsYear() year!: number;
  @ApiProperty({ example: 'khcn' }) @IsId() fieldCode!: string;
}

export class RankingsQueryDto {
  @ApiPropertyOptional({ example: 'ha-nam-sang-tao' }) @IsOptional() @IsId() campaignId?: string;
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsYear() year?: number;
  @ApiPropertyOptional({ example: 'khcn' }) @IsOptional() @IsId() fieldCode?: string;
  @ApiPropertyOptional({ enum: ADMINISTRATIVE_LEVELS }) @IsOptional() @IsIn(ADMINISTRATIVE_LEVELS) level?: AdministrativeLevel;
}

export class RecommendUpwardDto {
  @ApiProperty({ example: '15/QĐ-HĐTĐ' }) @IsLine() decisionRef!: string;
}

export class ProposeHonourDto {
  @ApiPropertyOptional({ example: 'Người Hà Nam đoàn kết sáng tạo' }) @IsOptional() @IsLine() proposedAward?: string;
}
