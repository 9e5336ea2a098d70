import type { Actor, CriteriaSetPublishedData, CriterionScore } from '@cem/contracts';
import { COUNCILS_EVENTS as E, ForbiddenError } from '@cem/contracts';
import { seatOn } from '../councils/composition';
import type { CouncilState } from '../councils/council.state';
import { ensure } from '../councils/domain-rule';
import { requireCaseCouncil, requireOpenCase } from '../evaluation/case-guards';
import { EvaluationCase, EvaluationCaseEvent, EvaluationCaseState, isRecused } from '../evaluation/evaluation-case.state';
import { assertValidScoreSheet, weightedTotal } from './score-sheet';

interface ScoreCommandBase {
  actor: Actor;
  caseId: string;
  memberId: string;
  /** The version the member scored against (the form they filled in). */
  criteriaVersion: number;
  scores: CriterionScore[];
  submittedAt: string;
  /** Loaded by the adapter: the criteria version currently published for the case's edition and field. */
  criteria: CriteriaSetPublishedData;
  council: CouncilState;
}

export interface SubmitScore extends ScoreCommandBase {
  type: 'SubmitScore';
}

export interface ReviseScore extends ScoreCommandBase {
  type: 'ReviseScore';
  reason: string;
}

/** The rules every score must satisfy, first or revised; returns the case and the weighted total. */
function checkScore(command: ScoreCommandBase, state: EvaluationCaseState): { c: EvaluationCase; total: number } {
  const c = requireOpenCase(state, command.caseId);
  const council = requireCaseCouncil(c, command.council);
  const { memberId, criteria } = command;
  if (command.actor.id !== memberId) throw new ForbiddenError('Thành viên chỉ nộp phiếu chấm của chính mình');
  ensure(c.assigned.includes(memberId), 'not-assigned', `${memberId} chưa được phân công chấm hồ sơ ${c.caseId}`);
  ensure(!isRecused(c, memberId), 'member-recused', `${memberId} không tham gia thẩm định hồ sơ ${c.caseId} (xung đột lợi ích)`);
  ensure(
    seatOn(council, memberId, command.submittedAt),
    'not-on-council-on-date',
    `${memberId} không là thành viên Hội đồng vào ngày ${command.submittedAt.slice(0, 10)}`,
  );
  ensure(
    criteria.campaignId === c.campaignId && criteria.year === c.year && criteria.fieldCode === c.fieldCode,
    'criteria-for-other-edition',
    `Bộ tiêu chí ${criteria.criteriaSetId} không dành cho đợt và lĩnh vực của hồ sơ này`,
  );
  ensure(
    command.criteriaVersion === criteria.version,
    'criteria-version-superseded',
    `Bộ tiêu chí phiên bản ${command.criteriaVersion} đã được thay bằng phiên bản ${criteria.version}`,
  );
  assertValidScoreSheet(criteria.criteria, command.scores);
  return { c, total: weightedTotal(criteria.criteria, command.scores) };
}

const scoreData = (command: ScoreCommandBase, total: number) => ({
  caseId: command.caseId,
  memberId: command.memberId,
  criteriaSetId: command.criteria.criteriaSetId,
  criteriaVersion: command.criteriaVersion,
  scores: command.scores,
  total,
  submittedAt: command.submittedAt,
});

export function submitScore(command: SubmitScore, state: EvaluationCaseState): EvaluationCaseEvent[] {
  const { c, total } = checkScore(command, state);
  ensure(!c.scoreHistory[command.memberId], 'already-scored', 'Phiếu đã chấm chỉ được điều chỉnh (nêu lý do)');
  return [{ type: E.ScoreSubmitted, data: scoreData(command, total) }];
}

export function reviseScore(command: ReviseScore, state: EvaluationCaseState): EvaluationCaseEvent[] {
  const { c, total } = checkScore(command, state);
  const history = c.scoreHistory[command.memberId];
  ensure(history, 'no-score-to-revise', `${command.memberId} chưa chấm hồ sơ ${c.caseId}`);
  ensure(command.reason?.trim(), 'revision-reason-required', 'Điều chỉnh điểm cần nêu lý do');
  return [
    {
      type: E.ScoreRevised,
      data: {
        ...scoreData(command, total),
        reason: command.reason,
        previousTotal: history[history.length - 1].total,
        revision: history.length,
      },
    },
  ];
}
