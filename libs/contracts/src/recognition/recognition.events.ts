import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel } from '../administrative';
import { COUNCIL_GRADES, CouncilGrade } from '../councils/councils.values';
import {
  CERTIFICATE_KINDS,
  CertificateKind,
  DECISION_NUMBER_PATTERN,
  DOCUMENT_KINDS,
  DocumentKind,
  RECIPIENT_KINDS,
  RecipientKind,
} from './recognition.values';

export class AwardRecipient {
  @IsString() @IsNotEmpty() name!: string;
  @IsIn(RECIPIENT_KINDS) kind!: RecipientKind;
}

/** An award or commendation form in the catalogue (danh mục giải thưởng, hình thức khen thưởng). */
export class AwardDefinedData {
  @IsString() @IsNotEmpty() awardCode!: string;
  /** e.g. 'Giải thưởng Người Hà Nam đoàn kết sáng tạo', 'Bằng khen', 'Giấy khen'. */
  @IsString() @IsNotEmpty() name!: string;
  @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @IsString() @IsNotEmpty() grantingUnitId!: string;
  @IsOptional() @IsString() @IsNotEmpty() campaignId?: string;
  @IsArray() @ArrayMinSize(1) @IsIn(RECIPIENT_KINDS, { each: true }) recipientKinds!: RecipientKind[];
}

/** Facts every proposal carries, whatever its origin, so that later events need no lookup. */
export class ProposalFacts {
  @IsString() @IsNotEmpty() proposalId!: string;
  @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @IsString() @IsNotEmpty() jurisdictionUnitId!: string;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) jurisdictionUnitPath!: string[];
  @IsOptional() @IsString() @IsNotEmpty() campaignId?: string;
  @IsInt() year!: number;
  @IsString() @IsNotEmpty() title!: string;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => AwardRecipient) recipients!: AwardRecipient[];
  @IsOptional() @IsString() proposedAward?: string;
}

export class ProposalDossierAuthor {
  @IsString() @IsNotEmpty() name!: string;
}

/** Tiếp nhận đề nghị tôn vinh của Hội đồng thẩm định sáng tạo (from councils.HonourProposed). */
export class ProposalReceivedData extends ProposalFacts {
  @IsString() @IsNotEmpty() caseId!: string;
  @IsString() @IsNotEmpty() dossierId!: string;
  @IsString() @IsNotEmpty() councilId!: string;
  @IsString() @IsNotEmpty() fieldCode!: string;
  @IsIn(COUNCIL_GRADES) grade!: CouncilGrade;
  @IsNumber() score!: number;
  @IsInt() @Min(1) rank!: number;
  /** The dossier's nominating unit and authors, so a list renders without asking another service (absent before 2026-12). */
  @IsOptional() @IsString() @IsNotEmpty() nominatingUnitId?: string;
  @IsOptional() @IsString() nominatingUnitName?: string;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => ProposalDossierAuthor) authors?: ProposalDossierAuthor[];
}

/** Đề nghị khen thưởng đơn vị thực hiện tốt phong trào, proposed by a standing body. */
export class CommendationProposedData extends ProposalFacts {
  @IsString() @IsNotEmpty() proposedByUnitId!: string;
  @IsString() @IsNotEmpty() achievements!: string;
}

/** Thẩm định thành tích by the Emulation and Reward Board. */
export class AchievementsVerifiedData {
  @IsString() @IsNotEmpty() proposalId!: string;
  @IsString() @IsNotEmpty() verifiedBy!: string;
  @IsOptional() @IsString() note?: string;
}

export class ProposalSentBackData {
  @IsString() @IsNotEmpty() proposalId!: string;
  @IsString() @IsNotEmpty() sentBackBy!: string;
  @IsString() @IsNotEmpty() reason!: string;
}

export class ProposalResubmittedData {
  @IsString() @IsNotEmpty() proposalId!: string;
  @IsString() @IsNotEmpty() resubmittedBy!: string;
  @IsOptional() @IsString() note?: string;
  /** Corrected recipients, when the send-back was about them. */
  @IsOptional() @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => AwardRecipient) recipients?: AwardRecipient[];
}

