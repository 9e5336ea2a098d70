import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions, ApiSchema } from '@nestjs/swagger';
import {
  ADMINISTRATIVE_LEVELS,
  APPEAL_HANDLERS,
  APPEAL_OUTCOMES,
  APPELLANT_KINDS,
  ContestedResult,
  CASE_STATUSES,
  COUNCIL_GRADES,
  COUNCIL_MEMBER_ROLES,
  ROUTING_WAIT_REASONS,
  CouncilDecisionRef,
  CouncilRegulations,
  CriteriaSetPublishedData,
  RankingPublishedData,
  ScoreSubmittedData,
} from '@cem/contracts';
import { RecordedEventResponse } from '@cem/service-kit';

/** What the councils endpoints answer, for the OpenAPI document (descriptions of common fields: FIELD_DOCS). */

const EVENT_TYPES: ApiPropertyOptions = { type: [String], description: 'Các loại sự kiện đã ghi', example: ['councils.MemberAdded'] };

@ApiSchema({ description: 'Kết quả lệnh trên một Hội đồng' })
export class CouncilCommandResponse {
  @ApiProperty() councilId!: string;
  @ApiProperty(EVENT_TYPES) events!: string[];
}

@ApiSchema({ description: 'Kết quả lệnh trên một hồ sơ thẩm định, với các sự kiện đã ghi' })
export class CaseEventsResponse {
  @ApiProperty() caseId!: string;
  @ApiProperty({ type: [RecordedEventResponse], description: 'Các sự kiện đã ghi' }) events!: RecordedEventResponse[];
}

@ApiSchema({ description: 'Kết quả khai báo xung đột lợi ích' })
export class CaseEventTypesResponse {
  @ApiProperty() caseId!: string;
  @ApiProperty(EVENT_TYPES) events!: string[];
}

@ApiSchema({ description: 'Một nhiệm kỳ của thành viên trong Hội đồng: [from, until)' })
export class TenureResponse {
  @ApiProperty() memberId!: string;
  @ApiProperty() personName!: string;
  @ApiPropertyOptional() personId?: string;
  @ApiProperty() agencyUnitId!: string;
  @ApiProperty() agencyName!: string;
  @ApiProperty({ enum: COUNCIL_MEMBER_ROLES, description: 'Vai trò trong Hội đồng' }) role!: string;
  @ApiProperty({ description: 'Ngày bắt đầu tham gia', example: '2026-03-15' }) from!: string;
  @ApiPropertyOptional({ description: 'Ngày đầu tiên không còn tham gia; không có khi còn tham gia', example: '2026-06-01' })
  until?: string;
  @ApiPropertyOptional({ description: 'Lý do thôi tham gia', example: 'Chuyển công tác' }) endReason?: string;
}

@ApiSchema({ description: 'Một phiên bản quy chế làm việc và ngày có hiệu lực' })
export class RegulationsVersionResponse {
  @ApiProperty({ type: CouncilRegulations }) regulations!: CouncilRegulations;
  @ApiProperty() effectiveFrom!: string;
  @ApiPropertyOptional() reason?: string;
}

@ApiSchema({ description: 'Hội đồng với thành phần vào một ngày và toàn bộ lịch sử thành viên' })
export class CouncilCompositionResponse {
  @ApiProperty({ enum: ['established'], description: 'Trạng thái (mã máy)' }) status!: string;
  @ApiProperty() councilId!: string;
  @ApiProperty({ example: 'Hội đồng thẩm định sáng tạo tỉnh Hà Nam năm 2026' }) name!: string;
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS }) level!: string;
  @ApiProperty() jurisdictionUnitId!: string;
  @ApiProperty({ type: [String] }) jurisdictionUnitPath!: string[];
  @ApiProperty({ type: [String] }) fieldCodes!: string[];
  @ApiProperty({ type: CouncilDecisionRef }) decision!: CouncilDecisionRef;
  @ApiProperty({ type: CouncilRegulations, description: 'Quy chế làm việc hiện hành' }) regulations!: CouncilRegulations;
  @ApiProperty({ type: [RegulationsVersionResponse], description: 'Mọi phiên bản quy chế, cũ nhất trước' })
  regulationsHistory!: RegulationsVersionResponse[];
  @ApiProperty({ type: [TenureResponse], description: 'Mọi nhiệm kỳ của các thành viên' }) tenures!: TenureResponse[];
  @ApiProperty({ description: 'Ngày được xem', example: '2026-08-15' }) on!: string;
  @ApiProperty({ type: [TenureResponse], description: 'Thành viên tham gia Hội đồng vào ngày được xem' }) members!: TenureResponse[];
}

