import type { AggregationMethod } from '@cem/contracts';
import { ensure } from '../councils/domain-rule';
import { roundScore } from '../scoring/score-sheet';

const ascending = (totals: readonly number[]) => [...totals].sort((a, b) => a - b);

/** Mean of the members' weighted totals (each total already weighs the criteria). */
export function weightedMean(totals: readonly number[]): number {
  ensure(totals.length, 'no-scores', 'nothing to aggregate');
  return totals.reduce((s, t) => s + t, 0) / totals.length;
}

/** Middle total; the mean of the two middle ones when the count is even. */
export function median(totals: readonly number[]): number {
  ensure(totals.length, 'no-scores', 'nothing to aggregate');
  const sorted = ascending(totals);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Mean after dropping the trimCount highest and the trimCount lowest totals (damps one outlier member). */
export function trimmedMean(totals: readonly number[], trimCount: number): number {
  ensure(
    totals.length > 2 * trimCount,
    'too-few-scores-to-trim',
    `trimming ${trimCount} at each end needs more than ${2 * trimCount} scores (got ${totals.length})`,
  );
  return weightedMean(ascending(totals).slice(trimCount, totals.length - trimCount));
}

/** The council's score for a case under its regulations, rounded like every score. */
export function aggregate(method: AggregationMethod, totals: readonly number[], trimCount = 0): number {
  switch (method) {
    case 'weighted-mean':
      return roundScore(weightedMean(totals));
    case 'median':
      return roundScore(median(totals));
    case 'trimmed-mean':
      return roundScore(trimmedMean(totals, trimCount));
  }
}
