import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
} from 'class-validator';
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel } from '../administrative';
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
