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
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel } from '../administrative';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  NotificationChannel,
  NotificationKind,
  REPORTING_PERIOD_KINDS,
  ReportingPeriodKind,
} from './reporting.values';

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

/**
 * A person's notification preferences (thiết lập thông báo): channels, kinds, the hour of the daily digest
 * (Vietnam time) and how many days before a deadline to remind. Carries the person's identity as their token
 * said when they saved (role, unit, level, unit path, e-mail address), which is what the daily digest addresses.
 * A later setting replaces the earlier one.
 */
export class NotificationPreferencesSetData {
  @IsString() @IsNotEmpty() personId!: string;
  @IsOptional() @IsString() name?: string;
  @IsString() @IsNotEmpty() role!: string;
  @IsString() @IsNotEmpty() unitId!: string;
  @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) unitPath!: string[];
  @IsOptional() @IsString() @IsNotEmpty() email?: string;
  @IsArray() @IsIn(NOTIFICATION_CHANNELS, { each: true }) channels!: NotificationChannel[];
  @IsArray() @IsIn(NOTIFICATION_KINDS, { each: true }) kinds!: NotificationKind[];
  @IsInt() @Min(0) @Max(23) digestHour!: number;
  @IsInt() @Min(1) @Max(60) reminderDays!: number;
  @IsISO8601() setAt!: string;
}

/** A person marked notifications as read (đã xem). */
export class NotificationsReadData {
  @IsString() @IsNotEmpty() personId!: string;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) notificationIds!: string[];
  @IsISO8601() readAt!: string;
}

/**
 * The day's digest e-mail to a person was handed to the mail server (one stream per person per day, so two
 * replicas cannot both send it: the second append loses the race and sends nothing).
 */
export class DigestDispatchedData {
  @IsString() @IsNotEmpty() personId!: string;
  /** The person's calendar day (Vietnam time), YYYY-MM-DD. */
  @IsString() @IsNotEmpty() day!: string;
  @IsString() @IsNotEmpty() email!: string;
  @IsString() @IsNotEmpty() subject!: string;
  @IsArray() @IsString({ each: true }) notificationIds!: string[];
  @IsISO8601() dispatchedAt!: string;
}

/** The mail server refused or could not be reached; a later run of the day tries again. */
export class DigestDeliveryFailedData {
  @IsString() @IsNotEmpty() personId!: string;
  @IsString() @IsNotEmpty() day!: string;
  @IsString() @IsNotEmpty() reason!: string;
  @IsISO8601() failedAt!: string;
}
