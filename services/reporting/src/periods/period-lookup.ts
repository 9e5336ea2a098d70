import { NotFoundError, ReportingPeriodOpenedData } from '@cem/contracts';
import { loadState } from '@cem/decider';
import type { EventStore } from '@cem/event-store';
import { reportingPeriodDecider, reportingPeriodStreamId } from './reporting-period.decider';

/** The period from its own stream (not the read model), so deadlines are never stale when judging lateness. */
export async function requirePeriod(store: EventStore, periodId: string): Promise<ReportingPeriodOpenedData> {
  const { state } = await loadState(store, reportingPeriodDecider, reportingPeriodStreamId(periodId));
  if (!state.period) throw new NotFoundError(`Không tìm thấy kỳ báo cáo ${periodId}`);
  return state.period;
}
