import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { IsId, IsYear } from '@cem/contracts';

@ApiSchema({ description: 'Phong trào và năm (đợt) của các hồ sơ được nhập' })
export class ImportDossiersQuery {
  @ApiProperty({ example: 'ha-nam-doan-ket-sang-tao' }) @IsId() campaignId!: string;
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsYear() year!: number;
}

@ApiSchema({ description: 'Phong trào có các lĩnh vực được ghi vào trang hướng dẫn của tệp mẫu' })
export class ImportTemplateQuery {
  @ApiPropertyOptional({ example: 'ha-nam-doan-ket-sang-tao' }) @IsOptional() @IsId() campaignId?: string;
}
