import { ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel, RECIPIENT_KINDS, RecipientKind } from '@cem/contracts';

export class DefineAwardDto {
  @IsString() @IsNotEmpty() awardCode!: string;
  @IsString() @IsNotEmpty() name!: string;
  @IsIn(ADMINISTRATIVE_LEVELS) level!: AdministrativeLevel;
  @IsString() @IsNotEmpty() grantingUnitId!: string;
  @IsOptional() @IsString() @IsNotEmpty() campaignId?: string;
  @IsArray() @ArrayMinSize(1) @IsIn(RECIPIENT_KINDS, { each: true }) recipientKinds!: RecipientKind[];
}
