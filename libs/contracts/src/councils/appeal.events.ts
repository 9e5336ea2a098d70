import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsNumber, IsString, ValidateNested } from 'class-validator';
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel } from '../administrative';
import { APPEAL_HANDLERS, AppealHandler } from '../submissions/campaign.events';
import { CouncilGrade, COUNCIL_GRADES } from './councils.values';

export const APPELLANT_KINDS = ['author', 'nominating-unit'] as const;
/** Who may appeal a council's result: one of the dossier's authors, or its nominating unit. */
export type AppellantKind = (typeof APPELLANT_KINDS)[number];

export const APPEAL_OUTCOMES = ['upheld', 'rejected'] as const;
/** upheld: the appeal is founded (chấp nhận); rejected: the result stands (không chấp nhận). */
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

export const APPEAL_OUTCOME_LABELS_VI: Record<AppealOutcome, string> = {
  upheld: 'Chấp nhận kiến nghị',
  rejected: 'Không chấp nhận kiến nghị',
};

/** The council's result as it stood when it was contested or reopened (kept in the history). */
export class ContestedResult {
  @IsNumber() aggregateScore!: number;
  @IsIn(COUNCIL_GRADES) grade!: CouncilGrade;
  @IsString() @IsNotEmpty() gradeLabel!: string;
  @IsBoolean() accepted!: boolean;
  @IsISO8601() meetingDate!: string;
  @IsString() @IsNotEmpty() minutesRef!: string;
}

/** An appeal (khiếu nại, kiến nghị) against a council's result, received within the campaign's window. */
export class AppealFiledData {
  @IsString() @IsNotEmpty() appealId!: string;
  @IsString() @IsNotEmpty() caseId!: string;
  @IsString() @IsNotEmpty() dossierId!: string;
  @IsString() @IsNotEmpty() councilId!: string;
  @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  /** The case's jurisdiction (the unit the council serves), root first. */
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) jurisdictionUnitPath!: string[];
  @IsString() @IsNotEmpty() title!: string;
  @IsString() @IsNotEmpty() nominatingUnitId!: string;
  @IsString() @IsNotEmpty() campaignId!: string;
  @IsInt() year!: number;
  @IsString() @IsNotEmpty() fieldCode!: string;
  @IsIn(APPELLANT_KINDS) appellantKind!: AppellantKind;
  @IsString() @IsNotEmpty() appellantId!: string;
  @IsString() @IsNotEmpty() appellantUnitId!: string;
  @IsString() @IsNotEmpty() grounds!: string;
  @IsISO8601() filedAt!: string;
  /** The last day of the campaign's window (meeting date + window days). */
  @IsISO8601() windowEndsOn!: string;
  @IsIn(APPEAL_HANDLERS) handledBy!: AppealHandler;
  @ValidateNested() @Type(() => ContestedResult) contested!: ContestedResult;
}

/** The appeal given to the council that decides it (the same council or the level above, by the campaign's rules). */
export class AppealAssignedData {
  @IsString() @IsNotEmpty() appealId!: string;
  @IsString() @IsNotEmpty() caseId!: string;
  @IsString() @IsNotEmpty() dossierId!: string;
  @IsString() @IsNotEmpty() toCouncilId!: string;
  @IsIn(ADMINISTRATIVE_LEVELS) toLevel!: AdministrativeLevel;
  @IsString() @IsNotEmpty() toJurisdictionUnitId!: string;
  @IsIn(APPEAL_HANDLERS) handledBy!: AppealHandler;
  @IsISO8601() assignedAt!: string;
}

/** The deciding council's answer, with its reasons; an upheld appeal may reopen the scoring. */
export class AppealDecidedData {
  @IsString() @IsNotEmpty() appealId!: string;
  @IsString() @IsNotEmpty() caseId!: string;
  @IsString() @IsNotEmpty() dossierId!: string;
  @IsString() @IsNotEmpty() decidedByCouncilId!: string;
  @IsIn(APPEAL_OUTCOMES) outcome!: AppealOutcome;
  @IsString() @IsNotEmpty() reasons!: string;
  @IsBoolean() reopenScoring!: boolean;
  @IsISO8601() decidedAt!: string;
}

/**
 * The case is open for scoring again after an upheld appeal. The result it had is kept here and every score
 * given stays in the history; members revise their scores (with a reason) and the council finalises anew.
 */
export class CaseReopenedData {
  @IsString() @IsNotEmpty() caseId!: string;
  @IsString() @IsNotEmpty() dossierId!: string;
  @IsString() @IsNotEmpty() councilId!: string;
  @IsString() @IsNotEmpty() appealId!: string;
  @IsISO8601() reopenedAt!: string;
  /** The members assigned to the case: their work comes back to their queues. */
  @IsArray() @IsString({ each: true }) memberIds!: string[];
  @ValidateNested() @Type(() => ContestedResult) previous!: ContestedResult;
}
