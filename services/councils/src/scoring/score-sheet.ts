import type { CriterionDefinition, CriterionScore } from '@cem/contracts';
import { ensure } from '../councils/domain-rule';
import { roundHalfUp, ScoreDecimal, weightedSum } from './score-arithmetic';

/** Scores are shown to 2 decimals, as on paper score sheets, rounded half up in exact decimals. */
export const roundScore = (x: number | ScoreDecimal): number => roundHalfUp(x);

/** Every criterion exactly once, each within its own scale. */
export function assertValidScoreSheet(criteria: readonly CriterionDefinition[], scores: readonly CriterionScore[]): void {
  const byCode = new Map(criteria.map((c) => [c.code, c]));
  const seen = new Set<string>();
  for (const s of scores) {
    const criterion = byCode.get(s.criterionCode);
    ensure(criterion, 'unknown-criterion', `Tiêu chí ${s.criterionCode} không có trong bộ tiêu chí này`);
    ensure(!seen.has(s.criterionCode), 'criterion-scored-twice', `Tiêu chí ${s.criterionCode} được chấm hai lần`);
    seen.add(s.criterionCode);
    ensure(
      Number.isFinite(s.value) && s.value >= criterion.scaleMin && s.value <= criterion.scaleMax,
      'score-out-of-scale',
      `Tiêu chí ${s.criterionCode} chấm từ ${criterion.scaleMin} đến ${criterion.scaleMax} (nhận được ${s.value})`,
    );
  }
  const missing = criteria.filter((c) => !seen.has(c.code)).map((c) => c.code);
  ensure(!missing.length, 'criterion-not-scored', `Chưa chấm: ${missing.join(', ')}`);
}

/** A member's weighted total Σ weight × value over the criteria, exact and unrounded: what aggregation uses. */
export function exactWeightedTotal(criteria: readonly CriterionDefinition[], scores: readonly CriterionScore[]): ScoreDecimal {
  const valueOf = new Map(scores.map((s) => [s.criterionCode, s.value]));
  return weightedSum(criteria.map((c) => ({ weight: c.weight, value: valueOf.get(c.code) ?? 0 })));
}

/** A member's weighted total as shown to them (rounding point 1: 2 decimals, half up). */
export function weightedTotal(criteria: readonly CriterionDefinition[], scores: readonly CriterionScore[]): number {
  return roundHalfUp(exactWeightedTotal(criteria, scores));
}
