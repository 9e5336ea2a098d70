import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@cem/contracts';
import { CurrentActor, SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
import { AmendDossierDto, DraftDossierDto, ForwardDossierDto, ForwardingOverrideDto, ReasonDto, SubmitDossierDto } from './dossier.dto';
import * as handlers from './dossier.handlers';
import { DossierCommandResponse } from '../shared/responses';

/** Dossier commands. Who may call what: submissions.policy.ts; business rules: the decider (422). */
@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('dossiers')
export class DossiersController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @ApiCreatedResponse({ type: DossierCommandResponse })
  @Post()
  draft(@CurrentActor() actor: Actor, @Body() dto: DraftDossierDto) {
    return handlers.draftDossier(this.infra, actor, dto);
  }

  @ApiOkResponse({ type: DossierCommandResponse })
  @Post(':id/submit')
  @HttpCode(200)
  submit(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: SubmitDossierDto) {
    return handlers.submitDossier(this.infra, actor, id, dto.jurisdictionUnitId);
  }

  @ApiOkResponse({ type: DossierCommandResponse })
  @Post(':id/receive')
  @HttpCode(200)
  receive(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return handlers.receiveDossier(this.infra, actor, id);
  }

  @ApiOkResponse({ type: DossierCommandResponse })
  @Post(':id/return')
  @HttpCode(200)
  returnToUnit(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReasonDto) {
    return handlers.returnDossier(this.infra, actor, id, dto.reason);
  }

  @ApiOkResponse({ type: DossierCommandResponse })
  @Post(':id/amend')
  @HttpCode(200)
  amend(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: AmendDossierDto) {
    return handlers.amendDossier(this.infra, actor, id, dto);
  }

  @ApiOkResponse({ type: DossierCommandResponse })
  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ReasonDto) {
    return handlers.withdrawDossier(this.infra, actor, id, dto.reason);
  }

  @ApiOkResponse({ type: DossierCommandResponse })
  @Post(':id/forward')
  @HttpCode(200)
  forward(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ForwardDossierDto) {
    return handlers.forwardDossier(this.infra, actor, id, dto.decisionRef);
  }

  /** Quyết định của cấp có thẩm quyền cho chuyển hồ sơ lên cấp trên không theo đề xuất của Hội đồng, nêu lý do. */
  @ApiOkResponse({ type: DossierCommandResponse })
  @Post(':id/forwarding-override')
  @HttpCode(200)
  decideForwardingOverride(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ForwardingOverrideDto) {
    return handlers.decideForwardingOverride(this.infra, actor, id, dto.decisionRef, dto.reason);
  }
}
