import type { ReportingPeriodOpenedData } from '@cem/contracts';
import { REPORTING_EVENTS as E } from '@cem/contracts';
import type { Projection, ReadModelDocument } from '@cem/read-models';

export type PeriodDoc = ReadModelDocument & ReportingPeriodOpenedData;

export const periodsProjection: Projection<PeriodDoc> = {
  name: 'reporting.periods',
  collection: 'reporting_periods',
  version: 1,
  indexes: [{ fields: { year: 1 } }],
  eventTypes: [E.ReportingPeriodOpened],
  documentIds: (event) => [(event.data as ReportingPeriodOpenedData).periodId],
  apply: (_doc, event, id) => ({ _id: id, ...(event.data as ReportingPeriodOpenedData) }),
};
