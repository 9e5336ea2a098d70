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
  Min,
  ValidateNested,
} from 'class-validator';
import {
  AGGREGATION_METHODS,
  AggregationMethod,
  COUNCIL_MEMBER_ROLES,
  CouncilMemberRole,
  CouncilGrade,
  COUNCIL_GRADES,
  TieBreakRule,
} from './councils.values';
import { IsTieBreakRule } from './tie-break.validator';

/** Nested shapes reused by several councils events. */

export class CouncilDecisionRef {
  /** e.g. '12/QĐ-MTTQ-BTT' */
  @IsString() @IsNotEmpty() number!: string;
  @IsISO8601() date!: string;
  @IsString() @IsNotEmpty() signedBy!: string;
}

export class CouncilMember {
  /** The member's identity (the `sub` of their token), so the platform can tell who is scoring. */
  @IsString() @IsNotEmpty() memberId!: string;
  @IsString() @IsNotEmpty() personName!: string;
  @IsOptional() @IsString() personId?: string;
  @IsString() @IsNotEmpty() agencyUnitId!: string;
  @IsString() @IsNotEmpty() agencyName!: string;
  @IsIn(COUNCIL_MEMBER_ROLES) role!: CouncilMemberRole;
  /** ISO date (YYYY-MM-DD) from which the member sits on the council. */
  @IsISO8601() effectiveFrom!: string;
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
  @IsString() @IsNotEmpty() code!: string;
  /** Vietnamese, e.g. 'Tính mới, tính sáng tạo'. */
  @IsString() @IsNotEmpty() name!: string;
  /** Fraction of the total; weights of a set sum to 1. */
  @IsNumber() weight!: number;
  @IsNumber() scaleMin!: number;
  @IsNumber() scaleMax!: number;
}

export class GradeBand {
  @IsIn(COUNCIL_GRADES) grade!: CouncilGrade;
  @IsString() @IsNotEmpty() label!: string;
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
  @IsString() @IsNotEmpty() criterionCode!: string;
  @IsNumber() value!: number;
  @IsOptional() @IsString() comment?: string;
}
