import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SCORING_ROLES, type Actor } from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import { CurrentActor, Roles, SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
import { criteriaInForce } from '../criteria/criteria-lookup';
import { evaluationCaseDecider, evaluationCaseStreamId } from '../evaluation/evaluation-case.decider';
import { httpCommandContext } from '../shared/command-context';
import { loadCase, loadCaseWithCouncil } from '../shared/stream-loaders';
import { ReviseScoreDto, SubmitScoreDto } from './scoring.dto';
import { visibleScores } from './visibility';
import { CaseScoresResponse, ScoreRecordedResponse } from '../shared/responses';

@ApiTags('scoring')
@ApiBearerAuth()
@Controller('cases/:caseId/scores')
export class ScoringController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  /** Loads what the scoring rules need: the case's council and the criteria in force for its edition. */
  private async score(actor: Actor, caseId: string, dto: SubmitScoreDto, reason?: string) {
    const { c, council } = await loadCaseWithCouncil(this.infra, caseId);
    const criteria = await criteriaInForce(this.infra, c);
    const ctx = httpCommandContext(this.infra, actor, reason);
    const base = {
      actor,
      caseId,
      memberId: actor.id,
      criteriaVersion: dto.criteriaVersion,
      scores: dto.scores,
      submittedAt: ctx.occurredAt,
      criteria,
      council,
    };
    const command = reason === undefined ? { ...base, type: 'SubmitScore' as const } : { ...base, type: 'ReviseScore' as const, reason };
    const result = await handleCommand(this.infra.store, evaluationCaseDecider, evaluationCaseStreamId(caseId), command, ctx);
    const [event] = result.events;
    return { caseId, memberId: actor.id, type: event.type, total: (event.data as { total: number }).total };
  }

  @ApiCreatedResponse({ type: ScoreRecordedResponse })
  @Post()
  @Roles(...SCORING_ROLES)
  @ApiOperation({ summary: 'Submit my score for a case (independent: others stay hidden until I score)' })
  submit(@CurrentActor() actor: Actor, @Param('caseId') caseId: string, @Body() dto: SubmitScoreDto) {
    return this.score(actor, caseId, dto);
  }

  @ApiOkResponse({ type: ScoreRecordedResponse })
  @Post('revise')
  @HttpCode(200)
  @Roles(...SCORING_ROLES)
  @ApiOperation({ summary: 'Revise my score, with a reason; the earlier score stays in the history' })
  revise(@CurrentActor() actor: Actor, @Param('caseId') caseId: string, @Body() dto: ReviseScoreDto) {
    const { reason, ...sheet } = dto;
    return this.score(actor, caseId, sheet, reason);
  }

  @ApiOkResponse({ type: CaseScoresResponse })
  @Get()
  @ApiOperation({ summary: 'Counted scores: a member sees them once they scored; everyone after finalisation' })
  async list(@CurrentActor() actor: Actor, @Param('caseId') caseId: string) {
    const c = await loadCase(this.infra, caseId);
    return { caseId, status: c.status, scores: visibleScores(c, actor.id) };
  }
}
