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
  Min,
  ValidateNested,
} from 'class-validator';
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel } from '../administrative';
import { REPORTING_PERIOD_KINDS, ReportingPeriodKind } from './reporting.values';

export class ReportingDeadline {
  @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  /** Reports from this level are late after this instant (e.g. Bình Chánh: before 1 November). */
  @IsISO8601() dueBy!: string;
}

export class ReportingPeriodOpenedData {
  @IsString() @IsNotEmpty() periodId!: string;
  @IsInt() year!: number;
  @IsIn(REPORTING_PERIOD_KINDS) kind!: ReportingPeriodKind;
  @IsOptional() @IsString() @IsNotEmpty() campaignId?: string;
  @IsString() @IsNotEmpty() title!: string;
  @IsString() @IsNotEmpty() openedByUnitId!: string;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => ReportingDeadline) deadlines!: ReportingDeadline[];
}

export class ReportFigures {
  @IsInt() @Min(0) dossiersSubmitted!: number;
  @IsInt() @Min(0) initiativesApplied!: number;
  @IsInt() @Min(0) modelsRegistered!: number;
  @IsInt() @Min(0) awardsGiven!: number;
  @IsInt() @Min(0) unitsCommended!: number;
}

export class ReportSubmittedData {
  @IsString() @IsNotEmpty() reportId!: string;
  @IsString() @IsNotEmpty() periodId!: string;
  @IsString() @IsNotEmpty() unitId!: string;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) unitPath!: string[];
  @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @ValidateNested() @Type(() => ReportFigures) figures!: ReportFigures;
  @IsString() narrative!: string;
  @IsISO8601() submittedAt!: string;
  @IsOptional() @IsISO8601() dueBy?: string;
  /** Computed from the period's deadline for the unit's level, so readers never recompute it. */
  @IsBoolean() late!: boolean;
  /** True when the figures are the roll-up of the children's reports. */
  @IsBoolean() aggregated!: boolean;
}

export class ReportAmendedData {
  @IsString() @IsNotEmpty() reportId!: string;
  @IsString() @IsNotEmpty() periodId!: string;
  @IsString() @IsNotEmpty() unitId!: string;
  @ValidateNested() @Type(() => ReportFigures) figures!: ReportFigures;
  @IsString() narrative!: string;
  @IsISO8601() amendedAt!: string;
  @IsString() @IsNotEmpty() reason!: string;
}

/** Tổng hợp: a standing body sums its children's reports before reporting upward. */
export class ReportsAggregatedData {
  @IsString() @IsNotEmpty() reportId!: string;
  @IsString() @IsNotEmpty() periodId!: string;
  @IsString() @IsNotEmpty() unitId!: string;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) unitPath!: string[];
  @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @IsArray() @IsString({ each: true }) childReportIds!: string[];
  @ValidateNested() @Type(() => ReportFigures) totals!: ReportFigures;
  @IsArray() @IsString({ each: true }) missingChildUnitIds!: string[];
  @IsISO8601() aggregatedAt!: string;
}
