import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional } from 'class-validator';
import {
  ADMINISTRATIVE_LEVELS,
  CASE_PROGRESS_LABELS_VI,
  IsId,
  IsYear,
  PROPOSAL_STATUS_LABELS_VI,
  REPORT_STATUS_LABELS_VI,
} from '@cem/contracts';
import { DOSSIER_STATUS_LABELS_VI } from '@cem/contracts';

@ApiSchema({ description: 'Đợt (năm) của phong trào' })
export class EditionParams {
  @ApiProperty({ example: 'ha-nam-sang-tao', description: 'Mã phong trào' }) @IsId() campaignId!: string;
  @ApiProperty({ example: 2026, description: 'Năm của đợt' }) @Type(() => Number) @IsYear() year!: number;
}

@ApiSchema({ description: 'Bộ lọc toàn cảnh phong trào' })
export class EditionProgressQuery {
  @ApiPropertyOptional({
    example: 'vn-ha-nam-phu-ly',
    description: 'Chỉ đơn vị này và các đơn vị cấp dưới (phải thuộc phạm vi của người xem)',
  })
  @IsOptional()
  @IsId()
  unitId?: string;
}

const count = (label: string) => ApiProperty({ description: label, example: 0, type: 'integer' });

@ApiSchema({ description: 'Số hồ sơ theo trạng thái' })
export class DossierCountsResponse {
  @count(DOSSIER_STATUS_LABELS_VI.draft) draft!: number;
  @count(DOSSIER_STATUS_LABELS_VI.submitted) submitted!: number;
  @count(DOSSIER_STATUS_LABELS_VI.received) received!: number;
  @count(DOSSIER_STATUS_LABELS_VI.returned) returned!: number;
  @count(DOSSIER_STATUS_LABELS_VI.withdrawn) withdrawn!: number;
  @count(DOSSIER_STATUS_LABELS_VI.forwarded) forwarded!: number;
  @count('Tổng số hồ sơ') total!: number;
}

@ApiSchema({ description: 'Tiến độ thẩm định của Hội đồng: số hồ sơ thẩm định theo bước' })
export class CaseCountsResponse {
  @count(CASE_PROGRESS_LABELS_VI['awaiting-council']) 'awaiting-council'!: number;
  @count(CASE_PROGRESS_LABELS_VI.open) open!: number;
  @count(CASE_PROGRESS_LABELS_VI.assigned) assigned!: number;
  @count(CASE_PROGRESS_LABELS_VI.scoring) scoring!: number;
  @count(CASE_PROGRESS_LABELS_VI.finalised) finalised!: number;
  @count(CASE_PROGRESS_LABELS_VI['under-appeal']) 'under-appeal'!: number;
  @count('Được nghiệm thu (trong số đã chốt kết quả)') accepted!: number;
  @count('Tổng số hồ sơ thẩm định') total!: number;
}

@ApiSchema({ description: 'Đề nghị khen thưởng và quyết định khen thưởng theo trạng thái' })
export class ProposalCountsResponse {
  @count(PROPOSAL_STATUS_LABELS_VI.received) received!: number;
  @count(PROPOSAL_STATUS_LABELS_VI['sent-back']) 'sent-back'!: number;
  @count(PROPOSAL_STATUS_LABELS_VI.verified) verified!: number;
  @count(PROPOSAL_STATUS_LABELS_VI.decided) decided!: number;
  @count(PROPOSAL_STATUS_LABELS_VI.issued) issued!: number;
  @count(PROPOSAL_STATUS_LABELS_VI.revoked) revoked!: number;
  @count('Tổng số đề nghị') total!: number;
}

@ApiSchema({ description: 'Báo cáo của các kỳ báo cáo của đợt' })
export class ReportCountsResponse {
  @count(REPORT_STATUS_LABELS_VI.reported) reported!: number;
  @count(REPORT_STATUS_LABELS_VI.late) late!: number;
  @count(REPORT_STATUS_LABELS_VI.missing) missing!: number;
  @count(REPORT_STATUS_LABELS_VI.pending) pending!: number;
  @count('Số báo cáo phải nộp') expected!: number;
}

@ApiSchema({ description: 'Các số đếm tiến độ' })
export class ProgressCountsResponse {
  @ApiProperty({ type: DossierCountsResponse, description: 'Hồ sơ theo trạng thái' }) dossiers!: DossierCountsResponse;
  @ApiProperty({ type: CaseCountsResponse, description: 'Tiến độ thẩm định của Hội đồng' }) cases!: CaseCountsResponse;
  @ApiProperty({ type: ProposalCountsResponse, description: 'Đề nghị và quyết định khen thưởng' }) proposals!: ProposalCountsResponse;
  @ApiProperty({ type: ReportCountsResponse, description: 'Báo cáo phải nộp, đã nộp, nộp muộn, chưa nộp' }) reports!: ReportCountsResponse;
}

@ApiSchema({ description: 'Tiến độ của một đơn vị trong đợt' })
export class UnitProgressResponse extends ProgressCountsResponse {
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS, description: 'Cấp' }) level!: string;
  @ApiProperty({ example: 'vn-ha-nam-phu-ly', description: 'Mã đơn vị' }) unitId!: string;
  @ApiPropertyOptional({ example: 'UBND thành phố Phủ Lý', description: 'Tên đơn vị' }) unitName?: string;
  @ApiProperty({ type: [String], example: ['vn', 'vn-ha-nam', 'vn-ha-nam-phu-ly'], description: 'Đường dẫn đơn vị từ Trung ương' })
  unitPath!: string[];
}

@ApiSchema({ description: 'Tổng hợp tiến độ của một cấp' })
export class LevelProgressResponse extends ProgressCountsResponse {
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS, description: 'Cấp' }) level!: string;
  @ApiProperty({ description: 'Số đơn vị có số liệu', example: 3, type: 'integer' }) units!: number;
}

@ApiSchema({ description: 'Kỳ báo cáo của đợt' })
export class EditionPeriodResponse {
  @ApiProperty({ example: 'ha-nam-2026' }) periodId!: string;
  @ApiProperty({ example: 'Báo cáo kết quả phong trào năm 2026' }) title!: string;
}

@ApiSchema({ description: 'Toàn cảnh phong trào: tiến độ của một đợt theo cấp và đơn vị' })
export class EditionProgressResponse {
  @ApiProperty({ example: 'ha-nam-sang-tao' }) campaignId!: string;
  @ApiProperty({ example: 2026, type: 'integer' }) year!: number;
  @ApiPropertyOptional({ example: 'Phong trào thi đua sáng tạo tỉnh Hà Nam', description: 'Tên phong trào' }) campaignName?: string;
  @ApiProperty({
    type: [String],
    example: ['vn-ha-nam'],
    description: 'Phạm vi xem: các đơn vị này và đơn vị cấp dưới; rỗng là tất cả (kiểm tra viên, quản trị hệ thống)',
  })
  scopeUnitIds!: string[];
  @ApiProperty({ type: ProgressCountsResponse, description: 'Tổng cộng trong phạm vi' }) totals!: ProgressCountsResponse;
  @ApiProperty({ type: [LevelProgressResponse], description: 'Tổng hợp theo cấp, từ trên xuống' }) levels!: LevelProgressResponse[];
  @ApiProperty({ type: [UnitProgressResponse], description: 'Theo đơn vị' }) units!: UnitProgressResponse[];
  @ApiProperty({ type: [EditionPeriodResponse], description: 'Các kỳ báo cáo của đợt' }) periods!: EditionPeriodResponse[];
}
