import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel, IsId, IsLine, MaxItems, RECIPIENT_KINDS, RecipientKind } from '@cem/contracts';

@ApiSchema({ description: 'Đưa giải thưởng, hình thức khen thưởng vào danh mục' })
export class DefineAwardDto {
  @ApiProperty({ example: 'nguoi-ha-nam-sang-tao' }) @IsId() awardCode!: string;
  @ApiProperty({ example: 'Người Hà Nam đoàn kết sáng tạo' }) @IsLine() name!: string;
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS }) @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @ApiProperty({ example: 'vn-ha-nam' }) @IsId() grantingUnitId!: string;
  @ApiPropertyOptional({ example: 'ha-nam-sang-tao' }) @IsOptional() @IsId() campaignId?: string;
  @ApiProperty({ enum: RECIPIENT_KINDS, isArray: true, example: ['individual', 'collective'] })
  @IsArray()
  @ArrayMinSize(1)
  @MaxItems(RECIPIENT_KINDS.length)
  @IsIn(RECIPIENT_KINDS, { each: true })
  recipientKinds!: RecipientKind[];
}
