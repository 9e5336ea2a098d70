import type { Actor, ReportingPeriodOpenedData } from '@cem/contracts';
import { ADMINISTRATIVE_LEVELS, levelPhrase, REPORTING_EVENTS as E } from '@cem/contracts';
import type { Decider } from '@cem/decider';
import { definePolicy, hasRole } from '@cem/identity';
import { ensure } from '../shared/domain-rule';

export type ReportingPeriodEvent = { type: typeof E.ReportingPeriodOpened; data: ReportingPeriodOpenedData };
export type ReportingPeriodCommand = {
  type: 'OpenReportingPeriod';
  actor: Actor;
  period: Omit<ReportingPeriodOpenedData, 'openedByUnitId'>;
};
export type ReportingPeriodState = { period: ReportingPeriodOpenedData | null };

export const reportingPeriodStreamId = (periodId: string) => `reporting-period-${periodId}`;

const depth = (level: string) => ADMINISTRATIVE_LEVELS.indexOf(level as (typeof ADMINISTRATIVE_LEVELS)[number]);

/** The standing body that collects the reports opens the period (Ban Phong trào MTTQ, Phòng Nội vụ). */
const periodPolicy = definePolicy<unknown, 'open'>({ open: hasRole('standing-body', 'admin') });

export const reportingPeriodDecider: Decider<ReportingPeriodState, ReportingPeriodCommand, ReportingPeriodEvent> = {
  initialState: () => ({ period: null }),
  evolve: (state, event) => (event.type === E.ReportingPeriodOpened ? { period: event.data } : state),
  decide({ actor, period }, state) {
    periodPolicy.assert('open', actor, period);
    ensure(!state.period, 'period-exists', `Kỳ báo cáo ${period.periodId} đã được mở`);
    const levels = period.deadlines.map((d) => d.level);
    ensure(new Set(levels).size === levels.length, 'duplicate-deadline', 'Mỗi cấp có một hạn nộp');
    // A level sets deadlines for itself and the levels below it, never for the levels above.
    const above = actor.role === 'admin' ? [] : levels.filter((l) => depth(l) < depth(actor.level));
    ensure(
      !above.length,
      'deadline-above-level',
      `Cơ quan ${levelPhrase(actor.level)} không được đặt hạn nộp cho ${above.map(levelPhrase).join(', ')}`,
    );
    ensure(
      period.deadlines.every((d) => !Number.isNaN(Date.parse(d.dueBy))),
      'invalid-deadline',
      'Mỗi hạn nộp phải là một ngày',
    );
    return [{ type: E.ReportingPeriodOpened, data: { ...period, openedByUnitId: actor.unitId } }];
  },
};
