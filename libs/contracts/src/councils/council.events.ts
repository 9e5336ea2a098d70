import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  ValidateNested,
} from 'class-validator';
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel } from '../administrative';
import { CouncilMember, CouncilRegulations, CouncilDecisionRef } from './councils.shapes';

/** A campaign edition (đợt, năm) a council appraises: the campaign and its year. */
export class CampaignEditionRef {
  @IsString() @IsNotEmpty() campaignId!: string;
  @IsInt() year!: number;
}

/** Hội đồng thẩm định sáng tạo established by decision of the Fatherland Front chair at its level. */
export class CouncilEstablishedData {
  @IsString() @IsNotEmpty() councilId!: string;
  @IsString() @IsNotEmpty() name!: string;
  @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @IsString() @IsNotEmpty() jurisdictionUnitId!: string;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) jurisdictionUnitPath!: string[];
  /** Empty: the council appraises every field. */
  @IsArray() @IsString({ each: true }) fieldCodes!: string[];
  @ValidateNested() @Type(() => CouncilDecisionRef) decision!: CouncilDecisionRef;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => CouncilMember) members!: CouncilMember[];
  @ValidateNested() @Type(() => CouncilRegulations) regulations!: CouncilRegulations;
  /**
   * The campaign editions the council is established for (routing matches a received dossier's campaign and
   * year against them). Absent only in events recorded before editions were stated: such a council serves any.
   */
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => CampaignEditionRef) editions?: CampaignEditionRef[];
  /** A standing council (thường trực) for its level and fields: further editions are added to it over time. */
  @IsOptional() @IsBoolean() standing?: boolean;
}

/** A standing council takes on one more campaign edition. */
export class CouncilEditionAddedData {
  @IsString() @IsNotEmpty() councilId!: string;
  @ValidateNested() @Type(() => CampaignEditionRef) edition!: CampaignEditionRef;
  @IsString() @IsNotEmpty() reason!: string;
}

/** Bổ sung thành viên. */
export class MemberAddedData {
  @IsString() @IsNotEmpty() councilId!: string;
  @ValidateNested() @Type(() => CouncilMember) member!: CouncilMember;
  @IsString() @IsNotEmpty() reason!: string;
}

/** Kiện toàn: one person leaves and another takes the seat from the same date. */
export class MemberReplacedData {
  @IsString() @IsNotEmpty() councilId!: string;
  @IsString() @IsNotEmpty() oldMemberId!: string;
  @ValidateNested() @Type(() => CouncilMember) newMember!: CouncilMember;
  @IsISO8601() effectiveFrom!: string;
  @IsString() @IsNotEmpty() reason!: string;
}

export class MemberRemovedData {
  @IsString() @IsNotEmpty() councilId!: string;
  @IsString() @IsNotEmpty() memberId!: string;
  @IsISO8601() effectiveFrom!: string;
  @IsString() @IsNotEmpty() reason!: string;
}

/** Quy chế amended; applies to cases finalised from then on. */
export class RegulationsAmendedData {
  @IsString() @IsNotEmpty() councilId!: string;
  @ValidateNested() @Type(() => CouncilRegulations) regulations!: CouncilRegulations;
  @IsISO8601() effectiveFrom!: string;
  @IsString() @IsNotEmpty() reason!: string;
}
