import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, NotFoundError } from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import { ApiPageResponse, CurrentActor, findPage, HeaderSink, PageQuery, SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
import { byActor, findCampaign, requireUnit } from '../shared/lookups';
import { CampaignCommand, campaignDecider, campaignStreamId, ResolvedUnit } from './campaign.decider';
import { CampaignDoc, campaignProjection } from './campaign.projection';
import {
  AddFieldDto,
  AssignReceivingAgencyDto,
  LaunchCampaignDto,
  OpenEditionDto,
  SetAppealRulesDto,
  SetDeadlineDto,
} from './campaign.dto';
import type { UnitDoc } from '../units/unit.projection';
import { CampaignCommandResponse, CampaignResponse } from '../shared/responses';

const resolved = ({ unitId, level, unitPath }: UnitDoc): ResolvedUnit => ({ unitId, level, unitPath });

/** Each route resolves unit ids against the units read model (unknown -> 404), then lets the decider rule. */
@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  private async run(campaignId: string, actor: Actor, command: CampaignCommand) {
    const { events, append } = await handleCommand(
      this.infra.store,
      campaignDecider,
      campaignStreamId(campaignId),
      command,
      byActor(this.infra, actor),
    );
    return { campaignId, events: events.map((e) => e.type), version: append?.nextExpectedVersion };
  }

  @ApiCreatedResponse({ type: CampaignCommandResponse })
  @Post()
  async launch(@CurrentActor() actor: Actor, @Body() dto: LaunchCampaignDto) {
    const unit = await requireUnit(this.infra, dto.launchedByUnitId);
    return this.run(dto.campaignId, actor, { type: 'LaunchCampaign', actor, ...dto, level: unit.level });
  }

  @ApiCreatedResponse({ type: CampaignCommandResponse })
  @Post(':id/editions')
  async openEdition(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: OpenEditionDto) {
    return this.run(id, actor, { type: 'OpenEdition', actor, ...dto });
  }

  @ApiCreatedResponse({ type: CampaignCommandResponse })
  @Post(':id/fields')
  async addField(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: AddFieldDto) {
    return this.run(id, actor, { type: 'AddField', actor, ...dto });
  }

  @ApiCreatedResponse({ type: CampaignCommandResponse })
  @Post(':id/receiving-agencies')
  async assignAgency(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: AssignReceivingAgencyDto) {
    const jurisdiction = resolved(await requireUnit(this.infra, dto.jurisdictionUnitId));
    const agency = resolved(await requireUnit(this.infra, dto.agencyUnitId));
    return this.run(id, actor, {
      type: 'AssignReceivingAgency',
      actor,
      fieldCode: dto.fieldCode,
      jurisdiction,
      agency,
      ...(dto.letterRef ? { letterRef: dto.letterRef } : {}),
    });
  }

  @ApiCreatedResponse({ type: CampaignCommandResponse })
  @Post(':id/deadlines')
  async setDeadline(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: SetDeadlineDto) {
    const jurisdiction = dto.jurisdictionUnitId ? resolved(await requireUnit(this.infra, dto.jurisdictionUnitId)) : undefined;
    return this.run(id, actor, {
      type: 'SetSubmissionDeadline',
      actor,
      year: dto.year,
      level: dto.level,
      deadline: dto.deadline,
      ...(jurisdiction ? { jurisdiction } : {}),
    });
  }

  @ApiCreatedResponse({ type: CampaignCommandResponse })
  @ApiOperation({
    summary: 'Quy định thời hạn kiến nghị, khiếu nại kết quả thẩm định và Hội đồng giải quyết (quy định sau thay quy định trước)',
  })
  @Post(':id/appeal-rules')
  async setAppealRules(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: SetAppealRulesDto) {
    return this.run(id, actor, { type: 'SetAppealRules', actor, windowDays: dto.windowDays, handledBy: dto.handledBy });
  }

  @ApiPageResponse(CampaignResponse)
  @Get()
  async list(@Query() page: PageQuery, @Res({ passthrough: true }) res: HeaderSink): Promise<CampaignDoc[]> {
    await this.infra.readModelsCaughtUp();
    return findPage(this.infra.documents.collection<CampaignDoc>(campaignProjection.collection), {}, { _id: 1 }, page, res);
  }

  @ApiOkResponse({ type: CampaignResponse })
  @Get(':id')
  async get(@Param('id') id: string): Promise<CampaignDoc> {
    const doc = await findCampaign(this.infra, id);
    if (!doc) throw new NotFoundError(`Không tìm thấy phong trào ${id}`, { campaignId: id });
    return doc;
  }
}
