import { Type } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { ApiProperty, ApiPropertyOptional, ApiSchema, IntersectionType, OmitType } from '@nestjs/swagger';
import {
  ADMINISTRATIVE_LEVELS,
  AdministrativeLevel,
  DossierChanges,
  DossierDraftedData,
  IsId,
  IsLine,
  IsSlug,
  IsText,
  IsYear,
} from '@cem/contracts';
import { PageQuery } from '@cem/service-kit';
import { DOSSIER_STATUSES, DossierStatus } from './dossier.state';

class OptionalDossierId {
  @ApiPropertyOptional({ description: 'Mã hồ sơ; hệ thống tự sinh khi bỏ trống', example: 'hs-2024-0001' })
  @IsOptional()
  @IsSlug()
  dossierId?: string;
}

/**
 * The draft is the DossierDrafted contract minus what the server fills in (nominating unit from the token,
 * the time), so authors, owners and attachments are validated by the same nested classes as the event.
 */
@ApiSchema({ description: 'Lập hồ sơ đăng ký (đơn vị đề cử lấy từ token)' })
export class DraftDossierDto extends IntersectionType(
  OmitType(DossierDraftedData, ['dossierId', 'nominatingUnitId', 'nominatingUnitPath', 'draftedAt'] as const),
  OptionalDossierId,
) {}

@ApiSchema({ description: 'Nộp hồ sơ tới một địa bàn' })
export class SubmitDossierDto {
  @ApiPropertyOptional({
    example: 'vn-hcm-binh-chanh',
    description: 'Địa bàn nộp hồ sơ; mặc định: đơn vị cấp trên trực tiếp của đơn vị đề cử',
  })
  @IsOptional()
  @IsId()
  jurisdictionUnitId?: string;
}

@ApiSchema({ description: 'Lý do (trả lại, rút hồ sơ)' })
export class ReasonDto {
  @ApiProperty({ example: 'Thiếu bản mô tả giải pháp' }) @IsText() reason!: string;
}

@ApiSchema({ description: 'Chuyển hồ sơ lên cấp trên' })
export class ForwardDossierDto {
  @ApiPropertyOptional({ example: '512/UBND-NV', description: 'Văn bản của Ủy ban đăng ký hồ sơ với cấp trên' })
  @IsOptional()
  @IsLine()
  decisionRef?: string;
}

@ApiSchema({ description: 'Sửa đổi, bổ sung hồ sơ bị trả lại: chỉ các trường được gửi thay đổi' })
export class AmendDossierDto extends DossierChanges {}

@ApiSchema({ description: 'Bộ lọc danh sách hồ sơ' })
export class ListDossiersQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'vn-hcm-binh-chanh', description: 'Đơn vị đề cử hoặc bất kỳ đơn vị cấp trên nào của nó' })
  @IsOptional()
  @IsId()
  unitId?: string;
  @ApiPropertyOptional({ example: 'khcn' }) @IsOptional() @IsId() fieldCode?: string;
  @ApiPropertyOptional({ enum: ADMINISTRATIVE_LEVELS }) @IsOptional() @IsIn(ADMINISTRATIVE_LEVELS) level?: AdministrativeLevel;
  @ApiPropertyOptional({ enum: DOSSIER_STATUSES }) @IsOptional() @IsIn(DOSSIER_STATUSES) status?: DossierStatus;
  @ApiPropertyOptional({ example: 'binh-chanh-sang-tao-2024' }) @IsOptional() @IsId() campaignId?: string;
  @ApiPropertyOptional({ example: 2024 }) @IsOptional() @Type(() => Number) @IsYear() year?: number;
  @ApiPropertyOptional({ example: 'so hoa ho so', description: 'Từ trong tên hồ sơ hoặc tên tác giả, không phân biệt dấu' })
  @IsOptional()
  @IsLine()
  q?: string;
}

@ApiSchema({ description: 'Cấp và địa bàn hồ sơ đã tới' })
export class ReachedQuery extends PageQuery {
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS }) @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @ApiProperty({ example: 'vn-hcm' }) @IsId() jurisdictionUnitId!: string;
}

@ApiSchema({ description: 'Quyết định của cấp có thẩm quyền cho chuyển hồ sơ lên khi chưa có kiến nghị của Hội đồng' })
export class ForwardingOverrideDto {
  @ApiProperty({ example: '77/QĐ-UBND', description: 'Số quyết định của cấp có thẩm quyền cho phép chuyển lên' })
  @IsLine({ maxLength: 120 })
  decisionRef!: string;
  @ApiProperty({ example: 'Giải pháp cấp thiết, Hội đồng chưa họp kịp kỳ này' }) @IsText({ maxLength: 2000 }) reason!: string;
}
