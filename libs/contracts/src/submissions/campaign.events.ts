import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel } from '../administrative';
import { CampaignPeriod, EditionPhase } from './submissions.shapes';

/** A movement (phong trào thi đua) launched by a level under its plan (kế hoạch), e.g. '338/KH-UBND'. */
export class CampaignLaunchedData {
  @IsString() @IsNotEmpty() campaignId!: string;
  @IsString() @IsNotEmpty() name!: string;
  @IsString() @IsNotEmpty() launchedByUnitId!: string;
  @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @IsString() @IsNotEmpty() planNumber!: string;
  @IsISO8601() planDate!: string;
  @ValidateNested() @Type(() => CampaignPeriod) period!: CampaignPeriod;
}

/** A yearly edition and its phases. */
export class EditionOpenedData {
  @IsString() @IsNotEmpty() campaignId!: string;
  @IsInt() year!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => EditionPhase) phases!: EditionPhase[];
}

/** An award field (lĩnh vực), e.g. 'Khoa học - Công nghệ', with its rules (thể lệ). */
export class FieldAddedData {
  @IsString() @IsNotEmpty() campaignId!: string;
  @IsString() @IsNotEmpty() fieldCode!: string;
  @IsString() @IsNotEmpty() name!: string;
  @IsOptional() @IsString() rules?: string;
}

/** The unit that receives a field's dossiers at a level within a jurisdiction (e.g. by Công văn 2717/UBND). */
export class ReceivingAgencyAssignedData {
  @IsString() @IsNotEmpty() campaignId!: string;
  @IsString() @IsNotEmpty() fieldCode!: string;
  @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @IsString() @IsNotEmpty() jurisdictionUnitId!: string;
  @IsString() @IsNotEmpty() agencyUnitId!: string;
  @IsOptional() @IsString() letterRef?: string;
}

/** Last moment dossiers may be lodged at a level; a jurisdiction-specific deadline overrides the level-wide one. */
export class SubmissionDeadlineSetData {
  @IsString() @IsNotEmpty() campaignId!: string;
  @IsInt() year!: number;
  @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @IsOptional() @IsString() @IsNotEmpty() jurisdictionUnitId?: string;
  @IsISO8601() deadline!: string;
}

export const APPEAL_HANDLERS = ['same-council', 'level-above'] as const;
/** Who decides an appeal against a council's result: the same council, or the council of the level above. */
export type AppealHandler = (typeof APPEAL_HANDLERS)[number];

/**
 * The campaign's rules for appeals (khiếu nại, kiến nghị) against a council's result: how many days after the
 * council's meeting an author or the nominating unit may appeal, and which council decides the appeal.
 * A later setting replaces the earlier one.
 */
export class AppealRulesSetData {
  @IsString() @IsNotEmpty() campaignId!: string;
  @IsInt() @Min(1) @Max(365) windowDays!: number;
  @IsIn(APPEAL_HANDLERS) handledBy!: AppealHandler;
}
