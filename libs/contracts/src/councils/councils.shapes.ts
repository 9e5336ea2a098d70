import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import {
  AGGREGATION_METHODS,
  AggregationMethod,
  COUNCIL_MEMBER_ROLES,
  CouncilMemberRole,
  CouncilGrade,
  COUNCIL_GRADES,
  TieBreakRule,
} from './councils.values';
import { IsCalendarDateOrTime, IsId, IsLine, IsText } from '../validation';
import { IsTieBreakRule } from './tie-break.validator';

/** Nested shapes reused by several councils events. */

export class CouncilDecisionRef {
  /** e.g. '12/QĐ-MTTQ-BTT' */
  @IsLine() number!: string;
  @IsCalendarDateOrTime() date!: string;
  @IsLine() signedBy!: string;
}

export class CouncilMember {
  /** The member's identity (the `sub` of their token), so the platform can tell who is scoring. */
  @IsId() memberId!: string;
  @IsLine() personName!: string;
  @IsOptional() @IsId() personId?: string;
  @IsId() agencyUnitId!: string;
  @IsLine() agencyName!: string;
  @IsIn(COUNCIL_MEMBER_ROLES) role!: CouncilMemberRole;
  /** ISO date (YYYY-MM-DD) from which the member sits on the council. */
  @IsCalendarDateOrTime() effectiveFrom!: string;
}

export class CouncilRegulations {
  /** Minimum number of valid scores for a case to be finalised. */
  @IsInt() @Min(1) quorum!: number;
  @IsIn(AGGREGATION_METHODS) aggregation!: AggregationMethod;
  /** Scores dropped at each end, for 'trimmed-mean' only. */
  @IsOptional() @IsInt() @Min(1) trimCount?: number;
  /** Ordered tie-break steps (see TIE_BREAK_STEPS); events recorded before 2026-12 hold the '-then-' string form. */
  @IsTieBreakRule() tieBreak!: TieBreakRule;
}

export class CriterionDefinition {
  @IsId() code!: string;
  /** Vietnamese, e.g. 'Tính mới, tính sáng tạo'. */
  @IsLine() name!: string;
  /** Fraction of the total; weights of a set sum to 1. */
  @IsNumber() weight!: number;
  @IsNumber() scaleMin!: number;
  @IsNumber() scaleMax!: number;
}

export class GradeBand {
  @IsIn(COUNCIL_GRADES) grade!: CouncilGrade;
  @IsLine() label!: string;
  @IsNumber() minScore!: number;
}

export class CaseDossierAuthor {
  @IsString() @IsNotEmpty() name!: string;
  @IsOptional() @IsString() personId?: string;
}

export class CaseDossierOwner {
  @IsString() @IsNotEmpty() name!: string;
}

/** The dossier facts carried from `submissions.DossierReceived`, kept so that no service queries another. */
export class CaseDossierSnapshot {
  @IsString() @IsNotEmpty() dossierId!: string;
  @IsString() @IsNotEmpty() campaignId!: string;
  @IsInt() year!: number;
  @IsString() @IsNotEmpty() fieldCode!: string;
  @IsString() type!: string;
  @IsString() @IsNotEmpty() title!: string;
  @IsString() summary!: string;
  @IsString() applicantKind!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => CaseDossierAuthor) authors!: CaseDossierAuthor[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => CaseDossierOwner) owners!: CaseDossierOwner[];
  @IsString() @IsNotEmpty() nominatingUnitId!: string;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) nominatingUnitPath!: string[];
}

export class CriterionScore {
  @IsId() criterionCode!: string;
  @IsNumber() value!: number;
  @IsOptional() @IsText({ allowEmpty: true }) comment?: string;
}
