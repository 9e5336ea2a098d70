import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsOptional, ValidateNested } from 'class-validator';
import {
  ADMINISTRATIVE_LEVELS,
  AdministrativeLevel,
  CouncilDecisionRef,
  CouncilMember,
  CouncilRegulations,
  IsCalendarDateOrTime,
  IsId,
  IsLine,
  IsText,
  MaxItems,
} from '@cem/contracts';

/** Quyết định thành lập Hội đồng thẩm định sáng tạo, issued by the Front chair of the same level. */
export class EstablishCouncilDto {
  @ApiProperty({ example: 'hd-ha-nam-2026' }) @IsId() councilId!: string;
  @ApiProperty({ example: 'Hội đồng thẩm định sáng tạo tỉnh Hà Nam năm 2026' }) @IsLine() name!: string;
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS }) @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @ApiProperty({ example: 'vn-ha-nam' }) @IsId() jurisdictionUnitId!: string;
  @ApiProperty({ type: [String], example: ['vn', 'vn-ha-nam'] })
  @IsArray() @ArrayMinSize(1) @MaxItems(16) @IsId({ each: true })
  jurisdictionUnitPath!: string[];
  @ApiProperty({ type: [String], example: ['khcn'], description: 'Mã các lĩnh vực Hội đồng thẩm định; để trống: mọi lĩnh vực' })
  @IsArray() @MaxItems() @IsId({ each: true })
  fieldCodes!: string[];
  @ApiProperty({ type: CouncilDecisionRef }) @ValidateNested() @Type(() => CouncilDecisionRef) decision!: CouncilDecisionRef;
  @ApiProperty({ type: [CouncilMember] })
  @IsArray() @ArrayMinSize(1) @MaxItems() @ValidateNested({ each: true }) @Type(() => CouncilMember)
  members!: CouncilMember[];
  @ApiProperty({ type: CouncilRegulations }) @ValidateNested() @Type(() => CouncilRegulations) regulations!: CouncilRegulations;
}

export class AddMemberDto {
  @ApiProperty({ type: CouncilMember }) @ValidateNested() @Type(() => CouncilMember) member!: CouncilMember;
  @ApiProperty({ example: 'Bổ sung chuyên gia lĩnh vực y tế' }) @IsText() reason!: string;
}

class IncomingMember extends OmitType(CouncilMember, ['effectiveFrom'] as const) {}

/** Kiện toàn: the new member takes the seat from effectiveFrom. */
export class ReplaceMemberDto {
  @ApiProperty({ type: IncomingMember }) @ValidateNested() @Type(() => IncomingMember) newMember!: IncomingMember;
  @ApiProperty({ example: '2026-06-01' }) @IsCalendarDateOrTime() effectiveFrom!: string;
  @ApiProperty({ example: 'Thành viên nghỉ hưu' }) @IsText() reason!: string;
}

export class RemoveMemberDto {
  @ApiProperty({ example: '2026-06-01' }) @IsCalendarDateOrTime() effectiveFrom!: string;
  @ApiProperty({ example: 'Chuyển công tác' }) @IsText() reason!: string;
}

export class AmendRegulationsDto {
  @ApiProperty({ type: CouncilRegulations }) @ValidateNested() @Type(() => CouncilRegulations) regulations!: CouncilRegulations;
  @ApiProperty({ example: '2026-07-01' }) @IsCalendarDateOrTime() effectiveFrom!: string;
  @ApiProperty({ example: 'Sửa đổi quy chế làm việc' }) @IsText() reason!: string;
}

export class CompositionQueryDto {
  @ApiPropertyOptional({ example: '2026-08-15', description: 'Thành phần Hội đồng vào ngày này (mặc định: hôm nay)' })
  @IsOptional() @IsCalendarDateOrTime() on?: string;
}
