import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { CriterionDefinition, GradeBand } from '@cem/contracts';

/** Drafts (or redrafts) the next version of a criteria set; publishing freezes it. */
export class DraftCriteriaSetDto {
  @ApiProperty({ example: 'tc-ha-nam-2026-khcn' }) @IsString() @IsNotEmpty() criteriaSetId!: string;
  @ApiProperty({ example: 'hd-ha-nam-2026', description: 'Hội đồng sở hữu bộ tiêu chí' }) @IsString() @IsNotEmpty() councilId!: string;
  @ApiProperty() @IsString() @IsNotEmpty() campaignId!: string;
  @ApiProperty() @IsInt() year!: number;
  @ApiProperty({ example: 'khcn' }) @IsString() @IsNotEmpty() fieldCode!: string;
  @ApiProperty({ type: [CriterionDefinition] })
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => CriterionDefinition)
  criteria!: CriterionDefinition[];
  @ApiProperty({ type: [GradeBand] })
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => GradeBand)
  bands!: GradeBand[];
}

export class PublishCriteriaSetDto {
  @ApiProperty({ description: 'The draft version being published (guards against publishing a newer draft unseen)' })
  @IsInt() @Min(1) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsISO8601() publishedAt?: string;
}

export class CriteriaQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() campaignId?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() year?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() fieldCode?: string;
}
