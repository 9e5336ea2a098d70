import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, NotFoundError } from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import { CurrentActor, Roles, SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
import { httpCommandContext } from '../shared/command-context';
import { registeredUnits } from '../units/known-units';
import { compositionOn } from './composition';
import { CouncilCommand, councilDecider, councilStreamId } from './council.decider';
import { CouncilCompositionDoc, councilCompositionProjection } from './council-composition.projection';
import {
  AddEditionDto,
  AddMemberDto,
  AmendRegulationsDto,
  CompositionQueryDto,
  EstablishCouncilDto,
  RemoveMemberDto,
  ReplaceMemberDto,
} from './councils.dto';
import { CouncilCommandResponse, CouncilCompositionResponse } from '../shared/responses';

/** Councils are established and renewed by the Front chair of their level (the decider checks the unit). */
@ApiTags('councils')
@ApiBearerAuth()
@Controller('councils')
export class CouncilsController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  private async run(actor: Actor, councilId: string, command: CouncilCommand, reason?: string) {
    const result = await handleCommand(
      this.infra.store,
      councilDecider,
      councilStreamId(councilId),
      command,
      httpCommandContext(this.infra, actor, reason),
    );
    return { councilId, events: result.events.map((e) => e.type) };
  }

  /**
   * The members' agencies found among the registered units. Units are registered in submissions and reach this
   * service as events (units/known-units.ts); a unit registered a moment ago may take that long to arrive.
   */
  private async registered(unitIds: string[]): Promise<string[]> {
    await this.infra.readModelsCaughtUp();
    return [...(await registeredUnits(this.infra, unitIds)).keys()];
  }

  @ApiCreatedResponse({ type: CouncilCommandResponse })
  @Post()
  @Roles('front-chair')
  @ApiOperation({ summary: 'Establish a council (quyết định thành lập Hội đồng thẩm định)' })
  async establish(@CurrentActor() actor: Actor, @Body() dto: EstablishCouncilDto) {
    const registeredAgencyUnitIds = await this.registered(dto.members.map((m) => m.agencyUnitId));
    return this.run(actor, dto.councilId, { type: 'EstablishCouncil', actor, council: { ...dto }, registeredAgencyUnitIds });
  }

  @ApiCreatedResponse({ type: CouncilCommandResponse })
  @Post(':id/members')
  @Roles('front-chair')
  @ApiOperation({ summary: 'Add a member (bổ sung thành viên)' })
  async add(@CurrentActor() actor: Actor, @Param('id') councilId: string, @Body() dto: AddMemberDto) {
    const registeredAgencyUnitIds = await this.registered([dto.member.agencyUnitId]);
    return this.run(
      actor,
      councilId,
      { type: 'AddMember', actor, councilId, member: dto.member, reason: dto.reason, registeredAgencyUnitIds },
      dto.reason,
    );
  }

  @ApiOkResponse({ type: CouncilCommandResponse })
  @Post(':id/members/:memberId/replace')
  @HttpCode(200)
  @Roles('front-chair')
  @ApiOperation({ summary: 'Replace a member from a date (kiện toàn)' })
  async replace(
    @CurrentActor() actor: Actor,
    @Param('id') councilId: string,
    @Param('memberId') oldMemberId: string,
    @Body() dto: ReplaceMemberDto,
  ) {
    const { newMember, effectiveFrom, reason } = dto;
    const registeredAgencyUnitIds = await this.registered([newMember.agencyUnitId]);
    return this.run(
      actor,
      councilId,
      { type: 'ReplaceMember', actor, councilId, oldMemberId, newMember: { ...newMember }, effectiveFrom, reason, registeredAgencyUnitIds },
      reason,
    );
  }

  @ApiOkResponse({ type: CouncilCommandResponse })
  @Post(':id/members/:memberId/remove')
  @HttpCode(200)
  @Roles('front-chair')
  @ApiOperation({ summary: 'Remove a member from a date' })
  remove(@CurrentActor() actor: Actor, @Param('id') councilId: string, @Param('memberId') memberId: string, @Body() dto: RemoveMemberDto) {
    const { effectiveFrom, reason } = dto;
    return this.run(actor, councilId, { type: 'RemoveMember', actor, councilId, memberId, effectiveFrom, reason }, reason);
  }

  @ApiOkResponse({ type: CouncilCommandResponse })
  @Post(':id/editions')
  @HttpCode(200)
  @Roles('front-chair')
  @ApiOperation({ summary: 'Giao thêm một đợt (phong trào, năm) cho Hội đồng thường trực' })
  addEdition(@CurrentActor() actor: Actor, @Param('id') councilId: string, @Body() dto: AddEditionDto) {
    const { edition, reason } = dto;
    return this.run(
      actor,
      councilId,
      { type: 'AddEdition', actor, councilId, edition: { campaignId: edition.campaignId, year: edition.year }, reason },
      reason,
    );
  }

  @ApiOkResponse({ type: CouncilCommandResponse })
  @Post(':id/regulations')
  @HttpCode(200)
  @Roles('front-chair')
  @ApiOperation({ summary: 'Amend the operating regulations (quy chế)' })
  amend(@CurrentActor() actor: Actor, @Param('id') councilId: string, @Body() dto: AmendRegulationsDto) {
    const { regulations, effectiveFrom, reason } = dto;
    return this.run(actor, councilId, { type: 'AmendRegulations', actor, councilId, regulations, effectiveFrom, reason }, reason);
  }

  @ApiOkResponse({ type: CouncilCompositionResponse })
  @Get(':id/composition')
  @ApiOperation({ summary: 'Who sat on the council on a date, with the full membership history' })
  async composition(@Param('id') councilId: string, @Query() q: CompositionQueryDto) {
    const doc = await this.infra.documents.collection<CouncilCompositionDoc>(councilCompositionProjection.collection).get(councilId);
    if (!doc) throw new NotFoundError(`Không tìm thấy Hội đồng ${councilId}`);
    const on = (q.on ?? new Date().toISOString()).slice(0, 10);
    const { _position: _p, ...council } = doc as CouncilCompositionDoc & { _position?: unknown };
    return { ...council, on, members: compositionOn(doc, on) };
  }
}
