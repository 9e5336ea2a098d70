import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsCalendarDateOrTime, IsId, IsLine, IsText, IsYear, MaxItems } from '../validation';
import { APPLICANT_KINDS, ApplicantKind, DOSSIER_TYPES, DossierType } from './submissions.values';

/** Nested shapes reused by several submissions events. */

export class DossierAuthor {
  @IsLine() name!: string;
  /** Identity of the person when known, so councils can detect conflicts of interest. */
  @IsOptional() @IsId() personId?: string;
  /** e.g. 'Chủ nhiệm', 'Đồng tác giả'. */
  @IsOptional() @IsLine() role?: string;
}

/** Chủ sở hữu / đồng sở hữu. */
export class DossierOwner {
  @IsLine() name!: string;
  /** Percentage of ownership, when the co-owners agreed one. */
  @IsOptional() @IsNumber() @Min(0) @Max(100) share?: number;
}

/** Metadata only: the bytes live content-addressed (by sha256) outside the event log. */
export class AttachmentMeta {
  @IsLine() name!: string;
  @Matches(/^[0-9a-f]{64}$/) sha256!: string;
  @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) size!: number;
  @IsLine({ maxLength: 255 }) contentType!: string;
}

/** The dossier facts other contexts need, carried on DossierReceived so that nobody queries submissions. */
export class DossierSnapshot {
  @IsId() dossierId!: string;
  @IsId() campaignId!: string;
  @IsYear() year!: number;
  @IsId() fieldCode!: string;
  @IsIn(DOSSIER_TYPES) type!: DossierType;
  @IsLine() title!: string;
  @IsText({ allowEmpty: true }) summary!: string;
  @IsIn(APPLICANT_KINDS) applicantKind!: ApplicantKind;
  @IsArray() @ArrayMinSize(1) @MaxItems() @ValidateNested({ each: true }) @Type(() => DossierAuthor) authors!: DossierAuthor[];
  @IsArray() @MaxItems() @ValidateNested({ each: true }) @Type(() => DossierOwner) owners!: DossierOwner[];
  @IsId() nominatingUnitId!: string;
  @IsArray() @ArrayMinSize(1) @MaxItems(16) @IsId({ each: true }) nominatingUnitPath!: string[];
}

export class CampaignPeriod {
  @IsYear() fromYear!: number;
  @IsYear() toYear!: number;
}

/** A phase of a yearly edition, e.g. 'Xét chọn, trao giải'. Dates are calendar days (YYYY-MM-DD). */
export class EditionPhase {
  @IsId() code!: string;
  @IsLine() name!: string;
  @IsCalendarDateOrTime() opensOn!: string;
  @IsCalendarDateOrTime() closesOn!: string;
}
