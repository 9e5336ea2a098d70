import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Max, Min } from 'class-validator';
import { CASE_STATUSES, CaseStatus } from '@cem/contracts';

export class AssignMembersDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @IsString({ each: true }) memberIds!: string[];
  @ApiPropertyOptional({ description: 'Date of the assignment (default: now); members must sit on the council that day' })
  @IsOptional() @IsISO8601() assignedAt?: string;
}

export class DeclareConflictDto {
  @ApiProperty({ example: 'Là đồng tác giả của giải pháp' }) @IsString() @IsNotEmpty() reason!: string;
}

export class CasesQueryDto {
  @ApiPropertyOptional({ example: 'hd-ha-nam-2026', description: 'Mã Hội đồng thẩm định' })
  @IsOptional() @IsString() @IsNotEmpty() councilId?: string;
  @ApiPropertyOptional({ example: 'ha-nam-doan-ket-sang-tao', description: 'Mã phong trào (đợt: phong trào và năm)' })
  @IsOptional() @IsString() @IsNotEmpty() campaignId?: string;
  @ApiPropertyOptional({ example: 2026, description: 'Năm của đợt' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1900) @Max(9999) year?: number;
  @ApiPropertyOptional({ example: 'khcn', description: 'Mã lĩnh vực' })
  @IsOptional() @IsString() @IsNotEmpty() fieldCode?: string;
  @ApiPropertyOptional({ enum: CASE_STATUSES, description: 'Trạng thái: chờ xác định Hội đồng, đang thẩm định, đã chốt kết quả' })
  @IsOptional() @IsIn(CASE_STATUSES) status?: CaseStatus;
}

export class RouteCaseDto {
  @ApiPropertyOptional({
    example: 'hd-ha-nam-2026',
    description: 'Hội đồng được chọn khi có nhiều Hội đồng phù hợp; bỏ trống để xác định lại (ví dụ sau khi Hội đồng được thành lập)',
  })
  @IsOptional() @IsString() @IsNotEmpty() councilId?: string;
}
