import type { CriteriaSetPublishedData, DomainEvent } from '@cem/contracts';
import { COUNCILS_EVENTS as E } from '@cem/contracts';
import { ESTABLISHED, HA_NAM, HA_NAM_PATH } from '../councils/council.fixtures';
import { criteriaV1 } from '../criteria/criteria-set.fixtures';
import { weightedTotal } from '../scoring/score-sheet';
import type { DossierReceivedFacts } from './dossier-received';
import type { EvaluationCaseEvent } from './evaluation-case.state';

/** Test data: a company in Duy Tiên district nominated an initiative, received by the province. */

export const RECEIVED: DossierReceivedFacts = {
  dossierId: 'hs-001',
  level: 'province',
  receivingAgencyUnitId: 'vn-ha-nam-so-khcn',
  jurisdictionUnitId: HA_NAM,
  jurisdictionUnitPath: HA_NAM_PATH,
  receivedAt: '2019-04-10T09:00:00Z',
  dossier: {
    dossierId: 'hs-001',
    campaignId: 'dkst',
    year: 2019,
    fieldCode: 'khcn',
    type: 'sang-kien',
    title: 'Cải tiến dây chuyền sấy nông sản tiết kiệm năng lượng',
    summary: 'Giảm 30% điện năng tiêu thụ',
    applicantKind: 'individual',
    authors: [{ name: 'Nguyễn Thị Lan', personId: 'p-lan' }, { name: 'Bùi Văn Nam' }],
    owners: [{ name: 'Công ty TNHH Nông sản Duy Tiên' }],
    nominatingUnitId: 'vn-ha-nam-duy-tien-cty-ns',
    nominatingUnitPath: ['vn', HA_NAM, 'vn-ha-nam-duy-tien', 'vn-ha-nam-duy-tien-cty-ns'],
  },
};

export const CASE_ID = 'hs-001@province';

export const caseOpened: EvaluationCaseEvent = {
  type: E.EvaluationCaseOpened,
  data: {
    caseId: CASE_ID,
    dossierId: 'hs-001',
    councilId: ESTABLISHED.councilId,
    level: 'province',
    jurisdictionUnitId: HA_NAM,
    jurisdictionUnitPath: HA_NAM_PATH,
    fieldCode: 'khcn',
    campaignId: 'dkst',
    year: 2019,
    dossier: RECEIVED.dossier,
    receivedAt: RECEIVED.receivedAt,
  },
};

export const assigned = (memberIds: string[], assignedAt = '2019-04-15T08:00:00Z'): EvaluationCaseEvent => ({
  type: E.MembersAssigned,
  data: {
    caseId: CASE_ID,
    dossierId: 'hs-001',
    councilId: 'hd-ha-nam',
    fieldCode: 'khcn',
    title: RECEIVED.dossier.title,
    memberIds,
    assignedAt,
  },
});

/** Values in criteria order (TM, AD, HQ). */
export const sheet = ([tm, ad, hq]: number[]) => [
  { criterionCode: 'TM', value: tm },
  { criterionCode: 'AD', value: ad },
  { criterionCode: 'HQ', value: hq },
];

export function scored(
  memberId: string,
  values: number[],
  criteria: CriteriaSetPublishedData = criteriaV1,
  submittedAt = '2019-05-02T10:00:00Z',
): EvaluationCaseEvent {
  const scores = sheet(values);
  return {
    type: E.ScoreSubmitted,
    data: {
      caseId: CASE_ID,
      memberId,
      criteriaSetId: criteria.criteriaSetId,
      criteriaVersion: criteria.version,
      scores,
      total: weightedTotal(criteria.criteria, scores),
      submittedAt,
    },
  };
}

export const recused = (memberId: string, reason: string): DomainEvent & EvaluationCaseEvent => ({
  type: E.MemberRecused,
  data: { caseId: CASE_ID, memberId, reason },
});
