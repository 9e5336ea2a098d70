import { Controller, Get, Inject, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString } from 'class-validator';
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel } from '@cem/contracts';
import { SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
import { AwardedWorksDoc, awardedWorksProjection } from './awarded-works.projection';

export class AwardedWorksQuery {
  @IsOptional() @Type(() => Number) @IsInt() year?: number;
  @IsOptional() @IsIn(ADMINISTRATIVE_LEVELS) level?: AdministrativeLevel;
  @IsOptional() @IsString() fieldCode?: string;
}

/** "Gương người Việt đoàn kết sáng tạo": the published list of awarded works. */
@Controller('public/awarded-works')
export class AwardedWorksController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @Get()
  async list(@Query() query: AwardedWorksQuery) {
    await this.infra.readModelsCaughtUp();
    const filter = {
      ...(query.year !== undefined ? { year: query.year } : {}),
      ...(query.level ? { level: query.level } : {}),
      ...(query.fieldCode ? { fieldCode: query.fieldCode } : {}),
    };
    return this.infra.documents
      .collection<AwardedWorksDoc>(awardedWorksProjection.collection)
      .find(filter, { sort: { year: -1, level: 1, fieldCode: 1 } });
  }
}
