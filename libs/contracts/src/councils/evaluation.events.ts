import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsString, ValidateNested } from 'class-validator';
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel } from '../administrative';
import { CaseDossierSnapshot } from './councils.shapes';
import { CONFLICT_KINDS, ConflictKind } from './councils.values';

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
