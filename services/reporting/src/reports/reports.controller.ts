import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { Actor, NotFoundError, REPORTING_ROLES } from '@cem/contracts';
import { handleCommand } from '@cem/decider';
import { CurrentActor, ScopedActors, Roles, SERVICE_INFRA, ServiceInfra } from '@cem/service-kit';
import { requirePeriod } from '../periods/period-lookup';
import { httpCommand } from '../shared/command-context';
import { parseExpectedUnits, registeredChildren } from './expected-units';
import { missingReports } from './missing-reports';
import { AggregateReportsDto, AmendReportDto, PeriodStatusQuery, SubmitReportDto } from './report-commands.dto';
import { ReportDoc, reportsProjection } from './reports.projection';
import { unitReportDecider } from './unit-report.decider';
import { unitReportStreamId } from './unit-report.state';
import { AggregationResponse, PeriodStatusResponse, ReportResponse, SubmittedReportResponse } from '../shared/responses';

/** A unit reports as itself: unit, path and level come from the token, never from the body. */
const reportingUnitOf = (actor: Actor) => ({ unitId: actor.unitId, unitPath: actor.unitPath, level: actor.level });

@Controller()
export class ReportsController {
  constructor(@Inject(SERVICE_INFRA) private readonly infra: ServiceInfra) {}

  @ApiCreatedResponse({ type: SubmittedReportResponse })
  @Post('periods/:periodId/reports')
  @Roles(...REPORTING_ROLES)
  async submit(@CurrentActor() actor: Actor, @Param('periodId') periodId: string, @Body() dto: SubmitReportDto) {
    const period = await requirePeriod(this.infra.store, periodId);
    const command = {
      type: 'SubmitReport' as const,
      actor,
      period,
      ...reportingUnitOf(actor),
      narrative: dto.narrative,
      submittedAt: new Date().toISOString(),
    };
    const result = await handleCommand(
      this.infra.store,
      unitReportDecider,
      unitReportStreamId(periodId, actor.unitId),
      { ...command, ...(dto.figures ? { figures: { ...dto.figures } } : {}) },
      httpCommand(this.infra, actor),
    );
    await this.infra.readModelsCaughtUp();
    return result.state.submitted;
  }

  @ApiOkResponse({ type: SubmittedReportResponse })
  @Post('reports/:reportId/amend')
  @HttpCode(200)
  @Roles(...REPORTING_ROLES)
  async amend(@CurrentActor() actor: Actor, @Param('reportId') reportId: string, @Body() dto: AmendReportDto) {
    const report = await this.report(reportId);
    const command = {
      type: 'AmendReport' as const,
      actor,
      figures: { ...dto.figures },
      narrative: dto.narrative,
      reason: dto.reason,
      amendedAt: new Date().toISOString(),
    };
    const result = await handleCommand(
      this.infra.store,
      unitReportDecider,
      unitReportStreamId(report.periodId, report.unitId),
      command,
      httpCommand(this.infra, actor, dto.reason),
    );
    await this.infra.readModelsCaughtUp();
    return result.state.submitted;
  }

  @ApiOkResponse({ type: AggregationResponse })
  @Post('periods/:periodId/aggregate')
  @HttpCode(200)
  @Roles('standing-body')
  async aggregate(@CurrentActor() actor: Actor, @Param('periodId') periodId: string, @Body() dto: AggregateReportsDto) {
    const period = await requirePeriod(this.infra.store, periodId);
    const expectedChildUnitIds =
      dto.expectedChildUnitIds ?? (await registeredChildren(this.infra.documents, actor.unitId)).map((u) => u.unitId);
    const expected = new Set(expectedChildUnitIds);
    // Only expected children's reports are summed: a stray report would be refused by the decider anyway.
    const childReports = (await this.childReports(periodId, actor.unitId))
      .filter((r) => expected.has(r.unitId))
      .map((r) => ({ reportId: r._id, periodId: r.periodId, unitId: r.unitId, unitPath: r.unitPath, level: r.level, figures: r.figures! }));
    const command = {
      type: 'AggregateReports' as const,
      actor,
      period,
      ...reportingUnitOf(actor),
      childReports,
      expectedChildUnitIds,
      aggregatedAt: new Date().toISOString(),
    };
    const result = await handleCommand(
      this.infra.store,
      unitReportDecider,
      unitReportStreamId(periodId, actor.unitId),
      command,
      httpCommand(this.infra, actor),
    );
    await this.infra.readModelsCaughtUp();
    return result.state.aggregation;
  }

  /** Đôn đốc: which children reported late, which are missing past their deadline, which may still report. */
  @ApiOkResponse({ type: PeriodStatusResponse })
  @Get('periods/:periodId/status')
  async status(@CurrentActor() actor: Actor, @Param('periodId') periodId: string, @Query() query: PeriodStatusQuery) {
    const period = await requirePeriod(this.infra.store, periodId);
    const unitId = query.unitId ?? actor.unitId;
    const expected = query.expected ? parseExpectedUnits(query.expected) : await registeredChildren(this.infra.documents, unitId);
    const submitted = (await this.childReports(periodId, unitId)).map((r) => ({
      unitId: r.unitId,
      reportId: r._id,
      submittedAt: r.submittedAt!,
    }));
    return { periodId, unitId, ...missingReports(period, expected, submitted, new Date()), reported: submitted };
  }

  @ApiOkResponse({ type: ReportResponse, isArray: true })
  @Get('periods/:periodId/reports')
  async list(@Param('periodId') periodId: string, @ScopedActors() scoped: Actor[]) {
    await this.infra.readModelsCaughtUp();
    const reports = await this.infra.documents.collection<ReportDoc>(reportsProjection.collection).find({ periodId }, { sort: { _id: 1 } });
    // Scoped (reporting.policy.ts): the reports of the units the actor acts from and of the units below them.
    if (scoped[0].role === 'auditor') return reports;
    return reports.filter((r) => scoped.some((a) => r.unitPath.includes(a.unitId)));
  }

  private async childReports(periodId: string, parentUnitId: string): Promise<ReportDoc[]> {
    await this.infra.readModelsCaughtUp();
    return this.infra.documents
      .collection<ReportDoc>(reportsProjection.collection)
      .find({ periodId, parentUnitId, submitted: true }, { sort: { _id: 1 } });
  }

  private async report(reportId: string): Promise<ReportDoc> {
    await this.infra.readModelsCaughtUp();
    const report = await this.infra.documents.collection<ReportDoc>(reportsProjection.collection).get(reportId);
    if (!report?.submitted) throw new NotFoundError(`Không tìm thấy báo cáo ${reportId}`);
    return report;
  }
}
