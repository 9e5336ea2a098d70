import { PageQuery } from '@cem/service-kit';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { IsLine, IsText, MaxItems, RECIPIENT_KINDS, RecipientKind } from '@cem/contracts';

@ApiSchema({ description: 'Thẩm định thành tích của đề nghị' })
export class VerifyProposalDto {
  @ApiPropertyOptional({ example: 'Hồ sơ đầy đủ, đúng quy định' }) @IsOptional() @IsText({ allowEmpty: true }) note?: string;
}

@ApiSchema({ description: 'Trả lại đề nghị, có lý do' })
export class SendBackProposalDto {
  @ApiProperty({ example: 'Thiếu biên bản họp Hội đồng' }) @IsText() reason!: string;
}

@ApiSchema({ description: 'Cá nhân, tập thể, đơn vị được trao' })
export class RecipientDto {
  @ApiProperty({ example: 'Trần Thị Bình' }) @IsLine() name!: string;
  @ApiProperty({ enum: RECIPIENT_KINDS }) @IsIn(RECIPIENT_KINDS) kind!: RecipientKind;
}

@ApiSchema({ description: 'Gửi lại đề nghị đã bị trả lại' })
export class ResubmitProposalDto {
  @ApiPropertyOptional({ example: 'Đã bổ sung biên bản' }) @IsOptional() @IsText({ allowEmpty: true }) note?: string;
  @ApiPropertyOptional({ type: [RecipientDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @MaxItems()
  @ValidateNested({ each: true })
  @Type(() => RecipientDto)
  recipients?: RecipientDto[];
}

export const PROPOSAL_STATUSES = ['received', 'sent-back', 'verified', 'decided', 'issued', 'revoked'] as const;

@ApiSchema({ description: 'Bộ lọc đề nghị khen thưởng' })
export class ListProposalsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PROPOSAL_STATUSES }) @IsOptional() @IsIn(PROPOSAL_STATUSES) status?: string;
}
