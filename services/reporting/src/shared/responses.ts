import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import {
  ADMINISTRATIVE_LEVELS,
  AwardDecidedData,
  AwardIssuedData,
  CaseFinalisedData,
  ConflictDeclaredData,
  ConflictDetectedData,
  DossierRecommendedUpwardData,
  EvaluationCaseOpenedData,
  HonourProposedData,
  MemberRecusedData,
  RankingPublishedData,
  ReportFigures,
  ReportingPeriodOpenedData,
  ReportsAggregatedData,
  ReportSubmittedData,
  ROLES,
  ScoreSubmittedData,
} from '@cem/contracts';
import { LogPositionResponse } from '@cem/service-kit';

/** What the reporting endpoints answer, for the OpenAPI document (descriptions of common fields: FIELD_DOCS). */

@ApiSchema({ description: 'Kỳ báo cáo' })
export class PeriodResponse extends ReportingPeriodOpenedData {}

@ApiSchema({ description: 'Báo cáo đã gửi của một đơn vị' })
export class SubmittedReportResponse extends ReportSubmittedData {}

@ApiSchema({ description: 'Kết quả tổng hợp báo cáo của cấp dưới' })
export class AggregationResponse extends ReportsAggregatedData {}

@ApiSchema({ description: 'Tổng hợp trong báo cáo: số liệu cộng dồn và các đơn vị còn thiếu' })
export class ReportAggregationSummaryResponse {
  @ApiProperty({ type: [String] }) childReportIds!: string[];
  @ApiProperty({ type: ReportFigures }) totals!: ReportFigures;
  @ApiProperty({ type: [String] }) missingChildUnitIds!: string[];
  @ApiProperty() aggregatedAt!: string;
}

@ApiSchema({ description: 'Báo cáo của một đơn vị trong kỳ' })
export class ReportResponse {
  @ApiProperty() periodId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ type: [String] }) unitPath!: string[];
  @ApiPropertyOptional({ description: 'Đơn vị nhận báo cáo (cơ quan thường trực tổng hợp)', example: 'vn-ha-nam' }) parentUnitId?: string;
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS }) level!: string;
  @ApiProperty({ description: 'Đã gửi báo cáo', example: true }) submitted!: boolean;
  @ApiPropertyOptional({ type: ReportFigures }) figures?: ReportFigures;
  @ApiPropertyOptional() narrative?: string;
  @ApiPropertyOptional() submittedAt?: string;
  @ApiPropertyOptional() dueBy?: string;
  @ApiPropertyOptional() late?: boolean;
  @ApiPropertyOptional() aggregated?: boolean;
  @ApiProperty({ description: 'Số lần sửa báo cáo', example: 0 }) amendments!: number;
  @ApiPropertyOptional({ type: ReportAggregationSummaryResponse, description: 'Phần tổng hợp (báo cáo của cơ quan thường trực)' })
  aggregation?: ReportAggregationSummaryResponse;
}

@ApiSchema({ description: 'Đơn vị chưa gửi báo cáo đã quá hạn' })
export class MissingReportResponse {
  @ApiProperty() unitId!: string;
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS }) level!: string;
  @ApiProperty() dueBy!: string;
}

@ApiSchema({ description: 'Đơn vị đã gửi báo cáo sau hạn' })
export class LateReportResponse extends MissingReportResponse {
  @ApiProperty() reportId!: string;
  @ApiProperty() submittedAt!: string;
}

@ApiSchema({ description: 'Đơn vị chưa gửi báo cáo, còn trong hạn' })
export class PendingReportResponse {
  @ApiProperty() unitId!: string;
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS }) level!: string;
  @ApiPropertyOptional() dueBy?: string;
}

@ApiSchema({ description: 'Báo cáo đã nhận của một đơn vị cấp dưới' })
export class ReportedResponse {
  @ApiProperty() unitId!: string;
  @ApiProperty() reportId!: string;
  @ApiProperty() submittedAt!: string;
}

