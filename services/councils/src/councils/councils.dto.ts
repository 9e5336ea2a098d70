import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, ValidateNested } from 'class-validator';
import {
  ADMINISTRATIVE_LEVELS,
  AdministrativeLevel,
  CouncilDecisionRef,
  CouncilMember,
  CouncilRegulations,
} from '@cem/contracts';

/** Quyết định thành lập Hội đồng thẩm định sáng tạo, issued by the Front chair of the same level. */
export class EstablishCouncilDto {
  @ApiProperty({ example: 'hd-ha-nam-2026' }) @IsString() @IsNotEmpty() councilId!: string;
  @ApiProperty() @IsString() @IsNotEmpty() name!: string;
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS }) @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @ApiProperty() @IsString() @IsNotEmpty() jurisdictionUnitId!: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @IsString({ each: true }) jurisdictionUnitPath!: string[];
  @ApiProperty({ type: [String], description: 'Empty: every field' }) @IsArray() @IsString({ each: true }) fieldCodes!: string[];
  @ApiProperty({ type: CouncilDecisionRef }) @ValidateNested() @Type(() => CouncilDecisionRef) decision!: CouncilDecisionRef;
  @ApiProperty({ type: [CouncilMember] })
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => CouncilMember)
  members!: CouncilMember[];
  @ApiProperty({ type: CouncilRegulations }) @ValidateNested() @Type(() => CouncilRegulations) regulations!: CouncilRegulations;
}

export class AddMemberDto {
  @ApiProperty({ type: CouncilMember }) @ValidateNested() @Type(() => CouncilMember) member!: CouncilMember;
  @ApiProperty() @IsString() @IsNotEmpty() reason!: string;
}

class IncomingMember extends OmitType(CouncilMember, ['effectiveFrom'] as const) {}

/** Kiện toàn: the new member takes the seat from effectiveFrom. */
export class ReplaceMemberDto {
  @ApiProperty({ type: IncomingMember }) @ValidateNested() @Type(() => IncomingMember) newMember!: IncomingMember;
  @ApiProperty({ example: '2026-06-01' }) @IsISO8601() effectiveFrom!: string;
  @ApiProperty() @IsString() @IsNotEmpty() reason!: string;
}

export class RemoveMemberDto {
  @ApiProperty() @IsISO8601() effectiveFrom!: string;
  @ApiProperty() @IsString() @IsNotEmpty() reason!: string;
}

export class AmendRegulationsDto {
  @ApiProperty({ type: CouncilRegulations }) @ValidateNested() @Type(() => CouncilRegulations) regulations!: CouncilRegulations;
  @ApiProperty() @IsISO8601() effectiveFrom!: string;
  @ApiProperty() @IsString() @IsNotEmpty() reason!: string;
}

export class CompositionQueryDto {
  @ApiPropertyOptional({ example: '2026-08-15', description: 'Who sat on the council that day (default: today)' })
  @IsOptional() @IsISO8601() on?: string;
}
