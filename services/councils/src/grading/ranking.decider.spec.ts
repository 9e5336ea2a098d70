import { COUNCILS_EVENTS as E, DomainRuleViolation, ForbiddenError } from '@cem/contracts';
import { deciderSpec } from '@cem/decider/testing';
import { chair, councilAfter, memberActor } from '../councils/council.fixtures';
import { FINALISED } from './grading.fixtures';
import { rankingDecider, RankingEvent } from './ranking.decider';

const spec = deciderSpec(rankingDecider);
const council = councilAfter();
const hs7 = { ...FINALISED, caseId: 'hs-007@province', dossierId: 'hs-007', aggregateScore: 9.2, grade: 'xuat-sac' as const };
// Same score as hs-001 and same top criterion, received earlier: wins the tie.
const hs3 = { ...FINALISED, caseId: 'hs-003@province', dossierId: 'hs-003', receivedAt: '2019-04-01T00:00:00Z' };
const publish = (cases = [FINALISED, hs7, hs3], overrides = {}) => ({
  type: 'PublishRanking' as const,
  actor: chair,
  council,
  campaignId: 'dkst',
  year: 2019,
  fieldCode: 'khcn',
  cases,
  publishedAt: '2019-05-25T08:00:00Z',
  ...overrides,
});
const published = (revision: number): RankingEvent => ({
  type: E.RankingPublished,
  data: {
    councilId: 'hd-ha-nam',
    campaignId: 'dkst',
    year: 2019,
    fieldCode: 'khcn',
    level: 'province',
    tieBreak: ['higher-top-criterion', 'earlier-receipt', 'dossier-id'],
    revision,
    publishedAt: '2019-05-25T08:00:00Z',
    entries: [
      { rank: 1, caseId: 'hs-007@province', dossierId: 'hs-007', score: 9.2, grade: 'xuat-sac' },
      { rank: 2, caseId: 'hs-003@province', dossierId: 'hs-003', score: 8.17, grade: 'tot' },
      { rank: 3, caseId: 'hs-001@province', dossierId: 'hs-001', score: 8.17, grade: 'tot' },
    ],
  },
});

describe('publishing a ranking', () => {
  it("ranks the field's finalised cases under the council's tie-break rule", () => {
    spec
      .given([])
      .when(publish())
      .then([published(1)]);
  });

  it('a later publication is the next revision', () => {
    spec
      .given([published(1)])
      .when(publish())
      .then([published(2)]);
  });

  it('refuses cases of another field or edition, and duplicates', () => {
    spec
      .given([])
      .when(publish([FINALISED, { ...hs7, fieldCode: 'van-hoa' }]))
      .thenThrows(DomainRuleViolation, /hs-007@province/);
    spec
      .given([])
      .when(publish([FINALISED, FINALISED]))
      .thenThrows(DomainRuleViolation, /Một hồ sơ được nêu hai lần/);
    spec
      .given([])
      .when(publish([]))
      .thenThrows(DomainRuleViolation, /Chưa có hồ sơ nào chốt kết quả để xếp hạng/);
  });

  it('is published by the chair or secretary', () => {
    spec
      .given([])
      .when(publish(undefined, { actor: memberActor('m-lhh') }))
      .thenThrows(ForbiddenError);
  });
});