@ApiSchema({ description: 'Đôn đốc: đơn vị cấp dưới chưa gửi (quá hạn), gửi muộn, còn trong hạn, và đã gửi' })
export class PeriodStatusResponse {
  @ApiProperty() periodId!: string;
  @ApiProperty({ description: 'Đơn vị tổng hợp', example: 'vn-ha-nam' }) unitId!: string;
  @ApiProperty({ type: [MissingReportResponse], description: 'Chưa gửi, đã quá hạn' }) missing!: MissingReportResponse[];
  @ApiProperty({ type: [LateReportResponse], description: 'Gửi sau hạn' }) late!: LateReportResponse[];
  @ApiProperty({ type: [PendingReportResponse], description: 'Chưa gửi, còn trong hạn' }) pending!: PendingReportResponse[];
  @ApiProperty({ type: [ReportedResponse], description: 'Đã gửi' }) reported!: ReportedResponse[];
}

@ApiSchema({ description: 'Số hồ sơ được nghiệm thu theo xếp loại' })
export class GradeCountsResponse {
  @ApiProperty({ description: 'Xuất sắc', example: 1 }) 'xuat-sac'!: number;
  @ApiProperty({ description: 'Tốt', example: 2 }) tot!: number;
  @ApiProperty({ description: 'Khá', example: 3 }) kha!: number;
  @ApiProperty({ description: 'Đạt', example: 1 }) dat!: number;
}

@ApiSchema({ description: 'Một dòng thống kê: năm, cấp, đơn vị, lĩnh vực' })
export class StatisticsRowResponse {
  @ApiProperty({ description: 'Khóa của dòng (năm|cấp|đơn vị|lĩnh vực)', example: '2026|province|vn-ha-nam|khcn' }) key!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS }) level!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ description: 'Mã lĩnh vực (trống với khen thưởng đơn vị)', example: 'khcn' }) fieldCode!: string;
  @ApiProperty({ description: 'Số hồ sơ đã nộp', example: 12 }) dossiersSubmitted!: number;
  @ApiProperty({ description: 'Số hồ sơ đã tiếp nhận', example: 10 }) dossiersReceived!: number;
  @ApiProperty({ description: 'Số hồ sơ được nghiệm thu', example: 7 }) accepted!: number;
  @ApiProperty({ type: GradeCountsResponse, description: 'Số hồ sơ theo xếp loại' }) byGrade!: GradeCountsResponse;
  @ApiProperty({ description: 'Số giải thưởng', example: 3 }) awards!: number;
}

@ApiSchema({ description: 'Một kết quả tìm kiếm của kiểm tra viên: hồ sơ, đề nghị khen thưởng hoặc quyết định khen thưởng' })
export class AuditSearchResultResponse {
  @ApiProperty({ enum: ['dossier', 'proposal', 'award'], description: 'Loại' }) kind!: string;
  @ApiProperty({ description: 'Loại (tiếng Việt)', example: 'Quyết định khen thưởng' }) kindLabel!: string;
  @ApiProperty({ description: 'Mã hồ sơ, hoặc mã đề nghị (với đề nghị và quyết định khen thưởng)', example: 'dn-2026-0001' })
  subjectId!: string;
  @ApiPropertyOptional() dossierId?: string;
  @ApiPropertyOptional() proposalId?: string;
  @ApiProperty({ description: 'Tên công trình, giải pháp, sáng kiến' }) title!: string;
  @ApiProperty({ type: [String], description: 'Tác giả, chủ sở hữu, người được khen thưởng (hiện tại)' }) people!: string[];
  @ApiPropertyOptional({
    type: [String],
    description: 'Trước đây: tác giả, chủ sở hữu, người được khen thưởng mà lần bổ sung, trình lại đã bỏ (vẫn tìm được)',
  })
  formerPeople?: string[];
  @ApiPropertyOptional({ example: 2026 }) year?: number;
  @ApiPropertyOptional({ enum: ADMINISTRATIVE_LEVELS }) level?: string;
  @ApiPropertyOptional({ description: 'Quyết định (số, ngày, người ký, hình thức) hoặc hình thức đề nghị' }) detail?: string;
  @ApiPropertyOptional({ description: 'Đã thu hồi' }) revoked?: boolean;
  @ApiProperty({ description: 'Thời điểm ghi nhận', example: '2026-10-01T02:00:00.000Z' }) occurredAt!: string;
}

@ApiSchema({ description: 'Sự kiện gây ra một quyết định (quan hệ nhân quả)' })
export class CauseRowResponse {
  @ApiProperty() eventId!: string;
  @ApiProperty({ description: 'Thời điểm', example: '2026-04-10T02:00:00.000Z' }) when!: string;
  @ApiProperty({ description: 'Phân hệ ghi sự kiện', example: 'submissions' }) context!: string;
  @ApiProperty({ description: 'Loại sự kiện', example: 'submissions.DossierReceived' }) type!: string;
  @ApiProperty({ description: 'Nội dung (tiếng Việt)', example: 'Tiếp nhận hồ sơ ở cấp tỉnh' }) what!: string;
}

