import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel, IsId, IsYear } from '@cem/contracts';
import {
  ApiPageResponse,
  findPage,
  HeaderSink,
  MAX_PAGE_SIZE,
  PageQuery,
  pageAndCriteria,
  SERVICE_INFRA,
  ServiceInfra,
} from '@cem/service-kit';
import { AwardedWorksDoc, awardedWorksProjection } from './awarded-works.projection';
import { AwardedWorksResponse } from '../shared/responses';

@ApiSchema({ description: 'Bộ lọc danh sách công trình được trao giải' })
export class AwardedWorksQuery extends PageQuery {
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsYear() year?: number;
  @ApiPropertyOptional({ enum: ADMINISTRATIVE_LEVELS }) @IsOptional() @IsIn(ADMINISTRATIVE_LEVELS) level?: AdministrativeLevel;
  @ApiPropertyOptional({ example: 'khcn' }) @IsOptional() @IsId() fieldCode?: string;
}

/** "Gương người Việt đoàn kết sáng tạo": the published list of awarded works. */
@Controller('public/awarded-works')
export class AwardedWorksController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @ApiPageResponse(AwardedWorksResponse)
  @Get()
  async list(@Query() q: AwardedWorksQuery, @Res({ passthrough: true }) res: HeaderSink) {
    await this.infra.readModelsCaughtUp();
    const { page, criteria: query } = pageAndCriteria(q);
    const filter = {
      ...(query.year !== undefined ? { year: query.year } : {}),
      ...(query.level ? { level: query.level } : {}),
      ...(query.fieldCode ? { fieldCode: query.fieldCode } : {}),
    };
    const works = this.infra.documents.collection<AwardedWorksDoc>(awardedWorksProjection.collection);
    return findPage(works, filter, { year: -1, level: 1, fieldCode: 1, _id: 1 }, page, res, MAX_PAGE_SIZE);
  }
}
