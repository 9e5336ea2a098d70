import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsIn, Matches } from 'class-validator';
import { CLUSTER_KINDS, ClusterKind, IsId, IsLine, MaxItems } from '@cem/contracts';

/** Lập cụm, khối thi đua: units of one organising unit grouped under a head (Cụm trưởng, Khối trưởng). */
@ApiSchema({ description: 'Lập cụm, khối thi đua: các đơn vị của một đơn vị tổ chức, có Cụm trưởng, Khối trưởng' })
export class FormClusterDto {
  @ApiProperty({ example: 'binh-chanh-cum-1' }) @IsId() @Matches(/^[a-z0-9-]+$/) clusterId!: string;
  @ApiProperty({ example: 'Cụm thi đua số 1' }) @IsLine() name!: string;
  @ApiProperty({ enum: CLUSTER_KINDS }) @IsIn(CLUSTER_KINDS) kind!: ClusterKind;
  @ApiProperty({ example: 'vn-hcm-binh-chanh' }) @IsId() organisingUnitId!: string;
  @ApiProperty({ example: 'vn-hcm-binh-chanh-tan-kien' }) @IsId() headUnitId!: string;
  @ApiProperty({ type: [String], example: ['vn-hcm-binh-chanh-tan-kien', 'vn-hcm-binh-chanh-binh-hung'] })
  @IsArray()
  @ArrayMinSize(2)
  @MaxItems()
  @IsId({ each: true })
  memberUnitIds!: string[];
}
