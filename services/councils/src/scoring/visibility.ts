import { currentScores, EvaluationCaseState, ScoreRecord } from '../evaluation/evaluation-case.state';

/**
 * Members score independently: until a member has a counted score of their own, they see no one's.
 * After finalisation the counted scores are the council's record and visible to every member.
 */
export function visibleScores(state: EvaluationCaseState, memberId: string): ScoreRecord[] {
  if (state.status === 'none') return [];
  const counted = currentScores(state);
  if (state.status === 'finalised') return counted;
  return counted.some((s) => s.memberId === memberId) ? counted : [];
}
