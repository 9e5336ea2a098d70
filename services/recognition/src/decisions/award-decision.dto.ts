import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { DECISION_NUMBER_PATTERN } from '@cem/contracts';
import { RecipientDto } from '../proposals/proposal-commands.dto';

export class DecideAwardDto {
  @Matches(DECISION_NUMBER_PATTERN, { message: 'decisionNumber looks like 1234/QĐ-UBND' }) decisionNumber!: string;
  @IsISO8601() decisionDate!: string;
  @IsString() @IsNotEmpty() signer!: string;
  @IsString() @IsNotEmpty() awardCode!: string;
  @IsOptional() @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => RecipientDto) recipients?: RecipientDto[];
}

export class IssueAwardDto {
  @IsOptional() @IsISO8601() ceremonyDate?: string;
  @IsOptional() @IsString() @IsNotEmpty() certificateNumber?: string;
}

export class RevokeAwardDto {
  @IsString() @IsNotEmpty() reason!: string;
  @Matches(DECISION_NUMBER_PATTERN, { message: 'decisionNumber looks like 1234/QĐ-UBND' }) decisionNumber!: string;
  @IsISO8601() decisionDate!: string;
}
