import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { IsCalendarDate, IsId, IsLine, Role, ROLES } from '@cem/contracts';

@ApiSchema({ description: 'Giao nhiệm vụ (ủy quyền) cho đơn vị thay mặt một địa bàn trong một vai trò' })
export class GrantMandateDto {
  @ApiProperty({ example: 'uq-ha-nam-ban-tdkt', description: 'Mã ủy quyền' })
  @IsId({ maxLength: 120 })
  @Matches(/^[a-z0-9][a-z0-9-]*$/, { message: 'mandateId: chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang' })
  mandateId!: string;
  @ApiProperty({ example: 'vn-ha-nam-so-noi-vu-ban-tdkt', description: 'Đơn vị được giao nhiệm vụ' }) @IsId() holderUnitId!: string;
  @ApiProperty({ example: 'vn-ha-nam', description: 'Địa bàn đơn vị thay mặt' }) @IsId() jurisdictionUnitId!: string;
  @ApiProperty({ enum: ROLES, example: 'emulation-board', description: 'Vai trò được giao' }) @IsIn(ROLES) role!: Role;
  @ApiProperty({ example: '2026-01-01', description: 'Có hiệu lực từ ngày' }) @IsCalendarDate() from!: string;
  @ApiProperty({ example: '15/QĐ-UBND', description: 'Số quyết định giao nhiệm vụ' }) @IsLine({ maxLength: 120 }) decisionRef!: string;
}

@ApiSchema({ description: 'Chấm dứt ủy quyền' })
export class RevokeMandateDto {
  @ApiProperty({ example: '2026-12-31', description: 'Hết hiệu lực từ ngày' }) @IsCalendarDate() until!: string;
  @ApiProperty({ example: '99/QĐ-UBND', description: 'Số quyết định thu hồi' }) @IsLine({ maxLength: 120 }) decisionRef!: string;
}
