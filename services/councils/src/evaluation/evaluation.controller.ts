import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import { AccessFacts, CurrentActor, Roles, SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
import { documentDate, httpCommandContext } from '../shared/command-context';
import { loadCaseWithCouncil } from '../shared/stream-loaders';
import { evaluationCaseDecider, evaluationCaseStreamId } from './evaluation-case.decider';
import { AssignMembersDto, DeclareConflictDto } from './evaluation.dto';
import type { WorkItemDoc } from './work-queue.projection';
import { CaseEventTypesResponse, CaseEventsResponse, WorkItemResponse } from '../shared/responses';

const SCORING_ROLES = ['council-member', 'council-chair', 'council-secretary', 'expert'] as const;

@ApiTags('evaluation')
@ApiBearerAuth()
@Controller()
export class EvaluationController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @ApiOkResponse({ type: CaseEventsResponse })
  @Post('cases/:caseId/assign')
  @HttpCode(200)
  @Roles('council-secretary')
  @ApiOperation({ summary: 'Assign members to a case; conflicts found on the dossier recuse them at once' })
  async assign(@CurrentActor() actor: Actor, @Param('caseId') caseId: string, @Body() dto: AssignMembersDto) {
    const { council } = await loadCaseWithCouncil(this.infra, caseId);
    const result = await handleCommand(
      this.infra.store,
      evaluationCaseDecider,
      evaluationCaseStreamId(caseId),
      { type: 'AssignMembers', actor, caseId, memberIds: dto.memberIds, assignedAt: documentDate(dto.assignedAt), council },
      httpCommandContext(this.infra, actor),
    );
    return { caseId, events: result.events };
  }

  @ApiOkResponse({ type: CaseEventTypesResponse })
  @Post('cases/:caseId/conflicts')
  @HttpCode(200)
  @Roles(...SCORING_ROLES)
  @ApiOperation({ summary: 'A member declares a conflict of interest and is recused' })
  async declare(@CurrentActor() actor: Actor, @Param('caseId') caseId: string, @Body() dto: DeclareConflictDto) {
    const result = await handleCommand(
      this.infra.store,
      evaluationCaseDecider,
      evaluationCaseStreamId(caseId),
      { type: 'DeclareConflict', actor, caseId, memberId: actor.id, reason: dto.reason, declaredAt: new Date().toISOString() },
      httpCommandContext(this.infra, actor, dto.reason),
    );
    return { caseId, events: result.events.map((e) => e.type) };
  }

  @ApiOkResponse({ type: WorkItemResponse, isArray: true })
  @Get('members/:memberId/queue')
  @ApiOperation({ summary: "A member's work queue: cases to score, scored and recused" })
  queue(@Param('memberId') _memberId: string, @AccessFacts() facts: { items: WorkItemDoc[] }) {
    // The items the access rule loaded and scoped (councils.policy.ts): the member's own, or a secretary's council's.
    return facts.items;
  }
}