@ApiSchema({ description: 'Một dòng lịch sử quyết định (kiểm tra, giám sát)' })
export class HistoryRowResponse {
  @ApiProperty() eventId!: string;
  @ApiProperty({ description: 'Thời điểm quyết định', example: '2026-04-10T02:00:00.000Z' }) when!: string;
  @ApiProperty({ description: 'Người thực hiện (họ tên hoặc mã)', example: 'Nguyễn Văn A' }) who!: string;
  @ApiProperty({ description: 'Mã người thực hiện', example: 'u-nguyen-van-a' }) actorId!: string;
  @ApiProperty({ enum: [...ROLES, 'system'], description: 'Vai trò' }) role!: string;
  @ApiPropertyOptional({
    description: 'Đơn vị người thực hiện (hoặc địa bàn thay mặt); không có với Hệ thống (tự động)',
    example: 'vn-ha-nam-so-khcn',
  })
  unit?: string;
  @ApiPropertyOptional({ description: 'Khi thay mặt theo ủy quyền: đơn vị của chính người đó', example: 'vn-ha-nam-so-noi-vu' })
  ownUnit?: string;
  @ApiPropertyOptional({ description: 'Khi thay mặt theo ủy quyền: quyết định ủy quyền', example: '15/QĐ-UBND' }) mandateDecision?: string;
  @ApiPropertyOptional({
    enum: ADMINISTRATIVE_LEVELS,
    description: 'Cấp của đơn vị đó (không phải cấp mà quyết định hướng tới); không có với Hệ thống (tự động)',
  })
  level?: string;
  @ApiProperty({ description: 'Phân hệ ghi quyết định', example: 'councils' }) context!: string;
  @ApiProperty({ description: 'Loại sự kiện', example: 'councils.CaseFinalised' }) type!: string;
  @ApiProperty({ description: 'Nội dung quyết định (tiếng Việt)', example: 'Hội đồng nghiệm thu, xếp loại Xuất sắc' }) what!: string;
  @ApiPropertyOptional({ description: 'Lý do', example: 'Thiếu bản mô tả giải pháp' }) why?: string;
  @ApiPropertyOptional({ description: 'Mã sự kiện gây ra quyết định này (phản ứng tự động ghi lại)' }) causationId?: string;
  @ApiPropertyOptional({ type: CauseRowResponse, description: 'Sự kiện gây ra quyết định này, nếu có trong kho lưu trữ' })
  causedBy?: CauseRowResponse;
}

@ApiSchema({ description: 'Lịch sử quyết định của một hồ sơ qua mọi phân hệ' })
export class DossierHistoryResponse {
  @ApiProperty() dossierId!: string;
  @ApiProperty({ type: [HistoryRowResponse] }) history!: HistoryRowResponse[];
}

@ApiSchema({ description: 'Lịch sử quyết định của một đề nghị khen thưởng' })
export class ProposalHistoryResponse {
  @ApiProperty() proposalId!: string;
  @ApiProperty({ type: [HistoryRowResponse] }) history!: HistoryRowResponse[];
}

@ApiSchema({ description: 'Một sự kiện đúng như đã băm: dữ liệu và siêu dữ liệu dạng văn bản JSON đã lưu, để kiểm tra lại ngoại tuyến' })
export class ExportedChainRowResponse {
  @ApiProperty() eventId!: string;
  @ApiProperty() streamId!: string;
  @ApiProperty({ description: 'Số thứ tự trong luồng', example: 1 }) streamVersion!: number;
  @ApiProperty({ description: 'Loại sự kiện', example: 'submissions.DossierDrafted' }) type!: string;
  @ApiProperty({ description: 'Phiên bản lược đồ', example: 1 }) schemaVersion!: number;
  @ApiProperty({ description: 'Dữ liệu sự kiện, văn bản JSON đúng như đã lưu', example: '{"dossierId":"hs-2026-0001"}' }) dataText!: string;
  @ApiProperty({ description: 'Siêu dữ liệu, văn bản JSON đúng như đã lưu', example: '{"source":"submissions"}' }) metadataText!: string;
  @ApiProperty({ description: 'Mã băm của sự kiện trước trong luồng (rỗng với sự kiện đầu)', example: '' }) prevHash!: string;
  @ApiProperty({ description: 'Mã băm SHA-256 của sự kiện', example: 'b1946ac92492d2347c6235b4d2611184b1946ac92492d2347c6235b4d2611184' })
  hash!: string;
}

