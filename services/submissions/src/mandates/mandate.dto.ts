import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { Role, ROLES } from '@cem/contracts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class GrantMandateDto {
  @ApiProperty({ example: 'uq-ha-nam-ban-tdkt' }) @IsString() @IsNotEmpty() @MaxLength(120) @Matches(/^[a-z0-9][a-z0-9-]*$/) mandateId!: string;
  @ApiProperty({ example: 'vn-ha-nam-so-noi-vu-ban-tdkt', description: 'Đơn vị được giao nhiệm vụ' })
  @IsString() @IsNotEmpty() @MaxLength(200) holderUnitId!: string;
  @ApiProperty({ example: 'vn-ha-nam', description: 'Địa bàn đơn vị thay mặt' }) @IsString() @IsNotEmpty() @MaxLength(200) jurisdictionUnitId!: string;
  @ApiProperty({ enum: ROLES, example: 'emulation-board' }) @IsIn(ROLES) role!: Role;
  @ApiProperty({ example: '2026-01-01' }) @Matches(DATE) from!: string;
  @ApiProperty({ example: '15/QĐ-UBND' }) @IsString() @IsNotEmpty() @MaxLength(120) decisionRef!: string;
}

export class RevokeMandateDto {
  @ApiProperty({ example: '2026-12-31' }) @Matches(DATE) until!: string;
  @ApiProperty({ example: '99/QĐ-UBND' }) @IsString() @IsNotEmpty() @MaxLength(120) decisionRef!: string;
}
