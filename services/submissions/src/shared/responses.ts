import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiPropertyOptions, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import {
  ADMINISTRATIVE_LEVELS,
  AppealRulesSetData,
  APPLICANT_KINDS,
  AttachmentMeta,
  CampaignLaunchedData,
  ClusterFormedData,
  DOSSIER_TYPES,
  DossierAuthor,
  DossierOwner,
  EditionPhase,
  FieldAddedData,
  FORWARDING_BASES,
  ReceivingAgencyAssignedData,
  ROLES,
  SubmissionDeadlineSetData,
  UNIT_KINDS,
} from '@cem/contracts';
import { DOSSIER_STATUSES } from '../dossiers/dossier.state';

/** What the submissions endpoints answer, for the OpenAPI document (descriptions of common fields: FIELD_DOCS). */

const EVENTS: ApiPropertyOptions = { type: [String], description: 'Các loại sự kiện đã ghi', example: ['submissions.DossierSubmitted'] };
const VERSION: ApiPropertyOptions = { description: 'Phiên bản luồng sự kiện sau khi ghi (dùng cho ghi đồng thời)', example: 2 };

@ApiSchema({ description: 'Kết quả lệnh trên một phong trào' })
export class CampaignCommandResponse {
  @ApiProperty() campaignId!: string;
  @ApiProperty(EVENTS) events!: string[];
  @ApiPropertyOptional(VERSION) version?: number;
}

@ApiSchema({ description: 'Kết quả lệnh trên một hồ sơ' })
export class DossierCommandResponse {
  @ApiProperty() dossierId!: string;
  @ApiProperty(EVENTS) events!: string[];
  @ApiPropertyOptional(VERSION) version?: number;
}

@ApiSchema({ description: 'Kết quả lệnh trên một ủy quyền' })
export class MandateCommandResponse {
  @ApiProperty() mandateId!: string;
  @ApiProperty(EVENTS) events!: string[];
  @ApiPropertyOptional(VERSION) version?: number;
}

@ApiSchema({ description: 'Kết quả lập cụm, khối thi đua' })
export class ClusterCommandResponse {
  @ApiProperty() clusterId!: string;
  @ApiPropertyOptional(VERSION) version?: number;
}

@ApiSchema({ description: 'Kết quả nạp danh mục đơn vị' })
export class SeedUnitsResponse {
  @ApiProperty({ description: 'Số đơn vị đăng ký mới', example: 42 }) registered!: number;
  @ApiProperty({ description: 'Số đơn vị đã có từ trước', example: 0 }) alreadyRegistered!: number;
}

@ApiSchema({ description: 'Đơn vị trong cây đơn vị hành chính' })
export class UnitResponse {
  @ApiProperty() unitId!: string;
  @ApiProperty({ example: 'UBND xã Tân Kiên' }) name!: string;
  @ApiProperty({ enum: UNIT_KINDS, description: 'Loại đơn vị' }) kind!: string;
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS }) level!: string;
  @ApiProperty({ type: String, nullable: true }) parentUnitId!: string | null;
  @ApiProperty({ type: [String] }) unitPath!: string[];
}

@ApiSchema({ description: 'Cụm, khối thi đua' })
export class ClusterResponse extends ClusterFormedData {}

@ApiSchema({ description: 'Tệp đã tải lên, lưu theo mã băm SHA-256' })
export class StoredAttachmentResponse extends AttachmentMeta {}

@ApiSchema({ description: 'Ủy quyền (giao nhiệm vụ): đơn vị thay mặt một địa bàn trong một vai trò' })
export class MandateResponse {
  @ApiProperty({ example: 'uq-ha-nam-ban-tdkt' }) mandateId!: string;
  @ApiProperty({ description: 'Đơn vị được giao nhiệm vụ', example: 'vn-ha-nam-so-noi-vu' }) holderUnitId!: string;
  @ApiProperty() jurisdictionUnitId!: string;
  @ApiProperty({ type: [String] }) jurisdictionUnitPath!: string[];
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS, description: 'Cấp của địa bàn' }) jurisdictionLevel!: string;
  @ApiProperty({ enum: ROLES, description: 'Vai trò được giao' }) role!: string;
  @ApiProperty({ description: 'Có hiệu lực từ ngày (tính cả ngày này)', example: '2026-01-01' }) from!: string;
  @ApiPropertyOptional({ description: 'Hết hiệu lực từ ngày (không tính ngày này); không có khi còn hiệu lực', example: '2026-12-31' })
  until?: string;
  @ApiProperty({ example: '15/QĐ-UBND' }) decisionRef!: string;
}

