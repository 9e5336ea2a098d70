import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { CriterionScore, IsText, MaxItems } from '@cem/contracts';

/** A member's score sheet (phiếu chấm điểm) for one case; when it was submitted is the server's time. */
@ApiSchema({ description: 'Phiếu chấm điểm của thành viên cho một hồ sơ' })
export class SubmitScoreDto {
  @ApiProperty({ example: 1, description: 'Phiên bản bộ tiêu chí in trên phiếu chấm' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  criteriaVersion!: number;
  @ApiProperty({ type: [CriterionScore] })
  @IsArray()
  @ArrayMinSize(1)
  @MaxItems(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionScore)
  scores!: CriterionScore[];
}

@ApiSchema({ description: 'Chấm lại, có lý do' })
export class ReviseScoreDto extends SubmitScoreDto {
  @ApiProperty({ example: 'Chấm lại sau khi bổ sung tài liệu' }) @IsText() reason!: string;
}
