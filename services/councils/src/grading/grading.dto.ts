import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel } from '@cem/contracts';

/** Nghiệm thu, xếp loại at the council meeting, citing its minutes (biên bản). */
export class FinaliseCaseDto {
  @ApiProperty({ example: '2026-09-20' }) @IsISO8601() meetingDate!: string;
  @ApiProperty({ example: 'BB-05/HĐTĐ' }) @IsString() @IsNotEmpty() minutesRef!: string;
}

export class PublishRankingDto {
  @ApiProperty() @IsString() @IsNotEmpty() councilId!: string;
  @ApiProperty() @IsString() @IsNotEmpty() campaignId!: string;
  @ApiProperty() @IsInt() year!: number;
  @ApiProperty() @IsString() @IsNotEmpty() fieldCode!: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601() publishedAt?: string;
}

export class RankingsQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() campaignId?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() year?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() fieldCode?: string;
  @ApiPropertyOptional({ enum: ADMINISTRATIVE_LEVELS }) @IsOptional() @IsIn(ADMINISTRATIVE_LEVELS) level?: AdministrativeLevel;
}

export class RecommendUpwardDto {
  @ApiProperty({ example: '15/QĐ-HĐTĐ' }) @IsString() @IsNotEmpty() decisionRef!: string;
}

export class ProposeHonourDto {
  @ApiPropertyOptional({ example: 'Người Hà Nam đoàn kết sáng tạo' }) @IsOptional() @IsString() @IsNotEmpty() proposedAward?: string;
}
