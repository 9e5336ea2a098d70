import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import type { Actor } from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import { CurrentActor, Roles, SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
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

  @ApiOkResponse({ type: PeriodResponse, isArray: true })
  @Get()
  async list() {
    await this.infra.readModelsCaughtUp();
    return this.infra.documents.collection<PeriodDoc>(periodsProjection.collection).find({}, { sort: { year: -1, _id: 1 } });
  }
}
