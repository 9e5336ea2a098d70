import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsISO8601, IsNotEmpty, IsNumber, IsString, Min, ValidateNested } from 'class-validator';
import { CriterionScore } from './councils.shapes';

export class ScoreSubmittedData {
  @IsString() @IsNotEmpty() caseId!: string;
  @IsString() @IsNotEmpty() memberId!: string;
  @IsString() @IsNotEmpty() criteriaSetId!: string;
  @IsInt() @Min(1) criteriaVersion!: number;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => CriterionScore) scores!: CriterionScore[];
  /** Σ weight × value, rounded to 2 decimals. */
  @IsNumber() total!: number;
  @IsISO8601() submittedAt!: string;
}

/** Replaces the member's current score; the earlier one stays in the stream as history. */
export class ScoreRevisedData extends ScoreSubmittedData {
  @IsString() @IsNotEmpty() reason!: string;
  @IsNumber() previousTotal!: number;
  /** 1 for the first revision. */
  @IsInt() @Min(1) revision!: number;
}
