import { ApiOkResponse } from '@nestjs/swagger';
import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { Actor, NotFoundError } from '@cem/contracts';
import { loadState } from '@cem/decider';
import { CurrentActor, Roles, SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
import { awardCatalogueDecider, awardStreamId } from '../catalogue/award-catalogue.decider';
import { awardProposalDecider } from '../proposals/award-proposal.decider';
import { runProposalCommand } from '../proposals/proposal-commands';
import { proposalStreamId } from '../proposals/proposal.state';
import { DecideAwardDto, IssueAwardDto, RevokeAwardDto } from './award-decision.dto';
import type { HeldAward } from './award-decision.decide';
import { AwardsHeldDoc, awardsHeldProjection } from './awards-held.projection';
import { ProposalCommandResponse } from '../shared/responses';

/** Quyết định khen thưởng, trao tặng, thu hồi: the stages after the board's verification. */
@Controller('proposals')
export class AwardDecisionsController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @ApiOkResponse({ type: ProposalCommandResponse })
  @Post(':id/decide')
  @HttpCode(200)
  @Roles('authority')
  async decide(@CurrentActor() actor: Actor, @Param('id') proposalId: string, @Body() dto: DecideAwardDto) {
    const { state: entry } = await loadState(this.infra.store, awardCatalogueDecider, awardStreamId(dto.awardCode));
    if (!entry.award) throw new NotFoundError(`Hình thức khen thưởng ${dto.awardCode} không có trong danh mục`);
    const { decisionNumber, decisionDate, signer, recipients, legalBases, issuingAuthority } = dto;
    const command = { type: 'DecideAward' as const, actor, proposalId, award: entry.award, heldAwards: await this.heldAwards(proposalId) };
    return runProposalCommand(this.infra, actor, {
      ...command,
      decisionNumber,
      decisionDate,
      signer,
      ...(recipients ? { recipients } : {}),
      ...(legalBases?.length ? { legalBases } : {}),
      ...(issuingAuthority ? { issuingAuthority } : {}),
    });
  }

  @ApiOkResponse({ type: ProposalCommandResponse })
  @Post(':id/issue')
  @HttpCode(200)
  @Roles('authority', 'emulation-board')
  issue(@CurrentActor() actor: Actor, @Param('id') proposalId: string, @Body() dto: IssueAwardDto) {
    const ceremonyDate = dto.ceremonyDate ?? new Date().toISOString();
    return runProposalCommand(this.infra, actor, {
      type: 'IssueAward',
      actor,
      proposalId,
      ceremonyDate,
      ...(dto.certificateNumber ? { certificateNumber: dto.certificateNumber } : {}),
    });
  }

  @ApiOkResponse({ type: ProposalCommandResponse })
  @Post(':id/revoke')
  @HttpCode(200)
  @Roles('authority')
  revoke(@CurrentActor() actor: Actor, @Param('id') proposalId: string, @Body() dto: RevokeAwardDto) {
    return runProposalCommand(this.infra, actor, { type: 'RevokeAward', actor, proposalId, ...dto }, dto.reason);
  }

  /** The awards the proposal's dossier already holds; waits for the read model so a decision just made counts. */
  private async heldAwards(proposalId: string): Promise<HeldAward[]> {
    const { state } = await loadState(this.infra.store, awardProposalDecider, proposalStreamId(proposalId));
    const dossierId = state.status === 'none' ? undefined : state.proposal.dossierId;
    if (!dossierId) return [];
    await this.infra.readModelsCaughtUp();
    const doc = await this.infra.documents.collection<AwardsHeldDoc>(awardsHeldProjection.collection).get(dossierId);
    return doc?.awards ?? [];
  }
}
