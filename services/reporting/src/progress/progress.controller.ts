import { ApiOkResponse } from '@nestjs/swagger';
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import type { Actor } from '@cem/contracts';
import { ScopedActors, SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
import { EditionParams, EditionProgressQuery, EditionProgressResponse } from './progress.dto';
import { findEditionProgress } from './progress.query';

/** Toàn cảnh phong trào: each campaign edition's progress by level and unit. */
@Controller('campaigns')
export class ProgressController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @ApiOkResponse({ type: EditionProgressResponse })
  @Get(':campaignId/editions/:year/progress')
  async progress(@Param() params: EditionParams, @Query() query: EditionProgressQuery, @ScopedActors() scoped: Actor[]) {
    await this.infra.readModelsCaughtUp();
    return findEditionProgress(this.infra.documents, { ...params, ...query }, scoped, new Date());
  }
}
