import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, ValidateNested } from 'class-validator';
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel } from '../administrative';
import { IsLine, IsText, MaxItems } from '../validation';
import { AttachmentMeta, DossierAuthor, DossierOwner, DossierSnapshot } from './submissions.shapes';
import { APPLICANT_KINDS, ApplicantKind, DOSSIER_TYPES, DossierType, FORWARDING_BASES, ForwardingBasis } from './submissions.values';

/** Hồ sơ đăng ký prepared by the nominating unit; not yet lodged anywhere. */
export class DossierDraftedData extends DossierSnapshot {
  @IsArray() @MaxItems() @ValidateNested({ each: true }) @Type(() => AttachmentMeta) attachments!: AttachmentMeta[];
  @IsISO8601() draftedAt!: string;
}

/** Lodged with the jurisdiction of a level (e.g. the district), for its field agency to receive. */
export class DossierSubmittedData {
  @IsString() @IsNotEmpty() dossierId!: string;
  @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @IsString() @IsNotEmpty() jurisdictionUnitId!: string;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) jurisdictionUnitPath!: string[];
  @IsISO8601() submittedAt!: string;
}

/** Tiếp nhận by the field agency of a level; carries the dossier facts councils open a case from. */
export class DossierReceivedData {
  @IsString() @IsNotEmpty() dossierId!: string;
  @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @IsString() @IsNotEmpty() receivingAgencyUnitId!: string;
  @IsString() @IsNotEmpty() jurisdictionUnitId!: string;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) jurisdictionUnitPath!: string[];
  @IsISO8601() receivedAt!: string;
  @ValidateNested() @Type(() => DossierSnapshot) dossier!: DossierSnapshot;
}

/** Hồ sơ bị trả lại: incomplete or not conforming; the nominating unit may amend and re-submit. */
export class DossierReturnedData {
  @IsString() @IsNotEmpty() dossierId!: string;
  @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @IsString() @IsNotEmpty() jurisdictionUnitId!: string;
  @IsString() @IsNotEmpty() reason!: string;
  @IsISO8601() returnedAt!: string;
}

/** What an amendment may change; the field and campaign stay (withdraw and draft anew to change them). */
export class DossierChanges {
  @IsOptional() @IsIn(DOSSIER_TYPES) type?: DossierType;
  @IsOptional() @IsLine() title?: string;
  @IsOptional() @IsText({ allowEmpty: true }) summary?: string;
  @IsOptional() @IsIn(APPLICANT_KINDS) applicantKind?: ApplicantKind;
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @MaxItems()
  @ValidateNested({ each: true })
  @Type(() => DossierAuthor)
  authors?: DossierAuthor[];
  @IsOptional() @IsArray() @MaxItems() @ValidateNested({ each: true }) @Type(() => DossierOwner) owners?: DossierOwner[];
  @IsOptional()
  @IsArray()
  @MaxItems()
  @ValidateNested({ each: true })
  @Type(() => AttachmentMeta)
  attachments?: AttachmentMeta[];
}

export class DossierAmendedData {
  @IsString() @IsNotEmpty() dossierId!: string;
  @ValidateNested() @Type(() => DossierChanges) changes!: DossierChanges;
  @IsISO8601() amendedAt!: string;
}

export class DossierWithdrawnData {
  @IsString() @IsNotEmpty() dossierId!: string;
  @IsString() @IsNotEmpty() reason!: string;
  @IsISO8601() withdrawnAt!: string;
}

/** Registered with the next level up; that level's field agency receives it next. */
export class DossierForwardedData {
  @IsString() @IsNotEmpty() dossierId!: string;
  @IsIn(ADMINISTRATIVE_LEVELS) fromLevel!: AdministrativeLevel;
  @IsIn(ADMINISTRATIVE_LEVELS) toLevel!: AdministrativeLevel;
  @IsString() @IsNotEmpty() fromJurisdictionUnitId!: string;
  @IsString() @IsNotEmpty() toJurisdictionUnitId!: string;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) toJurisdictionUnitPath!: string[];
  /** The committee's letter or the council's decision that sent it up. */
  @IsOptional() @IsString() @IsNotEmpty() decisionRef?: string;
  @IsISO8601() forwardedAt!: string;
  @IsIn(FORWARDING_BASES) basis!: ForwardingBasis;
}

/**
 * The competent authority of the level the dossier sits at decides that it goes up without (or against) a
 * council recommendation, with its reason; only then may the level's receiving agency forward it by hand.
 */
export class ForwardingOverrideDecidedData {
  @IsString() @IsNotEmpty() dossierId!: string;
  @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @IsString() @IsNotEmpty() jurisdictionUnitId!: string;
  @IsString() @IsNotEmpty() decisionRef!: string;
  @IsString() @IsNotEmpty() reason!: string;
  @IsISO8601() decidedAt!: string;
}
