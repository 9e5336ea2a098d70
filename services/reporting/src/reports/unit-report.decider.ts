import type { Actor, AdministrativeLevel, ReportFigures, ReportingPeriodOpenedData } from '@cem/contracts';
import { REPORTING_EVENTS as E } from '@cem/contracts';
import type { Decider } from '@cem/decider';
import { dueByFor, isPast } from '../periods/reporting-period.deadlines';
import { ensure } from '../shared/domain-rule';
import { invalidFigureKeys, sumFigures } from './report-figures';
import { unitReportPolicy } from './unit-report.policy';
import { evolveUnitReport, initialUnitReportState, reportIdOf, UnitReportEvent, UnitReportState } from './unit-report.state';

interface ReportingUnit {
  unitId: string;
  /** Top (central) down to the unit itself. */
  unitPath: string[];
  level: AdministrativeLevel;
}

/** A child's current report, as the handler read it from the reports read model. */
export interface ChildReport extends ReportingUnit {
  reportId: string;
  periodId: string;
  figures: ReportFigures;
}

export type UnitReportCommand =
  | (ReportingUnit & {
      type: 'SubmitReport';
      actor: Actor;
      /** Looked up by the handler: the deadline for the unit's level decides lateness. */
      period: ReportingPeriodOpenedData;
      /** Defaults to the roll-up totals when the unit has aggregated its children's reports. */
      figures?: ReportFigures;
      narrative: string;
      submittedAt: string;
    })
  | { type: 'AmendReport'; actor: Actor; figures: ReportFigures; narrative: string; amendedAt: string; reason: string }
  | (ReportingUnit & {
      type: 'AggregateReports';
      actor: Actor;
      period: ReportingPeriodOpenedData;
      childReports: ChildReport[];
      /** The units expected to report to this one (its children), from the unit registry. */
      expectedChildUnitIds: string[];
      aggregatedAt: string;
    });

const parentOf = (unitPath: string[]) => unitPath[unitPath.length - 2];

function requireWellFormedUnit(u: ReportingUnit): void {
  ensure(u.unitPath[u.unitPath.length - 1] === u.unitId, 'invalid-unit-path', 'Đường dẫn đơn vị phải kết thúc bằng chính đơn vị');
}

function requireValidFigures(figures: ReportFigures): void {
  const invalid = invalidFigureKeys(figures);
  ensure(!invalid.length, 'invalid-figures', `Số liệu phải là số nguyên ≥ 0: ${invalid.join(', ')}`);
}

function submit(c: Extract<UnitReportCommand, { type: 'SubmitReport' }>, state: UnitReportState): UnitReportEvent[] {
  unitReportPolicy.assert('submit', c.actor, c);
  requireWellFormedUnit(c);
  ensure(!state.submitted, 'already-submitted', 'Báo cáo đã nộp; hãy sửa đổi báo cáo');
  const figures = c.figures ?? state.aggregation?.totals;
  ensure(figures, 'figures-required', 'Báo cáo phải có số liệu');
  requireValidFigures(figures);
  const dueBy = dueByFor(c.period, c.level);
  return [
    {
      type: E.ReportSubmitted,
      data: {
        reportId: reportIdOf(c.period.periodId, c.unitId),
        periodId: c.period.periodId,
        unitId: c.unitId,
        unitPath: c.unitPath,
        level: c.level,
        figures,
        narrative: c.narrative,
        submittedAt: c.submittedAt,
        ...(dueBy ? { dueBy } : {}),
        late: isPast(dueBy, c.submittedAt),
        aggregated: Boolean(state.aggregation),
      },
    },
  ];
}

function amend(c: Extract<UnitReportCommand, { type: 'AmendReport' }>, state: UnitReportState): UnitReportEvent[] {
  ensure(state.submitted, 'not-submitted', 'Chỉ báo cáo đã nộp mới được sửa đổi');
  const { reportId, periodId, unitId } = state.submitted;
  unitReportPolicy.assert('amend', c.actor, state.submitted);
  ensure(c.reason?.trim(), 'reason-required', 'Sửa đổi báo cáo cần nêu lý do');
  requireValidFigures(c.figures);
  return [
    {
      type: E.ReportAmended,
      data: { reportId, periodId, unitId, figures: c.figures, narrative: c.narrative, amendedAt: c.amendedAt, reason: c.reason },
    },
  ];
}

function aggregate(c: Extract<UnitReportCommand, { type: 'AggregateReports' }>, state: UnitReportState): UnitReportEvent[] {
  unitReportPolicy.assert('aggregate', c.actor, c);
  requireWellFormedUnit(c);
  ensure(!state.aggregation, 'already-aggregated', 'Báo cáo của kỳ này đã được tổng hợp');
  ensure(!state.submitted, 'already-submitted', 'Báo cáo đã được tổng hợp lên cấp trên');
  const strangers = c.childReports.filter((r) => parentOf(r.unitPath) !== c.unitId || !c.expectedChildUnitIds.includes(r.unitId));
  ensure(
    !strangers.length,
    'not-a-child-report',
    `Không phải báo cáo của đơn vị trực thuộc ${c.unitId}: ${strangers.map((r) => r.unitId).join(', ')}`,
  );
  const otherPeriod = c.childReports.filter((r) => r.periodId !== c.period.periodId);
  ensure(!otherPeriod.length, 'other-period', `Báo cáo của kỳ khác: ${otherPeriod.map((r) => r.reportId).join(', ')}`);
  const units = c.childReports.map((r) => r.unitId);
  ensure(new Set(units).size === units.length, 'duplicate-child-report', 'Mỗi đơn vị cấp dưới một báo cáo');
  const reported = new Set(units);
  return [
    {
      type: E.ReportsAggregated,
      data: {
        reportId: reportIdOf(c.period.periodId, c.unitId),
        periodId: c.period.periodId,
        unitId: c.unitId,
        unitPath: c.unitPath,
        level: c.level,
        childReportIds: c.childReports.map((r) => r.reportId),
        totals: sumFigures(c.childReports.map((r) => r.figures)),
        missingChildUnitIds: c.expectedChildUnitIds.filter((u) => !reported.has(u)),
        aggregatedAt: c.aggregatedAt,
      },
    },
  ];
}

export const unitReportDecider: Decider<UnitReportState, UnitReportCommand, UnitReportEvent> = {
  initialState: initialUnitReportState,
  evolve: evolveUnitReport,
  decide(command, state) {
    switch (command.type) {
      case 'SubmitReport':
        return submit(command, state);
      case 'AmendReport':
        return amend(command, state);
      case 'AggregateReports':
        return aggregate(command, state);
    }
  },
};
