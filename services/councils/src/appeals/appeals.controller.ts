import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import { CurrentActor, Roles, SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
import { EvaluationCaseCommand, evaluationCaseDecider, evaluationCaseStreamId } from '../evaluation/evaluation-case.decider';
import { httpCommandContext } from '../shared/command-context';
import { AppealEventsResponse, AppealResponse } from '../shared/responses';
import { loadCase, loadCaseWithCouncil, loadCouncil } from '../shared/stream-loaders';
import { appealRulesOf } from './appeal-rules';
import { AppealsQueryDto, AssignAppealDto, DecideAppealDto, FileAppealDto } from './appeals.dto';
import { AppealDoc, appealsProjection } from './appeals.projection';
import { ensure } from '../councils/domain-rule';

/** Who sees an appeal in the list: its appellant, the councils concerned (their units), auditors and admins below. */
export function appealVisibleTo(actor: Actor, a: AppealDoc): boolean {
  if (actor.id === a.appellantId || actor.unitId === a.appellantUnitId || actor.unitId === a.nominatingUnitId) return true;
  if (actor.role === 'auditor' || actor.role === 'admin') return a.jurisdictionUnitPath.includes(actor.unitId);
  return a.jurisdictionUnitPath.at(-1) === actor.unitId || a.toJurisdictionUnitId === actor.unitId;
}

@ApiTags('appeals')
@ApiBearerAuth()
@Controller()
export class AppealsController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  private async onCase(actor: Actor, caseId: string, appealId: string, command: EvaluationCaseCommand, reason?: string) {
    const result = await handleCommand(
      this.infra.store,
      evaluationCaseDecider,
      evaluationCaseStreamId(caseId),
      command,
      httpCommandContext(this.infra, actor, reason),
    );
    return { caseId, appealId, events: result.events };
  }

  @ApiCreatedResponse({ type: AppealEventsResponse })
  @Post('cases/:caseId/appeals')
  @Roles('submitter', 'unit-officer')
  @ApiOperation({
    summary: 'Tác giả hoặc đơn vị đề cử kiến nghị, khiếu nại về kết quả thẩm định, trong thời hạn phong trào quy định',
    description: 'Ngày tiếp nhận là ngày của máy chủ; hết thời hạn (số ngày kể từ ngày họp Hội đồng) thì bị từ chối (422).',
  })
  async file(@CurrentActor() actor: Actor, @Param('caseId') caseId: string, @Body() dto: FileAppealDto) {
    const c = await loadCase(this.infra, caseId);
    const rules = await appealRulesOf(this.infra, c.campaignId);
    const appealId = `kn-${(c.appeals?.length ?? 0) + 1}`;
    const ctx = httpCommandContext(this.infra, actor);
    return this.onCase(actor, caseId, appealId, {
      type: 'FileAppeal',
      actor,
      caseId,
      appealId,
      grounds: dto.grounds,
      filedAt: ctx.occurredAt,
      ...(rules ? { rules } : {}),
    });
  }

  @ApiOkResponse({ type: AppealEventsResponse })
  @ApiParam({ name: 'appealId', description: 'Mã kiến nghị (trong hồ sơ thẩm định)', example: 'kn-1' })
  @Post('cases/:caseId/appeals/:appealId/assign')
  @HttpCode(200)
  @Roles('council-secretary')
  @ApiOperation({
    summary: 'Thư ký Hội đồng đã thẩm định giao kiến nghị cho Hội đồng giải quyết (chính Hội đồng hoặc cấp trên, theo quy định)',
  })
  async assign(
    @CurrentActor() actor: Actor,
    @Param('caseId') caseId: string,
    @Param('appealId') appealId: string,
    @Body() dto: AssignAppealDto,
  ) {
    const { council } = await loadCaseWithCouncil(this.infra, caseId);
    const toCouncil = await loadCouncil(this.infra, dto.councilId);
    return this.onCase(actor, caseId, appealId, {
      type: 'AssignAppeal',
      actor,
      caseId,
      appealId,
      council,
      toCouncil,
      assignedAt: new Date().toISOString(),
    });
  }

  @ApiOkResponse({ type: AppealEventsResponse })
  @ApiParam({ name: 'appealId', description: 'Mã kiến nghị (trong hồ sơ thẩm định)', example: 'kn-1' })
  @Post('cases/:caseId/appeals/:appealId/decide')
  @HttpCode(200)
  @Roles('council-chair')
  @ApiOperation({
    summary:
      'Chủ tịch Hội đồng được giao giải quyết kiến nghị, nêu lý do; chấp nhận thì có thể mở lại việc chấm điểm (giữ kết quả và điểm cũ)',
  })
  async decide(
    @CurrentActor() actor: Actor,
    @Param('caseId') caseId: string,
    @Param('appealId') appealId: string,
    @Body() dto: DecideAppealDto,
  ) {
    const c = await loadCase(this.infra, caseId);
    const appeal = c.appeals.find((a) => a.appealId === appealId);
    ensure(appeal?.assigned, 'appeal-not-assigned', `Kiến nghị ${appealId} chưa được giao Hội đồng giải quyết`);
    const decidingCouncil = await loadCouncil(this.infra, appeal.assigned.toCouncilId);
    return this.onCase(
      actor,
      caseId,
      appealId,
      {
        type: 'DecideAppeal',
        actor,
        caseId,
        appealId,
        decidingCouncil,
        outcome: dto.outcome,
        reasons: dto.reasons,
        reopenScoring: dto.reopenScoring,
        decidedAt: new Date().toISOString(),
      },
      dto.reasons,
    );
  }

  @ApiOkResponse({ type: AppealResponse, isArray: true })
  @Get('appeals')
  @ApiOperation({
    summary:
      'Danh sách kiến nghị: người kiến nghị và đơn vị đề cử thấy kiến nghị của mình; Hội đồng thấy kiến nghị về kết quả của mình hoặc được giao giải quyết',
  })
  async list(@CurrentActor() actor: Actor, @Query() q: AppealsQueryDto) {
    const filter: Record<string, unknown> = {};
    if (q.status) filter.status = q.status;
    if (q.dossierId) filter.dossierId = q.dossierId;
    const docs = await this.infra.documents
      .collection<AppealDoc>(appealsProjection.collection)
      .find(filter, { sort: { filedAt: -1 }, limit: 1000 });
    return docs
      .filter((a) => !q.councilId || a.councilId === q.councilId || a.toCouncilId === q.councilId)
      .filter((a) => appealVisibleTo(actor, a))
      .map(({ _position: _p, ...a }) => a);
  }
}
