import type { CriterionDefinition, CriterionScore } from '@cem/contracts';
import { ensure } from '../councils/domain-rule';

/**
 * Scores are kept to 2 decimals, as on paper score sheets. Rounding through the decimal string avoids binary
 * artefacts such as 8.125 → 8.12 that `Math.round(x * 100) / 100` produces.
 */
export const roundScore = (x: number): number => Number(`${Math.round(Number(`${x}e2`))}e-2`);

/** Every criterion exactly once, each within its own scale. */
export function assertValidScoreSheet(criteria: readonly CriterionDefinition[], scores: readonly CriterionScore[]): void {
  const byCode = new Map(criteria.map((c) => [c.code, c]));
  const seen = new Set<string>();
  for (const s of scores) {
    const criterion = byCode.get(s.criterionCode);
    ensure(criterion, 'unknown-criterion', `criterion ${s.criterionCode} is not in this criteria set`);
    ensure(!seen.has(s.criterionCode), 'criterion-scored-twice', `criterion ${s.criterionCode} is scored twice`);
    seen.add(s.criterionCode);
    ensure(
      Number.isFinite(s.value) && s.value >= criterion.scaleMin && s.value <= criterion.scaleMax,
      'score-out-of-scale',
      `criterion ${s.criterionCode} is scored from ${criterion.scaleMin} to ${criterion.scaleMax} (got ${s.value})`,
    );
  }
  const missing = criteria.filter((c) => !seen.has(c.code)).map((c) => c.code);
  ensure(!missing.length, 'criterion-not-scored', `not scored: ${missing.join(', ')}`);
}

/** Σ weight × value over the criteria. */
export function weightedTotal(criteria: readonly CriterionDefinition[], scores: readonly CriterionScore[]): number {
  const valueOf = new Map(scores.map((s) => [s.criterionCode, s.value]));
  return roundScore(criteria.reduce((sum, c) => sum + c.weight * (valueOf.get(c.code) ?? 0), 0));
}