@ApiSchema({ description: 'Phong trào thi đua với các đợt, lĩnh vực, cơ quan tiếp nhận và hạn nộp' })
@ApiExtraModels(EditionPhase, FieldAddedData)
export class CampaignResponse {
  @ApiProperty() campaignId!: string;
  @ApiProperty({ type: CampaignLaunchedData, nullable: true, description: 'Kế hoạch phát động' }) campaign!: CampaignLaunchedData | null;
  @ApiProperty({
    type: 'object',
    description: 'Các đợt theo năm: năm -> các giai đoạn',
    additionalProperties: { type: 'array', items: { $ref: getSchemaPath(EditionPhase) } },
    example: { 2026: [{ code: 'tiep-nhan', name: 'Tiếp nhận hồ sơ', opensOn: '2026-03-01', closesOn: '2026-06-30' }] },
  })
  editions!: Record<number, EditionPhase[]>;
  @ApiProperty({
    type: 'object',
    description: 'Các lĩnh vực: mã lĩnh vực -> lĩnh vực',
    additionalProperties: { $ref: getSchemaPath(FieldAddedData) },
    example: { khcn: { campaignId: 'ha-nam-doan-ket-sang-tao', fieldCode: 'khcn', name: 'Khoa học - Công nghệ' } },
  })
  fields!: Record<string, FieldAddedData>;
  @ApiProperty({ type: [ReceivingAgencyAssignedData], description: 'Cơ quan tiếp nhận hiện hành theo lĩnh vực, cấp và địa bàn' })
  agencies!: ReceivingAgencyAssignedData[];
  @ApiProperty({ type: [SubmissionDeadlineSetData], description: 'Hạn nộp hiện hành theo năm, cấp và địa bàn' })
  deadlines!: SubmissionDeadlineSetData[];
  @ApiPropertyOptional({
    type: AppealRulesSetData,
    description: 'Quy định kiến nghị, khiếu nại kết quả thẩm định (không có: chưa quy định)',
  })
  appealRules?: AppealRulesSetData;
  @ApiProperty({ description: 'Thời điểm thay đổi gần nhất', example: '2026-03-01T02:00:00.000Z' }) updatedAt!: string;
}

@ApiSchema({ description: 'Một dòng của danh sách hồ sơ' })
export class DossierListItemResponse {
  @ApiProperty() dossierId!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty() year!: number;
  @ApiProperty() fieldCode!: string;
  @ApiProperty({ enum: DOSSIER_TYPES, description: 'Loại hồ sơ (mã máy)' }) type!: string;
  @ApiProperty({ description: 'Loại hồ sơ (tiếng Việt)', example: 'Sáng kiến' }) typeLabel!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: APPLICANT_KINDS }) applicantKind!: string;
  @ApiProperty({ type: [String], description: 'Họ tên các tác giả', example: ['Nguyễn Văn Đức', 'Trần Thị Bình'] }) authors!: string[];
  @ApiProperty({ type: [String], description: 'Mã định danh của các tác giả (khi biết)', example: ['p-nguyen-van-duc'] })
  authorPersonIds!: string[];
  @ApiProperty() nominatingUnitId!: string;
  @ApiProperty({ type: [String] }) nominatingUnitPath!: string[];
  @ApiProperty({ enum: DOSSIER_STATUSES, description: 'Trạng thái (mã máy)' }) status!: string;
  @ApiProperty({ description: 'Trạng thái (tiếng Việt)', example: 'Đã tiếp nhận' }) statusLabel!: string;
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS, nullable: true, description: 'Cấp hồ sơ đang ở' }) level!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Địa bàn hồ sơ đang ở' }) jurisdictionUnitId!: string | null;
  @ApiProperty({ type: String, nullable: true }) receivingAgencyUnitId!: string | null;
  @ApiProperty({
    type: [String],
    description: 'Các cấp và địa bàn hồ sơ đã tới, dạng cấp:mã địa bàn',
    example: ['district:vn-ha-nam-phu-ly', 'province:vn-ha-nam'],
  })
  reached!: string[];
  @ApiPropertyOptional({ type: [String], description: 'Mã băm SHA-256 của các tệp đính kèm', example: [] }) attachmentHashes?: string[];
  @ApiProperty({ type: String, nullable: true, description: 'Lý do gần nhất (trả lại, rút...)', example: null }) lastReason!: string | null;
  @ApiProperty({ description: 'Chuỗi tìm kiếm (không dấu)', example: 'sang kien so hoa ho so nguyen van duc' }) searchText!: string;
  @ApiProperty({ description: 'Thời điểm thay đổi gần nhất', example: '2026-04-10T02:00:00.000Z' }) updatedAt!: string;
}

