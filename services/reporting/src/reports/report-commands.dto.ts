import { Type } from 'class-transformer';
import { IsArray, IsInt, IsNotEmpty, IsOptional, IsString, Min, ValidateNested } from 'class-validator';

export class FiguresDto {
  @IsInt() @Min(0) dossiersSubmitted!: number;
  @IsInt() @Min(0) initiativesApplied!: number;
  @IsInt() @Min(0) modelsRegistered!: number;
  @IsInt() @Min(0) awardsGiven!: number;
  @IsInt() @Min(0) unitsCommended!: number;
}

export class SubmitReportDto {
  /** Omitted by a standing body sending its roll-up upward: the aggregated totals are used. */
  @IsOptional() @ValidateNested() @Type(() => FiguresDto) figures?: FiguresDto;
  @IsString() narrative!: string;
}

export class AmendReportDto {
  @ValidateNested() @Type(() => FiguresDto) figures!: FiguresDto;
  @IsString() narrative!: string;
  @IsString() @IsNotEmpty() reason!: string;
}

export class AggregateReportsDto {
  /** The children expected to report; taken from the archived unit registry when omitted. */
  @IsOptional() @IsArray() @IsString({ each: true }) expectedChildUnitIds?: string[];
}

export class PeriodStatusQuery {
  /** The aggregating unit; the caller's own unit by default. */
  @IsOptional() @IsString() unitId?: string;
  /** Expected children as `unitId:level,...`; taken from the archived unit registry when omitted. */
  @IsOptional() @IsString() expected?: string;
}
