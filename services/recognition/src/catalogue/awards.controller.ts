import { ApiCreatedResponse, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Body, Controller, Get, Inject, Post, Query, Res } from '@nestjs/common';
import { ADMINISTRATIVE_LEVELS, AdministrativeLevel, type Actor } from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import {
  ApiPageResponse,
  CurrentActor,
  findPage,
  HeaderSink,
  MAX_PAGE_SIZE,
  PageQuery,
  pageAndCriteria,
  Roles,
  SERVICE_INFRA,
  ServiceInfra,
} from '@cem/service-kit';
import { httpCommand } from '../shared/command-context';
import { awardCatalogueDecider, awardStreamId } from './award-catalogue.decider';
import { AwardCatalogueDoc, awardCatalogueProjection } from './award-catalogue.projection';
import { DefineAwardDto } from './define-award.dto';
import { AwardResponse } from '../shared/responses';

@ApiSchema({ description: 'Bộ lọc danh mục giải thưởng' })
export class ListAwardsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ADMINISTRATIVE_LEVELS, description: 'Chỉ các giải thưởng của cấp này' })
  @IsOptional()
  @IsIn(ADMINISTRATIVE_LEVELS)
  level?: AdministrativeLevel;
}

@Controller('awards')
export class AwardsController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @ApiCreatedResponse({ type: AwardResponse })
  @Post()
  @Roles('emulation-board', 'authority', 'admin')
  async define(@CurrentActor() actor: Actor, @Body() dto: DefineAwardDto) {
    const award = { ...dto };
    await handleCommand(
      this.infra.store,
      awardCatalogueDecider,
      awardStreamId(dto.awardCode),
      { type: 'DefineAward', actor, award },
      httpCommand(this.infra, actor),
    );
    await this.infra.readModelsCaughtUp();
    return award;
  }

  @ApiPageResponse(AwardResponse)
  @Get()
  async list(@Query() query: ListAwardsQuery, @Res({ passthrough: true }) res: HeaderSink) {
    await this.infra.readModelsCaughtUp();
    const { page, criteria } = pageAndCriteria(query);
    const awards = this.infra.documents.collection<AwardCatalogueDoc>(awardCatalogueProjection.collection);
    return findPage(awards, criteria.level ? { level: criteria.level } : {}, { _id: 1 }, page, res, MAX_PAGE_SIZE);
  }
}
