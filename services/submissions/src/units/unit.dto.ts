import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel, IsId, IsLine, IsSlug, UNIT_KINDS, UnitKind } from '@cem/contracts';

/**
 * Đăng ký một đơn vị chưa có trong dữ liệu mẫu (tổ chức chính trị - xã hội, hội, trường học, doanh nghiệp,
 * hợp tác xã...) dưới đơn vị cấp trên của nó.
 */
@ApiSchema({ description: 'Đăng ký một đơn vị dưới đơn vị cấp trên' })
export class RegisterUnitDto {
  @ApiProperty({
    example: 'vn-ha-nam-hoi-lhpn',
    description: "Mã đơn vị: mã đơn vị cấp trên nối '-' và tên viết liền không dấu (chữ thường, số)",
  })
  @IsSlug()
  unitId!: string;
  @ApiProperty({ example: 'Hội Liên hiệp Phụ nữ tỉnh Hà Nam', description: 'Tên đơn vị' })
  @IsLine()
  name!: string;
  @ApiProperty({ enum: UNIT_KINDS, example: 'socio-political-organisation', description: 'Loại đơn vị' })
  @IsIn(UNIT_KINDS)
  kind!: UnitKind;
  @ApiProperty({ example: 'vn-ha-nam', description: 'Mã đơn vị cấp trên (đã đăng ký)' })
  @IsId()
  parentUnitId!: string;
  @ApiPropertyOptional({
    enum: ADMINISTRATIVE_LEVELS,
    description: 'Cấp của đơn vị; mặc định: cùng cấp với đơn vị cấp trên (Ủy ban nhân dân: cấp ngay dưới)',
  })
  @IsOptional()
  @IsIn(ADMINISTRATIVE_LEVELS)
  level?: AdministrativeLevel;
}
