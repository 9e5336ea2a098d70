import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, ValidateNested } from 'class-validator';
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel, REPORTING_PERIOD_KINDS, ReportingPeriodKind } from '@cem/contracts';

export class DeadlineDto {
  @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @IsISO8601() dueBy!: string;
}

export class OpenPeriodDto {
  @IsString() @IsNotEmpty() periodId!: string;
  @IsInt() year!: number;
  @IsIn(REPORTING_PERIOD_KINDS) kind!: ReportingPeriodKind;
  @IsOptional() @IsString() @IsNotEmpty() campaignId?: string;
  @IsString() @IsNotEmpty() title!: string;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => DeadlineDto) deadlines!: DeadlineDto[];
}
