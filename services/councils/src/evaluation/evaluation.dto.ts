import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsISO8601, IsNotEmpty, IsOptional, IsString } from 'class-validator';

export class AssignMembersDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @IsString({ each: true }) memberIds!: string[];
  @ApiPropertyOptional({ description: 'Date of the assignment (default: now); members must sit on the council that day' })
  @IsOptional() @IsISO8601() assignedAt?: string;
}

export class DeclareConflictDto {
  @ApiProperty({ example: 'Là đồng tác giả của giải pháp' }) @IsString() @IsNotEmpty() reason!: string;
}
