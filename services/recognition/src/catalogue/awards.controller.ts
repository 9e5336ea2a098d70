import { ApiCreatedResponse, ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ADMINISTRATIVE_LEVELS, type Actor } from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import { CurrentActor, Roles, SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
import { httpCommand } from '../shared/command-context';
import { awardCatalogueDecider, awardStreamId } from './award-catalogue.decider';
import { AwardCatalogueDoc, awardCatalogueProjection } from './award-catalogue.projection';
import { DefineAwardDto } from './define-award.dto';
import { AwardResponse } from '../shared/responses';

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

  @ApiOkResponse({ type: AwardResponse, isArray: true })
  @Get()
  @ApiQuery({ name: 'level', required: false, enum: ADMINISTRATIVE_LEVELS, description: 'Chỉ các giải thưởng của cấp này' })
  async list(@Query('level') level?: string) {
    await this.infra.readModelsCaughtUp();
    return this.infra.documents
      .collection<AwardCatalogueDoc>(awardCatalogueProjection.collection)
      .find(level ? { level } : {}, { sort: { _id: 1 } });
  }
}