@ApiSchema({ description: 'Kết quả dự thảo bộ tiêu chí' })
export class CriteriaDraftResponse {
  @ApiProperty() criteriaSetId!: string;
  @ApiPropertyOptional({ description: 'Phiên bản dự thảo', example: 2 }) version?: number;
}

@ApiSchema({ description: 'Kết quả ban hành bộ tiêu chí' })
export class CriteriaPublishResponse {
  @ApiProperty() criteriaSetId!: string;
  @ApiProperty({ description: 'Phiên bản được ban hành', example: 2 }) version!: number;
  @ApiProperty({ description: 'Có ghi quyết định ban hành mới (false: phiên bản này đã được ban hành trước đó)', example: true })
  published!: boolean;
}

@ApiSchema({ description: 'Bộ tiêu chí: bản dự thảo đang chờ và phiên bản đang có hiệu lực' })
export class CriteriaSetResponse {
  @ApiProperty() criteriaSetId!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty() year!: number;
  @ApiProperty() fieldCode!: string;
  @ApiPropertyOptional({ description: 'Phiên bản dự thảo đang chờ ban hành', example: 3 }) draftVersion?: number;
  @ApiPropertyOptional({ type: CriteriaSetPublishedData, description: 'Phiên bản đang có hiệu lực' }) current?: CriteriaSetPublishedData;
  @ApiPropertyOptional({ description: 'Phiên bản đang có hiệu lực', example: 2 }) inForceVersion?: number;
  @ApiPropertyOptional() publishedAt?: string;
  @ApiProperty({ type: [Number], description: 'Các phiên bản đã ban hành', example: [1, 2] }) publishedVersions!: number[];
}

@ApiSchema({ description: 'Một hồ sơ trong danh sách việc của thành viên' })
export class WorkItemResponse {
  @ApiProperty() memberId!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() dossierId!: string;
  @ApiProperty() councilId!: string;
  @ApiProperty() fieldCode!: string;
  @ApiProperty() title!: string;
  @ApiProperty() assignedAt!: string;
  @ApiProperty({ enum: ['to-score', 'scored', 'recused'], description: 'Trạng thái: cần chấm, đã chấm, không được chấm' }) status!: string;
  @ApiPropertyOptional({ description: 'Tổng điểm của chính thành viên (không bao giờ có điểm của người khác)', example: 8.35 })
  ownTotal?: number;
  @ApiPropertyOptional({ description: 'Thời điểm chấm', example: '2026-09-10T02:00:00.000Z' }) scoredAt?: string;
  @ApiProperty({ description: 'Số lần chấm lại', example: 0 }) revisions!: number;
  @ApiPropertyOptional({ description: 'Lý do không được chấm', example: 'Là đồng tác giả' }) recusalReason?: string;
  @ApiProperty({ description: 'Hồ sơ đã được nghiệm thu', example: false }) caseFinalised!: boolean;
}

@ApiSchema({ description: 'Một xung đột lợi ích được phát hiện tự động' })
export class DetectedConflictResponse {
  @ApiProperty({ enum: ['author', 'owner', 'nominating-unit'], description: 'Loại xung đột' }) kind!: string;
  @ApiProperty({ description: 'Loại xung đột (tiếng Việt)', example: 'Là tác giả của hồ sơ' }) kindLabel!: string;
  @ApiProperty({ description: 'Điều trùng khớp: tên tác giả, chủ sở hữu hoặc mã đơn vị', example: 'Trần Văn Hùng' }) matched!: string;
  @ApiProperty({ description: 'Thời điểm phát hiện', example: '2026-09-10T02:00:00.000Z' }) detectedAt!: string;
}

@ApiSchema({ description: 'Xung đột lợi ích do thành viên tự khai' })
export class DeclaredConflictResponse {
  @ApiProperty({ description: 'Lý do', example: 'Là người hướng dẫn nhóm tác giả' }) reason!: string;
  @ApiProperty({ description: 'Thời điểm khai', example: '2026-09-10T02:00:00.000Z' }) declaredAt!: string;
}

