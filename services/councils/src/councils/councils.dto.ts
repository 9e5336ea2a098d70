import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import {
  ADMINISTRATIVE_LEVELS,
  AdministrativeLevel,
  AGGREGATION_METHODS,
  AggregationMethod,
  CouncilDecisionRef,
  CouncilMember,
  IsCalendarDateOrTime,
  IsId,
  IsLine,
  IsYear,
  IsText,
  MaxItems,
  TIE_BREAK_STEPS,
  TieBreakStep,
} from '@cem/contracts';

/**
 * Quy chế hoạt động as the API takes it: the tie-break rule is an ORDERED ARRAY of steps (the events of older
 * councils may hold the '-then-' string form; the API no longer takes it).
 */
const TIE_BREAK_MESSAGE = `tieBreak: danh sách các bước phân định thứ hạng theo thứ tự, mỗi bước một lần, trong số: ${TIE_BREAK_STEPS.join(', ')}`;

@ApiSchema({ description: 'Quy chế làm việc của Hội đồng' })
export class CouncilRegulationsDto {
  @ApiProperty({ example: 5, description: 'Số phiếu chấm hợp lệ tối thiểu để chốt kết quả một hồ sơ' })
  @IsInt()
  @Min(1)
  @Max(1000)
  quorum!: number;
  @ApiProperty({
    enum: AGGREGATION_METHODS,
    example: 'weighted-mean',
    description:
      'Cách tổng hợp điểm các thành viên (xem docs/appraisal.md): mỗi thành viên có tổng điểm theo trọng số (chưa làm tròn), ' +
      'rồi lấy trung bình cộng (weighted-mean), trung vị (median) hoặc trung bình sau khi bỏ trimCount điểm cao nhất và thấp nhất (trimmed-mean); ' +
      'làm tròn một lần, 2 chữ số thập phân, quy tắc làm tròn nửa lên',
  })
  @IsIn(AGGREGATION_METHODS)
  aggregation!: AggregationMethod;
  @ApiPropertyOptional({ example: 1, description: 'Số điểm bị loại ở mỗi đầu, chỉ dùng với trimmed-mean' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  trimCount?: number;
  @ApiProperty({
    type: [String],
    enum: TIE_BREAK_STEPS,
    example: ['higher-top-criterion', 'earlier-receipt', 'dossier-id'],
    description: 'Các bước phân định thứ hạng khi bằng điểm, theo thứ tự áp dụng; bước cuối phải là dossier-id',
  })
  @IsArray({ message: TIE_BREAK_MESSAGE })
  @ArrayMinSize(1, { message: TIE_BREAK_MESSAGE })
  @ArrayMaxSize(TIE_BREAK_STEPS.length, { message: TIE_BREAK_MESSAGE })
  @IsIn(TIE_BREAK_STEPS, { each: true, message: TIE_BREAK_MESSAGE })
  tieBreak!: TieBreakStep[];
}

/** Một đợt: phong trào và năm. */
@ApiSchema({ description: 'Đợt của phong trào (phong trào, năm)' })
export class CampaignEditionDto {
  @ApiProperty({ example: 'ha-nam-doan-ket-sang-tao', description: 'Mã phong trào' }) @IsId() campaignId!: string;
  @ApiProperty({ example: 2026, description: 'Năm của đợt' }) @IsYear() year!: number;
}

/** Quyết định thành lập Hội đồng thẩm định sáng tạo, issued by the Front chair of the same level. */
@ApiSchema({ description: 'Quyết định thành lập Hội đồng thẩm định sáng tạo' })
export class EstablishCouncilDto {
  @ApiProperty({ example: 'hd-ha-nam-2026' }) @IsId() councilId!: string;
  @ApiProperty({ example: 'Hội đồng thẩm định sáng tạo tỉnh Hà Nam năm 2026' }) @IsLine() name!: string;
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS }) @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @ApiProperty({ example: 'vn-ha-nam' }) @IsId() jurisdictionUnitId!: string;
  @ApiProperty({ type: [String], example: ['vn', 'vn-ha-nam'] })
  @IsArray()
  @ArrayMinSize(1)
  @MaxItems(16)
  @IsId({ each: true })
  jurisdictionUnitPath!: string[];
  @ApiProperty({ type: [String], example: ['khcn'], description: 'Mã các lĩnh vực Hội đồng thẩm định; để trống: mọi lĩnh vực' })
  @IsArray()
  @MaxItems()
  @IsId({ each: true })
  fieldCodes!: string[];
  @ApiProperty({ type: CouncilDecisionRef }) @ValidateNested() @Type(() => CouncilDecisionRef) decision!: CouncilDecisionRef;
  @ApiProperty({ type: [CouncilMember] })
  @IsArray()
  @ArrayMinSize(1)
  @MaxItems()
  @ValidateNested({ each: true })
  @Type(() => CouncilMember)
  members!: CouncilMember[];
  @ApiProperty({ type: CouncilRegulationsDto }) @ValidateNested() @Type(() => CouncilRegulationsDto) regulations!: CouncilRegulationsDto;
  @ApiProperty({
    type: [CampaignEditionDto],
    description:
      'Các đợt (phong trào, năm) Hội đồng được thành lập để thẩm định. Hồ sơ được chuyển đến Hội đồng theo đợt, cấp, địa bàn và lĩnh vực',
  })
  @IsArray({ message: 'editions: phải là danh sách các đợt' })
  @ArrayMinSize(1, { message: 'editions: cần ít nhất một đợt' })
  @MaxItems(100)
  @ValidateNested({ each: true })
  @Type(() => CampaignEditionDto)
  editions!: CampaignEditionDto[];
  @ApiPropertyOptional({ example: false, description: 'Hội đồng thường trực của cấp và lĩnh vực: được giao thêm đợt về sau' })
  @IsOptional()
  @IsBoolean({ message: 'standing: phải là true hoặc false' })
  standing?: boolean;
}

