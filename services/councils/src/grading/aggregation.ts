import type { AggregationMethod } from '@cem/contracts';
import { ensure } from '../councils/domain-rule';
import { exact, roundHalfUp, ScoreDecimal, sum } from '../scoring/score-arithmetic';

type Totals = readonly (ScoreDecimal | number)[];

const ascending = (totals: Totals): ScoreDecimal[] => totals.map((t) => exact(t)).sort((a, b) => a.comparedTo(b));

/** Arithmetic mean of the members' weighted totals (each total already weighs the criteria), exact. */
export function exactMean(totals: Totals): ScoreDecimal {
  ensure(totals.length, 'no-scores', 'Không có điểm nào để tổng hợp');
  return sum(totals.map((t) => exact(t))).dividedBy(totals.length);
}

/** Middle total; the mean of the two middle ones when the count is even. Exact. */
export function exactMedian(totals: Totals): ScoreDecimal {
  ensure(totals.length, 'no-scores', 'Không có điểm nào để tổng hợp');
  const sorted = ascending(totals);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : sorted[mid - 1].plus(sorted[mid]).dividedBy(2);
}

/** Mean after dropping the trimCount highest and the trimCount lowest totals (damps one outlier member). Exact. */
export function exactTrimmedMean(totals: Totals, trimCount: number): ScoreDecimal {
  ensure(
    totals.length > 2 * trimCount,
    'too-few-scores-to-trim',
    `Bỏ ${trimCount} điểm ở mỗi đầu cần nhiều hơn ${2 * trimCount} điểm (hiện có ${totals.length})`,
  );
  return exactMean(ascending(totals).slice(trimCount, totals.length - trimCount));
}

/** Unrounded mean as a number (for display in tests and tools only; decisions use the exact value). */
export const weightedMean = (totals: Totals): number => exactMean(totals).toNumber();
export const median = (totals: Totals): number => exactMedian(totals).toNumber();
export const trimmedMean = (totals: Totals, trimCount: number): number => exactTrimmedMean(totals, trimCount).toNumber();

/**
 * The council's score for a case under its regulations (docs/appraisal.md): the members' UNROUNDED weighted
 * totals are combined exactly by the method, then rounded once, to 2 decimals, half up.
 */
export function aggregate(method: AggregationMethod, totals: Totals, trimCount = 0): number {
  switch (method) {
    case 'weighted-mean':
      return roundHalfUp(exactMean(totals));
    case 'median':
      return roundHalfUp(exactMedian(totals));
    case 'trimmed-mean':
      return roundHalfUp(exactTrimmedMean(totals, trimCount));
  }
}