@ApiSchema({ description: 'Một dòng lịch sử kèm mắt xích băm của nó' })
export class ExportedHistoryRowResponse extends HistoryRowResponse {
  @ApiProperty() streamId!: string;
  @ApiProperty({ description: 'Số thứ tự trong luồng', example: 1 }) streamVersion!: number;
  @ApiProperty({ description: 'Mã băm SHA-256 của sự kiện', example: 'b1946ac92492d2347c6235b4d2611184b1946ac92492d2347c6235b4d2611184' })
  hash!: string;
  @ApiProperty({ description: 'Mã băm của sự kiện trước trong luồng', example: '' }) prevHash!: string;
  @ApiProperty({ description: 'Dữ liệu sự kiện, văn bản JSON đúng như đã lưu', example: '{"dossierId":"hs-2026-0001"}' }) dataText!: string;
  @ApiProperty({ description: 'Siêu dữ liệu, văn bản JSON đúng như đã lưu', example: '{"source":"submissions"}' }) metadataText!: string;
}

@ApiSchema({ description: 'Đối tượng được xuất' })
export class AuditSubjectResponse {
  @ApiPropertyOptional() dossierId?: string;
  @ApiPropertyOptional() proposalId?: string;
}

@ApiSchema({ description: 'Bản xuất nhật ký kiểm tra kèm chuỗi băm, kiểm tra lại được ngoại tuyến' })
@ApiExtraModels(AuditSubjectResponse)
export class AuditExportResponse {
  @ApiProperty({
    description: 'Đối tượng được xuất: "all" (toàn bộ nhật ký), { dossierId } hoặc { proposalId }',
    oneOf: [{ type: 'string', enum: ['all'] }, { $ref: getSchemaPath(AuditSubjectResponse) }],
    example: { dossierId: 'hs-2026-0001' },
  })
  subject!: 'all' | AuditSubjectResponse;
  @ApiProperty({ description: 'Thời điểm xuất', example: '2026-12-01T02:00:00.000Z' }) exportedAt!: string;
  @ApiProperty({ type: [ExportedHistoryRowResponse] }) history!: ExportedHistoryRowResponse[];
  @ApiProperty({ type: [ExportedChainRowResponse], description: 'Mọi sự kiện của mọi luồng liên quan, từ phiên bản 1' })
  chain!: ExportedChainRowResponse[];
}

@ApiSchema({ description: 'Mắt xích băm bị đứt đầu tiên' })
export class ChainBreakResponse {
  @ApiProperty() streamId!: string;
  @ApiProperty({ description: 'Số thứ tự trong luồng', example: 3 }) streamVersion!: number;
  @ApiProperty() eventId!: string;
  @ApiProperty({ type: LogPositionResponse, description: 'Vị trí trong nhật ký' }) position!: LogPositionResponse;
  @ApiProperty({ description: 'Mã băm tính lại', example: 'b1946ac92492d2347c6235b4d2611184b1946ac92492d2347c6235b4d2611184' })
  expectedHash!: string;
  @ApiProperty({ description: 'Mã băm đã lưu', example: '0000000000000000000000000000000000000000000000000000000000000000' })
  storedHash!: string;
}

@ApiSchema({ description: 'Một kho sự kiện có mốc neo đã công bố' })
export class AnchoredStoreResponse {
  @ApiProperty({ description: 'Kho sự kiện (schema)', example: 'submissions' }) store!: string;
  @ApiProperty({ description: 'Số mốc neo đã kiểm tra', example: 12 }) anchors!: number;
  @ApiProperty({ description: 'Thời điểm của mốc neo mới nhất', example: '2026-12-02T04:00:00.000Z' }) latestAnchoredAt!: string;
  @ApiProperty({ description: 'Số luồng mà kho lưu trữ chưa nhận đủ bản sao tới mốc neo mới nhất (đang theo Kafka)', example: 0 })
  pendingStreams!: number;
}

