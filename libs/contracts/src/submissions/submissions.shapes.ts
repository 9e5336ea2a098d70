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
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { APPLICANT_KINDS, ApplicantKind, DOSSIER_TYPES, DossierType } from './submissions.values';

/** Nested shapes reused by several submissions events. */

export class DossierAuthor {
  @IsString() @IsNotEmpty() name!: string;
  /** Identity of the person when known, so councils can detect conflicts of interest. */
  @IsOptional() @IsString() personId?: string;
  /** e.g. 'Chủ nhiệm', 'Đồng tác giả'. */
  @IsOptional() @IsString() role?: string;
}

/** Chủ sở hữu / đồng sở hữu. */
export class DossierOwner {
  @IsString() @IsNotEmpty() name!: string;
  /** Percentage of ownership, when the co-owners agreed one. */
  @IsOptional() @IsNumber() @Min(0) @Max(100) share?: number;
}

/** Metadata only: the bytes live content-addressed (by sha256) outside the event log. */
export class AttachmentMeta {
  @IsString() @IsNotEmpty() name!: string;
  @Matches(/^[0-9a-f]{64}$/) sha256!: string;
  @IsInt() @Min(0) size!: number;
  @IsString() @IsNotEmpty() contentType!: string;
}

/** The dossier facts other contexts need, carried on DossierReceived so that nobody queries submissions. */
export class DossierSnapshot {
  @IsString() @IsNotEmpty() dossierId!: string;
  @IsString() @IsNotEmpty() campaignId!: string;
  @IsInt() year!: number;
  @IsString() @IsNotEmpty() fieldCode!: string;
  @IsIn(DOSSIER_TYPES) type!: DossierType;
  @IsString() @IsNotEmpty() title!: string;
  @IsString() summary!: string;
  @IsIn(APPLICANT_KINDS) applicantKind!: ApplicantKind;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => DossierAuthor) authors!: DossierAuthor[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => DossierOwner) owners!: DossierOwner[];
  @IsString() @IsNotEmpty() nominatingUnitId!: string;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) nominatingUnitPath!: string[];
}

export class CampaignPeriod {
  @IsInt() fromYear!: number;
  @IsInt() toYear!: number;
}

/** A phase of a yearly edition, e.g. 'Xét chọn, trao giải'. Dates are calendar days (YYYY-MM-DD). */
export class EditionPhase {
  @IsString() @IsNotEmpty() code!: string;
  @IsString() @IsNotEmpty() name!: string;
  @IsISO8601() opensOn!: string;
  @IsISO8601() closesOn!: string;
}
