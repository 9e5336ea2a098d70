import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { AwardRecipient, CERTIFICATE_KINDS, DOCUMENT_KINDS, DocumentIssuedData } from '@cem/contracts';
import { DOCUMENT_STATUSES } from './document-verification';

@ApiSchema({ description: 'Kiểm tra một tệp đang cầm trên tay: mã SHA-256 của tệp (tùy chọn)' })
export class VerifyDocumentQuery {
  @ApiPropertyOptional({ description: 'SHA-256 (hex) của tệp PDF cần đối chiếu', example: 'a3f1…' })
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'sha256: mã băm SHA-256 gồm 64 ký tự hex' })
  sha256?: string;
}

@ApiSchema({ description: 'Văn bản đã phát hành (quyết định khen thưởng hoặc giấy chứng nhận), kèm mã SHA-256 đã ghi vào sự kiện' })
export class IssuedDocumentResponse extends DocumentIssuedData {}

@ApiSchema({ description: 'Thu hồi khen thưởng của công trình ghi trong văn bản' })
export class VerifiedRevocationResponse {
  @ApiProperty({ example: '1500/QĐ-UBND' }) decisionNumber!: string;
  @ApiProperty({ example: '2027-01-15' }) decisionDate!: string;
  @ApiProperty({ example: 'Phát hiện sao chép giải pháp đã công bố' }) reason!: string;
}

@ApiSchema({ description: 'Một công trình ghi trong văn bản, với tình trạng khen thưởng hiện nay' })
export class VerifiedWorkResponse {
  @ApiProperty() proposalId!: string;
  @ApiProperty({ description: 'Tên công trình, giải pháp' }) title!: string;
  @ApiProperty({ description: 'Hình thức khen thưởng' }) awardName!: string;
  @ApiProperty({ type: [AwardRecipient], description: 'Tác giả, tập thể được khen thưởng' }) recipients!: AwardRecipient[];
  @ApiProperty({ description: 'Khen thưởng đã bị thu hồi' }) revoked!: boolean;
  @ApiPropertyOptional({ type: VerifiedRevocationResponse }) revocation?: VerifiedRevocationResponse;
}

@ApiSchema({ description: 'Kết quả xác minh văn bản (công khai): thật hay không, còn hiệu lực, đã thay thế hay đã thu hồi' })
export class DocumentVerificationResponse {
  @ApiProperty() documentId!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS, description: 'award-decision (quyết định khen thưởng) hoặc certificate (giấy chứng nhận)' })
  kind!: string;
  @ApiPropertyOptional({ enum: CERTIFICATE_KINDS, description: 'giay-khen, bang-khen, giay-chung-nhan' }) certificateKind?: string;
  @ApiProperty({ description: 'Văn bản có trong sổ phát hành của hệ thống (luôn đúng khi trả lời 200)' }) genuine!: boolean;
  @ApiProperty({ enum: DOCUMENT_STATUSES, description: 'current (còn hiệu lực), superseded (đã có bản thay thế), revoked (đã thu hồi)' })
  status!: string;
  @ApiProperty({ example: 'Văn bản thật, đang có hiệu lực' }) statusLabel!: string;
  @ApiProperty({ description: 'SHA-256 của tệp PDF đã ghi khi phát hành' }) sha256!: string;
  @ApiProperty() issuedAt!: string;
  @ApiProperty({ example: '1234/QĐ-UBND' }) decisionNumber!: string;
  @ApiProperty({ example: '2026-11-20' }) decisionDate!: string;
  @ApiPropertyOptional({ description: 'Người được cấp giấy chứng nhận' }) recipientName?: string;
  @ApiProperty({ type: [VerifiedWorkResponse] }) works!: VerifiedWorkResponse[];
  @ApiPropertyOptional({ description: 'Mã văn bản thay thế văn bản này' }) supersededBy?: string;
  @ApiPropertyOptional({ description: 'Tệp đối chiếu có đúng mã SHA-256 đã ghi hay không (khi gửi sha256)' }) hashMatches?: boolean;
}
