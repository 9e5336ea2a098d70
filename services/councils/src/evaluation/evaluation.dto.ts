import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsOptional } from 'class-validator';
import { IsCalendarDateOrTime, IsId, IsText, MaxItems } from '@cem/contracts';

@ApiSchema({ description: 'Phân công thành viên chấm hồ sơ' })
export class AssignMembersDto {
  @ApiProperty({ type: [String], example: ['tv-nguyen-van-a', 'tv-tran-thi-b'] })
  @IsArray() @ArrayMinSize(1) @MaxItems() @IsId({ each: true })
  memberIds!: string[];
  @ApiPropertyOptional({ example: '2026-08-20', description: 'Ngày phân công (mặc định: hôm nay); thành viên phải thuộc Hội đồng vào ngày đó' })
  @IsOptional() @IsCalendarDateOrTime() assignedAt?: string;
}

@ApiSchema({ description: 'Khai báo xung đột lợi ích' })
export class DeclareConflictDto {
  @ApiProperty({ example: 'Là đồng tác giả của giải pháp' }) @IsText() reason!: string;
}
