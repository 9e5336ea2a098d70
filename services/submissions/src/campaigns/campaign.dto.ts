import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsInt, IsNotEmpty, IsOptional, IsString, Matches, ValidateNested, IsArray, ArrayMinSize } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel, CampaignPeriod, EditionPhase } from '@cem/contracts';

/** Same slug rule as unit ids: campaign ids end up in stream ids and URLs. */
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export class LaunchCampaignDto {
  @ApiProperty({ example: 'binh-chanh-sang-tao-2024' }) @Matches(ID) campaignId!: string;
  @ApiProperty() @IsString() @IsNotEmpty() name!: string;
  @ApiProperty({ example: 'vn-hcm-binh-chanh', description: 'The level is the unit’s own' }) @IsString() @IsNotEmpty() launchedByUnitId!: string;
  @ApiProperty({ example: '338/KH-UBND' }) @IsString() @IsNotEmpty() planNumber!: string;
  @ApiProperty({ example: '2024-08-21' }) @IsISO8601() planDate!: string;
  @ApiProperty({ type: CampaignPeriod }) @ValidateNested() @Type(() => CampaignPeriod) period!: CampaignPeriod;
}

export class OpenEditionDto {
  @ApiProperty({ example: 2024 }) @IsInt() year!: number;
  @ApiProperty({ type: [EditionPhase] }) @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => EditionPhase)
  phases!: EditionPhase[];
}

export class AddFieldDto {
  @ApiProperty({ example: 'khcn' }) @Matches(ID) fieldCode!: string;
  @ApiProperty({ example: 'Khoa học - Công nghệ' }) @IsString() @IsNotEmpty() name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() rules?: string;
}

export class AssignReceivingAgencyDto {
  @ApiProperty() @IsString() @IsNotEmpty() fieldCode!: string;
  @ApiProperty({ example: 'vn-hcm-binh-chanh', description: 'The level is the jurisdiction’s own' }) @IsString() @IsNotEmpty() jurisdictionUnitId!: string;
  @ApiProperty({ example: 'vn-hcm-binh-chanh-phong-noi-vu' }) @IsString() @IsNotEmpty() agencyUnitId!: string;
  @ApiPropertyOptional({ example: '2717/UBND' }) @IsOptional() @IsString() @IsNotEmpty() letterRef?: string;
}

export class SetDeadlineDto {
  @ApiProperty() @IsInt() year!: number;
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS }) @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @ApiPropertyOptional({ description: 'Absent: every jurisdiction of the level' }) @IsOptional() @IsString() @IsNotEmpty() jurisdictionUnitId?: string;
  @ApiProperty({ example: '2024-10-31' }) @IsISO8601() deadline!: string;
}
