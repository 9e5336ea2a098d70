import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SCORING_ROLES, type Actor } from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import {
  AccessFacts,
  ApiPageResponse,
  CurrentActor,
  findPage,
  HeaderSink,
  MAX_PAGE_SIZE,
  pageAndCriteria,
  Roles,
  SERVICE_INFRA,
  ServiceInfra,
} from '@cem/service-kit';
import { httpCommandContext } from '../shared/command-context';
import { loadCaseWithCouncil } from '../shared/stream-loaders';
import { evaluationCaseDecider, evaluationCaseStreamId } from './evaluation-case.decider';
import { AssignMembersDto, CasesQueryDto, DeclareConflictDto, RouteCaseDto } from './evaluation.dto';
import { CouncilCaseDoc, councilCasesProjection } from './council-cases.projection';
import { routeDossierToCouncil } from './dossier-routing';
import { loadCaseState } from '../shared/stream-loaders';
import { NotFoundError } from '@cem/contracts';
import type { WorkItemDoc } from './work-queue.projection';
import { CaseEventTypesResponse, CaseEventsResponse, CouncilConflictResponse, WorkItemResponse } from '../shared/responses';
import type { EstablishedCouncil } from '../councils/council.state';
import { CouncilConflictDoc, councilConflictsProjection } from './council-conflicts.projection';
import { CouncilCaseResponse } from '../shared/responses';

@ApiTags('evaluation')
@ApiBearerAuth()
@Controller()
export class EvaluationController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @ApiPageResponse(CouncilCaseResponse)
  @Get('cases')
  @ApiOperation({
    summary:
      'Danh sách hồ sơ thẩm định của Hội đồng (lọc theo Hội đồng, đợt, lĩnh vực, trạng thái), gồm hồ sơ đang chờ xác định Hội đồng kèm lý do',
    description:
      'Thư ký, Chủ tịch, thành viên Hội đồng và Chủ tịch Ủy ban MTTQ thấy các hồ sơ của địa bàn và cấp của mình; ' +
      'kiểm tra viên và quản trị thấy mọi hồ sơ thuộc đơn vị của mình trở xuống. Mã hồ sơ thẩm định (caseId) lấy từ danh sách này.',
  })
  async cases(
    @CurrentActor() actor: Actor,
    @Query() q: CasesQueryDto,
    @Res({ passthrough: true }) res: HeaderSink,
  ): Promise<CouncilCaseDoc[]> {
    const { page, criteria: given } = pageAndCriteria(q);
    const scope: Record<string, unknown> =
      actor.role === 'auditor' || actor.role === 'admin'
        ? { jurisdictionUnitPath: actor.unitId }
        : { jurisdictionUnitId: actor.unitId, level: actor.level };
    const criteria = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
    const cases = this.infra.documents.collection<CouncilCaseDoc>(councilCasesProjection.collection);
    // The council's page reads its cases whole: the first page is the largest one.
    return findPage(cases, { ...scope, ...criteria }, { receivedAt: 1, caseId: 1, _id: 1 }, page, res, MAX_PAGE_SIZE);
  }

  @ApiOkResponse({ type: CaseEventsResponse })
  @Post('cases/:caseId/route')
  @HttpCode(200)
  @Roles('council-secretary', 'council-chair', 'front-chair')
  @ApiOperation({
    summary: 'Xác định Hội đồng cho hồ sơ đang chờ: chọn một trong các Hội đồng phù hợp, hoặc xác định lại sau khi Hội đồng được thành lập',
  })
  async route(@CurrentActor() actor: Actor, @Param('caseId') caseId: string, @Body() dto: RouteCaseDto) {
    const state = await loadCaseState(this.infra, caseId);
    const scope = state.status === 'none' ? state.awaiting : state;
    if (!scope) throw new NotFoundError(`Không có hồ sơ nào đang chờ xác định Hội đồng với mã ${caseId}`);
    const result = await routeDossierToCouncil(
      this.infra,
      { caseId, level: scope.level, jurisdictionUnitId: scope.jurisdictionUnitId },
      httpCommandContext(this.infra, actor),
      { actor, ...(dto.councilId ? { councilId: dto.councilId } : {}) },
    );
    return { caseId, events: result.events };
  }

  @ApiOkResponse({ type: CaseEventsResponse })
  @Post('cases/:caseId/assign')
  @HttpCode(200)
  @Roles('council-secretary')
  @ApiOperation({ summary: 'Assign members to a case; conflicts found on the dossier recuse them at once' })
  async assign(@CurrentActor() actor: Actor, @Param('caseId') caseId: string, @Body() dto: AssignMembersDto) {
    const { council } = await loadCaseWithCouncil(this.infra, caseId);
    const ctx = httpCommandContext(this.infra, actor);
    const result = await handleCommand(
      this.infra.store,
      evaluationCaseDecider,
      evaluationCaseStreamId(caseId),
      { type: 'AssignMembers', actor, caseId, memberIds: dto.memberIds, assignedAt: ctx.occurredAt, council },
      ctx,
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

  @ApiOkResponse({ type: CouncilConflictResponse, isArray: true })
  @Get('councils/:councilId/conflicts')
  @ApiOperation({
    summary: 'Xung đột lợi ích của các thành viên Hội đồng: tự động phát hiện hoặc tự khai, kèm việc không tham gia thẩm định',
    description:
      'Chủ tịch, Thư ký của chính Hội đồng (ngồi trong Hội đồng vào ngày hôm nay) và kiểm tra viên; ngoài phạm vi: 404. ' +
      'Mới nhất trước; tối đa 1000 dòng.',
  })
  async conflicts(@Param('councilId') councilId: string, @AccessFacts() facts: { council: EstablishedCouncil }) {
    const docs = await this.infra.documents
      .collection<CouncilConflictDoc>(councilConflictsProjection.collection)
      .find({ councilId, hasConflict: true }, { sort: { assignedAt: -1, _id: 1 }, limit: 1000 });
    const names = new Map(facts.council.tenures.map((t) => [t.memberId, t.personName]));
    return docs.map(({ _id: _i, _position: _p, hasConflict: _h, ...row }: CouncilConflictDoc & { _position?: unknown }) => ({
      ...row,
      personName: names.get(row.memberId) ?? row.memberId,
    }));
  }
}
