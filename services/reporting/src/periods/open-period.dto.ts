import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsOptional, ValidateNested } from 'class-validator';
import {
  ADMINISTRATIVE_LEVELS,
  AdministrativeLevel,
  IsCalendarDateOrTime,
  IsId,
  IsLine,
  IsYear,
  MaxItems,
  REPORTING_PERIOD_KINDS,
  ReportingPeriodKind,
} from '@cem/contracts';

@ApiSchema({ description: 'Hạn gửi báo cáo của một cấp' })
export class DeadlineDto {
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS }) @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @ApiProperty({ example: '2026-11-30' }) @IsCalendarDateOrTime() dueBy!: string;
}

@ApiSchema({ description: 'Mở kỳ báo cáo' })
export class OpenPeriodDto {
  @ApiProperty({ example: '2026-yearly' }) @IsId() periodId!: string;
  @ApiProperty({ example: 2026 }) @IsYear() year!: number;
  @ApiProperty({ enum: REPORTING_PERIOD_KINDS }) @IsIn(REPORTING_PERIOD_KINDS) kind!: ReportingPeriodKind;
  @ApiPropertyOptional({ example: 'ha-nam-sang-tao' }) @IsOptional() @IsId() campaignId?: string;
  @ApiProperty({ example: 'Báo cáo kết quả phong trào thi đua sáng tạo năm 2026' }) @IsLine() title!: string;
  @ApiProperty({ type: [DeadlineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @MaxItems(20)
  @ValidateNested({ each: true })
  @Type(() => DeadlineDto)
  deadlines!: DeadlineDto[];
}