@ApiSchema({ description: 'Một dấu hiệu can thiệp dữ liệu' })
export class ArchiveFindingResponse {
  @ApiProperty({ description: 'Kho sự kiện có mốc neo phát hiện', example: 'reporting' }) store!: string;
  @ApiProperty({
    enum: ['truncated-stream', 'removed-stream', 'removed-event', 're-hashed-edit', 'edited-event', 'bad-signature'],
    description: 'Loại (mã máy): luồng bị cắt cụt, luồng bị xóa, sự kiện bị xóa, sửa và tính lại mã băm, sửa, chữ ký sai',
  })
  kind!: string;
  @ApiPropertyOptional({ example: 'dossier-hs-2026-0001' }) streamId?: string;
  @ApiPropertyOptional({ description: 'Phiên bản trong luồng', example: 3 }) version?: number;
  @ApiPropertyOptional() eventId?: string;
  @ApiProperty({
    description: 'Mô tả (tiếng Việt)',
    example: 'reporting: Dòng sự kiện dossier-hs-1 bị cắt cụt: còn đến phiên bản 2, mốc neo ghi nhận 3',
  })
  text!: string;
}

@ApiSchema({
  description:
    'Kết quả kiểm tra kho lưu trữ của dịch vụ báo cáo: chuỗi băm, và đối chiếu với mọi mốc neo đã ký công bố (của chính kho lưu trữ và của các kho khác qua bản sao sự kiện)',
})
export class ChainVerificationResponse {
  @ApiProperty({ description: 'Không phát hiện dấu hiệu can thiệp', example: true }) ok!: boolean;
  @ApiProperty({ description: 'Số sự kiện đã kiểm tra', example: 1042 }) eventsChecked!: number;
  @ApiPropertyOptional({ type: ChainBreakResponse, description: 'Mắt xích bị đứt đầu tiên (nếu có)' }) firstBreak?: ChainBreakResponse;
  @ApiProperty({ description: 'Số mốc neo đã kiểm tra', example: 36 }) anchorsChecked!: number;
  @ApiProperty({ type: [AnchoredStoreResponse], description: 'Các kho có mốc neo' }) stores!: AnchoredStoreResponse[];
  @ApiProperty({ type: [ArchiveFindingResponse], description: 'Các dấu hiệu can thiệp phát hiện được' })
  findings!: ArchiveFindingResponse[];
  @ApiPropertyOptional({ description: 'Vì sao không kiểm tra mốc neo (nếu không)', example: 'Không đọc được các mốc neo đã công bố' })
  note?: string;
}

@ApiSchema({ description: 'Một cấp hồ sơ đã tới (trạng thái hồ sơ)' })
export class AuditLineageEntryResponse {
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS }) level!: string;
  @ApiProperty() jurisdictionUnitId!: string;
  @ApiProperty({ type: [String] }) jurisdictionUnitPath!: string[];
  @ApiProperty({ description: 'Thời điểm nộp hoặc được chuyển tới', example: '2026-04-05T09:00:00.000Z' }) submittedOrForwardedAt!: string;
  @ApiPropertyOptional() receivedAt?: string;
  @ApiPropertyOptional({ description: 'Cơ quan đã tiếp nhận', example: 'vn-ha-nam-so-khcn' }) receivedBy?: string;
  @ApiPropertyOptional() forwardedAt?: string;
  @ApiPropertyOptional() decisionRef?: string;
}

@ApiSchema({ description: 'Trạng thái hồ sơ (phân hệ submissions) tại thời điểm được xem' })
export class AuditDossierStateResponse {
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'Thông tin hồ sơ (lược đồ DossierDrafted, không có draftedAt)',
    example: { dossierId: 'hs-2026-0001', title: 'Giải pháp số hóa hồ sơ một cửa cấp xã' },
  })
  dossier!: Record<string, unknown> | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['draft', 'submitted', 'received', 'returned', 'withdrawn', 'forwarded'],
    description: 'Trạng thái (mã máy)',
  })
  status!: string | null;
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS, nullable: true, description: 'Cấp hồ sơ đang ở' }) currentLevel!: string | null;
  @ApiProperty({ type: [AuditLineageEntryResponse], description: 'Các cấp đã tới, từ dưới lên' }) lineage!: AuditLineageEntryResponse[];
}

