import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, ValidateNested } from 'class-validator';
import { RECIPIENT_KINDS, RecipientKind } from '@cem/contracts';

export class VerifyProposalDto {
  @IsOptional() @IsString() note?: string;
}

export class SendBackProposalDto {
  @IsString() @IsNotEmpty() reason!: string;
}

export class RecipientDto {
  @IsString() @IsNotEmpty() name!: string;
  @IsIn(RECIPIENT_KINDS) kind!: RecipientKind;
}

export class ResubmitProposalDto {
  @IsOptional() @IsString() note?: string;
  @IsOptional() @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => RecipientDto) recipients?: RecipientDto[];
}

export class ListProposalsQuery {
  @IsOptional() @IsIn(['received', 'sent-back', 'verified', 'decided', 'issued', 'revoked']) status?: string;
}
