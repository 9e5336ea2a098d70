import { DomainRuleViolation } from '@cem/contracts';
import { aggregate, median, trimmedMean, weightedMean } from './aggregation';

// Five members' weighted totals; sorted: 6.2, 7.4, 8.1, 8.5, 9.0 (sum 39.2).
const TOTALS = [8.1, 7.4, 9.0, 6.2, 8.5];

describe('aggregation of members weighted totals', () => {
  it('weighted mean: 39.2 / 5 = 7.84', () => {
    expect(aggregate('weighted-mean', TOTALS)).toBe(7.84);
  });

  it('median: the middle of 6.2, 7.4, 8.1, 8.5, 9.0 is 8.1', () => {
    expect(aggregate('median', TOTALS)).toBe(8.1);
  });

  it('median of an even count: (7 + 8) / 2 = 7.5', () => {
    expect(median([9, 7, 6, 8])).toBe(7.5);
  });

  it('trimmed mean dropping 1 at each end: (7.4 + 8.1 + 8.5) / 3 = 8.0', () => {
    expect(aggregate('trimmed-mean', TOTALS, 1)).toBe(8);
  });

  it('trimmed mean damps one outlier: 2, 8, 8.5, 9 → (8 + 8.5) / 2 = 8.25 while the mean is 6.88', () => {
    expect(aggregate('trimmed-mean', [2, 8, 8.5, 9], 1)).toBe(8.25);
    expect(aggregate('weighted-mean', [2, 8, 8.5, 9])).toBe(6.88);
  });

  it('rounds half up at 2 decimals without binary artefacts: mean(8.12, 8.13) = 8.125 → 8.13', () => {
    expect(weightedMean([8.12, 8.13])).toBeCloseTo(8.125, 10);
    expect(aggregate('weighted-mean', [8.12, 8.13])).toBe(8.13);
  });

  it('refuses to trim away every score', () => {
    expect(() => trimmedMean([7, 8], 1)).toThrow(DomainRuleViolation);
  });
});