@ApiSchema({ description: 'Hồ sơ thẩm định (phân hệ councils) tại thời điểm được xem' })
@ApiExtraModels(ScoreSubmittedData)
export class AuditEvaluationCaseResponse extends EvaluationCaseOpenedData {
  @ApiProperty({ enum: ['open', 'finalised'], description: 'Trạng thái (mã máy)' }) status!: string;
  @ApiProperty({ type: [String], description: 'Các thành viên được phân công' }) assigned!: string[];
  @ApiProperty({ type: [ConflictDetectedData], description: 'Xung đột lợi ích phát hiện tự động' }) conflicts!: ConflictDetectedData[];
  @ApiProperty({ type: [ConflictDeclaredData], description: 'Xung đột lợi ích được khai báo' }) declarations!: ConflictDeclaredData[];
  @ApiProperty({ type: [MemberRecusedData], description: 'Thành viên không được chấm' }) recusals!: MemberRecusedData[];
  @ApiProperty({
    type: 'object',
    description: 'Mọi phiếu chấm theo thành viên, cũ nhất trước (chấm lại không xóa phiếu cũ)',
    additionalProperties: { type: 'array', items: { $ref: getSchemaPath(ScoreSubmittedData) } },
    example: { 'tv-nguyen-van-a': [] },
  })
  scoreHistory!: Record<string, ScoreSubmittedData[]>;
  @ApiPropertyOptional({ type: CaseFinalisedData, description: 'Kết quả nghiệm thu, xếp loại' }) finalised?: CaseFinalisedData;
  @ApiPropertyOptional({ type: DossierRecommendedUpwardData, description: 'Kiến nghị chuyển lên cấp trên' })
  recommendedUpward?: DossierRecommendedUpwardData;
  @ApiPropertyOptional({ type: HonourProposedData, description: 'Đề nghị tôn vinh' }) honourProposed?: HonourProposedData;
}

@ApiSchema({ description: 'Đề nghị khen thưởng (phân hệ recognition) tại thời điểm được xem' })
export class AuditProposalStateResponse {
  @ApiProperty({ enum: ['received', 'sent-back', 'verified', 'decided', 'issued', 'revoked'], description: 'Trạng thái (mã máy)' })
  status!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Nội dung đề nghị (lược đồ ProposalReceived/CommendationProposed, kèm origin)',
    example: { proposalId: 'dn-hs-2026-0001', origin: 'council', title: 'Giải pháp số hóa hồ sơ một cửa cấp xã' },
  })
  proposal!: Record<string, unknown>;
  @ApiPropertyOptional({ type: AwardDecidedData, description: 'Quyết định khen thưởng' }) decision?: AwardDecidedData;
  @ApiPropertyOptional({ type: AwardIssuedData, description: 'Trao giải' }) issued?: AwardIssuedData;
}

@ApiSchema({ description: 'Một đề nghị khen thưởng (và quyết định khen thưởng trên nó) tại một thời điểm (dựng lại từ nhật ký)' })
export class ProposalStateAsOfResponse {
  @ApiProperty() proposalId!: string;
  @ApiProperty() asOf!: string;
  @ApiPropertyOptional({ type: AuditProposalStateResponse, description: 'Đề nghị tại thời điểm đó; không có khi đề nghị chưa được lập' })
  proposal?: AuditProposalStateResponse;
  @ApiProperty({ description: 'Đã có quyết định khen thưởng còn hiệu lực', example: false }) awarded!: boolean;
}

@ApiSchema({ description: 'Trạng thái của một hồ sơ trên mọi phân hệ tại một thời điểm (dựng lại từ nhật ký)' })
export class DossierStateAsOfResponse {
  @ApiProperty() dossierId!: string;
  @ApiProperty() asOf!: string;
  @ApiProperty({ type: AuditDossierStateResponse }) dossier!: AuditDossierStateResponse;
  @ApiProperty({ type: [AuditEvaluationCaseResponse], description: 'Các hồ sơ thẩm định' }) evaluationCases!: AuditEvaluationCaseResponse[];
  @ApiProperty({ type: [RankingPublishedData], description: 'Các bảng xếp hạng có hồ sơ (chỉ dòng của hồ sơ)' })
  rankings!: RankingPublishedData[];
  @ApiProperty({ type: [AuditProposalStateResponse], description: 'Các đề nghị khen thưởng' }) proposals!: AuditProposalStateResponse[];
  @ApiProperty({ description: 'Đã có quyết định khen thưởng còn hiệu lực', example: false }) awarded!: boolean;
}
