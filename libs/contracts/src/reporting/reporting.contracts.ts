import { defineEvent, EventContract } from '../event-contract';
import { ReportAmendedData, ReportingPeriodOpenedData, ReportsAggregatedData, ReportSubmittedData } from './reporting.events';

export const REPORTING_CONTEXT = 'reporting';

export const REPORTING_EVENTS = {
  ReportingPeriodOpened: 'reporting.ReportingPeriodOpened',
  ReportSubmitted: 'reporting.ReportSubmitted',
  ReportAmended: 'reporting.ReportAmended',
  ReportsAggregated: 'reporting.ReportsAggregated',
} as const;

const E = REPORTING_EVENTS;
const v1 = <T>(type: string, dataClass: new () => T, description: string) =>
  defineEvent(REPORTING_CONTEXT, type, 1, dataClass, description);

export const REPORTING_CONTRACTS: EventContract[] = [
  v1(E.ReportingPeriodOpened, ReportingPeriodOpenedData, 'A reporting period opened with per-level deadlines'),
  v1(E.ReportSubmitted, ReportSubmittedData, "A unit's report for a period, flagged late past its level's deadline"),
  v1(E.ReportAmended, ReportAmendedData, 'A submitted report corrected, with a reason'),
  v1(E.ReportsAggregated, ReportsAggregatedData, "A standing body summed its children's reports"),
];
