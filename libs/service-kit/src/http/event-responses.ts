import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ADMINISTRATIVE_LEVELS, ROLES, SYSTEM_ROLE } from '@cem/contracts';

/** Recorded events as some endpoints answer them (the data's schema per type is in each service's /asyncapi.json). */

@ApiSchema({ description: 'Ủy quyền người thực hiện đã dùng, khi thay mặt một địa bàn' })
export class MandateUseResponse {
  @ApiProperty({ example: 'uq-ha-nam-ban-tdkt' }) mandateId!: string;
  @ApiProperty({ example: '15/QĐ-UBND' }) decisionRef!: string;
  @ApiProperty({ description: 'Đơn vị của chính người thực hiện', example: 'vn-ha-nam-so-noi-vu' }) ownUnitId!: string;
  @ApiProperty({
    type: [String],
    description: 'Đường dẫn đơn vị của chính người thực hiện',
    example: ['vn', 'vn-ha-nam', 'vn-ha-nam-so-noi-vu'],
  })
  ownUnitPath!: string[];
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS, description: 'Cấp của đơn vị của chính người thực hiện' }) ownLevel!: string;
}

@ApiSchema({ description: 'Người thực hiện một quyết định' })
export class ActorResponse {
  @ApiProperty({ description: 'Mã người dùng', example: 'u-nguyen-van-a' }) id!: string;
  @ApiPropertyOptional({ description: 'Họ và tên', example: 'Nguyễn Văn A' }) name?: string;
  @ApiProperty({ enum: [...ROLES, SYSTEM_ROLE], description: 'Vai trò' }) role!: string;
  @ApiProperty({ description: 'Đơn vị (địa bàn khi thay mặt theo ủy quyền)' }) unitId!: string;
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS }) level!: string;
  @ApiProperty({ type: [String] }) unitPath!: string[];
  @ApiPropertyOptional({ type: MandateUseResponse, description: 'Ủy quyền đã dùng' }) mandate?: MandateUseResponse;
}

@ApiSchema({ description: 'Siêu dữ liệu của sự kiện' })
export class EventMetadataResponse {
  @ApiProperty({ type: ActorResponse, description: 'Người thực hiện' }) actor!: ActorResponse;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ description: 'Mã tương quan của cả chuỗi xử lý', example: 'c-01936a52' }) correlationId!: string;
  @ApiPropertyOptional({ description: 'Sự kiện gây ra sự kiện này', example: '01936a52-7c1e-7b3a-9f1e-5d2c3b4a5e6f' }) causationId?: string;
  @ApiPropertyOptional() reason?: string;
  @ApiProperty({ description: 'Phân hệ ghi sự kiện', example: 'councils' }) source!: string;
}

@ApiSchema({ description: 'Vị trí trong nhật ký của phân hệ' })
export class LogPositionResponse {
  @ApiProperty({ description: 'Giao dịch', example: 1042 }) tx!: number;
  @ApiProperty({ description: 'Thứ tự trong giao dịch', example: 0 }) pos!: number;
}

@ApiSchema({ description: 'Một sự kiện đã ghi' })
export class RecordedEventResponse {
  @ApiProperty({ description: 'Mã sự kiện (UUIDv7)', example: '01936a52-7c1e-7b3a-9f1e-5d2c3b4a5e6f' }) id!: string;
  @ApiProperty({ description: 'Loại sự kiện', example: 'councils.MembersAssigned' }) type!: string;
  @ApiProperty({ description: 'Phiên bản lược đồ dữ liệu', example: 1 }) schemaVersion!: number;
  @ApiProperty() streamId!: string;
  @ApiProperty({ description: 'Số thứ tự trong luồng', example: 2 }) streamVersion!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Dữ liệu sự kiện; lược đồ theo loại và phiên bản trong /asyncapi.json của dịch vụ',
    example: { caseId: 'hs-2026-0001@province', memberIds: ['tv-nguyen-van-a'] },
  })
  data!: Record<string, unknown>;
  @ApiProperty({ type: EventMetadataResponse }) metadata!: EventMetadataResponse;
  @ApiProperty({ type: LogPositionResponse, description: 'Vị trí trong nhật ký' }) position!: LogPositionResponse;
  @ApiProperty() recordedAt!: string;
  @ApiProperty({
    description: 'Mã băm SHA-256 nối chuỗi với sự kiện trước của luồng',
    example: 'b1946ac92492d2347c6235b4d2611184b1946ac92492d2347c6235b4d2611184',
  })
  hash!: string;
}
