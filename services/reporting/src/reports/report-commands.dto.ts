import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { IsId, IsLine, IsText, MaxItems } from '@cem/contracts';

/** Counts are whole numbers from 0 to a million: a unit's yearly figures, never anything like 1e21. */
const COUNT_MAX = 1_000_000;

@ApiSchema({ description: 'Số liệu báo cáo của đơn vị' })
export class FiguresDto {
  @ApiProperty({ example: 12 }) @IsInt() @Min(0) @Max(COUNT_MAX) dossiersSubmitted!: number;
  @ApiProperty({ example: 5 }) @IsInt() @Min(0) @Max(COUNT_MAX) initiativesApplied!: number;
  @ApiProperty({ example: 2 }) @IsInt() @Min(0) @Max(COUNT_MAX) modelsRegistered!: number;
  @ApiProperty({ example: 3 }) @IsInt() @Min(0) @Max(COUNT_MAX) awardsGiven!: number;
  @ApiProperty({ example: 1 }) @IsInt() @Min(0) @Max(COUNT_MAX) unitsCommended!: number;
}

@ApiSchema({ description: 'Gửi báo cáo của kỳ' })
export class SubmitReportDto {
  /** Omitted by a standing body sending its roll-up upward: the aggregated totals are used. */
  @ApiPropertyOptional({
    type: FiguresDto,
    description: 'Số liệu của đơn vị; cơ quan thường trực gửi báo cáo tổng hợp lên trên thì bỏ trống (dùng số liệu đã tổng hợp)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => FiguresDto)
  figures?: FiguresDto;
  @ApiProperty({ example: 'Năm 2026, đơn vị đã phát động phong trào tới 100% cán bộ...' }) @IsText({ allowEmpty: true }) narrative!: string;
}

@ApiSchema({ description: 'Sửa báo cáo đã gửi, có lý do' })
export class AmendReportDto {
  @ApiProperty({ type: FiguresDto }) @ValidateNested() @Type(() => FiguresDto) figures!: FiguresDto;
  @ApiProperty({ example: 'Năm 2026, đơn vị đã phát động phong trào...' }) @IsText({ allowEmpty: true }) narrative!: string;
  @ApiProperty({ example: 'Bổ sung số sáng kiến được công nhận sau ngày báo cáo' }) @IsText() reason!: string;
}

@ApiSchema({ description: 'Tổng hợp báo cáo của cấp dưới' })
export class AggregateReportsDto {
  /** The children expected to report; taken from the archived unit registry when omitted. */
  @ApiPropertyOptional({
    type: [String],
    example: ['vn-ha-nam-phu-ly', 'vn-ha-nam-duy-tien'],
    description: 'Các đơn vị cấp dưới phải báo cáo; mặc định lấy từ danh mục đơn vị',
  })
  @IsOptional()
  @IsArray()
  @MaxItems(2000)
  @IsId({ each: true })
  expectedChildUnitIds?: string[];
}

@ApiSchema({ description: 'Đơn vị tổng hợp và các đơn vị cấp dưới phải báo cáo' })
export class PeriodStatusQuery {
  /** The aggregating unit; the caller's own unit by default. */
  @ApiPropertyOptional({ example: 'vn-ha-nam', description: 'Đơn vị tổng hợp; mặc định là đơn vị của người gọi' })
  @IsOptional()
  @IsId()
  unitId?: string;
  /** Expected children as `unitId:level,...`; taken from the archived unit registry when omitted. */
  @ApiPropertyOptional({
    example: 'vn-ha-nam-phu-ly:district,vn-ha-nam-duy-tien:district',
    description: 'Các đơn vị cấp dưới phải báo cáo, dạng `mãĐơnVị:cấp,...`; mặc định lấy từ danh mục đơn vị',
  })
  @IsOptional()
  @IsLine({ maxLength: 20_000 })
  expected?: string;
}
