import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { CriterionScore } from '@cem/contracts';

/** A member's score sheet (phiếu chấm điểm) for one case. */
export class SubmitScoreDto {
  @ApiProperty({ description: 'The criteria version printed on the sheet' }) @IsInt() @Min(1) criteriaVersion!: number;
  @ApiProperty({ type: [CriterionScore] })
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => CriterionScore)
  scores!: CriterionScore[];
  @ApiPropertyOptional({ description: 'Date on the sheet (default: now); the member must sit on the council that day' })
  @IsOptional() @IsISO8601() submittedAt?: string;
}

export class ReviseScoreDto extends SubmitScoreDto {
  @ApiProperty() @IsString() @IsNotEmpty() reason!: string;
}
