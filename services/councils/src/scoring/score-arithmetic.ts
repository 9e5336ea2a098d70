import Decimal from 'decimal.js';

/**
 * Score arithmetic in exact decimals (decimal.js), never binary floating point: 0.35 × 7 + 0.25 × 4.3 + ...
 * is computed exactly as written on the score sheet, so 6.075 stays 6.075 and rounds to 6.08.
 *
 * Rounding happens only at the documented points (docs/appraisal.md), to 2 decimals, half up (0.005 → 0.01):
 *  1. a member's weighted total as shown to the member (ScoreSubmitted.total);
 *  2. the case score (aggregate over the members' UNROUNDED weighted totals);
 *  3. each criterion's mean across members (used by the 'higher-top-criterion' tie-break).
 * Nothing is ever computed from an already-rounded figure.
 */
export const ScoreDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type ScoreDecimal = InstanceType<typeof ScoreDecimal>;

/** Places kept in every shown score. */
export const SCORE_DECIMALS = 2;

/** A JS number read as the decimal it was written as (`0.1` is 0.1, not 0.1000000000000000055...). */
export const exact = (value: number | string | ScoreDecimal): ScoreDecimal => new ScoreDecimal(value);

/** Round once, half up, to 2 decimals, and hand back a plain number for events and responses. */
export const roundHalfUp = (value: ScoreDecimal | number): number =>
  exact(value).toDecimalPlaces(SCORE_DECIMALS, Decimal.ROUND_HALF_UP).toNumber();

export const sum = (values: readonly ScoreDecimal[]): ScoreDecimal => values.reduce((s, v) => s.plus(v), exact(0));

/** Σ weight × value, exact. */
export const weightedSum = (pairs: readonly { weight: number; value: number }[]): ScoreDecimal =>
  sum(pairs.map((p) => exact(p.weight).times(exact(p.value))));
