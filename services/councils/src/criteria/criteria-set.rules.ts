import type { CriteriaSetContentData, CriterionDefinition, GradeBand } from '@cem/contracts';
import { COUNCIL_GRADE_LABELS_VI, COUNCIL_GRADES } from '@cem/contracts';
import { ensure } from '../councils/domain-rule';
import { exact, sum, weightedSum } from '../scoring/score-arithmetic';

/** The range of the weighted total, which is the scale grade bands are stated on. */
export function totalRange(criteria: readonly CriterionDefinition[]): { min: number; max: number } {
  return {
    min: weightedSum(criteria.map((c) => ({ weight: c.weight, value: c.scaleMin }))).toNumber(),
    max: weightedSum(criteria.map((c) => ({ weight: c.weight, value: c.scaleMax }))).toNumber(),
  };
}

function assertValidCriteria(criteria: readonly CriterionDefinition[]): void {
  const codes = criteria.map((c) => c.code);
  ensure(new Set(codes).size === codes.length, 'duplicate-criterion', 'Mã tiêu chí không được trùng nhau');
  for (const c of criteria) {
    ensure(c.name?.trim(), 'criterion-name-required', `Tiêu chí ${c.code} cần có tên`);
    ensure(c.weight > 0, 'invalid-weight', `Tiêu chí ${c.code} cần trọng số dương`);
    ensure(c.scaleMin < c.scaleMax, 'invalid-scale', `Tiêu chí ${c.code}: điểm tối thiểu (scaleMin) phải nhỏ hơn điểm tối đa (scaleMax)`);
  }
  // Weights are decimals as written (0.35, 0.25, 0.4): summed exactly, they must make exactly 1.
  const total = sum(criteria.map((c) => exact(c.weight)));
  ensure(total.equals(1), 'weights-must-sum-to-one', `Tổng trọng số là ${total.toString()}, không bằng 1`, { sum: total.toNumber() });
}

/** Bands go from the best grade down, each starting strictly below the previous, the lowest covering the minimum. */
function assertValidBands(bands: readonly GradeBand[], range: { min: number; max: number }): void {
  const ranks = bands.map((b) => COUNCIL_GRADES.indexOf(b.grade));
  ensure(
    ranks.every((r, i) => i === 0 || r > ranks[i - 1]),
    'bands-out-of-order',
    `bands must be listed once each, best first (${COUNCIL_GRADES.join(' > ')})`,
  );
  for (const b of bands) {
    const label = COUNCIL_GRADE_LABELS_VI[b.grade];
    ensure(b.label === label, 'band-label-mismatch', `Mức xếp loại ${b.grade} phải ghi là '${label}'`);
  }
  ensure(
    bands.every((b, i) => i === 0 || b.minScore < bands[i - 1].minScore),
    'bands-not-descending',
    'Mỗi mức xếp loại phải bắt đầu thấp hơn mức trên nó',
  );
  ensure(bands[0].minScore <= range.max, 'band-unreachable', `Mức cao nhất bắt đầu trên tổng điểm tối đa ${range.max}`);
  ensure(
    bands[bands.length - 1].minScore <= range.min,
    'bands-do-not-cover-scale',
    `Mức thấp nhất phải bắt đầu từ tổng điểm tối thiểu ${range.min} trở xuống`,
  );
}

export function assertValidCriteriaContent(content: Pick<CriteriaSetContentData, 'criteria' | 'bands'>): void {
  ensure(content.criteria.length > 0, 'criteria-required', 'Bộ tiêu chí cần ít nhất một tiêu chí');
  ensure(content.bands.length > 0, 'bands-required', 'Bộ tiêu chí cần các mức xếp loại');
  assertValidCriteria(content.criteria);
  assertValidBands(content.bands, totalRange(content.criteria));
}
