import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel, IsId, IsYear } from '@cem/contracts';
import { SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
import { AwardedWorksDoc, awardedWorksProjection } from './awarded-works.projection';
import { AwardedWorksResponse } from '../shared/responses';

@ApiSchema({ description: 'Bộ lọc danh sách công trình được trao giải' })
export class AwardedWorksQuery {
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsYear() year?: number;
  @ApiPropertyOptional({ enum: ADMINISTRATIVE_LEVELS }) @IsOptional() @IsIn(ADMINISTRATIVE_LEVELS) level?: AdministrativeLevel;
  @ApiPropertyOptional({ example: 'khcn' }) @IsOptional() @IsId() fieldCode?: string;
}

/** "Gương người Việt đoàn kết sáng tạo": the published list of awarded works. */
@Controller('public/awarded-works')
export class AwardedWorksController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @ApiOkResponse({ type: AwardedWorksResponse, isArray: true })
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
