import { ApiOkResponse } from '@nestjs/swagger';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Actor } from '@cem/contracts';
import {
  ApiPageResponse,
  CurrentActor,
  findPage,
  HeaderSink,
  MAX_PAGE_SIZE,
  pageAndCriteria,
  ScopedActors,
  Roles,
  SERVICE_INFRA,
  ServiceInfra,
} from '@cem/service-kit';
import { ListProposalsQuery, ResubmitProposalDto, SendBackProposalDto, VerifyProposalDto } from './proposal-commands.dto';
import { runProposalCommand } from './proposal-commands';
import { ProposalDoc, proposalsProjection } from './proposals.projection';
import { ProposalCommandResponse, ProposalResponse } from '../shared/responses';

/** Roles that see every proposal rather than their own unit's subtree. */
const SEE_ALL = new Set(['admin', 'auditor', 'analyst']);

@Controller('proposals')
export class ProposalsController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @ApiPageResponse(ProposalResponse)
  @Get()
  async list(
    @CurrentActor() actor: Actor,
    @ScopedActors() scoped: Actor[],
    @Query() query: ListProposalsQuery,
    @Res({ passthrough: true }) res: HeaderSink,
  ) {
    await this.infra.readModelsCaughtUp();
    const { page, criteria } = pageAndCriteria(query);
    // Jurisdiction in the query (an array field equal to a value contains it), so pages and totals count only what is visible.
    const filter = {
      ...(criteria.status ? { status: criteria.status } : {}),
      ...(SEE_ALL.has(actor.role) ? {} : { 'proposal.jurisdictionUnitPath': actor.unitId }),
    };
    const proposals = this.infra.documents.collection<ProposalDoc>(proposalsProjection.collection);
    const docs = await findPage(proposals, filter, { _id: 1 }, page, res, MAX_PAGE_SIZE);
    // The store's _id never leaves the service; the proposal's own id leads each row.
    return docs.map((d) => ({ proposalId: d._id, ...d }));
  }

  @ApiOkResponse({ type: ProposalCommandResponse })
  @Post(':id/verify')
  @HttpCode(200)
  @Roles('emulation-board')
  verify(@CurrentActor() actor: Actor, @Param('id') proposalId: string, @Body() dto: VerifyProposalDto) {
    return runProposalCommand(this.infra, actor, {
      type: 'VerifyAchievements',
      actor,
      proposalId,
      ...(dto.note ? { note: dto.note } : {}),
    });
  }

  @ApiOkResponse({ type: ProposalCommandResponse })
  @Post(':id/send-back')
  @HttpCode(200)
  @Roles('emulation-board')
  sendBack(@CurrentActor() actor: Actor, @Param('id') proposalId: string, @Body() dto: SendBackProposalDto) {
    return runProposalCommand(this.infra, actor, { type: 'SendBackProposal', actor, proposalId, reason: dto.reason }, dto.reason);
  }

  @ApiOkResponse({ type: ProposalCommandResponse })
  @Post(':id/resubmit')
  @HttpCode(200)
  @Roles('council-chair', 'council-secretary', 'standing-body')
  resubmit(@CurrentActor() actor: Actor, @Param('id') proposalId: string, @Body() dto: ResubmitProposalDto) {
    return runProposalCommand(this.infra, actor, { type: 'ResubmitProposal', actor, proposalId, ...dto });
  }
}
