import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { DECISION_NUMBER_PATTERN, INPUT_LIMITS, IsCalendarDateOrTime, IsId, IsLine, IsText, MaxItems } from '@cem/contracts';
import { RecipientDto } from '../proposals/proposal-commands.dto';

const DECISION_NUMBER = { message: 'decisionNumber: số quyết định có dạng 1234/QĐ-UBND' };

@ApiSchema({ description: 'Quyết định khen thưởng của cấp có thẩm quyền' })
export class DecideAwardDto {
  @ApiProperty({ example: '1234/QĐ-UBND', pattern: DECISION_NUMBER_PATTERN.source })
  @Matches(DECISION_NUMBER_PATTERN, DECISION_NUMBER)
  @MaxLength(INPUT_LIMITS.lineMaxLength)
  @IsLine()
  decisionNumber!: string;
  @ApiProperty({ example: '2026-11-20' }) @IsCalendarDateOrTime() decisionDate!: string;
  @ApiProperty({ example: 'Nguyễn Văn A, Chủ tịch UBND tỉnh' }) @IsLine() signer!: string;
  @ApiProperty({ example: 'nguoi-ha-nam-sang-tao' }) @IsId() awardCode!: string;
  @ApiPropertyOptional({ type: [RecipientDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @MaxItems()
  @ValidateNested({ each: true })
  @Type(() => RecipientDto)
  recipients?: RecipientDto[];
  @ApiPropertyOptional({
    type: [String],
    description: 'Căn cứ ban hành quyết định (mặc định: Luật Thi đua, khen thưởng 2022 và Nghị định 98/2023/NĐ-CP)',
    example: ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022'],
  })
  @IsOptional()
  @IsArray()
  @MaxItems(20)
  @IsText({ each: true })
  legalBases?: string[];
  @ApiPropertyOptional({ description: 'Cơ quan ban hành in ở đầu quyết định', example: 'ỦY BAN NHÂN DÂN TỈNH HÀ NAM' })
  @IsOptional()
  @IsLine()
  issuingAuthority?: string;
}

@ApiSchema({ description: 'Trao giải tại lễ tôn vinh' })
export class IssueAwardDto {
  @ApiPropertyOptional({ example: '2026-12-01' }) @IsOptional() @IsCalendarDateOrTime() ceremonyDate?: string;
  @ApiPropertyOptional({ example: 'GCN-2026-015' }) @IsOptional() @IsLine() certificateNumber?: string;
}

@ApiSchema({ description: 'Thu hồi giải thưởng bằng quyết định' })
export class RevokeAwardDto {
  @ApiProperty({ example: 'Phát hiện sao chép giải pháp đã công bố' }) @IsText() reason!: string;
  @ApiProperty({ example: '1500/QĐ-UBND', pattern: DECISION_NUMBER_PATTERN.source })
  @Matches(DECISION_NUMBER_PATTERN, DECISION_NUMBER)
  @IsLine()
  decisionNumber!: string;
  @ApiProperty({ example: '2027-01-15' }) @IsCalendarDateOrTime() decisionDate!: string;
}