/** Keys that statistics and the public list group awards by; carried by every decision event. */
export class AwardKeys {
  @IsString() @IsNotEmpty() proposalId!: string;
  @IsOptional() @IsString() @IsNotEmpty() dossierId?: string;
  @IsString() @IsNotEmpty() awardCode!: string;
  @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @IsString() @IsNotEmpty() jurisdictionUnitId!: string;
  @IsInt() year!: number;
  @IsOptional() @IsString() @IsNotEmpty() fieldCode?: string;
}

/** Quyết định khen thưởng: number, date, signer. */
export class AwardDecidedData extends AwardKeys {
  @IsString() @IsNotEmpty() awardName!: string;
  @IsOptional() @IsString() @IsNotEmpty() campaignId?: string;
  @IsString() @IsNotEmpty() title!: string;
  @Matches(DECISION_NUMBER_PATTERN) decisionNumber!: string;
  @IsISO8601() decisionDate!: string;
  @IsString() @IsNotEmpty() signer!: string;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => AwardRecipient) recipients!: AwardRecipient[];
  /** The proposal's jurisdiction path (who may read the decision and its documents); absent in older events. */
  @IsOptional() @IsArray() @IsString({ each: true }) jurisdictionUnitPath?: string[];
  /** Căn cứ: the legal bases printed in the decision; absent = the Law on Emulation and Commendation and its decree. */
  @IsOptional() @IsArray() @IsString({ each: true }) legalBases?: string[];
  /** The issuing authority as printed in the decision's heading, e.g. 'ỦY BAN NHÂN DÂN TỈNH HÀ NAM'. */
  @IsOptional() @IsString() @IsNotEmpty() issuingAuthority?: string;
  /** The nominating unit of the work, when known (printed in the decision's list). */
  @IsOptional() @IsString() nominatingUnitName?: string;
}

/** Trao tặng at the honouring ceremony (lễ tôn vinh). */
export class AwardIssuedData extends AwardKeys {
  @IsISO8601() ceremonyDate!: string;
  @IsOptional() @IsString() @IsNotEmpty() certificateNumber?: string;
}

/** Thu hồi: a later decision withdraws the award. */
export class AwardRevokedData extends AwardKeys {
  @IsString() @IsNotEmpty() reason!: string;
  @Matches(DECISION_NUMBER_PATTERN) decisionNumber!: string;
  @IsISO8601() decisionDate!: string;
}

/**
 * An official document issued as PDF (the award decision or one recipient's certificate). The PDF is a pure
 * function of the events (this one included), so it is rendered again on download and its SHA-256 must equal
 * the one recorded here; the verification page answers from the event log.
 */
export class DocumentIssuedData {
  @IsString() @IsNotEmpty() documentId!: string;
  @IsIn(DOCUMENT_KINDS) kind!: DocumentKind;
  @IsOptional() @IsIn(CERTIFICATE_KINDS) certificateKind?: CertificateKind;
  @IsString() @IsNotEmpty() jurisdictionUnitId!: string;
  @Matches(DECISION_NUMBER_PATTERN) decisionNumber!: string;
  @IsISO8601() decisionDate!: string;
  @IsInt() year!: number;
  /** The proposals (works) the document covers: one for a certificate, every one of the decision's list for a decision. */
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) proposalIds!: string[];
  /** The certificate's holder. */
  @IsOptional() @ValidateNested() @Type(() => AwardRecipient) recipient?: AwardRecipient;
  @Matches(/^[0-9a-f]{64}$/) sha256!: string;
  @IsInt() @Min(1) size!: number;
  @IsISO8601() issuedAt!: string;
  /** The public verification page printed as the QR code. */
  @IsString() @IsNotEmpty() verificationUrl!: string;
  @IsInt() @Min(1) templateVersion!: number;
  /** The document this one replaces (a decision document issued again after more works were decided under it). */
  @IsOptional() @IsString() @IsNotEmpty() supersedes?: string;
}
