import type { CaseFinalisedData, CouncilRankingEntry, TieBreakRule, TieBreakStep } from '@cem/contracts';
import { ensure } from '../councils/domain-rule';
import { parseTieBreak } from './tie-break';

/** What a ranking row shows of the dossier, so one call renders the table. */
export type RankedDossier = Pick<CouncilRankingEntry, 'title' | 'fieldCode' | 'nominatingUnitId' | 'nominatingUnitName' | 'authors'>;

export type RankableCase = Pick<
  CaseFinalisedData,
  'caseId' | 'dossierId' | 'aggregateScore' | 'grade' | 'topCriterionScore' | 'receivedAt'
> & { dossier?: RankedDossier };

type Compare = (a: RankableCase, b: RankableCase) => number;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const STEP_ORDER: Record<TieBreakStep, Compare> = {
  'higher-top-criterion': (a, b) => b.topCriterionScore - a.topCriterionScore,
  // ISO timestamps in UTC order correctly as text.
  'earlier-receipt': (a, b) => byText(a.receivedAt, b.receivedAt),
  // Code-point order, not locale order, so every runtime ranks the same way.
  'dossier-id': (a, b) => byText(a.dossierId, b.dossierId),
};

/**
 * Ranks finalised cases of one field, edition and level: higher score first, then the council's stated
 * tie-break rule. The rule ends with 'dossier-id', so ranks are 1..n with no shared rank.
 */
export function rankCases(finalisedCases: readonly RankableCase[], tieBreak: TieBreakRule): CouncilRankingEntry[] {
  const steps = parseTieBreak(tieBreak);
  ensure(typeof steps !== 'string', 'invalid-tie-break', typeof steps === 'string' ? steps : '');
  const compare: Compare = (a, b) => {
    for (const order of [(x: RankableCase, y: RankableCase) => y.aggregateScore - x.aggregateScore, ...steps.map((s) => STEP_ORDER[s])]) {
      const result = order(a, b);
      if (result !== 0) return result;
    }
    return 0;
  };
  return [...finalisedCases].sort(compare).map((c, i) => ({
    rank: i + 1,
    caseId: c.caseId,
    dossierId: c.dossierId,
    score: c.aggregateScore,
    grade: c.grade,
    ...(c.dossier ?? {}),
  }));
}
