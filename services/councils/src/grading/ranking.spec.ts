import { DomainRuleViolation } from '@cem/contracts';
import { RankableCase, rankCases } from './ranking';

const c = (dossierId: string, aggregateScore: number, topCriterionScore: number, receivedAt: string): RankableCase => ({
  caseId: `${dossierId}@province`,
  dossierId,
  aggregateScore,
  grade: aggregateScore >= 9 ? 'xuat-sac' : 'tot',
  topCriterionScore,
  receivedAt,
});

// Four cases tie at 8.5; they differ only in the tie-break keys.
const X = c('hs-x', 9.1, 9.5, '2019-04-01T00:00:00Z');
const A = c('hs-a', 8.5, 9.0, '2019-03-01T00:00:00Z');
const B = c('hs-b', 8.5, 9.0, '2019-02-15T00:00:00Z');
const C = c('hs-c', 8.5, 9.0, '2019-02-15T00:00:00Z');
const D = c('hs-d', 8.5, 8.5, '2019-01-01T00:00:00Z');
const CASES = [A, D, C, X, B];
const order = (entries: { dossierId: string }[]) => entries.map((e) => e.dossierId);

describe('rankCases', () => {
  const RULE = ['higher-top-criterion', 'earlier-receipt', 'dossier-id'];

  it('takes the steps as an ordered array: the order of the steps changes the ranking', () => {
    // Receipt first: D (1 Jan) beats B, C (15 Feb) and A (1 Mar) whatever its top criterion.
    expect(order(rankCases(CASES, ['earlier-receipt', 'higher-top-criterion', 'dossier-id']))).toEqual([
      'hs-x',
      'hs-d',
      'hs-b',
      'hs-c',
      'hs-a',
    ]);
    expect(order(rankCases(CASES, ['dossier-id']))).toEqual(['hs-x', 'hs-a', 'hs-b', 'hs-c', 'hs-d']);
  });

  it("still reads the '-then-' string recorded by older events", () => {
    expect(order(rankCases(CASES, 'higher-top-criterion-then-earlier-receipt-then-dossier-id'))).toEqual([
      'hs-x',
      'hs-b',
      'hs-c',
      'hs-a',
      'hs-d',
    ]);
  });

  it('orders by score, then the stated tie-break rule, with ranks 1..n', () => {
    // X is highest. Among the 8.5s, D loses on the top criterion (8.5 < 9.0); A, B, C tie on it;
    // A was received later than B and C; B and C arrived together, so dossier id decides (hs-b < hs-c).
    const ranking = rankCases(CASES, RULE);
    expect(order(ranking)).toEqual(['hs-x', 'hs-b', 'hs-c', 'hs-a', 'hs-d']);
    expect(ranking.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(ranking[0]).toEqual({ rank: 1, caseId: 'hs-x@province', dossierId: 'hs-x', score: 9.1, grade: 'xuat-sac' });
  });

  it('a different stated rule gives a different, equally deterministic order', () => {
    expect(order(rankCases(CASES, 'earlier-receipt-then-dossier-id'))).toEqual(['hs-x', 'hs-d', 'hs-b', 'hs-c', 'hs-a']);
    expect(order(rankCases(CASES, 'dossier-id'))).toEqual(['hs-x', 'hs-a', 'hs-b', 'hs-c', 'hs-d']);
  });

  it('does not depend on the order the cases were loaded in', () => {
    expect(rankCases([...CASES].reverse(), RULE)).toEqual(rankCases(CASES, RULE));
  });

  it('refuses a rule that is not total', () => {
    expect(() => rankCases(CASES, 'earlier-receipt')).toThrow(DomainRuleViolation);
  });
});
