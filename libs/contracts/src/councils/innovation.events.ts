import { ArrayMinSize, IsArray, IsNotEmpty, IsString } from 'class-validator';
import { IsCalendarDateOrTime } from '../validation';

/**
 * Cơ sở dữ liệu sáng kiến (the Hà Nam plan): an accepted work applied in one more unit, with the effect there.
 * The spread of a work is the list of these, on the work's own stream.
 */
export class InnovationAppliedData {
  @IsString() @IsNotEmpty() dossierId!: string;
  @IsString() @IsNotEmpty() unitId!: string;
  @IsString() @IsNotEmpty() unitName!: string;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) unitPath!: string[];
  @IsCalendarDateOrTime() appliedFrom!: string;
  /** Hiệu quả áp dụng: what the application brought in that unit. */
  @IsString() @IsNotEmpty() effect!: string;
  /** The unit that recorded it (the applying unit, or a unit above it). */
  @IsString() @IsNotEmpty() recordedByUnitId!: string;
}
