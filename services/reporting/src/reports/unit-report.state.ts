import type { ReportAmendedData, ReportsAggregatedData, ReportSubmittedData } from '@cem/contracts';
import { REPORTING_EVENTS as E } from '@cem/contracts';

export type UnitReportEvent =
  | { type: typeof E.ReportSubmitted; data: ReportSubmittedData }
  | { type: typeof E.ReportAmended; data: ReportAmendedData }
  | { type: typeof E.ReportsAggregated; data: ReportsAggregatedData };

/** One unit's report for one period; a standing body's stream starts with its roll-up. */
export interface UnitReportState {
  aggregation?: ReportsAggregatedData;
  submitted?: ReportSubmittedData;
  amendments: number;
}

export const reportIdOf = (periodId: string, unitId: string) => `${periodId}/${unitId}`;
export const unitReportStreamId = (periodId: string, unitId: string) => `report-${reportIdOf(periodId, unitId)}`;

export const initialUnitReportState = (): UnitReportState => ({ amendments: 0 });

export function evolveUnitReport(state: UnitReportState, event: UnitReportEvent): UnitReportState {
  switch (event.type) {
    case E.ReportsAggregated:
      return { ...state, aggregation: event.data };
    case E.ReportSubmitted:
      return { ...state, submitted: event.data };
    case E.ReportAmended: {
      if (!state.submitted) return state;
      const { figures, narrative } = event.data;
      return { ...state, submitted: { ...state.submitted, figures, narrative }, amendments: state.amendments + 1 };
    }
  }
}
