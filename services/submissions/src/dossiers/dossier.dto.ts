import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel, DossierChanges, DossierDraftedData } from '@cem/contracts';
import { DOSSIER_STATUSES, DossierStatus } from './dossier.state';

class OptionalDossierId {
  @ApiPropertyOptional({ description: 'Generated when absent', example: 'hs-2024-0001' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  dossierId?: string;
}

/**
 * The draft is the DossierDrafted contract minus what the server fills in (nominating unit from the token,
 * the time), so authors, owners and attachments are validated by the same nested classes as the event.
 */
export class DraftDossierDto extends IntersectionType(
  OmitType(DossierDraftedData, ['dossierId', 'nominatingUnitId', 'nominatingUnitPath', 'draftedAt'] as const),
  OptionalDossierId,
) {}

export class SubmitDossierDto {
  @ApiPropertyOptional({ description: 'Default: the unit one level above the nominating unit on its path' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  jurisdictionUnitId?: string;
}

export class ReasonDto {
  @ApiProperty() @IsString() @IsNotEmpty() reason!: string;
}

export class ForwardDossierDto {
  @ApiPropertyOptional({ example: '512/UBND-NV', description: 'The committee letter registering it with the next level' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  decisionRef?: string;
}

export class AmendDossierDto extends DossierChanges {}

export class ListDossiersQuery {
  @ApiPropertyOptional({ description: 'Nominating unit or any unit above it' }) @IsOptional() @IsString() unitId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() fieldCode?: string;
  @ApiPropertyOptional({ enum: ADMINISTRATIVE_LEVELS }) @IsOptional() @IsIn(ADMINISTRATIVE_LEVELS) level?: AdministrativeLevel;
  @ApiPropertyOptional({ enum: DOSSIER_STATUSES }) @IsOptional() @IsIn(DOSSIER_STATUSES) status?: DossierStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() campaignId?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() year?: number;
  @ApiPropertyOptional({ description: 'Accent-insensitive words of the title or author names' }) @IsOptional() @IsString() q?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(0) skip?: number;
}

export class ReachedQuery {
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS }) @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @ApiProperty({ example: 'vn-hcm' }) @IsString() @IsNotEmpty() jurisdictionUnitId!: string;
}

export class ForwardingOverrideDto {
  @ApiProperty({ example: '77/QĐ-UBND' }) @IsString() @IsNotEmpty() @MaxLength(120) decisionRef!: string;
  @ApiProperty({ example: 'Giải pháp cấp thiết, Hội đồng chưa họp kịp kỳ này' }) @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
}