/** Giao thêm một đợt cho Hội đồng thường trực. */
@ApiSchema({ description: 'Giao thêm một đợt cho Hội đồng thường trực' })
export class AddEditionDto {
  @ApiProperty({ type: CampaignEditionDto }) @ValidateNested() @Type(() => CampaignEditionDto) edition!: CampaignEditionDto;
  @ApiProperty({ example: 'Giao thẩm định đợt 2027', description: 'Lý do, căn cứ' }) @IsText() reason!: string;
}

@ApiSchema({ description: 'Bổ sung thành viên Hội đồng' })
export class AddMemberDto {
  @ApiProperty({ type: CouncilMember }) @ValidateNested() @Type(() => CouncilMember) member!: CouncilMember;
  @ApiProperty({ example: 'Bổ sung chuyên gia lĩnh vực y tế' }) @IsText() reason!: string;
}

@ApiSchema({ description: 'Thành viên mới thay thế' })
class IncomingMember extends OmitType(CouncilMember, ['effectiveFrom'] as const) {}

/** Kiện toàn: the new member takes the seat from effectiveFrom. */
@ApiSchema({ description: 'Kiện toàn: thay thành viên từ một ngày' })
export class ReplaceMemberDto {
  @ApiProperty({ type: IncomingMember }) @ValidateNested() @Type(() => IncomingMember) newMember!: IncomingMember;
  @ApiProperty({ example: '2026-06-01' }) @IsCalendarDateOrTime() effectiveFrom!: string;
  @ApiProperty({ example: 'Thành viên nghỉ hưu' }) @IsText() reason!: string;
}

@ApiSchema({ description: 'Thành viên thôi tham gia Hội đồng từ một ngày' })
export class RemoveMemberDto {
  @ApiProperty({ example: '2026-06-01' }) @IsCalendarDateOrTime() effectiveFrom!: string;
  @ApiProperty({ example: 'Chuyển công tác' }) @IsText() reason!: string;
}

@ApiSchema({ description: 'Sửa đổi quy chế làm việc của Hội đồng' })
export class AmendRegulationsDto {
  @ApiProperty({ type: CouncilRegulationsDto }) @ValidateNested() @Type(() => CouncilRegulationsDto) regulations!: CouncilRegulationsDto;
  @ApiProperty({ example: '2026-07-01' }) @IsCalendarDateOrTime() effectiveFrom!: string;
  @ApiProperty({ example: 'Sửa đổi quy chế làm việc' }) @IsText() reason!: string;
}

@ApiSchema({ description: 'Ngày cần xem thành phần Hội đồng' })
export class CompositionQueryDto {
  @ApiPropertyOptional({ example: '2026-08-15', description: 'Thành phần Hội đồng vào ngày này (mặc định: hôm nay)' })
  @IsOptional()
  @IsCalendarDateOrTime()
  on?: string;
}