@ApiSchema({ description: 'Thông tin hồ sơ hiện hành' })
export class DossierFactsResponse {
  @ApiProperty() dossierId!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty() year!: number;
  @ApiProperty() fieldCode!: string;
  @ApiProperty({ enum: DOSSIER_TYPES }) type!: string;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ enum: APPLICANT_KINDS }) applicantKind!: string;
  @ApiProperty({ type: [DossierAuthor] }) authors!: DossierAuthor[];
  @ApiProperty({ type: [DossierOwner] }) owners!: DossierOwner[];
  @ApiProperty({ type: [AttachmentMeta] }) attachments!: AttachmentMeta[];
  @ApiProperty() nominatingUnitId!: string;
  @ApiProperty({ type: [String] }) nominatingUnitPath!: string[];
}

@ApiSchema({ description: 'Một dòng lịch sử quyết định của hồ sơ' })
export class HistoryEntryResponse {
  @ApiProperty({ description: 'Số thứ tự sự kiện trong luồng', example: 1 }) version!: number;
  @ApiProperty({ description: 'Loại sự kiện', example: 'submissions.DossierReceived' }) type!: string;
  @ApiProperty({ description: 'Thời điểm quyết định', example: '2026-04-10T02:00:00.000Z' }) at!: string;
  @ApiProperty({ description: 'Người thực hiện', example: 'u-nguyen-van-a' }) actorId!: string;
  @ApiPropertyOptional({ description: 'Họ tên người thực hiện', example: 'Nguyễn Văn A' }) actorName?: string;
  @ApiProperty({ description: 'Vai trò người thực hiện', example: 'agency-officer' }) role!: string;
  @ApiProperty({ description: 'Đơn vị người thực hiện' }) unitId!: string;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional({ enum: ADMINISTRATIVE_LEVELS }) level?: string;
  @ApiPropertyOptional() jurisdictionUnitId?: string;
}

@ApiSchema({ description: 'Hồ sơ: dòng danh sách, thông tin hồ sơ, phiên bản và lịch sử' })
export class DossierDetailResponse extends DossierListItemResponse {
  @ApiProperty({ type: DossierFactsResponse, nullable: true }) dossier!: DossierFactsResponse | null;
  @ApiProperty({ description: 'Phiên bản luồng sự kiện của hồ sơ (số sự kiện)', example: 4 }) version!: number;
  @ApiProperty({ type: [HistoryEntryResponse], description: 'Lịch sử quyết định' }) history!: HistoryEntryResponse[];
}

@ApiSchema({ description: 'Nơi nộp/đơn vị đề cử ban đầu của hồ sơ' })
export class DossierOriginResponse {
  @ApiProperty() nominatingUnitId!: string;
  @ApiProperty({ type: [String] }) nominatingUnitPath!: string[];
}

@ApiSchema({ description: 'Hồ sơ đã tới một cấp và địa bàn' })
export class ReachedDossierResponse {
  @ApiProperty() dossierId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: DOSSIER_STATUSES }) status!: string;
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS, nullable: true, description: 'Cấp hồ sơ đang ở' }) currentLevel!: string | null;
  @ApiProperty({
    type: [String],
    description: 'Các cấp đã tới, từ cấp được hỏi xuống cấp nộp đầu tiên',
    example: ['province:vn-ha-nam', 'district:vn-ha-nam-phu-ly'],
  })
  reachedTopDown!: string[];
  @ApiProperty({ type: DossierOriginResponse }) origin!: DossierOriginResponse;
}

@ApiSchema({ description: 'Người chuyển hồ sơ lên' })
export class ForwardedByResponse {
  @ApiProperty({ description: 'Người thực hiện', example: 'u-nguyen-van-a' }) actorId!: string;
  @ApiProperty({ description: 'Vai trò', example: 'agency-officer' }) role!: string;
  @ApiProperty() unitId!: string;
}

