import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import { ApiPageResponse, CurrentActor, findPage, HeaderSink, pageAndCriteria, Roles, SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
import { httpCommandContext } from '../shared/command-context';
import { criteriaSetDecider, criteriaSetStreamId } from './criteria-set.decider';
import { CriteriaQueryDto, DraftCriteriaSetDto, PublishCriteriaSetDto } from './criteria.dto';
import { CriteriaSetDoc, criteriaSetsProjection } from './criteria-sets.projection';
import { CriteriaDraftResponse, CriteriaPublishResponse, CriteriaSetResponse } from '../shared/responses';

const WRITERS = ['front-chair', 'council-chair', 'council-secretary'] as const;

@ApiTags('criteria')
@ApiBearerAuth()
@Controller()
export class CriteriaController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @ApiCreatedResponse({ type: CriteriaDraftResponse })
  @Post('criteria-sets')
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Draft the next version of a criteria set (tiêu chí đánh giá xếp loại)' })
  async draft(@CurrentActor() actor: Actor, @Body() dto: DraftCriteriaSetDto) {
    const content = { ...dto };
    const result = await handleCommand(
      this.infra.store,
      criteriaSetDecider,
      criteriaSetStreamId(dto.criteriaSetId),
      { type: 'DraftCriteriaSet', actor, content },
      httpCommandContext(this.infra, actor),
    );
    return { criteriaSetId: dto.criteriaSetId, version: result.state.draft?.version };
  }

  @ApiOkResponse({ type: CriteriaPublishResponse })
  @Post('criteria-sets/:id/publish')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Publish the draft; it supersedes the version in force' })
  async publish(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: PublishCriteriaSetDto) {
    const ctx = httpCommandContext(this.infra, actor);
    const result = await handleCommand(
      this.infra.store,
      criteriaSetDecider,
      criteriaSetStreamId(id),
      { type: 'PublishCriteriaSet', actor, criteriaSetId: id, version: dto.version, publishedAt: ctx.occurredAt },
      ctx,
    );
    return { criteriaSetId: id, version: dto.version, published: result.events.length > 0 };
  }

  @ApiPageResponse(CriteriaSetResponse)
  @Get(['criteria', 'criteria-sets'])
  @ApiOperation({ summary: 'Criteria sets with their version in force, by campaign, year and field' })
  async list(@Query() q: CriteriaQueryDto, @Res({ passthrough: true }) res: HeaderSink) {
    const { page, criteria } = pageAndCriteria(q);
    const filter = Object.fromEntries(Object.entries(criteria).filter(([, v]) => v !== undefined));
    const sets = this.infra.documents.collection<CriteriaSetDoc>(criteriaSetsProjection.collection);
    return findPage(sets, filter, { year: -1, fieldCode: 1, _id: 1 }, page, res, 200);
  }
}
