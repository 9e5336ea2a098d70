import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsString, Matches } from 'class-validator';
import { CLUSTER_KINDS, ClusterKind } from '@cem/contracts';

/** Lập cụm, khối thi đua: units of one organising unit grouped under a head (Cụm trưởng, Khối trưởng). */
export class FormClusterDto {
  @ApiProperty({ example: 'binh-chanh-cum-1' }) @IsString() @Matches(/^[a-z0-9-]+$/) clusterId!: string;
  @ApiProperty({ example: 'Cụm thi đua số 1' }) @IsString() @IsNotEmpty() name!: string;
  @ApiProperty({ enum: CLUSTER_KINDS }) @IsIn(CLUSTER_KINDS as unknown as string[]) kind!: ClusterKind;
  @ApiProperty({ example: 'vn-hcm-binh-chanh' }) @IsString() @IsNotEmpty() organisingUnitId!: string;
  @ApiProperty() @IsString() @IsNotEmpty() headUnitId!: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(2) @IsString({ each: true }) memberUnitIds!: string[];
}
