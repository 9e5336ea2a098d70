import { CaseFinalisedData, COUNCILS_CONTRACTS, COUNCILS_EVENTS as E, DomainEvent, EventContractRegistry } from '@cem/contracts';
import { evolveAll } from '@cem/decider';
import { criteriaV1, criteriaV2 } from '../criteria/criteria-set.fixtures';
import { evaluationCaseDecider } from '../evaluation/evaluation-case.decider';
import type { EvaluationCaseEvent } from '../evaluation/evaluation-case.state';
import { assigned, CASE_ID, RECEIVED, scored, sheet } from '../evaluation/evaluation-case.fixtures';
import { RANKING } from '../grading/grading.fixtures';
import { rankingDecider } from '../grading/ranking.decider';
import { chair, councilAfter, councilEstablished, khcnReplacedInJune, memberActor, secretary } from './council.fixtures';

/** What the deciders actually emit must pass the published contracts, or consumers would dead-letter it. */
describe('emitted events conform to the councils contracts', () => {
  const registry = new EventContractRegistry(COUNCILS_CONTRACTS);
  const council = councilAfter();
  const run = (events: DomainEvent[], command: Parameters<typeof evaluationCaseDecider.decide>[0]) => {
    const emitted = evaluationCaseDecider.decide(command, evolveAll(evaluationCaseDecider, events as EvaluationCaseEvent[]));
    return [...events, ...emitted];
  };

  it('a whole case, from opening to honour proposal', () => {
    let events: DomainEvent[] = run([], { type: 'OpenEvaluationCase', received: RECEIVED, council });
    events = run(events, {
      type: 'AssignMembers',
      actor: secretary,
      caseId: CASE_ID,
      memberIds: ['m-chair', 'm-khcn', 'm-lhh', 'm-expert'],
      assignedAt: '2019-04-15',
      council,
    });
    events = [...events, scored('m-chair', [9, 8, 7]), scored('m-khcn', [8, 7, 8])];
    events = run(events, {
      type: 'SubmitScore',
      actor: memberActor('m-lhh'),
      caseId: CASE_ID,
      memberId: 'm-lhh',
      criteriaVersion: 1,
      scores: sheet([9, 9, 8]),
      submittedAt: '2019-05-02T10:00:00Z',
      criteria: criteriaV1,
      council,
    });
    events = run(events, {
      type: 'ReviseScore',
      actor: memberActor('m-lhh'),
      caseId: CASE_ID,
      memberId: 'm-lhh',
      criteriaVersion: 1,
      scores: sheet([9, 9, 9]),
      submittedAt: '2019-05-03T10:00:00Z',
      criteria: criteriaV1,
      council,
      reason: 'Xem lại minh chứng',
    });
    events = run(events, {
      type: 'DeclareConflict',
      actor: memberActor('m-khcn'),
      caseId: CASE_ID,
      memberId: 'm-khcn',
      reason: 'Đồng tác giả báo cáo khoa học',
      declaredAt: '2019-05-04',
    });
    events = [...events, assigned(['m-tdkt']), scored('m-tdkt', [8, 8, 8])];
    events = run(events, {
      type: 'FinaliseCase',
      actor: chair,
      caseId: CASE_ID,
      meetingDate: '2019-05-20',
      minutesRef: 'BB-03',
      council,
      criteria: criteriaV1,
    });
    const finalised = events[events.length - 1].data as CaseFinalisedData;
    const [ranking] = rankingDecider.decide(
      {
        type: 'PublishRanking',
        actor: chair,
        council,
        campaignId: 'dkst',
        year: 2019,
        fieldCode: 'khcn',
        cases: [finalised],
        publishedAt: '2019-05-25',
      },
      {},
    );
    events = [...events, ranking];
    events = run(events, { type: 'RecommendUpward', actor: chair, caseId: CASE_ID, council, ranking: ranking.data, decisionRef: 'TTr-15' });
    events = run(events, {
      type: 'ProposeHonour',
      actor: chair,
      caseId: CASE_ID,
      council,
      ranking: ranking.data,
      proposedAward: 'Người Hà Nam đoàn kết sáng tạo',
    });

    expect(new Set(events.map((e) => e.type))).toEqual(
      new Set([
        E.EvaluationCaseOpened,
        E.MembersAssigned,
        E.ConflictDetected,
        E.ConflictDeclared,
        E.MemberRecused,
        E.ScoreSubmitted,
        E.ScoreRevised,
        E.CaseFinalised,
        E.RankingPublished,
        E.DossierRecommendedUpward,
        E.HonourProposed,
      ]),
    );
    for (const e of events) expect([e.type, registry.check(e.type, 1, e.data)]).toEqual([e.type, { ok: true }]);
  });

  it('council and criteria events', () => {
    const events: DomainEvent[] = [
      councilEstablished(),
      khcnReplacedInJune,
      { type: E.CriteriaSetPublished, data: criteriaV1 },
      { type: E.CriteriaSetPublished, data: criteriaV2 },
      { type: E.RankingPublished, data: RANKING },
    ];
    for (const e of events) expect([e.type, registry.check(e.type, 1, e.data)]).toEqual([e.type, { ok: true }]);
  });
});
