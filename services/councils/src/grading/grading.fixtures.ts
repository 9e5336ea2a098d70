import type { CaseFinalisedData, RankingPublishedData } from '@cem/contracts';
import { COUNCILS_EVENTS as E } from '@cem/contracts';
import { CASE_ID, sheet } from '../evaluation/evaluation-case.fixtures';
import type { EvaluationCaseEvent } from '../evaluation/evaluation-case.state';

/**
 * The outcome of hs-001 scored by three members under criteria v1 (weights 0.4/0.3/0.3):
 *   m-chair [9,8,7] → 8.1, m-khcn [8,7,8] → 7.7, m-lhh [9,9,8] → 8.7; mean 24.5/3 = 8.1666… → 8.17 (Tốt).
 *   Criterion means: TM (9+8+9)/3 = 8.67, AD (8+7+9)/3 = 8, HQ (7+8+8)/3 = 7.67; TM weighs most.
 */
export const FINALISED: CaseFinalisedData = {
  caseId: CASE_ID,
  dossierId: 'hs-001',
  councilId: 'hd-ha-nam',
  level: 'province',
  campaignId: 'dkst',
  year: 2019,
  fieldCode: 'khcn',
  receivedAt: '2019-04-10T09:00:00Z',
  aggregateScore: 8.17,
  grade: 'tot',
  gradeLabel: 'Tốt',
  accepted: true,
  meetingDate: '2019-05-20',
  minutesRef: 'BB-03/2019/HĐTĐST',
  scorerCount: 3,
  method: 'weighted-mean',
  criteriaSetId: 'dkst-2019-khcn',
  criteriaVersion: 1,
  criterionMeans: [
    { criterionCode: 'TM', mean: 8.67 },
    { criterionCode: 'AD', mean: 8 },
    { criterionCode: 'HQ', mean: 7.67 },
  ],
  topCriterionScore: 8.67,
  scores: [
    { memberId: 'm-chair', total: 8.1, scores: sheet([9, 8, 7]) },
    { memberId: 'm-khcn', total: 7.7, scores: sheet([8, 7, 8]) },
    { memberId: 'm-lhh', total: 8.7, scores: sheet([9, 9, 8]) },
  ],
  assignedMemberIds: ['m-chair', 'm-khcn', 'm-lhh', 'm-expert'],
  recusedMemberIds: ['m-expert'],
};

export const caseFinalised = (overrides: Partial<CaseFinalisedData> = {}): EvaluationCaseEvent => ({
  type: E.CaseFinalised,
  data: { ...FINALISED, ...overrides },
});

export const RANKING: RankingPublishedData = {
  councilId: 'hd-ha-nam',
  campaignId: 'dkst',
  year: 2019,
  fieldCode: 'khcn',
  level: 'province',
  tieBreak: ['higher-top-criterion', 'earlier-receipt', 'dossier-id'],
  revision: 1,
  publishedAt: '2019-05-25T08:00:00Z',
  entries: [
    { rank: 1, caseId: 'hs-007@province', dossierId: 'hs-007', score: 9.2, grade: 'xuat-sac' },
    { rank: 2, caseId: CASE_ID, dossierId: 'hs-001', score: 8.17, grade: 'tot' },
  ],
};