@ApiSchema({ description: 'Xung đột lợi ích của một thành viên với một hồ sơ của Hội đồng' })
export class CouncilConflictResponse {
  @ApiProperty() councilId!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() dossierId!: string;
  @ApiProperty({ description: 'Tên hồ sơ' }) title!: string;
  @ApiProperty() memberId!: string;
  @ApiProperty({ description: 'Họ và tên thành viên', example: 'Lê Văn Khoa' }) personName!: string;
  @ApiProperty({ description: 'Thời điểm phân công' }) assignedAt!: string;
  @ApiProperty({ type: DetectedConflictResponse, isArray: true, description: 'Xung đột tự động phát hiện từ hồ sơ' })
  detected!: DetectedConflictResponse[];
  @ApiPropertyOptional({ type: DeclaredConflictResponse, description: 'Xung đột do thành viên tự khai' })
  declared?: DeclaredConflictResponse;
  @ApiProperty({ description: 'Không tham gia thẩm định hồ sơ này (do xung đột lợi ích)' }) recused!: boolean;
  @ApiPropertyOptional({ description: 'Lý do không tham gia thẩm định' }) recusalReason?: string;
}

@ApiSchema({ description: 'Phiếu chấm đã ghi' })
export class ScoreRecordedResponse {
  @ApiProperty() caseId!: string;
  @ApiProperty() memberId!: string;
  @ApiProperty({ enum: ['councils.ScoreSubmitted', 'councils.ScoreRevised'], description: 'Loại sự kiện đã ghi' }) type!: string;
  @ApiProperty({ description: 'Tổng điểm có trọng số của phiếu', example: 8.35 }) total!: number;
}

@ApiSchema({ description: 'Một phiếu chấm được tính' })
export class ScoreRecordResponse extends ScoreSubmittedData {
  @ApiPropertyOptional({ description: 'Lý do chấm lại', example: 'Chấm lại sau khi bổ sung tài liệu' }) reason?: string;
}

@ApiSchema({ description: 'Các phiếu chấm người gọi được xem của một hồ sơ' })
export class CaseScoresResponse {
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: ['none', 'open', 'finalised'], description: 'Trạng thái hồ sơ thẩm định' }) status!: string;
  @ApiProperty({
    type: [ScoreRecordResponse],
    description: 'Phiếu chấm được tính: trống cho tới khi chính thành viên đã chấm; mọi phiếu sau khi nghiệm thu',
  })
  scores!: ScoreRecordResponse[];
}

@ApiSchema({ description: 'Bảng xếp hạng của lĩnh vực, đợt và cấp' })
export class RankingResponse extends RankingPublishedData {}

@ApiSchema({ description: 'Vì sao hồ sơ đang chờ xác định Hội đồng' })
export class CaseWaitingResponse {
  @ApiProperty({
    enum: ROUTING_WAIT_REASONS,
    description: 'Lý do (mã máy): no-council (chưa có Hội đồng phù hợp), several-councils (nhiều Hội đồng phù hợp)',
  })
  reason!: string;
  @ApiProperty({ description: 'Lý do (tiếng Việt)', example: 'Chưa có Hội đồng thẩm định cho đợt, cấp, địa bàn và lĩnh vực của hồ sơ' })
  reasonText!: string;
  @ApiProperty({ type: [String], description: 'Các Hội đồng phù hợp (khi có nhiều)', example: ['hd-ha-nam-2026', 'hd-ha-nam-cuoc-thi'] })
  candidateCouncilIds!: string[];
}

@ApiSchema({ description: 'Tác giả' })
export class CaseAuthorResponse {
  @ApiProperty({ example: 'Nguyễn Văn Đức' }) name!: string;
}

