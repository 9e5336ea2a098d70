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
  if (command.actor.id !== memberId) throw new ForbiddenError('members submit only their own scores');
  ensure(c.assigned.includes(memberId), 'not-assigned', `${memberId} is not assigned to case ${c.caseId}`);
  ensure(!isRecused(c, memberId), 'member-recused', `${memberId} is recused from case ${c.caseId}`);
  ensure(
    seatOn(council, memberId, command.submittedAt),
    'not-on-council-on-date',
    `${memberId} does not sit on the council on ${command.submittedAt.slice(0, 10)}`,
  );
  ensure(
    criteria.campaignId === c.campaignId && criteria.year === c.year && criteria.fieldCode === c.fieldCode,
    'criteria-for-other-edition',
    `criteria set ${criteria.criteriaSetId} is not for this case's campaign edition and field`,
  );
  ensure(
    command.criteriaVersion === criteria.version,
    'criteria-version-superseded',
    `criteria version ${command.criteriaVersion} is superseded by version ${criteria.version}`,
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
  ensure(!c.scoreHistory[command.memberId], 'already-scored', 'a score is changed by revising it, with a reason');
  return [{ type: E.ScoreSubmitted, data: scoreData(command, total) }];
}

export function reviseScore(command: ReviseScore, state: EvaluationCaseState): EvaluationCaseEvent[] {
  const { c, total } = checkScore(command, state);
  const history = c.scoreHistory[command.memberId];
  ensure(history, 'no-score-to-revise', `${command.memberId} has not scored case ${c.caseId}`);
  ensure(command.reason?.trim(), 'revision-reason-required', 'a revised score needs a reason');
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
