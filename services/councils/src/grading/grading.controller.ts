import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@cem/contracts';
import { handleCommand, loadState } from '@cem/decider';
import { ApiPageResponse, CurrentActor, findPage, HeaderSink, pageAndCriteria, Roles, SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
import { ensure } from '../councils/domain-rule';
import type { EstablishedCouncil } from '../councils/council.state';
import { criteriaInForce } from '../criteria/criteria-lookup';
import { EvaluationCaseCommand, evaluationCaseDecider, evaluationCaseStreamId } from '../evaluation/evaluation-case.decider';
import type { EvaluationCase } from '../evaluation/evaluation-case.state';
import { httpCommandContext } from '../shared/command-context';
import { loadCaseWithCouncil, loadCouncil } from '../shared/stream-loaders';
import { CaseScoresDoc, caseScoresProjection } from './case-scores.projection';
import { FinaliseCaseDto, ProposeHonourDto, PublishRankingDto, RankingsQueryDto, RecommendUpwardDto } from './grading.dto';
import { rankingDecider, rankingStreamId } from './ranking.decider';
import { RankingDoc, rankingsProjection } from './rankings.projection';
import { CaseEventsResponse, RankingResponse } from '../shared/responses';
import { CouncilCaseDoc, councilCasesProjection } from '../evaluation/council-cases.projection';
import type { RankedDossier } from './ranking';
import { registeredUnits } from '../units/known-units';

const rankedDossierOf = (row: CouncilCaseDoc, unitName?: string): RankedDossier => ({
  title: row.title,
  fieldCode: row.fieldCode,
  nominatingUnitId: row.nominatingUnitId,
  ...(unitName ? { nominatingUnitName: unitName } : {}),
  authors: row.authors,
});

@ApiTags('grading')
@ApiBearerAuth()
@Controller()
export class GradingController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  private async onCase(actor: Actor, caseId: string, command: EvaluationCaseCommand, reason?: string) {
    const result = await handleCommand(
      this.infra.store,
      evaluationCaseDecider,
      evaluationCaseStreamId(caseId),
      command,
      httpCommandContext(this.infra, actor, reason),
    );
    return { caseId, events: result.events };
  }

  /** Proposals rest on the latest ranking of the case's field and edition, read from its stream. */
  private async latestRanking(c: EvaluationCase, council: EstablishedCouncil) {
    const { state } = await loadState(this.infra.store, rankingDecider, rankingStreamId({ ...c, councilId: council.councilId }));
    ensure(state.latest, 'no-ranking', `Chưa công bố xếp hạng cho đợt ${c.campaignId} năm ${c.year}, lĩnh vực ${c.fieldCode}`);
    return state.latest;
  }

  @ApiOkResponse({ type: CaseEventsResponse })
  @Post('cases/:caseId/finalise')
  @HttpCode(200)
  @Roles('council-chair', 'council-secretary')
  @ApiOperation({ summary: 'Finalise (nghiệm thu, xếp loại) a case at the council meeting; needs the quorum' })
  async finalise(@CurrentActor() actor: Actor, @Param('caseId') caseId: string, @Body() dto: FinaliseCaseDto) {
    const { c, council } = await loadCaseWithCouncil(this.infra, caseId);
    const criteria = await criteriaInForce(this.infra, c);
    return this.onCase(actor, caseId, {
      type: 'FinaliseCase',
      actor,
      caseId,
      meetingDate: dto.meetingDate,
      minutesRef: dto.minutesRef,
      council,
      criteria,
    });
  }

  @ApiOkResponse({ type: RankingResponse })
  @Post('rankings/publish')
  @HttpCode(200)
  @Roles('council-chair', 'council-secretary')
  @ApiOperation({ summary: 'Publish (or revise) the ranking of the finalised cases of a field and edition' })
  async publishRanking(@CurrentActor() actor: Actor, @Body() dto: PublishRankingDto) {
    const council = await loadCouncil(this.infra, dto.councilId);
    const { councilId, campaignId, year, fieldCode } = dto;
    // Read-your-writes: a case finalised just before must be in the ranking.
    await this.infra.readModelsCaughtUp();
    const cases = await this.infra.documents
      .collection<CaseScoresDoc>(caseScoresProjection.collection)
      .find({ councilId, campaignId, year, fieldCode, level: council.level });
    // Each row carries the dossier as received (title, unit, field, authors), so one call renders the table.
    const rows = await this.infra.documents
      .collection<CouncilCaseDoc>(councilCasesProjection.collection)
      .getMany(cases.map((c) => c.caseId));
    const dossierOf = new Map(rows.map((r) => [r.caseId, r]));
    // The nominating unit's name from the registry councils keeps a copy of (UnitRegistered).
    const units = await registeredUnits(
      this.infra,
      rows.map((r) => r.nominatingUnitId),
    );
    const ctx = httpCommandContext(this.infra, actor);
    const result = await handleCommand(
      this.infra.store,
      rankingDecider,
      rankingStreamId(dto),
      {
        type: 'PublishRanking',
        actor,
        council,
        campaignId,
        year,
        fieldCode,
        cases: cases.map(({ _id: _i, _position: _p, ...data }) => {
          const row = dossierOf.get(data.caseId);
          return row ? { ...data, dossier: rankedDossierOf(row, units.get(row.nominatingUnitId)?.name) } : data;
        }),
        publishedAt: ctx.occurredAt,
      },
      ctx,
    );
    return result.events[0].data;
  }

  @ApiPageResponse(RankingResponse)
  @Get('rankings')
  @ApiOperation({ summary: 'Latest rankings by campaign, year, field and level' })
  async rankings(@Query() q: RankingsQueryDto, @Res({ passthrough: true }) res: HeaderSink) {
    const { page, criteria } = pageAndCriteria(q);
    const filter = Object.fromEntries(Object.entries(criteria).filter(([, v]) => v !== undefined));
    const rankings = this.infra.documents.collection<RankingDoc>(rankingsProjection.collection);
    const docs = await findPage(rankings, filter, { year: -1, fieldCode: 1, _id: 1 }, page, res);
    // Rankings published before entries carried the unit's name get it from the registry copy.
    const units = await registeredUnits(
      this.infra,
      docs.flatMap((d) => d.entries.filter((e) => e.nominatingUnitId && !e.nominatingUnitName).map((e) => e.nominatingUnitId!)),
    );
    return docs.map(({ _position: _p, ...doc }) => ({
      ...doc,
      entries: doc.entries.map((e) => {
        const name = e.nominatingUnitId && !e.nominatingUnitName ? units.get(e.nominatingUnitId)?.name : undefined;
        return name ? { ...e, nominatingUnitName: name } : e;
      }),
    }));
  }

  @ApiOkResponse({ type: CaseEventsResponse })
  @Post('cases/:caseId/recommend')
  @HttpCode(200)
  @Roles('council-chair')
  @ApiOperation({ summary: 'Recommend the dossier to the next level (submissions forwards it)' })
  async recommend(@CurrentActor() actor: Actor, @Param('caseId') caseId: string, @Body() dto: RecommendUpwardDto) {
    const { c, council } = await loadCaseWithCouncil(this.infra, caseId);
    const ranking = await this.latestRanking(c, council);
    return this.onCase(actor, caseId, { type: 'RecommendUpward', actor, caseId, council, ranking, decisionRef: dto.decisionRef });
  }

  @ApiOkResponse({ type: CaseEventsResponse })
  @Post('cases/:caseId/propose-honour')
  @HttpCode(200)
  @Roles('council-chair')
  @ApiOperation({ summary: 'Propose an honour (đề nghị tôn vinh) to recognition' })
  async proposeHonour(@CurrentActor() actor: Actor, @Param('caseId') caseId: string, @Body() dto: ProposeHonourDto) {
    const { c, council } = await loadCaseWithCouncil(this.infra, caseId);
    const ranking = await this.latestRanking(c, council);
    return this.onCase(actor, caseId, {
      type: 'ProposeHonour',
      actor,
      caseId,
      council,
      ranking,
      ...(dto.proposedAward ? { proposedAward: dto.proposedAward } : {}),
    });
  }
}
