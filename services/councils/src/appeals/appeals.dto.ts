import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { APPEAL_OUTCOMES, AppealOutcome, IsId, IsText } from '@cem/contracts';
import { APPEAL_STATUSES, AppealStatus } from './appeals.projection';

@ApiSchema({ description: 'Kiến nghị, khiếu nại về kết quả thẩm định (tác giả hoặc đơn vị đề cử)' })
export class FileAppealDto {
  @ApiProperty({ example: 'Tiêu chí hiệu quả chưa tính số liệu tiết kiệm điện có xác nhận của Điện lực' })
  @IsText()
  grounds!: string;
}

@ApiSchema({ description: 'Giao Hội đồng giải quyết kiến nghị (theo quy định của phong trào)' })
export class AssignAppealDto {
  @ApiProperty({ example: 'hd-ha-nam-2026', description: 'Chính Hội đồng đã thẩm định, hoặc Hội đồng cấp trên' })
  @IsId()
  councilId!: string;
}

@ApiSchema({ description: 'Giải quyết kiến nghị, nêu lý do' })
export class DecideAppealDto {
  @ApiProperty({ enum: APPEAL_OUTCOMES, description: 'upheld: chấp nhận; rejected: không chấp nhận' })
  @IsIn(APPEAL_OUTCOMES)
  outcome!: AppealOutcome;
  @ApiProperty({ example: 'Số liệu tiết kiệm điện có xác nhận chưa được Hội đồng xem xét' })
  @IsText()
  reasons!: string;
  @ApiProperty({ description: 'Mở lại việc chấm điểm để thẩm định lại (chỉ khi chấp nhận)' })
  @IsBoolean()
  reopenScoring!: boolean;
}

@ApiSchema({ description: 'Bộ lọc danh sách kiến nghị' })
export class AppealsQueryDto {
  @ApiPropertyOptional({ description: 'Hội đồng đã thẩm định hoặc được giao giải quyết' })
  @IsOptional()
  @IsId()
  councilId?: string;
  @ApiPropertyOptional({ enum: APPEAL_STATUSES })
  @IsOptional()
  @IsIn(APPEAL_STATUSES)
  status?: AppealStatus;
  @ApiPropertyOptional({ description: 'Mã hồ sơ' })
  @IsOptional()
  @IsId()
  dossierId?: string;
}
