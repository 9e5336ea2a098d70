import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { CriterionDefinition, GradeBand } from './councils.shapes';

/** Tiêu chí đánh giá xếp loại for one campaign edition and field, at one version. */
export class CriteriaSetContentData {
  @IsString() @IsNotEmpty() criteriaSetId!: string;
  /**
   * The council whose criteria these are: only its own officers write them, and only its cases score against
   * them. Absent only on sets drafted before criteria belonged to a council.
   */
  @IsOptional() @IsString() @IsNotEmpty() councilId?: string;
  @IsString() @IsNotEmpty() campaignId!: string;
  @IsInt() year!: number;
  @IsString() @IsNotEmpty() fieldCode!: string;
  @IsInt() @Min(1) version!: number;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => CriterionDefinition) criteria!: CriterionDefinition[];
  /** Best grade first; each band starts at its minScore (inclusive) on the weighted-total scale. */
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => GradeBand) bands!: GradeBand[];
}

/** A draft may be redrafted any number of times until it is published. */
export class CriteriaSetDraftedData extends CriteriaSetContentData {}

/** Freezes the version; it supersedes the previously published one. */
export class CriteriaSetPublishedData extends CriteriaSetContentData {
  @IsISO8601() publishedAt!: string;
  @IsOptional() @IsInt() supersedesVersion?: number;
}
