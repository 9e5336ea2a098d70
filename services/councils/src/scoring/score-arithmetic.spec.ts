import type { CriterionDefinition } from '@cem/contracts';
import { aggregate } from '../grading/aggregation';
import { exact, roundHalfUp } from './score-arithmetic';
import { exactWeightedTotal, weightedTotal } from './score-sheet';

/** The Hà Nam criteria: Tính mới 0.4, Khả năng ứng dụng 0.35, Hiệu quả 0.25, each scored 0..10. */
const CRITERIA: CriterionDefinition[] = [
  { code: 'tinh-moi', name: 'Tính mới, tính sáng tạo', weight: 0.4, scaleMin: 0, scaleMax: 10 },
  { code: 'ung-dung', name: 'Khả năng ứng dụng', weight: 0.35, scaleMin: 0, scaleMax: 10 },
  { code: 'hieu-qua', name: 'Hiệu quả kinh tế - xã hội', weight: 0.25, scaleMin: 0, scaleMax: 10 },
];
const sheet = ([a, b, c]: number[]) => [
  { criterionCode: 'tinh-moi', value: a },
  { criterionCode: 'ung-dung', value: b },
  { criterionCode: 'hieu-qua', value: c },
];

describe('exact decimal score arithmetic, rounded half up to 2 decimals', () => {
  it.each([
    ['6.075', 6.08],
    ['9.075', 9.08],
    ['8.125', 8.13],
    ['8.3042857', 8.3],
    ['1.005', 1.01],
    ['8.114999', 8.11],
  ])('%s → %s', (value, rounded) => {
    expect(roundHalfUp(exact(value))).toBe(rounded);
  });

  it('a member total of 6.5, 6, 5.5 is exactly 6.075 and is shown as 6.08 (binary floating point gave 6.07)', () => {
    expect(0.4 * 6.5 + 0.35 * 6 + 0.25 * 5.5).toBeLessThan(6.075); // the artefact the platform no longer has
    expect(exactWeightedTotal(CRITERIA, sheet([6.5, 6, 5.5])).toString()).toBe('6.075');
    expect(weightedTotal(CRITERIA, sheet([6.5, 6, 5.5]))).toBe(6.08);
  });

  it('a member total of 9.5, 9, 8.5 is exactly 9.075 and is shown as 9.08', () => {
    expect(weightedTotal(CRITERIA, sheet([9.5, 9, 8.5]))).toBe(9.08);
  });

  it('the case score averages the UNROUNDED member totals: seven totals averaging 8.3042857… give 8.30, not 8.31', () => {
    const totals = [
      [7.5, 9, 8.5], // 8.275
      [8, 8.5, 8.5], // 8.3
      [8, 8.5, 8.5],
      [8, 8.5, 8.5],
      [8, 8.5, 8.5],
      [8.5, 8, 8.5], // 8.325
      [9, 8.5, 7], // 8.325
    ].map((values) => exactWeightedTotal(CRITERIA, sheet(values)));
    expect(totals.map((t) => t.toString())).toEqual(['8.275', '8.3', '8.3', '8.3', '8.3', '8.325', '8.325']);
    expect(aggregate('weighted-mean', totals)).toBe(8.3);
    // Averaging the rounded totals (8.28, 8.3 × 4, 8.33, 8.33) would have given 8.31.
    const roundedFirst = totals.map((t) => roundHalfUp(t));
    expect(aggregate('weighted-mean', roundedFirst)).toBe(8.31);
  });

  it('median and trimmed mean are exact too: median of 8.275, 8.325 is 8.3; trimmed mean of x.xx5 totals rounds once', () => {
    expect(aggregate('median', [exact('8.275'), exact('8.325')])).toBe(8.3);
    // (6.075 + 6.075 + 9.075) / 3 = 7.075 → 7.08
    expect(aggregate('trimmed-mean', [exact('1'), exact('6.075'), exact('6.075'), exact('9.075'), exact('10')], 1)).toBe(7.08);
  });

  it('weights are summed exactly: 0.1 × 10 makes exactly 1', () => {
    const tenths = Array.from({ length: 10 }, () => exact(0.1));
    expect(tenths.reduce((s, v) => s.plus(v)).equals(1)).toBe(true);
  });
});
