import type { AdministrativeLevel, ReportAmendedData, ReportFigures, ReportsAggregatedData, ReportSubmittedData } from '@cem/contracts';
import { REPORTING_EVENTS as E } from '@cem/contracts';
import type { Projection, ReadModelDocument } from '@cem/read-models';

/** One unit's report for one period, as the standing body above it reads it. */
export type ReportDoc = ReadModelDocument & {
  periodId: string;
  unitId: string;
  unitPath: string[];
  /** The unit the report goes to: its aggregating standing body. */
  parentUnitId?: string;
  level: AdministrativeLevel;
  submitted: boolean;
  figures?: ReportFigures;
  narrative?: string;
  submittedAt?: string;
  dueBy?: string;
  late?: boolean;
  aggregated?: boolean;
  amendments: number;
  aggregation?: Pick<ReportsAggregatedData, 'childReportIds' | 'totals' | 'missingChildUnitIds' | 'aggregatedAt'>;
};

type Unit = Pick<ReportSubmittedData, 'periodId' | 'unitId' | 'unitPath' | 'level'>;

const fresh = (id: string, u: Unit): ReportDoc => ({
  _id: id,
  periodId: u.periodId,
  unitId: u.unitId,
  unitPath: u.unitPath,
  ...(u.unitPath.length > 1 ? { parentUnitId: u.unitPath[u.unitPath.length - 2] } : {}),
  level: u.level,
  submitted: false,
  amendments: 0,
});

export const reportsProjection: Projection<ReportDoc> = {
  name: 'reporting.reports',
  collection: 'unit_reports',
  version: 1,
  indexes: [{ fields: { periodId: 1, parentUnitId: 1 } }],
  eventTypes: [E.ReportSubmitted, E.ReportAmended, E.ReportsAggregated],
  documentIds: (event) => [(event.data as { reportId: string }).reportId],
  apply(doc, event, id) {
    switch (event.type) {
      case E.ReportsAggregated: {
        const d = event.data as ReportsAggregatedData;
        const { childReportIds, totals, missingChildUnitIds, aggregatedAt } = d;
        return { ...(doc ?? fresh(id, d)), aggregation: { childReportIds, totals, missingChildUnitIds, aggregatedAt } };
      }
      case E.ReportSubmitted: {
        const d = event.data as ReportSubmittedData;
        const { figures, narrative, submittedAt, late, aggregated } = d;
        return {
          ...(doc ?? fresh(id, d)),
          submitted: true,
          figures,
          narrative,
          submittedAt,
          late,
          aggregated,
          ...(d.dueBy ? { dueBy: d.dueBy } : {}),
        };
      }
      case E.ReportAmended: {
        if (!doc) return doc;
        const { figures, narrative } = event.data as ReportAmendedData;
        return { ...doc, figures, narrative, amendments: doc.amendments + 1 };
      }
      default:
        return doc;
    }
  },
};