@ApiSchema({ description: 'Một hồ sơ thẩm định trong danh sách của Hội đồng (kể cả hồ sơ đang chờ xác định Hội đồng)' })
export class CouncilCaseResponse {
  @ApiProperty() caseId!: string;
  @ApiProperty() dossierId!: string;
  @ApiPropertyOptional({ description: 'Hội đồng thẩm định; không có khi hồ sơ đang chờ xác định Hội đồng' }) councilId?: string;
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS }) level!: string;
  @ApiProperty() levelLabel!: string;
  @ApiProperty() jurisdictionUnitId!: string;
  @ApiProperty({ type: [String] }) jurisdictionUnitPath!: string[];
  @ApiProperty() campaignId!: string;
  @ApiProperty() year!: number;
  @ApiProperty() fieldCode!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Loại hồ sơ (mã máy)', example: 'initiative' }) dossierType!: string;
  @ApiProperty() nominatingUnitId!: string;
  @ApiProperty({ type: [CaseAuthorResponse] }) authors!: CaseAuthorResponse[];
  @ApiProperty() receivedAt!: string;
  @ApiProperty({ enum: CASE_STATUSES, description: 'Trạng thái (mã máy): awaiting-council, open, finalised' }) status!: string;
  @ApiProperty({ description: 'Trạng thái (tiếng Việt)', example: 'Đang thẩm định' }) statusLabel!: string;
  @ApiPropertyOptional({ type: CaseWaitingResponse, description: 'Lý do chờ (chỉ khi chờ xác định Hội đồng)' })
  waiting?: CaseWaitingResponse;
  @ApiProperty({ type: [String] }) assignedMemberIds!: string[];
  @ApiPropertyOptional() aggregateScore?: number;
  @ApiPropertyOptional({ enum: COUNCIL_GRADES }) grade?: string;
  @ApiPropertyOptional() gradeLabel?: string;
  @ApiPropertyOptional() accepted?: boolean;
  @ApiProperty({ description: 'Đã kiến nghị chuyển lên cấp trên', example: false }) recommendedUpward!: boolean;
  @ApiProperty({ description: 'Đã đề nghị tôn vinh', example: false }) honourProposed!: boolean;
  @ApiPropertyOptional({ description: 'Số kiến nghị về kết quả đã tiếp nhận' }) appeals?: number;
  @ApiPropertyOptional({ description: 'Đã mở lại việc chấm điểm sau khi chấp nhận kiến nghị (kết quả trước trong lịch sử)' })
  reopened?: boolean;
}

@ApiSchema({ description: 'Kiến nghị, khiếu nại về kết quả thẩm định và việc giải quyết' })
export class AppealResponse {
  @ApiProperty({ example: 'kn-1' }) appealId!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() dossierId!: string;
  @ApiProperty({ description: 'Tên hồ sơ' }) title!: string;
  @ApiProperty({ description: 'Hội đồng đã thẩm định' }) councilId!: string;
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS }) level!: string;
  @ApiProperty({ type: [String] }) jurisdictionUnitPath!: string[];
  @ApiProperty() nominatingUnitId!: string;
  @ApiProperty() campaignId!: string;
  @ApiProperty() year!: number;
  @ApiProperty() fieldCode!: string;
  @ApiProperty({ enum: APPELLANT_KINDS, description: 'author: tác giả; nominating-unit: đơn vị đề cử' }) appellantKind!: string;
  @ApiProperty() appellantId!: string;
  @ApiProperty() appellantUnitId!: string;
  @ApiProperty({ description: 'Nội dung, căn cứ kiến nghị' }) grounds!: string;
  @ApiProperty() filedAt!: string;
  @ApiProperty({ description: 'Ngày cuối của thời hạn kiến nghị' }) windowEndsOn!: string;
  @ApiProperty({ enum: APPEAL_HANDLERS }) handledBy!: string;
  @ApiProperty({ type: ContestedResult, description: 'Kết quả bị kiến nghị' }) contested!: ContestedResult;
  @ApiProperty({ enum: ['filed', 'assigned', 'decided'] }) status!: string;
  @ApiProperty({ example: 'Đang giải quyết' }) statusLabel!: string;
  @ApiPropertyOptional({ description: 'Hội đồng được giao giải quyết' }) toCouncilId?: string;
  @ApiPropertyOptional() toJurisdictionUnitId?: string;
  @ApiPropertyOptional() assignedAt?: string;
  @ApiPropertyOptional({ enum: APPEAL_OUTCOMES }) outcome?: string;
  @ApiPropertyOptional({ example: 'Chấp nhận kiến nghị' }) outcomeLabel?: string;
  @ApiPropertyOptional({ description: 'Lý do giải quyết' }) reasons?: string;
  @ApiPropertyOptional() reopenScoring?: boolean;
  @ApiPropertyOptional() decidedAt?: string;
}

@ApiSchema({ description: 'Kết quả lệnh về một kiến nghị, với các sự kiện đã ghi' })
export class AppealEventsResponse {
  @ApiProperty() caseId!: string;
  @ApiProperty({ example: 'kn-1' }) appealId!: string;
  @ApiProperty({ type: [RecordedEventResponse], description: 'Các sự kiện đã ghi' }) events!: RecordedEventResponse[];
}
