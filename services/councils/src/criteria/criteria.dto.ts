import { PageQuery } from '@cem/service-kit';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { CriterionDefinition, GradeBand, IsId, IsYear, MaxItems } from '@cem/contracts';

/** Drafts (or redrafts) the next version of a criteria set; publishing freezes it. */
@ApiSchema({ description: 'Dự thảo (hoặc sửa dự thảo) phiên bản tiếp theo của bộ tiêu chí' })
export class DraftCriteriaSetDto {
  @ApiProperty({ example: 'tc-ha-nam-2026-khcn' }) @IsId() criteriaSetId!: string;
  @ApiProperty({ example: 'hd-ha-nam-2026', description: 'Hội đồng sở hữu bộ tiêu chí' }) @IsId() councilId!: string;
  @ApiProperty({ example: 'ha-nam-sang-tao' }) @IsId() campaignId!: string;
  @ApiProperty({ example: 2026 }) @IsYear() year!: number;
  @ApiProperty({ example: 'khcn' }) @IsId() fieldCode!: string;
  @ApiProperty({ type: [CriterionDefinition] })
  @IsArray()
  @ArrayMinSize(1)
  @MaxItems(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionDefinition)
  criteria!: CriterionDefinition[];
  @ApiProperty({ type: [GradeBand] })
  @IsArray()
  @ArrayMinSize(1)
  @MaxItems(20)
  @ValidateNested({ each: true })
  @Type(() => GradeBand)
  bands!: GradeBand[];
}

/** Publishes a draft; the time of publication (the newest publication is in force) is the server's. */
@ApiSchema({ description: 'Ban hành một phiên bản bộ tiêu chí' })
export class PublishCriteriaSetDto {
  @ApiProperty({ example: 1, description: 'Phiên bản bản nháp được ban hành (tránh ban hành nhầm một bản nháp mới hơn chưa xem)' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version!: number;
}

@ApiSchema({ description: 'Bộ lọc bộ tiêu chí' })
export class CriteriaQueryDto extends PageQuery {
  @ApiPropertyOptional({ example: 'ha-nam-sang-tao' }) @IsOptional() @IsId() campaignId?: string;
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsYear() year?: number;
  @ApiPropertyOptional({ example: 'khcn' }) @IsOptional() @IsId() fieldCode?: string;
}
