import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsString, ValidateNested } from 'class-validator';
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel } from '../administrative';
import { CaseDossierSnapshot } from './councils.shapes';
import { CONFLICT_KINDS, ConflictKind, ROUTING_WAIT_REASONS, RoutingWaitReason } from './councils.values';

/** One case per dossier per level; caseId is `${dossierId}@${level}`. */
export class EvaluationCaseOpenedData {
  @IsString() @IsNotEmpty() caseId!: string;
  @IsString() @IsNotEmpty() dossierId!: string;
  @IsString() @IsNotEmpty() councilId!: string;
  @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @IsString() @IsNotEmpty() jurisdictionUnitId!: string;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) jurisdictionUnitPath!: string[];
  @IsString() @IsNotEmpty() fieldCode!: string;
  @IsString() @IsNotEmpty() campaignId!: string;
  @IsInt() year!: number;
  @ValidateNested() @Type(() => CaseDossierSnapshot) dossier!: CaseDossierSnapshot;
  @IsISO8601() receivedAt!: string;
}

/**
 * A received dossier waits for a council: none, or more than one, matches its campaign edition, level,
 * jurisdiction and field. It is listed for the jurisdiction's secretaries with the reason, and a case opens once
 * a council is chosen or established (same caseId; EvaluationCaseOpened follows on the same stream).
 */
export class DossierAwaitingCouncilData {
  @IsString() @IsNotEmpty() caseId!: string;
  @IsString() @IsNotEmpty() dossierId!: string;
  @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @IsString() @IsNotEmpty() jurisdictionUnitId!: string;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) jurisdictionUnitPath!: string[];
  @IsString() @IsNotEmpty() receivingAgencyUnitId!: string;
  @IsString() @IsNotEmpty() fieldCode!: string;
  @IsString() @IsNotEmpty() campaignId!: string;
  @IsInt() year!: number;
  @IsIn(ROUTING_WAIT_REASONS) reason!: RoutingWaitReason;
  /** The reason in words (Vietnamese), as the secretary reads it. */
  @IsString() @IsNotEmpty() reasonText!: string;
  /** The councils that matched (several-councils); empty for no-council. */
  @IsArray() @IsString({ each: true }) candidateCouncilIds!: string[];
  @ValidateNested() @Type(() => CaseDossierSnapshot) dossier!: CaseDossierSnapshot;
  @IsISO8601() receivedAt!: string;
}

/** The secretary assigns members; carries the dossier title so work queues need no other stream. */
export class MembersAssignedData {
  @IsString() @IsNotEmpty() caseId!: string;
  @IsString() @IsNotEmpty() dossierId!: string;
  @IsString() @IsNotEmpty() councilId!: string;
  @IsString() @IsNotEmpty() fieldCode!: string;
  @IsString() @IsNotEmpty() title!: string;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) memberIds!: string[];
  @IsISO8601() assignedAt!: string;
}

/** Found automatically from the dossier's authors, owners and nominating unit. */
export class ConflictDetectedData {
  @IsString() @IsNotEmpty() caseId!: string;
  @IsString() @IsNotEmpty() memberId!: string;
  @IsIn(CONFLICT_KINDS) kind!: ConflictKind;
  /** What matched: the author/owner name or the unit id. */
  @IsString() @IsNotEmpty() matched!: string;
}

export class ConflictDeclaredData {
  @IsString() @IsNotEmpty() caseId!: string;
  @IsString() @IsNotEmpty() memberId!: string;
  @IsString() @IsNotEmpty() reason!: string;
  @IsISO8601() declaredAt!: string;
}

/** The member may not score this case; any score they gave no longer counts. */
export class MemberRecusedData {
  @IsString() @IsNotEmpty() caseId!: string;
  @IsString() @IsNotEmpty() memberId!: string;
  @IsString() @IsNotEmpty() reason!: string;
}
