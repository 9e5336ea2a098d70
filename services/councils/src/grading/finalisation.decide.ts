import type { Actor, CaseFinalisedData, CriteriaSetPublishedData, CriterionDefinition } from '@cem/contracts';
import { COUNCILS_EVENTS as E } from '@cem/contracts';
import { councilPolicy } from '../councils/council.policy';
import { CouncilState, regulationsOn } from '../councils/council.state';
import { ensure } from '../councils/domain-rule';
import { requireCaseCouncil, requireOpenCase } from '../evaluation/case-guards';
import { currentScores, EvaluationCaseEvent, EvaluationCaseState, ScoreRecord } from '../evaluation/evaluation-case.state';
import { roundHalfUp } from '../scoring/score-arithmetic';
import { exactWeightedTotal } from '../scoring/score-sheet';
import { aggregate, exactMean } from './aggregation';
import { gradeFor } from './grading-bands';

export interface FinaliseCase {
  type: 'FinaliseCase';
  actor: Actor;
  caseId: string;
  meetingDate: string;
  /** Biên bản họp Hội đồng. */
  minutesRef: string;
  council: CouncilState;
  criteria: CriteriaSetPublishedData;
}

function criterionMeans(criteria: readonly CriterionDefinition[], scores: readonly ScoreRecord[]) {
  return criteria.map((c) => ({
    criterionCode: c.code,
    // Rounding point 3: each criterion's mean across members, from the values as given.
    mean: roundHalfUp(exactMean(scores.map((s) => s.scores.find((x) => x.criterionCode === c.code)?.value ?? 0))),
  }));
}

/** The heaviest criterion; on equal weights the one listed first (the order the criteria set states). */
const topCriterion = (criteria: readonly CriterionDefinition[]) =>
  criteria.reduce((top, c) => (c.weight > top.weight ? c : top), criteria[0]);

export function finaliseCase(command: FinaliseCase, state: EvaluationCaseState): EvaluationCaseEvent[] {
  const c = requireOpenCase(state, command.caseId);
  const council = requireCaseCouncil(c, command.council);
  councilPolicy.assert('finalise', command.actor, council);
  ensure(command.minutesRef?.trim(), 'minutes-required', 'Chốt kết quả phải dẫn biên bản họp Hội đồng');
  const { criteria } = command;
  // Only scores under the criteria version in force count; earlier ones must be redone (revised).
  const counted = currentScores(c).filter((s) => s.criteriaSetId === criteria.criteriaSetId && s.criteriaVersion === criteria.version);
  const regulations = regulationsOn(council, command.meetingDate);
  ensure(
    counted.length >= regulations.quorum,
    'quorum-not-met',
    `${counted.length} valid score(s), the regulations require ${regulations.quorum}`,
    { scorerCount: counted.length, quorum: regulations.quorum },
  );
  // Rounding point 2: the members' weighted totals are recomputed exactly from their criterion scores (never
  // from the rounded totals shown to them), aggregated, and rounded once.
  const exactTotals = counted.map((s) => exactWeightedTotal(criteria.criteria, s.scores));
  const aggregateScore = aggregate(regulations.aggregation, exactTotals, regulations.trimCount);
  const means = criterionMeans(criteria.criteria, counted);
  const top = topCriterion(criteria.criteria);
  const data: CaseFinalisedData = {
    caseId: c.caseId,
    dossierId: c.dossierId,
    councilId: c.councilId,
    level: c.level,
    campaignId: c.campaignId,
    year: c.year,
    fieldCode: c.fieldCode,
    receivedAt: c.receivedAt,
    aggregateScore,
    ...gradeFor(criteria.bands, aggregateScore),
    meetingDate: command.meetingDate,
    minutesRef: command.minutesRef,
    scorerCount: counted.length,
    method: regulations.aggregation,
    ...(regulations.trimCount !== undefined ? { trimCount: regulations.trimCount } : {}),
    criteriaSetId: criteria.criteriaSetId,
    criteriaVersion: criteria.version,
    criterionMeans: means,
    topCriterionScore: means.find((m) => m.criterionCode === top.code)!.mean,
    scores: counted.map(({ memberId, total, scores }) => ({ memberId, total, scores })),
    assignedMemberIds: c.assigned,
    recusedMemberIds: c.recusals.map((r) => r.memberId),
  };
  return [{ type: E.CaseFinalised, data }];
}
