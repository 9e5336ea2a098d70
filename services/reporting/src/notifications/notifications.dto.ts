import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsEmail, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MaxItems, NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, NotificationChannel, NotificationKind } from '@cem/contracts';

@ApiSchema({ description: 'Đánh dấu thông báo đã xem' })
export class MarkNotificationsReadDto {
  @ApiProperty({ type: [String], description: 'Mã các thông báo đã xem', example: ['0193f0a2-6c1e-7d40-9a55-1b2c3d4e5f60'] })
  @IsArray()
  @ArrayMinSize(1)
  @MaxItems(500)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  notificationIds!: string[];
}

@ApiSchema({ description: 'Thiết lập cách nhận thông báo của một người' })
export class NotificationPreferencesDto {
  @ApiPropertyOptional({ description: 'Địa chỉ thư điện tử nhận thư tổng hợp', example: 'ha.hoang@hanam.gov.vn' })
  @IsOptional()
  @IsEmail({}, { message: 'Địa chỉ thư điện tử không hợp lệ' })
  @MaxLength(254)
  email?: string;
  @ApiProperty({
    enum: NOTIFICATION_CHANNELS,
    isArray: true,
    description: 'Kênh nhận: portal (trên cổng, luôn bật), email (thư tổng hợp hằng ngày)',
  })
  @IsArray()
  @IsIn(NOTIFICATION_CHANNELS, { each: true })
  channels!: NotificationChannel[];
  @ApiProperty({ enum: NOTIFICATION_KINDS, isArray: true, description: 'Các loại việc muốn được thông báo' })
  @IsArray()
  @IsIn(NOTIFICATION_KINDS, { each: true })
  kinds!: NotificationKind[];
  @ApiProperty({ description: 'Giờ gửi thư tổng hợp trong ngày (giờ Việt Nam, 0-23)', example: 7 })
  @IsInt()
  @Min(0)
  @Max(23)
  digestHour!: number;
  @ApiProperty({ description: 'Nhắc trước hạn bao nhiêu ngày (1-60)', example: 3 })
  @IsInt()
  @Min(1)
  @Max(60)
  reminderDays!: number;
}

@ApiSchema({ description: 'Một việc cần xử lý' })
export class NotificationResponse {
  @ApiProperty({ description: 'Mã thông báo', example: '0193f0a2-6c1e-7d40-9a55-1b2c3d4e5f60' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS, description: 'Loại việc' }) kind!: string;
  @ApiProperty({ description: 'Loại việc (tiếng Việt)', example: 'Hồ sơ bị trả lại để bổ sung' }) kindLabel!: string;
  @ApiProperty({ description: 'Nội dung', example: 'Hồ sơ "Sổ tay điện tử" bị trả lại để bổ sung' }) title!: string;
  @ApiPropertyOptional({ description: 'Chi tiết', example: 'Lý do: Thiếu bản mô tả giải pháp' }) detail?: string;
  @ApiProperty({ description: 'Trang cần mở trên cổng', example: '/don-vi/ho-so/hs-2026-0001' }) link!: string;
  @ApiProperty({ description: 'Thời điểm phát sinh', example: '2026-10-01T02:00:00.000Z' }) at!: string;
  @ApiPropertyOptional({ description: 'Hạn (với lời nhắc hạn)', example: '2026-11-30T17:00:00.000Z' }) dueBy?: string;
  @ApiProperty({ description: 'Đã xem', example: false }) read!: boolean;
}

@ApiSchema({ description: 'Thông báo của chính người hỏi' })
export class NotificationsResponse {
  @ApiProperty({ type: [NotificationResponse] }) items!: NotificationResponse[];
  @ApiProperty({ description: 'Số thông báo chưa xem', example: 2 }) unread!: number;
}

@ApiSchema({ description: 'Kết quả đánh dấu đã xem' })
export class MarkReadResponse {
  @ApiProperty({ description: 'Số thông báo vừa được đánh dấu (đã xem từ trước không tính)', example: 1 }) marked!: number;
}

@ApiSchema({ description: 'Thiết lập nhận thông báo (mặc định khi chưa lưu)' })
export class NotificationPreferencesResponse {
  @ApiProperty({ description: 'Đã lưu thiết lập (false: đang dùng mặc định)', example: true }) saved!: boolean;
  @ApiPropertyOptional({ description: 'Địa chỉ thư điện tử', example: 'ha.hoang@hanam.gov.vn' }) email?: string;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS, isArray: true }) channels!: string[];
  @ApiProperty({ enum: NOTIFICATION_KINDS, isArray: true }) kinds!: string[];
  @ApiProperty({ description: 'Giờ gửi thư tổng hợp (giờ Việt Nam)', example: 7 }) digestHour!: number;
  @ApiProperty({ description: 'Nhắc trước hạn (ngày)', example: 3 }) reminderDays!: number;
  @ApiPropertyOptional({ description: 'Ngày gửi thư tổng hợp gần nhất (YYYY-MM-DD)', example: '2026-12-02' }) lastDigestDay?: string;
}
