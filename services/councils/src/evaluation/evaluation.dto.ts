import { PageQuery } from '@cem/service-kit';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { CASE_STATUSES, CaseStatus, IsId, IsText, IsYear, MaxItems } from '@cem/contracts';

/** Assigns members to a case; the day of assignment (on which they must sit on the council) is the server's. */
@ApiSchema({ description: 'Phân công thành viên chấm hồ sơ' })
export class AssignMembersDto {
  @ApiProperty({ type: [String], example: ['tv-nguyen-van-a', 'tv-tran-thi-b'] })
  @IsArray()
  @ArrayMinSize(1)
  @MaxItems()
  @IsId({ each: true })
  memberIds!: string[];
}

@ApiSchema({ description: 'Khai báo xung đột lợi ích' })
export class DeclareConflictDto {
  @ApiProperty({ example: 'Là đồng tác giả của giải pháp' }) @IsText() reason!: string;
}

@ApiSchema({ description: 'Bộ lọc danh sách hồ sơ thẩm định' })
export class CasesQueryDto extends PageQuery {
  @ApiPropertyOptional({ example: 'hd-ha-nam-2026', description: 'Mã Hội đồng thẩm định' })
  @IsOptional()
  @IsId()
  councilId?: string;
  @ApiPropertyOptional({ example: 'ha-nam-doan-ket-sang-tao', description: 'Mã phong trào (đợt: phong trào và năm)' })
  @IsOptional()
  @IsId()
  campaignId?: string;
  @ApiPropertyOptional({ example: 2026, description: 'Năm của đợt' })
  @IsOptional()
  @Type(() => Number)
  @IsYear()
  year?: number;
  @ApiPropertyOptional({ example: 'khcn', description: 'Mã lĩnh vực' })
  @IsOptional()
  @IsId()
  fieldCode?: string;
  @ApiPropertyOptional({ enum: CASE_STATUSES, description: 'Trạng thái: chờ xác định Hội đồng, đang thẩm định, đã chốt kết quả' })
  @IsOptional()
  @IsIn(CASE_STATUSES, { message: 'status: trạng thái không hợp lệ' })
  status?: CaseStatus;
}

@ApiSchema({ description: 'Xác định Hội đồng cho hồ sơ đang chờ' })
export class RouteCaseDto {
  @ApiPropertyOptional({
    example: 'hd-ha-nam-2026',
    description: 'Hội đồng được chọn khi có nhiều Hội đồng phù hợp; bỏ trống để xác định lại (ví dụ sau khi Hội đồng được thành lập)',
  })
  @IsOptional()
  @IsId()
  councilId?: string;
}
