import { DomainRuleViolation, ForbiddenError } from '@cem/contracts';
import { deciderSpec } from '@cem/decider/testing';
import { chair, councilAfter, councilEstablished, memberActor, REGULATIONS } from '../councils/council.fixtures';
import { criteriaV1, criteriaV2 } from '../criteria/criteria-set.fixtures';
import { evaluationCaseDecider } from '../evaluation/evaluation-case.decider';
import { assigned, CASE_ID, caseOpened, recused, scored } from '../evaluation/evaluation-case.fixtures';
import { caseFinalised, FINALISED } from './grading.fixtures';

const spec = deciderSpec(evaluationCaseDecider);
const council = councilAfter();
const finalise = (overrides = {}) => ({
  type: 'FinaliseCase' as const,
  actor: chair,
  caseId: CASE_ID,
  meetingDate: '2019-05-20',
  minutesRef: 'BB-03/2019/HĐTĐST',
  council,
  criteria: criteriaV1,
  ...overrides,
});

const opened = [caseOpened, assigned(['m-chair', 'm-khcn', 'm-lhh', 'm-expert']), recused('m-expert', 'là tác giả')];
const threeScores = [...opened, scored('m-chair', [9, 8, 7]), scored('m-khcn', [8, 7, 8]), scored('m-lhh', [9, 9, 8])];

describe('finalising a case (nghiệm thu, xếp loại)', () => {
  it('aggregates the counted scores, grades by band and reveals the scores', () => {
    spec.given(threeScores).when(finalise()).then([caseFinalised()]);
  });

  it('refuses without quorum: 2 valid scores, quorum 3', () => {
    spec
      .given([...opened, scored('m-chair', [9, 8, 7]), scored('m-khcn', [8, 7, 8])])
      .when(finalise())
      .thenThrows(DomainRuleViolation, /2 valid score\(s\), the regulations require 3/);
  });

  it('refuses with the code quorum-not-met', () => {
    let thrown: unknown;
    try {
      evaluationCaseDecider.decide(finalise(), opened.reduce(evaluationCaseDecider.evolve, evaluationCaseDecider.initialState()));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'quorum-not-met' });
  });

  it('does not count the score of a member recused after scoring', () => {
    const declaredLater = [...threeScores, recused('m-lhh', 'Tự khai báo xung đột lợi ích')];
    spec
      .given(declaredLater)
      .when(finalise())
      .thenThrows(DomainRuleViolation, /quorum|2 valid/);
  });

  it('does not count scores under a superseded criteria version', () => {
    spec
      .given(threeScores)
      .when(finalise({ criteria: criteriaV2 }))
      .thenThrows(DomainRuleViolation, /0 valid score/);
  });

  it('uses the median when the regulations say so: 7.7, 8.1, 8.7 → 8.1', () => {
    const medianCouncil = councilAfter([councilEstablished({ regulations: { ...REGULATIONS, aggregation: 'median' } })]);
    spec
      .given(threeScores)
      .when(finalise({ council: medianCouncil }))
      .thenMatches(([e]) => expect(e.data).toMatchObject({ aggregateScore: 8.1, grade: 'tot', method: 'median' }));
  });

  it('uses the trimmed mean: 4 scores 6.0, 7.7, 8.1, 8.7 drop 1 each end → (7.7 + 8.1) / 2 = 7.9 (Khá)', () => {
    const trimmed = councilAfter([councilEstablished({ regulations: { ...REGULATIONS, aggregation: 'trimmed-mean', trimCount: 1 } })]);
    const four = [...threeScores, assigned(['m-tdkt']), scored('m-tdkt', [6, 6, 6])];
    spec
      .given(four)
      .when(finalise({ council: trimmed }))
      .thenMatches(([e]) =>
        expect(e.data).toMatchObject({
          aggregateScore: 7.9,
          grade: 'kha',
          gradeLabel: 'Khá',
          accepted: true,
          method: 'trimmed-mean',
          trimCount: 1,
          scorerCount: 4,
        }),
      );
  });

  it('grades below every passing band as Không đạt: totals 4, 4.1, 5 → 13.1 / 3 = 4.37 (not accepted)', () => {
    const low = [...opened, scored('m-chair', [4, 4, 4]), scored('m-khcn', [5, 4, 3]), scored('m-lhh', [5, 5, 5])];
    spec
      .given(low)
      .when(finalise())
      .thenMatches(([e]) => expect(e.data).toMatchObject({ aggregateScore: 4.37, grade: 'khong-dat', accepted: false }));
  });

  it('is done by the chair or secretary, citing the minutes, once', () => {
    spec
      .given(threeScores)
      .when(finalise({ actor: memberActor('m-lhh') }))
      .thenThrows(ForbiddenError);
    spec
      .given(threeScores)
      .when(finalise({ minutesRef: '' }))
      .thenThrows(DomainRuleViolation, /Chốt kết quả phải dẫn biên bản họp Hội đồng/);
    spec
      .given([...threeScores, caseFinalised()])
      .when(finalise())
      .thenThrows(DomainRuleViolation, /Hồ sơ thẩm định hs-001@province đã chốt kết quả/);
  });

  it('closes scoring once finalised', () => {
    const lateScore = {
      type: 'SubmitScore' as const,
      actor: memberActor('m-tdkt'),
      caseId: CASE_ID,
      memberId: 'm-tdkt',
      criteriaVersion: 1,
      scores: FINALISED.scores[0].scores,
      submittedAt: '2019-05-21',
      criteria: criteriaV1,
      council,
    };
    spec
      .given([...threeScores, caseFinalised()])
      .when(lateScore)
      .thenThrows(DomainRuleViolation, /Hồ sơ thẩm định hs-001@province đã chốt kết quả/);
  });
});
