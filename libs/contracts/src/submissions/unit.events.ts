import { ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel, Role, ROLES } from '../administrative';
import { CLUSTER_KINDS, ClusterKind, UNIT_KINDS, UnitKind } from './submissions.values';

/** A unit (đơn vị) joins the tree; its id is its parent's id + '-' + a slug, e.g. 'vn-hcm-binh-chanh'. */
export class UnitRegisteredData {
  @IsString() @IsNotEmpty() unitId!: string;
  @IsString() @IsNotEmpty() name!: string;
  @IsIn(UNIT_KINDS) kind!: UnitKind;
  @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @IsOptional() @IsString() @IsNotEmpty() parentUnitId?: string;
  /** Unit ids from the top down, ending with this unit's own id. */
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) unitPath!: string[];
}

/** Cụm / khối thi đua formed under a unit, with its head (Cụm trưởng, Khối trưởng). */
export class ClusterFormedData {
  @IsString() @IsNotEmpty() clusterId!: string;
  @IsString() @IsNotEmpty() name!: string;
  @IsIn(CLUSTER_KINDS) kind!: ClusterKind;
  @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @IsString() @IsNotEmpty() parentUnitId!: string;
  @IsString() @IsNotEmpty() headUnitId!: string;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) memberUnitIds!: string[];
}

/**
 * A unit acts for a jurisdiction in a role (ủy quyền, giao nhiệm vụ): e.g. the Emulation and Reward Board
 * under the provincial Department of Home Affairs acts for the province as 'emulation-board'. Granted by the
 * jurisdiction's competent authority by a decision; in force from `from` (a document date, yyyy-MM-dd).
 */
export class MandateGrantedData {
  @IsString() @IsNotEmpty() mandateId!: string;
  @IsString() @IsNotEmpty() holderUnitId!: string;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) holderUnitPath!: string[];
  @IsString() @IsNotEmpty() jurisdictionUnitId!: string;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) jurisdictionUnitPath!: string[];
  @IsIn(ADMINISTRATIVE_LEVELS) jurisdictionLevel!: AdministrativeLevel;
  @IsIn(ROLES) role!: Role;
  @IsString() @IsNotEmpty() from!: string;
  @IsString() @IsNotEmpty() decisionRef!: string;
}

/** A mandate ends from a date (the decision that ended it is the reason). */
export class MandateRevokedData {
  @IsString() @IsNotEmpty() mandateId!: string;
  @IsString() @IsNotEmpty() until!: string;
  @IsString() @IsNotEmpty() decisionRef!: string;
}
