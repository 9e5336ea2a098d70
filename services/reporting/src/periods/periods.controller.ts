import { ApiCreatedResponse } from '@nestjs/swagger';
import { Body, Controller, Get, Inject, Post, Query, Res } from '@nestjs/common';
import type { Actor } from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import {
  ApiPageResponse,
  CurrentActor,
  findPage,
  HeaderSink,
  MAX_PAGE_SIZE,
  PageQuery,
  Roles,
  SERVICE_INFRA,
  ServiceInfra,
} from '@cem/service-kit';
import { httpCommand } from '../shared/command-context';
import { OpenPeriodDto } from './open-period.dto';
import { PeriodDoc, periodsProjection } from './periods.projection';
import { reportingPeriodDecider, reportingPeriodStreamId } from './reporting-period.decider';
import { PeriodResponse } from '../shared/responses';

@Controller('periods')
export class PeriodsController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @ApiCreatedResponse({ type: PeriodResponse })
  @Post()
  @Roles('standing-body', 'admin')
  async open(@CurrentActor() actor: Actor, @Body() dto: OpenPeriodDto) {
    const result = await handleCommand(
      this.infra.store,
      reportingPeriodDecider,
      reportingPeriodStreamId(dto.periodId),
      { type: 'OpenReportingPeriod', actor, period: { ...dto } },
      httpCommand(this.infra, actor),
    );
    await this.infra.readModelsCaughtUp();
    return result.state.period;
  }

  @ApiPageResponse(PeriodResponse)
  @Get()
  async list(@Query() page: PageQuery, @Res({ passthrough: true }) res: HeaderSink) {
    await this.infra.readModelsCaughtUp();
    const periods = this.infra.documents.collection<PeriodDoc>(periodsProjection.collection);
    return findPage(periods, {}, { year: -1, _id: 1 }, page, res, MAX_PAGE_SIZE);
  }
}
