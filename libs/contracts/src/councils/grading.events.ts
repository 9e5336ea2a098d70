import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
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
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel } from '../administrative';
import { CriterionScore } from './councils.shapes';
import {
  AGGREGATION_METHODS,
  AggregationMethod,
  CouncilGrade,
  COUNCIL_GRADES,
  HONOUR_RECIPIENT_KINDS,
  HonourRecipientKind,
  TieBreakRule,
} from './councils.values';
import { IsTieBreakRule } from './tie-break.validator';

export class CriterionMean {
  @IsString() @IsNotEmpty() criterionCode!: string;
  @IsNumber() mean!: number;
}

/** One member's counted score, revealed with the finalisation. */
export class CountedMemberScore {
  @IsString() @IsNotEmpty() memberId!: string;
  @IsNumber() total!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => CriterionScore) scores!: CriterionScore[];
}

/** Nghiệm thu, đánh giá, xếp loại: the council's meeting outcome for one case. */
export class CaseFinalisedData {
  @IsString() @IsNotEmpty() caseId!: string;
  @IsString() @IsNotEmpty() dossierId!: string;
  @IsString() @IsNotEmpty() councilId!: string;
  @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @IsString() @IsNotEmpty() campaignId!: string;
  @IsInt() year!: number;
  @IsString() @IsNotEmpty() fieldCode!: string;
  @IsISO8601() receivedAt!: string;
  @IsNumber() aggregateScore!: number;
  @IsIn(COUNCIL_GRADES) grade!: CouncilGrade;
  @IsString() @IsNotEmpty() gradeLabel!: string;
  @IsBoolean() accepted!: boolean;
  @IsISO8601() meetingDate!: string;
  @IsString() @IsNotEmpty() minutesRef!: string;
  @IsInt() @Min(1) scorerCount!: number;
  @IsIn(AGGREGATION_METHODS) method!: AggregationMethod;
  @IsOptional() @IsInt() trimCount?: number;
  @IsString() @IsNotEmpty() criteriaSetId!: string;
  @IsInt() criteriaVersion!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => CriterionMean) criterionMeans!: CriterionMean[];
  /** Mean on the heaviest criterion: the first tie-break step many councils use. */
  @IsNumber() topCriterionScore!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => CountedMemberScore) scores!: CountedMemberScore[];
  @IsArray() @IsString({ each: true }) assignedMemberIds!: string[];
  @IsArray() @IsString({ each: true }) recusedMemberIds!: string[];
}

export class RankedDossierAuthor {
  @IsString() @IsNotEmpty() name!: string;
}

export class CouncilRankingEntry {
  @IsInt() @Min(1) rank!: number;
  @IsString() @IsNotEmpty() caseId!: string;
  @IsString() @IsNotEmpty() dossierId!: string;
  @IsNumber() score!: number;
  @IsIn(COUNCIL_GRADES) grade!: CouncilGrade;
  /** The dossier as received (absent in rankings recorded before entries carried it). */
  @IsOptional() @IsString() @IsNotEmpty() title?: string;
  @IsOptional() @IsString() @IsNotEmpty() fieldCode?: string;
  @IsOptional() @IsString() @IsNotEmpty() nominatingUnitId?: string;
  @IsOptional() @IsString() nominatingUnitName?: string;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => RankedDossierAuthor) authors?: RankedDossierAuthor[];
}

/** Ranking within one field, campaign edition and level; a later revision replaces an earlier one. */
export class RankingPublishedData {
  @IsString() @IsNotEmpty() councilId!: string;
  @IsString() @IsNotEmpty() campaignId!: string;
  @IsInt() year!: number;
  @IsString() @IsNotEmpty() fieldCode!: string;
  @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  /** The ordered steps applied (events recorded before 2026-12: the '-then-' string form). */
  @IsTieBreakRule() tieBreak!: TieBreakRule;
  @IsInt() @Min(1) revision!: number;
  @IsISO8601() publishedAt!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => CouncilRankingEntry) entries!: CouncilRankingEntry[];
}

/** Consumed by submissions to forward the dossier to the next level. */
export class DossierRecommendedUpwardData {
  @IsString() @IsNotEmpty() caseId!: string;
  @IsString() @IsNotEmpty() dossierId!: string;
  @IsString() @IsNotEmpty() councilId!: string;
  @IsIn(ADMINISTRATIVE_LEVELS) fromLevel!: AdministrativeLevel;
  @IsIn(ADMINISTRATIVE_LEVELS) toLevel!: AdministrativeLevel;
  @IsInt() @Min(1) rank!: number;
  @IsNumber() score!: number;
  @IsIn(COUNCIL_GRADES) grade!: CouncilGrade;
  @IsString() @IsNotEmpty() decisionRef!: string;
}

export class HonourProposalRecipient {
  @IsString() @IsNotEmpty() name!: string;
  @IsIn(HONOUR_RECIPIENT_KINDS) kind!: HonourRecipientKind;
}

/** Đề nghị tôn vinh, khen thưởng; consumed by recognition. */
export class HonourProposedData {
  @IsString() @IsNotEmpty() proposalId!: string;
  @IsString() @IsNotEmpty() caseId!: string;
  @IsString() @IsNotEmpty() dossierId!: string;
  @IsString() @IsNotEmpty() councilId!: string;
  @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @IsString() @IsNotEmpty() jurisdictionUnitId!: string;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) jurisdictionUnitPath!: string[];
  @IsString() @IsNotEmpty() campaignId!: string;
  @IsInt() year!: number;
  @IsString() @IsNotEmpty() fieldCode!: string;
  @IsString() @IsNotEmpty() title!: string;
  @IsIn(COUNCIL_GRADES) grade!: CouncilGrade;
  @IsNumber() score!: number;
  @IsInt() @Min(1) rank!: number;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => HonourProposalRecipient) recipients!: HonourProposalRecipient[];
  /** e.g. 'Người Hà Nam đoàn kết sáng tạo'. */
  @IsOptional() @IsString() proposedAward?: string;
  /** The dossier's nominating unit and authors (absent in proposals recorded before they were carried). */
  @IsOptional() @IsString() @IsNotEmpty() nominatingUnitId?: string;
  @IsOptional() @IsString() nominatingUnitName?: string;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => RankedDossierAuthor) authors?: RankedDossierAuthor[];
}
