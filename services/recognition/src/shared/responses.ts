import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  ADMINISTRATIVE_LEVELS,
  AwardDecidedData,
  ProposalDossierAuthor,
  AwardDefinedData,
  AwardRecipient,
  PROPOSAL_ORIGINS,
  ProposalFacts,
} from '@cem/contracts';
import { PROPOSAL_STATUSES } from '../proposals/proposal-commands.dto';

/** What the recognition endpoints answer, for the OpenAPI document (descriptions of common fields: FIELD_DOCS). */

@ApiSchema({ description: 'Giải thưởng, hình thức khen thưởng trong danh mục' })
export class AwardResponse extends AwardDefinedData {}

@ApiSchema({ description: 'Kết quả lệnh trên một đề nghị khen thưởng' })
export class ProposalCommandResponse {
  @ApiProperty() proposalId!: string;
  @ApiPropertyOptional({ enum: PROPOSAL_STATUSES, description: 'Trạng thái đề nghị sau lệnh (mã máy)' }) status?: string;
  @ApiProperty({ type: [String], description: 'Các loại sự kiện đã ghi', example: ['recognition.AchievementsVerified'] }) events!: string[];
}

@ApiSchema({ description: 'Nội dung đề nghị: thông tin hồ sơ, đối tượng được đề nghị, nguồn đề nghị' })
export class ProposalRecordResponse extends ProposalFacts {
  @ApiProperty({
    enum: PROPOSAL_ORIGINS,
    description: 'Nguồn: council (Hội đồng đề nghị tôn vinh), commendation (cơ quan thường trực đề nghị khen đơn vị)',
  })
  origin!: string;
  @ApiPropertyOptional() dossierId?: string;
  @ApiPropertyOptional() fieldCode?: string;
  @ApiPropertyOptional() nominatingUnitId?: string;
  @ApiPropertyOptional({ description: 'Tên đơn vị đề cử (lập hồ sơ)', example: 'UBND thành phố Phủ Lý' }) nominatingUnitName?: string;
  @ApiPropertyOptional({ type: [ProposalDossierAuthor], description: 'Tác giả, đồng tác giả của hồ sơ' }) authors?: ProposalDossierAuthor[];
}

@ApiSchema({ description: 'Đề nghị khen thưởng với trạng thái và quyết định (nếu có)' })
export class ProposalResponse {
  @ApiProperty() proposalId!: string;
  @ApiProperty({ enum: PROPOSAL_STATUSES, description: 'Trạng thái (mã máy): received, sent-back, verified, decided, issued, revoked' })
  status!: string;
  @ApiProperty({ type: ProposalRecordResponse, description: 'Nội dung đề nghị' }) proposal!: ProposalRecordResponse;
  @ApiPropertyOptional({ type: AwardDecidedData, description: 'Quyết định khen thưởng' }) decision?: AwardDecidedData;
  @ApiPropertyOptional({ description: 'Lý do gần nhất (trả lại, thu hồi)', example: 'Thiếu biên bản họp Hội đồng' }) lastReason?: string;
}

@ApiSchema({ description: 'Một công trình được trao giải' })
export class AwardedWorkResponse {
  @ApiProperty() proposalId!: string;
  @ApiProperty() dossierId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() awardCode!: string;
  @ApiProperty() awardName!: string;
  @ApiProperty({ type: [AwardRecipient] }) recipients!: AwardRecipient[];
  @ApiProperty() decisionNumber!: string;
  @ApiProperty() decisionDate!: string;
  @ApiPropertyOptional() ceremonyDate?: string;
}

@ApiSchema({ description: 'Danh sách công trình được trao giải của một năm, cấp và lĩnh vực ("Gương người Việt đoàn kết sáng tạo")' })
export class AwardedWorksResponse {
  @ApiProperty() year!: number;
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS }) level!: string;
  @ApiProperty() fieldCode!: string;
  @ApiProperty({ type: [AwardedWorkResponse], description: 'Các công trình, theo ngày quyết định' }) works!: AwardedWorkResponse[];
}
