import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min, ValidateNested, IsArray, ArrayMinSize } from 'class-validator';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  ADMINISTRATIVE_LEVELS,
  APPEAL_HANDLERS,
  AppealHandler,
  AdministrativeLevel,
  CampaignPeriod,
  EditionPhase,
  IsCalendarDateOrTime,
  IsId,
  IsLine,
  IsSlug,
  IsText,
  IsYear,
  MaxItems,
} from '@cem/contracts';

/** Campaign ids and field codes are slugs like unit ids: they end up in stream ids and URLs. */
@ApiSchema({ description: 'Phát động phong trào thi đua theo kế hoạch' })
export class LaunchCampaignDto {
  @ApiProperty({ example: 'binh-chanh-sang-tao-2024' }) @IsSlug() campaignId!: string;
  @ApiProperty({ example: 'Phong trào thi đua sáng tạo huyện Bình Chánh 2024-2025' }) @IsLine() name!: string;
  @ApiProperty({ example: 'vn-hcm-binh-chanh', description: 'Đơn vị phát động; cấp của phong trào là cấp của đơn vị này' })
  @IsId()
  launchedByUnitId!: string;
  @ApiProperty({ example: '338/KH-UBND' }) @IsLine() planNumber!: string;
  @ApiProperty({ example: '2024-08-21' }) @IsCalendarDateOrTime() planDate!: string;
  @ApiProperty({ type: CampaignPeriod }) @ValidateNested() @Type(() => CampaignPeriod) period!: CampaignPeriod;
}

@ApiSchema({ description: 'Mở đợt (năm) của phong trào với các giai đoạn' })
export class OpenEditionDto {
  @ApiProperty({ example: 2024 }) @IsYear() year!: number;
  @ApiProperty({ type: [EditionPhase] })
  @IsArray()
  @ArrayMinSize(1)
  @MaxItems(50)
  @ValidateNested({ each: true })
  @Type(() => EditionPhase)
  phases!: EditionPhase[];
}

@ApiSchema({ description: 'Bổ sung lĩnh vực xét giải của phong trào' })
export class AddFieldDto {
  @ApiProperty({ example: 'khcn' }) @IsSlug() fieldCode!: string;
  @ApiProperty({ example: 'Khoa học - Công nghệ' }) @IsLine() name!: string;
  @ApiPropertyOptional({ example: 'Giải pháp đã áp dụng ít nhất 6 tháng' }) @IsOptional() @IsText({ allowEmpty: true }) rules?: string;
}

@ApiSchema({ description: 'Giao cơ quan tiếp nhận hồ sơ của một lĩnh vực tại một địa bàn' })
export class AssignReceivingAgencyDto {
  @ApiProperty({ example: 'khcn' }) @IsId() fieldCode!: string;
  @ApiProperty({ example: 'vn-hcm-binh-chanh', description: 'Địa bàn; cấp là cấp của địa bàn' }) @IsId() jurisdictionUnitId!: string;
  @ApiProperty({ example: 'vn-hcm-binh-chanh-phong-noi-vu' }) @IsId() agencyUnitId!: string;
  @ApiPropertyOptional({ example: '2717/UBND' }) @IsOptional() @IsLine() letterRef?: string;
}

@ApiSchema({ description: 'Đặt hạn nộp hồ sơ của một cấp trong năm' })
export class SetDeadlineDto {
  @ApiProperty({ example: 2024 }) @IsYear() year!: number;
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS }) @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @ApiPropertyOptional({ example: 'vn-hcm-binh-chanh', description: 'Bỏ trống: mọi địa bàn của cấp này' })
  @IsOptional()
  @IsId()
  jurisdictionUnitId?: string;
  @ApiProperty({ example: '2024-10-31' }) @IsCalendarDateOrTime() deadline!: string;
}

@ApiSchema({ description: 'Quy định việc kiến nghị, khiếu nại kết quả thẩm định của phong trào' })
export class SetAppealRulesDto {
  @ApiProperty({ example: 15, description: 'Số ngày, kể từ ngày họp Hội đồng, tác giả hoặc đơn vị đề cử được kiến nghị' })
  @IsInt()
  @Min(1)
  @Max(365)
  windowDays!: number;
  @ApiProperty({
    enum: APPEAL_HANDLERS,
    example: 'same-council',
    description: 'same-council: chính Hội đồng đã thẩm định giải quyết; level-above: Hội đồng cấp trên giải quyết',
  })
  @IsIn(APPEAL_HANDLERS)
  handledBy!: AppealHandler;
}