@ApiSchema({ description: 'Một cấp hồ sơ đã tới và việc cấp đó đã làm' })
export class LineageStepResponse {
  @ApiProperty({ enum: [...ADMINISTRATIVE_LEVELS, 'origin'], description: 'Cấp (origin: đơn vị đề cử)' }) level!: string;
  @ApiPropertyOptional() jurisdictionUnitId?: string;
  @ApiPropertyOptional({ type: [String] }) jurisdictionUnitPath?: string[];
  @ApiPropertyOptional({ enum: ['submission', 'forwarding'], description: 'Tới bằng nộp trực tiếp hay được chuyển lên' })
  arrivedBy?: string;
  @ApiPropertyOptional({ description: 'Thời điểm tới', example: '2026-04-05T09:00:00.000Z' }) arrivedAt?: string;
  @ApiPropertyOptional() receivedAt?: string;
  @ApiPropertyOptional({ description: 'Cơ quan đã tiếp nhận', example: 'vn-ha-nam-so-khcn' }) receivedBy?: string;
  @ApiPropertyOptional() returnedAt?: string;
  @ApiPropertyOptional() forwardedAt?: string;
  @ApiPropertyOptional({ type: ForwardedByResponse }) forwardedBy?: ForwardedByResponse;
  @ApiPropertyOptional({ enum: FORWARDING_BASES }) basis?: string;
  @ApiPropertyOptional() decisionRef?: string;
  @ApiPropertyOptional({ description: 'Đơn vị đề cử (chỉ ở dòng origin)' }) nominatingUnitId?: string;
  @ApiPropertyOptional({ type: [String], description: 'Đường dẫn đơn vị đề cử (chỉ ở dòng origin)' }) nominatingUnitPath?: string[];
  @ApiPropertyOptional({ type: () => [LineageAppealResponse], description: 'Kiến nghị về kết quả của Hội đồng ở cấp này' })
  appeals?: LineageAppealResponse[];
}

@ApiSchema({ description: 'Kiến nghị về kết quả thẩm định của Hội đồng ở một cấp' })
export class LineageAppealResponse {
  @ApiProperty({ example: 'kn-1' }) appealId!: string;
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS }) level!: string;
  @ApiProperty({ description: 'Hội đồng có kết quả bị kiến nghị' }) councilId!: string;
  @ApiProperty({ enum: ['author', 'nominating-unit'], description: 'author: tác giả; nominating-unit: đơn vị đề cử' })
  appellantKind!: string;
  @ApiProperty() filedAt!: string;
  @ApiProperty({ description: 'Nội dung kiến nghị' }) grounds!: string;
  @ApiProperty({ example: 'Khá' }) contestedGradeLabel!: string;
  @ApiProperty({ example: 7.5 }) contestedScore!: number;
  @ApiPropertyOptional({ enum: ['upheld', 'rejected'] }) outcome?: string;
  @ApiPropertyOptional({ example: 'Chấp nhận kiến nghị' }) outcomeLabel?: string;
  @ApiPropertyOptional({ description: 'Lý do giải quyết' }) reasons?: string;
  @ApiPropertyOptional() decidedAt?: string;
  @ApiPropertyOptional({ description: 'Đã mở lại việc chấm điểm' }) reopenedScoring?: boolean;
}

@ApiSchema({ description: 'Đường đi của hồ sơ qua các cấp: từ dưới lên và từ trên xuống' })
export class DossierLineageResponse {
  @ApiProperty() dossierId!: string;
  @ApiProperty({ type: DossierOriginResponse }) origin!: DossierOriginResponse;
  @ApiProperty({ type: [LineageStepResponse], description: 'Từ cấp nộp đầu tiên lên cấp cao nhất đã tới' }) up!: LineageStepResponse[];
  @ApiProperty({ type: [LineageStepResponse], description: 'Từ cấp cao nhất xuống đơn vị đề cử (dòng cuối level = origin)' })
  down!: LineageStepResponse[];
}

@ApiSchema({ description: 'Một hồ sơ đã nhập từ tệp: dòng trong tệp và mã hồ sơ được tạo' })
export class ImportedDossierResponse {
  @ApiProperty({ example: 2, description: 'Dòng trong tệp (dòng tiêu đề là 1)' }) row!: number;
  @ApiProperty({ example: 'hs-3f1c0d52-1b7e-5a2f-9c1e-0a4b6c8d2e10' }) dossierId!: string;
  @ApiProperty({ example: 'Phần mềm quản lý đê điều' }) title!: string;
}

@ApiSchema({ description: 'Kết quả nhập danh sách hồ sơ (tất cả các dòng đã được ghi thành bản nháp)' })
export class DossierImportResponse {
  @ApiProperty() campaignId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ description: 'Số hồ sơ đã nhập' }) imported!: number;
  @ApiProperty({ description: 'Tệp này đã được nhập trước đó: không hồ sơ nào được tạo thêm' }) alreadyImported!: boolean;
  @ApiProperty({ type: [ImportedDossierResponse] }) dossiers!: ImportedDossierResponse[];
}
